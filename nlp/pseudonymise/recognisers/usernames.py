"""User names built from a person's name, as logs and record systems print them: "user=andsve",
"Rapporterad av: lm.hansson (TakeCare)", "inloggad som karin.lind". A system's user name points
at one member of staff or one patient as surely as the name it is made of.

Two kinds: a log's user field with a value of letters ("user=andsve"; "user=elu03" is a code), and a dotted
lowercase login whose parts include a listed name ("mikael.ostberg", "lm.hansson"). Dotted
abbreviations ("t.ex", "p.g.a") and domains ("arvika.se", "www.x.se") are neither."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

# a log's or a form's user field and its value: "user=andsve", "användarnamn: kalu01"
# ("Användare: hej jag har ont": a chat's speaker label, the message follows it)
_USER_FIELD = re.compile(
    r"(?i:\b(?:user|usr|uid|login)[ \t]*=|\b(?:username|användarnamn)[ \t]*[=:]|\binloggad[ \t]+som\b)[ \t]*"
    r"(?P<value>[a-zåäö][\w.-]*[a-zåäö\d])(?![\w@])"
)
# "mikael.ostberg", "lm.hansson", "anna.k.berg": lowercase parts joined by dots
_DOTTED = re.compile(r"(?<![\w@./-])(?P<value>[a-zåäö]{1,15}(?:\.[a-zåäö]{1,20}){1,2})(?![\w@-]|\.\w)")
# parts that make a dotted word an abbreviation or a web address, not a login
_NOT_LOGIN_PARTS = frozenset("se com org net nu eu www html php pdf doc docx ex a m fl kl ca st nr".split())


def _word_part(part: str) -> bool:
    """An everyday word that is no name only ("bil", "upp"), not "mikael" or "hansson"."""
    if part in SWEDISH_STOP_WORDS or plain_word(part):
        return True
    info = lists.names().get(part)
    return len(part) > 2 and not unknown_word(part) and (info is None or info.word)


def _name_part(part: str) -> bool:
    info = lists.names().get(part)
    return info is not None and not info.common and len(part) > 2


def find_usernames(text: str) -> list[Span]:
    spans = []
    if "=" in text or ":" in text or "inloggad" in text.lower():
        for m in _USER_FIELD.finditer(text):
            value = m.group("value")
            if value.lower() in SWEDISH_STOP_WORDS or any(c.isdigit() for c in value):
                continue  # "inloggad som vanligt"; "user=elu03" is a staff code, no name written out
            spans.append(Span(m.start("value"), m.end("value"), "PERSON"))
    if "." in text:
        for m in _DOTTED.finditer(text):
            parts = m.group("value").split(".")
            if any(p in _NOT_LOGIN_PARTS for p in parts) or max(len(p) for p in parts) < 3:
                continue
            # "bil.vart", "upp.erik": two words typed without a space, no login
            if any(_name_part(p) for p in parts) and not any(_word_part(p) for p in parts):
                spans.append(Span(m.start("value"), m.end("value"), "PERSON"))
    return spans

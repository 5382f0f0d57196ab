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
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.worded_handles import worded_handle
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

# a log's or a form's user field and its value: "user=andsve", "användarnamn: kalu01"
# ("Användare: hej jag har ont": a chat's speaker label, the message follows it)
_USER_FIELD = guarded(
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


# a handle on a social app: "nå mig på snap pontusss_07", "insta: @lisa.k", "min tiktok är x_y"
# An account points at one person whatever it is built from; what follows the app's name is
# the handle when it has a digit, an underscore or an @ ("Instagram mm.stämma dem": words).
_APP_HANDLE = re.compile(
    r"(?i:\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|discord|kik|telegram|twitter|threads|twitch|steam|"
    r"messenger|skype)(?:[ \t]++(?:är|e|heter))?[ \t]*+[:=]?+[ \t]*+)"
    r"(?P<value>@?[\w][\w.]{1,29}[\w](?:#\d{4})?)(?![\w@#])"
)
# the handle given later in the sentence, after a colon: "add me på snap om du vill prata: x_04"
_HANDLE_AFTER_COLON = re.compile(
    r"(?i:\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|discord|kik|telegram))[^.!?\n:]{1,60}:[ \t]*"
    r"(?P<value>[a-zåäö\d][\w.]{1,29}[\w])(?![\w@])"
)


# a handle's shape: an underscore, a capital after two small letters, or small letters and digits
def _handle_shaped(value: str) -> bool:
    return (
        "_" in value
        or re.search(r"[a-z]{2}[A-Z]", value) is not None
        or re.fullmatch(r"[a-z][a-z\d]*[a-z]\d{2,}", value) is not None
    )


# substring checks first (speed: the pattern is case-insensitive and most texts name no app)
_APP_HINTS = ("snap", "insta", "tiktok", "discord", "kik", "telegram", "twi", "threads", "steam", "messenger", "skype")


def _handles(text: str) -> list[Span]:
    out = []
    for m in _APP_HANDLE.finditer(text):
        value = m.group("value")
        # "Följ oss på Instagram @x": an organisation's account, no person's
        ours = re.search(r"(?i:\b(?:oss|vår|vårt|våra|vi)\b)[^.!?\n]{0,20}$", text[max(0, m.start() - 30) : m.start()])
        # "Instagram @livetmedsorg": a feed's title made of words, not a person's handle
        if worded_handle(value):
            continue
        if ours is None and (value.startswith("@") or any(c.isdigit() or c == "_" for c in value)):
            if not value.replace(".", "").isdigit():
                out.append(Span(m.start("value"), m.end("value"), "PERSON"))
    for m in _HANDLE_AFTER_COLON.finditer(text):
        if _handle_shaped(m.group("value")) and not any(sp.start < m.end() and m.start("value") < sp.end for sp in out):
            out.append(Span(m.start("value"), m.end("value"), "PERSON"))
    return out


def find_usernames(text: str) -> list[Span]:
    low = text.lower()
    spans = _handles(text) if any(app in low for app in _APP_HINTS) else []
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

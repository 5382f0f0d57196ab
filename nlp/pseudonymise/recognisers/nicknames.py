"""Nicknames and pet forms, said as such: "I familjen kallades hon Adde", "Syskonen kallade henne
alltid Lillan", "kalla mig Tussan", "vill bli kallad Hjödde", "alla säger Sonjan", "folk säger
Sven-Olof och inte Svenne", "sitt smeknamn Ainoska", and a nickname in brackets after the full
name ("Wilhelmina Ek (Mina)", "Per Olof Svensson ("Pelle")") or in quotes inside it ("Birgitta
"Bittan" Holm", one name); a maiden name ("Anna Gran, född
Wester,"); a pet name as what someone was ("han var alltid Gubben").

A nickname is often an ordinary word ("Lillan", "Tussan") or in no list, so the saying is the
evidence. Things are named too ("en tidning som kallas Kuriren", "så kallade Rosengård"): after
"som" or "så" nothing is taken.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW
from nlp.pseudonymise.recognisers.words import COUNTRIES, swedish_form

_NICK = r"[" + CAP + r"][" + LOW + r"é]+(?:-[" + CAP + r"][" + LOW + r"é]+)?"
_CALLED = re.compile(
    r"(?<!\bsom )(?<!\bså )(?i:\b(?:kallades|kallas|kallad|kallat|kallade[ \t]+(?:henne|honom|hen|mig|oss)|"
    r"kalla[ \t]+(?:henne|honom|hen|mig)|kallar[ \t]+(?:henne|honom|hen|mig|oss)|smeknamn(?:et)?|"
    r"(?:alla|folk|man|vi|de|dom|barnen|familjen|syskonen)[ \t]+(?:säger|sa|sade)))"
    r"(?:[ \t]+(?i:hon|han|hen|alltid|bara|ofta|oftast|gärna|numera|fortfarande|för|av[ \t]+alla))*"
    r"[ \t]+(?P<nick>" + _NICK + r")(?:[ \t]+och[ \t]+inte[ \t]+(?P<other>" + _NICK + r"))?"
)
# "Wilhelmina Ek (Mina)", "Per Olof Svensson ("Pelle")": a first name, surname(s), a bracket
_BRACKETED = re.compile(
    r"(?P<first>[" + CAP + r"][" + LOW + r"]+)(?:[ \t]+[" + CAP + r"][" + LOW + r"]+){1,2}"
    r"[ \t]*\([ \t]*[\"“”']?(?P<nick>" + _NICK + r")[\"“”']?[ \t]*\)"
)


# "Birgitta "Bittan" Holm": a nickname in quotes between the first name and the surname
_QUOTED_INSIDE = re.compile(
    r"(?<![\w-])(?P<first>"
    + CAP_NAME
    + r")[ \t]+[\"“”'](?P<nick>"
    + _NICK
    + r")[\"“”'][ \t]+(?P<last>"
    + CAP_NAME
    + r")(?![\w-])"
)


# a maiden name after the married one: "Anna-Lisa Gran, född Wester," ("född 1935", "född i …" are not)
_MAIDEN = re.compile(CAP_NAME + r",?[ \t]+\(?(?i:född|f\.)[ \t]+" + r"(?P<nick>" + CAP_NAME + r")(?=[ \t]*[,.;)\n]|$)")


# a pet name as what someone was or is, a word in its definite form with a capital inside the
# sentence: "jag var fortfarande Lillan", "han var alltid Gubben för oss"
_WAS_CALLED = re.compile(
    r"(?i:\b(?:jag|hon|han|hen|du)[ \t]+(?:var|är|blev|förblev|va|e)"
    r"(?:[ \t]+(?:fortfarande|alltid|bara|ju|kvar|liksom))*)"
    r"[ \t]+(?P<nick>[" + CAP + r"][" + LOW + r"]+(?:an|en|n))"
    r"(?=[ \t]*(?:[.,!?;]|$|(?i:i[ \t]+familjen|för[ \t]+(?:oss|alla|dem|mig|er)|bland|hemma)\b))"
)


def _nickname(word: str) -> bool:
    return word.lower() not in SWEDISH_STOP_WORDS and word not in lists.places()


def find_nicknames(text: str) -> list[Span]:
    spans = []
    low = text.lower()
    if "kalla" in low or "säger" in low or "smeknamn" in low or " sa " in low:
        for m in _CALLED.finditer(text):
            for group in ("nick", "other"):
                if m.group(group) and _nickname(m.group(group)):
                    spans.append(Span(m.start(group), m.end(group), "PERSON"))
    for m in _WAS_CALLED.finditer(text) if " var " in low or " är " in low or " blev " in low else ():
        # a word written as a name ("Lillan", "Gubben"), not a place
        if _nickname(m.group("nick")) and swedish_form(m.group("nick").lower()):
            spans.append(Span(m.start("nick"), m.end("nick"), "PERSON"))
    if "född" in low or "f." in low:
        for m in _MAIDEN.finditer(text):
            info = lists.names().get(m.group("nick").lower())
            if m.group("nick") not in lists.places() and (info is None or info.last):
                spans.append(Span(m.start("nick"), m.end("nick"), "PERSON"))
    if "(" in text:
        for m in _BRACKETED.finditer(text):
            first = lists.names().get(m.group("first").lower())
            nick = m.group("nick")
            # in brackets even a word that is a pronoun elsewhere ("(Mina)"), but no role ("(Han)")
            if (
                first is not None
                and (first.first_sv or first.first_other)
                and nick not in lists.places()
                and nick not in COUNTRIES  # "Nadia Mansour (Egypten)": where she is from
                and len(nick) > 3
            ):
                spans.append(Span(m.start("nick"), m.end("nick"), "PERSON"))
    if '"' in text or "“" in text or "”" in text or "'" in text:
        for m in _QUOTED_INSIDE.finditer(text):
            if (
                # a double first name by its parts: "Karl-Gunnar "Kalle" Blom"
                all(lists.listed_first_name(part) for part in m.group("first").split("-"))
                and _nickname(m.group("nick"))
                and m.group("last").lower() not in SWEDISH_STOP_WORDS
            ):
                spans.append(Span(m.start(), m.end(), "PERSON"))
    return spans

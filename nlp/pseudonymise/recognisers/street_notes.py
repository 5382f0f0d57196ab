"""Outreach and shelter notes: people met by name, initial, room or rough age.

Who is met on a night round has no name to give, or only part of one; the note says what can
be seen:
- a rough age after the person's word: "man, ca 45, sover i trappan", "ung kille, kanske 16,",
  "en kvinna, 72, med rollator" – an age, "ca" or "kanske" before it or a comma after;
- two ages in a row, each after its pronoun: "Han 41, hon 38." (a couple met together);
- an age set off by commas after a capitalised word that no lexicon has, before "som": "Vi
  söker Dumitru, 57, som …" – the word is a name (PERSON) and the number an age;
- initials with dots in brackets after a room or a resident: "rum 214 (K.L.)", "boende (M.)";
- an initial after a verb of meeting: "Träffade J. på härbärget";
- a first name before the room it has: "Sune (rum 9) har …", also one that is a word ("Björn").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, NOT_AGE_UNIT, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import unknown_word

_PERSON_WORD = (
    r"man|mannen|kvinna|kvinnan|kvinnor|tjej|tjejen|kille|killen|pojke|pojken|flicka|flickan|dam|damen|"
    r"herre|person|personen|gubbe|tant|farbror|ungdom|yngling|pensionär"
)
_ROUGH = r"(?:ca\.?|c:a|cirka|kanske|runt|ungefär|omkring|uppskattningsvis|typ|ev\.?)"
# the age ends a phrase ("man, 45,"), or "ca" says it is one ("man ca 50 sover")
_ROUGH_AGE = guarded(
    r"(?<![\w-])(?:"
    + _PERSON_WORD
    + r")(?:,?"
    + WS
    + r"*"
    + _ROUGH
    + WS
    + r"+(?P<rough>\d{1,3})|,"
    + WS
    + r"*(?P<age>\d{1,3})(?=(?:"
    + WS
    + r"*år)?"
    + WS
    + r"*(?:[,.;:)!?\n]|$)))(?![\w-])"
)
# "man" is a man after an article, an adjective or a list's punctuation
_MAN_NOUN = re.compile(r"(?:(?:^|\s)(?:en|ung|äldre|yngre|medelålders|okänd)|[:,;\n-])\s*$")
_PAIR = guarded(
    r"(?<![\w-])(?P<a>[Hh]an|[Hh]on)"
    + WS
    + r"+(?P<x>\d{1,3}),"
    + WS
    + r"*(?:och"
    + WS
    + r"+)?(?P<b>han|hon)"
    + WS
    + r"+(?P<y>\d{1,3})(?=[.,;!?\n]|$)"
)
_APPOSITION = guarded(
    r"(?<![\w-])(?P<name>[" + CAP + r"][" + LOW + r"]{2,}),"
    r"" + WS + r"*(?P<age>\d{1,3})," + WS + r"*som(?![\w-])"
)
_BRACKETED_INITIALS = guarded(
    r"(?:(?<![\w-])rum"
    + WS
    + r"+\d{1,4}|(?<![\w-])[Bb]oende|(?<![\w-])[Gg]äst)"
    + WS
    + r"*\((?P<who>[A-ZÅÄÖ]\.(?:[ ]?[A-ZÅÄÖ]\.){0,2})\)"
)
_MET_INITIAL = guarded(
    r"(?<![\w-])(?:[Tt]räffade|[Mm]ötte|[Hh]älsade"
    + WS
    + r"+på|[Pp]ratade"
    + WS
    + r"+med|[Ss]ökte|[Hh]ämtade)"
    + WS
    + r"+(?P<who>[A-ZÅÄÖ]\.)(?="
    + WS
    + r"+[a-zåäö])"
)
_NAME_ROOM = guarded(
    r"(?<![\w-])(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{1,})"
    + WS
    + r"*\((?:rum|lgh|lägenhet|säng|plats)"
    + WS
    + r"*\d{1,4}\)"
)


_UNIT_AFTER = re.compile(WS + r"*" + NOT_AGE_UNIT)


def _age(text: str, m: re.Match[str], group: str) -> Span | None:
    if _UNIT_AFTER.match(text, m.end(group)):
        return None  # "man, ca 40 kr": an amount
    return Span(m.start(group), m.end(group), "ALDER") if 1 <= int(m.group(group)) <= 110 else None


def find_street_notes(text: str) -> list[Span]:
    """Rough ages (ALDER) and the names, initials and rooms (PERSON) of people met."""
    spans: list[Span | None] = []
    if any(ch.isdigit() for ch in text):
        for m in _ROUGH_AGE.finditer(text):
            # "betalar man ca 50 i månaden": "man" as "one", no comma after it
            if m.group(0).startswith("man ") and not _MAN_NOUN.search(text, max(0, m.start() - 12), m.start()):
                continue
            spans.append(_age(text, m, "rough" if m.group("rough") else "age"))
        for m in _PAIR.finditer(text):
            if m.group("a").lower() != m.group("b"):
                spans += [_age(text, m, "x"), _age(text, m, "y")]
        for m in _APPOSITION.finditer(text):
            name = m.group("name")
            if lists.names().get(name.lower()) is None and name not in lists.places() and unknown_word(name):
                spans += [Span(m.start("name"), m.end("name"), "PERSON"), _age(text, m, "age")]
        spans += [Span(m.start("who"), m.end("who"), "PERSON") for m in _BRACKETED_INITIALS.finditer(text)]
        spans += [
            Span(m.start("name"), m.end("name"), "PERSON")
            for m in _NAME_ROOM.finditer(text)
            if lists.listed_first_name(m.group("name"))
        ]
    spans += [Span(m.start("who"), m.end("who"), "PERSON") for m in _MET_INITIAL.finditer(text)]
    return [s for s in spans if s is not None]

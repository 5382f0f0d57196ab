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
# Ages are looked for from each number back (numbers are rare in most texts; the person's words
# are everywhere). The person's word and "ca" before the number: "man ca 50 sover", or a comma
# and then the number ending a phrase: "man, 45,"
_NUMBER = re.compile(r"(?<![\w,.:/-])\d{1,3}(?![\w-]|[.,:/]\d)")
_ROUGH_BEFORE = re.compile(
    r"(?<![\w-])(?P<who>" + _PERSON_WORD + r")(?:(?P<rough>,?" + WS + r"*" + _ROUGH + WS + r"+)|," + WS + r"*)$"
)
_PHRASE_ENDS = re.compile(r"(?:" + WS + r"*år)?" + WS + r"*(?:[,.;:)!?\n]|$)")
# "man" is a man after an article, an adjective or a list's punctuation
_MAN_NOUN = re.compile(r"(?:(?:^|\s)(?:en|ung|äldre|yngre|medelålders|okänd)|[:,;\n-])\s*$")
# "Han 41, hon 38.": each age after its pronoun, the second ending the phrase
_PRONOUN_BEFORE = re.compile(r"(?<![\w-])(?P<a>[Hh]an|[Hh]on)" + WS + r"+$")
_SECOND_PRONOUN = re.compile(
    r"," + WS + r"*(?:och" + WS + r"+)?(?P<b>han|hon)" + WS + r"+(?P<y>\d{1,3})(?=[.,;!?\n]|$)"
)
# "Vi söker Dumitru, 57, som …"
_NAME_COMMA_BEFORE = re.compile(r"(?<![\w-])(?P<name>[" + CAP + r"][" + LOW + r"]{2,})," + WS + r"*$")
_COMMA_SOM = re.compile(r"," + WS + r"*som(?![\w-])")
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


_DIGIT = re.compile(r"\d")
_UNIT_AFTER = re.compile(WS + r"*" + NOT_AGE_UNIT)


def _age(text: str, start: int, end: int) -> Span | None:
    if _UNIT_AFTER.match(text, end) or not 1 <= int(text[start:end]) <= 110:
        return None  # "man, ca 40 kr": an amount
    return Span(start, end, "ALDER")


def _ages(text: str) -> list[Span | None]:
    spans: list[Span | None] = []
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        window = max(0, start - 40)
        rough = _ROUGH_BEFORE.search(text, window, start)
        # "betalar man ca 50 i månaden": "man" as "one", no comma after it
        if (
            rough
            and (rough.group("rough") or _PHRASE_ENDS.match(text, end))
            and not (
                rough.group("who") == "man"
                and text[rough.end("who")] != ","
                and not _MAN_NOUN.search(text, max(0, rough.start() - 12), rough.start())
            )
        ):
            spans.append(_age(text, start, end))
            continue
        pronoun = _PRONOUN_BEFORE.search(text, window, start)
        second = _SECOND_PRONOUN.match(text, end) if pronoun else None
        if second and pronoun.group("a").lower() != second.group("b"):
            spans += [_age(text, start, end), _age(text, second.start("y"), second.end("y"))]
            continue
        named = _NAME_COMMA_BEFORE.search(text, window, start)
        if named and _COMMA_SOM.match(text, end):
            name = named.group("name")
            if lists.names().get(name.lower()) is None and name not in lists.places() and unknown_word(name):
                spans += [Span(named.start("name"), named.end("name"), "PERSON"), _age(text, start, end)]
    return spans


def find_street_notes(text: str) -> list[Span]:
    """Rough ages (ALDER) and the names, initials and rooms (PERSON) of people met."""
    spans: list[Span | None] = []
    if _DIGIT.search(text):
        spans += _ages(text)
        spans += [
            Span(m.start("name"), m.end("name"), "PERSON")
            for m in _NAME_ROOM.finditer(text)
            if lists.listed_first_name(m.group("name"))
        ]
    spans += [Span(m.start("who"), m.end("who"), "PERSON") for m in _BRACKETED_INITIALS.finditer(text)]
    spans += [Span(m.start("who"), m.end("who"), "PERSON") for m in _MET_INITIAL.finditer(text)]
    return [s for s in spans if s is not None]

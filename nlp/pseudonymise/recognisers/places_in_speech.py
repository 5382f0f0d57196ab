"""Places as people correct and place them when they talk: a place put right by another ("det
var inte Eksjö utan Skara": the second is a place too, even when it is also a word), and a
district before its town with a comma ("på Ekesjön, i Jönköping").

The listed place on one side is the evidence; a country ("inte Sverige utan Norge") or a
person ("inte Anna utan Karin") on the other side is left to the other rules.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS
from nlp.pseudonymise.recognisers.words import COUNTRIES, sentence_start, unknown_word

_PLACE_WORD = CAP_NAME
_PREP = r"(?:(?:i|på|från|till)" + WS + r"+)?"
_NOT_BUT = re.compile(
    r"\binte"
    + WS
    + r"+"
    + _PREP
    + r"(?P<first>"
    + _PLACE_WORD
    + r")"
    + WS
    + r"+utan"
    + WS
    + r"+"
    + _PREP
    + r"(?P<second>"
    + _PLACE_WORD
    + r")(?![\w-])"
)
_DISTRICT_THEN_TOWN = re.compile(
    r"\bpå"
    + WS
    + r"+(?P<district>"
    + _PLACE_WORD
    + r"),"
    + WS
    + r"*i"
    + WS
    + r"+(?P<town>"
    + _PLACE_WORD
    + r")(?![\w-])"
)


def _person(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.word


def find_places_in_speech(text: str) -> list[Span]:
    out: list[Span] = []
    places = lists.places()
    if "utan" in text:
        for m in _NOT_BUT.finditer(text):
            first, second = m.group("first"), m.group("second")
            if COUNTRIES.intersection((first, second)):
                continue
            # one side is a listed place, the other no unambiguous name
            if first in places and not _person(second):
                out.append(Span(m.start("second"), m.end("second"), "ORT"))
            elif second in places and not _person(first):
                out.append(Span(m.start("first"), m.end("first"), "ORT"))
    if ", i " in text or ",i " in text:
        for m in _DISTRICT_THEN_TOWN.finditer(text):
            district = m.group("district")
            if (
                m.group("town") in places
                and m.group("town") not in COUNTRIES
                and district not in COUNTRIES
                and not _person(district)
                and (district in places or unknown_word(district))  # "på Konsum, i Mora": a shop
                and not sentence_start(text, m.start("district"))
            ):
                out.append(Span(m.start("district"), m.end("district"), "ORT"))
    return out

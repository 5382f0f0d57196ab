"""ORT: where someone spends their holiday, also a town abroad no list has: "semester i
Torrevieja", "semestrar på Kreta", "semesterdialys i Split", "Ämne: Semesterresa Gran Canaria".

The holiday word says a place follows; one or two capitalised words after it (with "i", "på",
"till" or nothing between) are that place. A country is no personal data and stays, and so does
a listed first name that is no place ("semester hos Anna").

A trip's route, two places joined by a dash, on a travel claim's line or said to be there and
back: "Resa: <Ort> - <Ort> t/r", "Sträcka: <Ort>–<Ort>", "körde <Ort> – <Ort> tur och retur".
Either end may be a place no list has when the other is listed; a listed first name is no end
("Resa: Anna - Berit" is no route).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, MONTHS, WS
from nlp.pseudonymise.recognisers.words import COUNTRIES, plain_word

_WORD = r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*"
_HOLIDAY_PLACE = re.compile(
    r"(?i:\bsemest(?:er|r)[a-zåäö]*)(?:"
    + WS
    + r"+(?P<prep>i|på|till))?"
    + WS
    + r"+(?P<place>"
    + _WORD
    + r"(?:"
    + WS
    + r"+"
    + _WORD
    + r")?)"
)
_MONTH = re.compile(r"(?i:" + MONTHS + r")")
_END = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?"
_ROUTE = re.compile(
    r"(?P<a>" + _END + r")" + WS + r"*[-–—]" + WS + r"*(?P<b>" + _END + r")(?![\w-])"
    r"(?P<back>" + WS + r"*(?:,|\(|)" + WS + r"*(?i:t/r|tur[ -]och[ -]retur|tur-retur|och tillbaka)(?!\w))?"
)
# a travel claim's field or a trip word earlier on the line: "Resa:", "Sträcka:", "körde"
_TRIP_BEFORE = re.compile(
    r"(?i:\b(?:resa|resan|resor|resväg|sträcka|sträckan|färdväg|körde|kört|åkte|åkt|pendlar|pendlade)\b)[^\n]{0,20}$"
)


def _trips(text: str) -> list[Span]:
    spans = []
    for m in _ROUTE.finditer(text):
        if not (m.group("back") or _TRIP_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            continue
        ends = (m.group("a"), m.group("b"))
        if not any(e in lists.places() for e in ends) or not all(_is_place_word(e) for e in ends):
            continue
        spans += [Span(m.start("a"), m.end("a"), "ORT"), Span(m.start("b"), m.end("b"), "ORT")]
    return spans


def _is_place_word(word: str, second: bool = False) -> bool:
    """A capitalised word that may name a place; a first name only as a place's second word
    ("Costa Blanca"), where no person stands."""
    low = word.lower()
    if not word[:1].isupper() or low in SWEDISH_STOP_WORDS or word in COUNTRIES or _MONTH.fullmatch(word):
        return False
    return second or word in lists.places() or not lists.listed_first_name(word)


def find_holiday_places(text: str) -> list[Span]:
    spans = _trips(text) if "-" in text or "–" in text or "—" in text else []
    if "emest" not in text:
        return spans  # speed: no holiday word, nothing to look for
    for m in _HOLIDAY_PLACE.finditer(text):
        words = m.group("place").split()
        if not _is_place_word(words[0]):
            continue
        kept = words if len(words) > 1 and _is_place_word(words[1], second=True) else words[:1]
        # without "i"/"på" a heading's capitalised words ("Semester Planering Vecka") are words;
        # a place is listed or has a word no lexicon knows ("Gran Canaria")
        if not m.group("prep") and all(w not in lists.places() and plain_word(w.lower()) for w in kept):
            continue
        end = m.start("place") + len(m.group("place")) if len(kept) == 2 else m.start("place") + len(words[0])
        spans.append(Span(m.start("place"), end, "ORT"))
    return spans

"""A signature's or a contact line's town after a name, an age, an address or a personnummer:
"/Margareta Holmgren, Boden", "/Fatma Yilmaz, 71, Gottsunda", "Ringvägen 9, Mora"."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import CLOSINGS
from nlp.pseudonymise.recognisers.span_set import SpanSet
from nlp.pseudonymise.recognisers.words import unknown_word

# "/Margareta Holmgren, Boden": a signature's town, even one that is also a word
_SIGNED_TOWN = re.compile(r",[ \t]*([A-ZÅÄÖ][a-zåäö]+(?:[ -][A-ZÅÄÖ][a-zåäö]+)?)[ \t.]*(?:\n|$)")


# after a street address or a personnummer the next item of a contact line is the town, even
# a town that is also a surname: "Ringvägen 9, Mora", "…, 2 tr, lgh 1302, Lund. Barnen …",
# "Jag heter X 911105-5621. Malmö"
_TOWN_AFTER_ID = re.compile(r"[ \t]*[,.][ \t]*([A-ZÅÄÖ][a-zåäö]+(?:[ -][A-ZÅÄÖ][a-zåäö]+)?)(?=[ \t]*(?:[.,!\n]|$))")
_GAP = re.compile(r"[ \t]*,?[ \t]*\(?")  # between a name and its age: "Fatma Yilmaz, 71", "Saga (12)"


def _after_name(text: str, age: Span, person_ends: set[int]) -> bool:
    """A name ends right before the age, at most a comma, a bracket and spaces between (walked
    back from the age, not tested against every find: a cell of "Ali (sextio) " was quadratic)."""
    pos = age.start
    while pos > 0 and pos > age.start - 64 and text[pos - 1] in " \t,(":
        pos -= 1
    return any(end in person_ends and _GAP.fullmatch(text, end, age.start) for end in range(pos, age.start + 1))


def signature_towns(text: str, spans: list[Span]) -> list[Span]:
    """A listed town after a comma right after a name that ends the text or a line, or right
    after an address or a personnummer (there it wins over a surname of the same spelling).
    The spans are indexed (where, by start, the names' ends): list scans per span were quadratic."""
    out, taken = list(spans), SpanSet(spans)
    dropped: set[Span] = set()
    by_start: dict[int, list[Span]] = {}
    for s in spans:
        by_start.setdefault(s.start, []).append(s)
    person_ends = {s.end for s in spans if s.label == "PERSON"}

    def add_town(start: int, end: int) -> None:
        out.append(Span(start, end, "ORT"))
        by_start.setdefault(start, []).append(out[-1])
        taken.add(start, end)

    for sp in spans:
        m = _SIGNED_TOWN.match(text, sp.end) if sp.label == "PERSON" else None
        if m and m.group(1) in lists.places() and taken.free(m.start(1), m.end(1)):
            add_town(m.start(1), m.end(1))
        # "/Fatma Yilmaz, 71, Gottsunda": a name, an age and the district, signing off; a
        # district no list has is still one there, when no lexicon knows the word
        m = _SIGNED_TOWN.match(text, sp.end) if sp.label == "ALDER" and _after_name(text, sp, person_ends) else None
        if m and (m.group(1) in lists.places() or (unknown_word(m.group(1)) and m.group(1).lower() not in CLOSINGS)):
            if taken.free(m.start(1), m.end(1)):
                add_town(m.start(1), m.end(1))
        m = _TOWN_AFTER_ID.match(text, sp.end) if sp.label in ("ADRESS", "PERSONNUMMER") else None
        if m and m.group(1) in lists.places():
            a, b = m.span(1)
            clash = [
                s
                for start in set(taken.overlapping_starts(a, b))
                for s in by_start[start]
                if s not in dropped and s.start < b and a < s.end
            ]
            if all(s.label == "PERSON" and s.start == a and s.end == b for s in clash):
                if clash:  # a name of the same extent (each copy of it) gives way to the town
                    dropped.add(clash[0])
                add_town(a, b)
    return sorted((s for s in out if s not in dropped), key=lambda s: s.start)

"""First names that open a sentence as the subject of "heter": "<Namn> heter min son", "<Namn>
och <Namn> heter mina tvillingar". A first name that is also a word ("Dag", "Sol", "Liv") opening
a sentence is read as the word elsewhere; before "heter" and a possessive it names someone. Only
listed first names, so "Boken heter min favorit" and "Vägen heter …" stay as they are."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded

_WORD = r"[A-ZÅÄÖ][a-zåäöéü]+"
_SUBJECT = guarded(
    r"(?:^|(?<=[.!?][ \t])|(?<=\n))(?P<a>" + _WORD + r")(?:[ \t]+(?:och|&)[ \t]+(?P<b>" + _WORD + r"))?"
    r"[ \t]+heter[ \t]+(?:min|mina|mitt|vår|våra|vårt|våran|hans|hennes|deras)\b",
    re.MULTILINE,
)


def find_names_before_heter(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _SUBJECT.finditer(text):
        groups = [g for g in ("a", "b") if m.group(g)]
        if all(lists.listed_first_name(m.group(g)) for g in groups):
            spans.extend(Span(m.start(g), m.end(g), "PERSON") for g in groups)
    return spans

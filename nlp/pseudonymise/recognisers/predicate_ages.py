"""Ages said as the second half of what someone is, and children's ages in half years (ALDER).

A writer introduces herself by her work or state and then her age, joined by "och": "Jag är
sjuksköterska och 58 år.", "Han är änkling och 81 år,". The age closes the sentence or its clause
(a stop, a comma, "gammal", "nu", "och" and no number); "Jag var arbetslös och 3 år senare …" is a span of time.
alder.py reads an age right after "jag är"; here a word or two stand between.

A small child's age is given to the half year: "Lova är 2,5 år nu", "han är 3,5 år". A decimal
is a duration or a measure elsewhere, so only a child's pronoun, a first name or a word for a child
as the subject counts, never "jag" or a noun ("Väntetiden är 1,5 år"), and not a span of time
after the age ("är 1,5 år från …", "… kvar").
Registered in person.py: alder.py is at the module size limit.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import CHILD_WORD

# where the age closes its clause
_CLOSED = (
    r"(?=" + WS + r"*(?:[.,;!?)\n]|$)|" + WS + r"+(?:gammal|gamla|nu|idag|i" + WS + r"+dag|och" + WS + r"+(?!\d))\b)"
)
# "Jag är lastbilschaufför och 52 år.": the subject, one or two lowercase words, "och", the age
_SECOND_HALF = guarded(
    r"(?i:\b(?:jag|han|hon|hen)"
    + WS
    + r"+(?:är|var))"
    + WS
    + r"+(?P<what>["
    + LOW
    + r"]+(?:"
    + WS
    + r"+["
    + LOW
    + r"]+)?)"
    + WS
    + r"+och"
    + WS
    + r"+(?P<age>\d{1,3}"
    + WS
    + r"+år)"
    + _CLOSED
)
# "Lova är 3,5 år nu": a child, its verb, a hedge, an age with a decimal
_HALF_YEARS = guarded(
    r"(?:(?i:\b(?:han|hon|hen|"
    + CHILD_WORD
    + r")\b)|(?P<name>"
    + CAP_NAME
    + r"))"
    + WS
    + r"+(?i:är|var|blir|fyller|fyllde)"
    + WS
    + r"+(?:(?i:bara|nu|snart|redan|nästan|drygt|knappt)"
    + WS
    + r"+)?(?P<age>\d{1,2},\d"
    + WS
    + r"+år)"
    + _CLOSED
)
# the words "what" may not be: a time, a count or a place word opens a span of time, not a state
_NOT_A_STATE = frozenset("i på sedan sen efter före under nästan bara snart redan ca cirka över drygt".split())


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and bool(info.first_sv or info.first_other)


def find_predicate_ages(text: str) -> list[Span]:
    if "år" not in text or " och " not in text and "," not in text:
        return []
    spans = []
    for m in _SECOND_HALF.finditer(text):
        if not any(w.lower() in _NOT_A_STATE for w in m.group("what").split()):
            spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
    if "," in text:
        for m in _HALF_YEARS.finditer(text):
            if m.group("name") is None or _first_name(m.group("name")):
                spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
    return spans

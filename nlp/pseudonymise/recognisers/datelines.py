"""The town of a dateline: "<Ort> 2025-03-14", "<Ort> den 3 mars 2025", "Umeå, den 12/3"
opening a sentence or a line, as a certificate, a decision or a letter is signed off or opened (ORT).

A capitalised word opening a sentence says nothing by its capital, and a town's name may be a
surname too; right before a date, where a letter's place and day stand, a listed town is the
place the paper was written. Only a listed town: "Hälsningar 2025-03-14", "Mötet 3 mars",
"Fredag den 4 maj" or "Anna den 4 maj" name no place.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, MONTHS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import sentence_start

_TOWN = r"(?P<town>[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?)"
_DATELINE = guarded(
    r"(?<![\w-])"
    + _TOWN
    + r"(?:,?"
    + WS
    + r"+den"
    + WS
    + r"+\d|"
    + WS
    + r"+(?:(?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d"
    + WS
    + r"+(?i:"
    + MONTHS
    + r")"
    + WS
    + r"+(?:19|20)\d\d)(?![\w-]))"
)


def find_datelines(text: str) -> list[Span]:
    places = lists.places()
    return [
        Span(m.start("town"), m.end("town"), "ORT")
        for m in _DATELINE.finditer(text)
        if m.group("town") in places and sentence_start(text, m.start("town"))
    ]

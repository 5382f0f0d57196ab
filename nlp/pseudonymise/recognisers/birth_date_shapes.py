"""A birth date written year-month-day after its label, whatever the calendar says of it:
"född 1352-04-10 enligt tazkiran" (a solar-calendar year), "F.d. 1991-14-02" (month and day
swapped on a card) (DATUM).

The date rules check that month and day exist in the Gregorian calendar, so a birth date from
another calendar, or one miswritten on an identity document, was left in the text although the
label says what it is, and the person can be found by it as by a valid one. Only after a birth
label: a case number in the same shape ("Dnr 2024-13-05") stays.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_BIRTH_DATE = guarded(
    r"(?<![\w.])(?i:född|f\.[ \t]?d\.|födelsedatum|födelsedag|date[ \t]+of[ \t]+birth|dob)"
    r"(?:" + WS + r"+den)?:?" + WS + r"*(?P<date>\d{4}-\d\d-\d\d)(?![\d-])"
)


def find_birth_date_shapes(text: str) -> list[Span]:
    return [Span(m.start("date"), m.end("date"), "DATUM") for m in _BIRTH_DATE.finditer(text)]

"""A Swedish month written before its day, as English and many first languages order a date:
"ingen tid före april 14.", "från april 3, kl 14", "tills den maj 7".

The date rules read the day before the month ("20 mars") and English months either way; a
Swedish month with the day after it was left whole in the text. It is a date when a word of time
stands before it ("före", "efter", "från", "till", "den", "sedan", "innan", "inför", "senast") and
the day (1–31) ends the phrase: a stop, a comma, the line's end or a time after it. A count after
a month ("i mars 20 personer", "mars 20 st") has a word after the number and no such word before.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import MONTHS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_MONTH_DAY = guarded(
    r"(?i:\b(?:före|efter|från|till|tills|den|sedan|sen|innan|inför|senast|på|on|by|before|after|until)"
    + WS
    + r"+(?:den"
    + WS
    + r"+)?)(?P<date>(?i:"
    + MONTHS
    + r")"
    + WS
    + r"+(?P<day>[0-3]?\d)(?::[ae]|:e)?)(?=[.,!?;)]|"
    + WS
    + r"*(?:\n|$)|"
    + WS
    + r"+(?i:kl\b|klockan\b|\d{1,2}[:.]\d\d))"
)


def find_month_first_dates(text: str) -> list[Span]:
    return [
        Span(m.start("date"), m.end("date"), "DATUM")
        for m in _MONTH_DAY.finditer(text)
        if 1 <= int(m.group("day")) <= 31 and not re.match(r"[.,]\d", text[m.end() : m.end() + 2])
    ]

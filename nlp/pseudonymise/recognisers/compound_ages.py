"""An age in years goes on with its months: "1 år 9 mån", "3 år och 2 månader", "2 år, 4 mån".

A small child's age is written to the month (forms, parents' posts, neonatal follow-ups); a
find that stops at "år" leaves the months, and the rest of the birth date they give, in the
text. Any age find (a form field, a bracket after a name, "hon är 3 år") that ends in "år"
takes the months or weeks written right after it; a duration ("väntade 1 år och 2 månader")
is no age find to begin with, so it is never grown.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import SMALL_NUMWORDS, WS

# the months (or weeks) after the years: " och 2 månader", " 9 mån", ", 4 mån", " och tre månader"
MONTHS_AFTER_YEARS = (
    r"(?:" + WS + r"*,)?" + WS + r"+(?:och" + WS + r"+)?(?:\d{1,2}|en|ett|" + SMALL_NUMWORDS + r"|tio|elva)"
    r"" + WS + r"+(?:mån|månad|månader|veckor|vecka|v)(?![\w-])"
)
_AFTER = re.compile(MONTHS_AFTER_YEARS, re.IGNORECASE)
_ENDS_IN_YEARS = re.compile(r"[åa]r$", re.IGNORECASE)


def extend_compound_ages(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with each age ending in "år" grown over the months after it, where no
    other find stands."""
    out: list[Span] = []
    for k, sp in enumerate(spans):
        if sp.label == "ALDER" and _ENDS_IN_YEARS.search(text, sp.start, sp.end):
            m = _AFTER.match(text, sp.end)
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            if m is not None and m.end() <= next_start:
                sp = Span(sp.start, m.end(), sp.label)
        out.append(sp)
    return out

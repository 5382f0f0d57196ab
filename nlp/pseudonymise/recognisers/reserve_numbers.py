"""A reserve number built on a personnummer, with the region's or the system's prefix before
it: "reservnummer 98 861104-2233", "reservnr: 97-19850412-1234", "reservnummer 991 850412 1234".

Several regions give a patient without a personnummer a reserve number that keeps the birth date
and the last four, and put a series of their own in front of it. The personnummer inside is read
by its shape (categories/personnummer.py) and the prefix was left behind: "98 " stayed in the
text beside "[PERSONNUMMER_1]", a region's mark that narrows who it is. After a reserve number's
word, a prefix of one to three digits before a personnummer's shape is part of the number, and
the whole is one PERSONNUMMER (the personnummer inside decides the kind, as alone it does).
Reserve numbers of other shapes ("19900101-R452", "RN 2025-000318") stay JOURNALNUMMER, read by
their word in categories/journalnummer.py.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import WS, plausible_month_day

# the word, at most a few words and a colon between ("reservnummer är", "fick reservnr:")
_WORD = re.compile(r"(?i:\breserv[- ]?(?:nummer|numret|nr\b\.?|n:r))(?:[ \t:]+(?:är|blev|var|=))?[ \t:]*")
# a prefix of 1–3 digits, a space or a dash, then 6 or 8 digits, a separator, the last four
_PREFIXED = re.compile(
    r"(?P<prefix>\d{1,3})(?:" + WS + r"|" + WS + r"?-" + WS + r"?)"
    r"(?P<date>(?:19|20)?\d{6})" + WS + r"?[-+–]?" + WS + r"?(?P<last>\d{4})(?![\w-])"
)


def _birth_date(digits: str) -> bool:
    date = digits[-6:]
    return plausible_month_day(int(date[2:4]), int(date[4:6]))


def find_reserve_numbers(text: str) -> list[Span]:
    if "eserv" not in text and "ESERV" not in text:
        return []
    spans: list[Span] = []
    for word in _WORD.finditer(text):
        m = _PREFIXED.match(text, word.end())
        if m is not None and _birth_date(m.group("date")):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    return spans

"""EPOST: e-mail addresses, also the writings that dodge spam harvesters."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.patterns import WS
from nlp.pseudonymise.recognisers.written_out import find_written_email

# Also the "(at)" writings people use to dodge spam harvesters.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|" + WS + r"?(?:\(at\)|\[at\])" + WS + r"?)[\w-]+(?:\.[\w-]+)*"
    # a scanner's stray space before the ending: "namn@example .se"
    r"(?:\.[A-Za-z]{2,}|[ ]\.(?:se|com|nu|net|org|fi|no|dk)\b)(?![\w-])",
    re.IGNORECASE,
)


def find_email(text: str) -> list[Span]:
    written = find_written_email(text)  # "lena punkt berg at gmail punkt com"
    if "@" not in text and "at)" not in text and "at]" not in text:
        return written
    return [Span(m.start(), m.end(), "EPOST") for m in _EMAIL.finditer(text)] + written


CATEGORY = Category(label="EPOST", priority=10, recognisers=(find_email,), description="e-post")

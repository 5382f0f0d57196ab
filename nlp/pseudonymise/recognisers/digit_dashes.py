"""Unusual dashes inside a number read as the plain hyphen ("070‑174 06 15", "460211‐3450").

Phones and word processors put a non-breaking hyphen (U+2011), a hyphen (U+2010), a figure
dash (U+2012) or a minus sign (U+2212) where a person typed "-". The number is the same, and no
direct identifier may get through because of the character between its groups. As with the
scanner's letters (ocr_digits.py), the dash is replaced in a copy of the same length, so every
offset stays valid and the recognisers still decide whether the number is one.
"""

from __future__ import annotations

import re

# a digit, at most two spaces, the dash, at most two spaces, a digit
_DASH_IN_NUMBER = re.compile(r"(?<=\d)([ \t\u00a0]{0,2})[\u2010\u2011\u2012\u2212\ufe63\uff0d](?=[ \t\u00a0]{0,2}\d)")
_ANY_DASH = re.compile(r"[\u2010\u2011\u2012\u2212\ufe63\uff0d]")


def digit_dashes(text: str) -> str | None:
    """The text with unusual dashes between digits read as "-", or None when there are none."""
    if not _ANY_DASH.search(text):
        return None
    changed = _DASH_IN_NUMBER.sub(lambda m: m.group(1) + "-", text)
    return None if changed == text else changed

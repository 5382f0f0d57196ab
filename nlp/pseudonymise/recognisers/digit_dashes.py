"""Unusual dashes and spaces inside a number read as the plain ones ("070‑174 06 15",
"460211‐3450", "811218—9876", "070 174 06 05" with thin spaces).

Phones and word processors put a non-breaking hyphen (U+2011), a hyphen (U+2010), a figure
dash (U+2012), an em dash (U+2014), a horizontal bar (U+2015) or a minus sign (U+2212) where a
person typed "-", and a thin, narrow or figure space where they typed a space (typesetting
and "smart" number formatting do). The number is the same, and no direct identifier may get
through because of the character between its groups. As with the scanner's letters
(ocr_digits.py), the character is replaced in a copy of the same length, so every offset stays
valid and the recognisers still decide whether the number is one.
"""

from __future__ import annotations

import re

_DASHES = "\u2010\u2011\u2012\u2014\u2015\u2212\ufe63\uff0d"
# en quad to hair space, narrow no-break space, medium mathematical space
_SPACES = "\u2000-\u200a\u202f\u205f"
# a digit, at most two spaces, the dash, at most two spaces, a digit
_DASH_IN_NUMBER = re.compile(r"(?<=\d)([ \t\u00a0]{0,2})[" + _DASHES + r"](?=[ \t\u00a0]{0,2}\d)")
# a digit (a dash between), the odd spaces, a digit
_SPACE_IN_NUMBER = re.compile(r"(?<=[\d-])[" + _SPACES + r"]{1,2}(?=[\d-])")
_ANY = re.compile(r"[" + _DASHES + _SPACES + r"]")


def digit_dashes(text: str) -> str | None:
    """The text with unusual dashes and spaces between digits read as "-" and " ", or None when
    there are none."""
    if not _ANY.search(text):
        return None
    changed = _DASH_IN_NUMBER.sub(lambda m: m.group(1) + "-", text)
    changed = _SPACE_IN_NUMBER.sub(lambda m: " " * len(m.group(0)), changed)
    return None if changed == text else changed

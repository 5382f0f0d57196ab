"""Digits of other scripts read as 0–9 ("٠٧٠-١٧٤ ٠٦ ١٨", "۱۹۹۲۰۷۰۸-۴۵۶۸", "๐๗๐-๑๗๔๐๖๕๒").

A phone set to Arabic or Persian writes Arabic-Indic (U+0660–0669) or extended Arabic-Indic
(U+06F0–06F9) digits, a Thai keyboard Thai digits (U+0E50–0E59), and a number copied from such
a text keeps them. The number is the same, and no direct identifier may get through because
of the script its digits are written in. Python's `\\d` matches them but "0", "[0-9]" and the
phone plans do not, so one recogniser would find a personnummer where another misses the phone.

Every decimal digit of any script (Unicode category Nd, what `str.isdecimal` tests) is read as
its ASCII digit in a copy of the same length, as the scanner's letters are (ocr_digits.py): each
is one character, so every offset stays valid, and the recognisers still decide by date part,
phone plan or label word whether the number is one. Digits that are not positional (Ethiopic
፩, Roman numerals, superscripts) are not decimal and stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

# The punctuation of those scripts read as its ASCII twin, one character for one, for the same
# reason: an address or a town before an Arabic comma or an Ethiopic full stop ("Lillgatan 6,
# Boden።") ends where the rules look for "," and ".". Arabic comma, semicolon, question mark,
# full stop, decimal and thousands separators and percent; Ethiopic word space, full stop, comma,
# semicolon, colon, question mark.
_PUNCTUATION = {
    "\u060c": ",",
    "\u061b": ";",
    "\u061f": "?",
    "\u06d4": ".",
    "\u066b": ",",
    "\u066c": " ",
    "\u066a": "%",
    "\u1361": " ",
    "\u1362": ".",
    "\u1363": ",",
    "\u1364": ";",
    "\u1365": ":",
    "\u1366": ":",
    "\u1367": "?",
}
# a decimal digit that is not 0-9 ("not a non-digit, not 0-9" is one class, scanned in C), or
# one of those punctuation marks
_FOREIGN = re.compile(r"[^\D0-9]|[" + "".join(_PUNCTUATION) + "]")


def _ascii(m: re.Match[str]) -> str:
    c = m.group(0)
    return _PUNCTUATION.get(c) or str(unicodedata.decimal(c))


def ascii_digits(text: str) -> str | None:
    """The text with every non-ASCII decimal digit read as its ASCII digit and the Arabic and
    Ethiopic punctuation as ASCII punctuation, or None when there is none (nearly every text).
    Same length as `text`."""
    if text.isascii() or not _FOREIGN.search(text):
        return None
    return _FOREIGN.sub(_ascii, text)

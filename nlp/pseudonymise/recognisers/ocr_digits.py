"""Letters a scanner read for digits inside a number ("O70-l22 34 56", "194209O3-2264").

OCR confuses O and o with 0, and l, I and | with 1. Inside a run of digits such a letter is a
digit: a personnummer or a phone number with one of them is still one, and no direct
identifier may get through because of its shape. The letters are put back as digits in a copy
of the text of the same length, so every offset stays valid and the recognisers (which still
decide, by date part, phone plan or label word, whether the number is one) read it whole.

Only where the letter stands in a number: the letters of a word are never touched ("Ola",
"lO" alone, "I 070-…"): a group of such characters counts when it holds a real digit, and the
number it stands in (groups joined by spaces and dashes) has enough real digits to be an
identifier.

A short number has too few digits for that test: a postcode ("783 3l"), a house number
("Ekbacken 1O"), an age ("8l år"), the parts of a date ("2O23-l1-O4", "1l.O2.2023") and a plate's
digits ("FKR 5l7"). There only O and l count (the commonest slips, and no Swedish word is made of
them and digits), in a group of at most four characters standing alone (not glued to a letter,
"B1l" stays) that holds a real digit. Read that way it is still only a number: whether it is a
postcode, an age or a date is the recognisers' decision, by their own context ("1l vatten" stays
a quantity).
"""

from __future__ import annotations

import re

# S for 5 too ("l9SS1221-…"): inside a group that holds a real digit, never in a word
_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_GROUP = r"[\dOolI|S]+"
# groups joined by a space, a dash or both, not glued to a word on either side
_NUMBER = re.compile(r"(?<![^\W\d_])" + _GROUP + r"(?:[ \t]{0,2}[-–+]?[ \t]{0,2}" + _GROUP + r")*(?![^\W\d_])")
_GROUP_RE = re.compile(_GROUP)
# a phone number has at least 7 digits, a personnummer 10: a few slips still leave 6 real ones
_MIN_REAL_DIGITS = 6
# A badly scanned number may have as many slips as digits ("O7O-l74 OO 63"): at the length of a
# phone or personnummer (ten characters or more) four real digits are enough, and a group of
# only O and l between two groups with digits is part of it ("OO" there).
_LONG_NUMBER = 10
_MIN_REAL_DIGITS_LONG = 4
_INNER_SLIPS = re.compile(r"[Ol]{1,4}")
# an account's or a personnummer's check digit alone after a dash and read as a letter
# ("8327-9, 123 456 789-O"): one O or l glued to the dash, a digit right before it
_LAST_SLIP = re.compile(r"(?<=\d[-–])[Ol]$")
_CONFUSABLE = re.compile(r"[OolI|S]")
# the quick test: such a letter right beside a digit (nearly every text has an "o" or an "l")
_BESIDE_DIGIT = re.compile(r"\d[OolI|S]|[OolI|S]\d|\d[-–][Ol]")
# a short group of digits with an O or an l, alone between non-letters
_SHORT = re.compile(r"(?<![^\W_])(?=[\dOl]{0,3}\d)[\dOl]{2,4}(?![^\W_])")
_SHORT_SLIP = re.compile(r"[Ol]")
# a table pasted with "|" between its cells ("88213|85.224.13.201|46350"): there the bar is a
# column, not a misread 1, or the cells would run together into one number
_PIPE_TABLE = re.compile(r"\|[^|\n]*\|")


def ocr_digits(text: str) -> str | None:
    """The text with the digit-like letters inside numbers read as digits, or None when there
    are none. Same length as `text`."""
    original = text
    if "|" in text and _PIPE_TABLE.search(text):
        text = text.replace("|", "\n")  # same length; a line break is in no number
    if not _BESIDE_DIGIT.search(text):
        return None
    chars: list[str] | None = None
    for m in _NUMBER.finditer(text):
        number = m.group(0)
        if not _CONFUSABLE.search(number):
            continue
        real = sum(c.isdigit() for c in number)
        groups = list(_GROUP_RE.finditer(number))
        long = sum(len(g.group(0)) for g in groups) >= _LONG_NUMBER and real >= _MIN_REAL_DIGITS_LONG
        if real < _MIN_REAL_DIGITS and not long:
            continue
        for k, g in enumerate(groups):
            group = g.group(0)
            inner = long and 0 < k < len(groups) - 1 and _INNER_SLIPS.fullmatch(group)
            inner = inner or (k and k == len(groups) - 1 and _LAST_SLIP.search(number, 0, g.end()))
            if group.isdigit() or not (inner or any(c.isdigit() for c in group)):
                continue  # a group of letters only is a word ("I", "lO"), not a misread number
            if chars is None:
                chars = list(original)
            start = m.start() + g.start()
            chars[start : start + len(group)] = group.translate(_TO_DIGIT)
    for m in _SHORT.finditer(text):
        if _SHORT_SLIP.search(m.group(0)):
            if chars is None:
                chars = list(original)
            chars[m.start() : m.end()] = m.group(0).translate(_TO_DIGIT)
    return None if chars is None else "".join(chars)

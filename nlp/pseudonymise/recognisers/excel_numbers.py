"""Identifiers a spreadsheet turned into numbers: "1,98504E+11", "8504121230.0", "'503157788",
"8-46500433", "4/17/1958".

Excel reads a personnummer, a phone number or a card number typed into a cell as a number: it
shows a long one in scientific notation (the digits after the sixth are gone from the export),
appends ".0" when the column is a decimal one, drops a leading zero ("0503157788" → 503157788,
"08-46500433" → "8-46500433") and writes an American date when the sheet's locale is American.
What the digits were can no longer be read, but what kind of number it was can, by its size
and its leading digits: the issue's rule for direct identifiers is "shape wins; when unsure,
replace". A price or a count is never this long, and a number with a word saying order,
invoice or answer id before it is left alone.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import luhn

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import (
    AMOUNT_WORDS,
    after_country_code,
    before,
    denied_after,
    plausible_month_day,
)
from nlp.pseudonymise.recognisers.prefilter import guarded

# "1,98504E+11", "4.5719E+15": a mantissa and a positive exponent of two digits
_SCIENTIFIC = guarded(r"(?<![\w.,])(\d)[,.](\d{1,14})E\+(\d\d)(?![\w.,]?\d)")
# ten or twelve digits with a decimal ".0" (a float column): "8504121230.0"
_FLOAT = guarded(r"(?<![\w.,\-])(\d{9,12})\.0(?![\w.,]?\d)")
# nine digits alone in a cell, maybe with Excel's text apostrophe: "'503157788"
# or in brackets after a name ("Elin (pnr 503157788)")
_NINE = re.compile(r"(?:(?<=^)|(?<=[\s;|'\"(]))(\d{9})(?=$|[\s;|\")])", re.MULTILINE)
# a landline whose zero went: "8-46500433", "31-7041234"
_NO_ZERO_LANDLINE = re.compile(r"(?<![\w+\-/.,:])([1-9]\d{0,2})-(\d{5,8})(?![\w\-/.,:]?\d)")
# month first with a four-digit year: "4/17/1958" (a Swedish day first is datum.py's)
_US_DATE = re.compile(r"(?<![\w/.\-])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)\d\d)(?![\w/\-]|\.\d)")
# a word saying the number is something else: an order, an invoice, a survey answer's id
_OTHER = re.compile(
    r"(?i:order|faktura|ärende|referens|ref\b|kvitto|skaden|skadeanm|remissn|svars-?id|respondent|\bid\b|löpn|artikel|beställning|"
    # an amount, a count, a grade or a mean: "Antal svar: 7,01E+08" is a broken cell, not a phone
    + AMOUNT_WORDS
    + r")"
)
_CELL_OR_PHONE = re.compile(
    r"(?i:(?:^|[\t;|\n])[ '\"]*$|\b(?:tel|telefon|mobil|nummer|nr|ring|kontakt|nås)\w*\W{0,3}$)"
)


def _plausible_yymmdd(digits: str) -> bool:
    return plausible_month_day(int(digits[2:4]), int(digits[4:6]))


def _scientific_label(lead: str, rest: str, exponent: int) -> str | None:
    """The kind of number by its size: twelve digits led by 19/20 is a personnummer, eleven led
    by 46 a phone number with its country code, sixteen or so a card number."""
    digits = lead + rest
    if exponent == 11 and digits[:2] in {"19", "20"}:
        return "PERSONNUMMER"
    if exponent == 9:
        return "PERSONNUMMER"
    if exponent == 10 and digits.startswith("46"):
        return "TELEFON"
    if exponent == 8 and digits.startswith("7"):
        return "TELEFON"  # a mobile number without its zero
    if 13 <= exponent <= 18:
        return "KONTONUMMER"
    return None


def _float_label(digits: str) -> str | None:
    if len(digits) == 12 and digits[:2] in {"19", "20"} and _plausible_yymmdd(digits[2:]):
        return "PERSONNUMMER"
    if len(digits) == 10 and _plausible_yymmdd(digits):
        return "PERSONNUMMER"
    if len(digits) == 9 and _plausible_yymmdd("0" + digits) and luhn.is_valid("0" + digits):
        return "PERSONNUMMER"
    if (len(digits) == 9 and digits.startswith("7")) or (len(digits) == 11 and digits.startswith("467")):
        return "TELEFON"  # a mobile number without its zero, or with "46" for "+46"
    return None


def _landline(area: str, rest: str) -> bool:
    try:
        number = phonenumbers.parse("0" + area + rest, "SE")
    except phonenumbers.NumberParseException:
        return False
    kind = phonenumbers.number_type(number)
    return phonenumbers.is_valid_number(number) and kind == phonenumbers.PhoneNumberType.FIXED_LINE


def _numbers(text: str) -> list[Span]:
    spans = []
    for m in _SCIENTIFIC.finditer(text):
        label = _scientific_label(m.group(1), m.group(2), int(m.group(3)))
        if label and not _OTHER.search(before(text, m.start(), 30)) and not denied_after(text, m.end()):
            spans.append(Span(m.start(), m.end(), label))
    for m in _FLOAT.finditer(text):
        label = _float_label(m.group(1))
        if label and not _OTHER.search(before(text, m.start(), 30)):
            spans.append(Span(m.start(), m.end(), label))
    return spans


def find_excel_numbers(text: str) -> list[Span]:
    spans = _numbers(text)
    for m in _NINE.finditer(text):
        digits = m.group(1)
        if (
            _plausible_yymmdd("0" + digits)
            # Excel's text apostrophe ("'503157788") says the cell was typed as an identifier
            and (luhn.is_valid("0" + digits) or text[m.start() - 1 : m.start()] == "'")
            and not _OTHER.search(before(text, m.start(), 40))
            and not after_country_code(text, m.start())  # "+46 701740607": a phone's rest
        ):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    if "-" in text:
        for m in _NO_ZERO_LANDLINE.finditer(text):
            context = before(text, m.start(), 30)
            if _landline(m.group(1), m.group(2)) and _CELL_OR_PHONE.search(context) and not _OTHER.search(context):
                spans.append(Span(m.start(), m.end(), "TELEFON"))
    if "/" in text:
        for m in _US_DATE.finditer(text):
            if int(m.group(2)) > 12:  # day first is read by datum.py; only what it cannot be
                spans.append(Span(m.start(), m.end(), "DATUM"))
    return spans

"""Swedish phone numbers of any kind that lost their leading zero in a spreadsheet, in whatever
grouping the sheet or the writer left: "54 174 00 12", "550174027", "7 0174 0063", "701,740,077"
(a thousands separator), "560-174 00 48", "-701740042" (a minus sign), "46 8 465 000 17" (the
country code without its plus).

A number column drops the zero of "054-174 00 12" and a locale's number format regroups the rest,
so neither the zero nor the usual grouping is left to say "phone". What is left is the digits: a
landline or a mobile number once the zero is put back (phonenumbers checks the plan), and where
it stands: after a phone word ("Ring Eva (god man) på …", "Mitt nr: …"), before one ("… ring
mig"), alone in a cell beside a contact or phone label, alone on the last line of an address
block, or as the writer's contact at the very end of the text ("/Stefan …", "Hälsningar Göran
(…)"). A number said to be another kind (order, invoice, sum, count) is left alone, and so are
amounts: a unit after, or six zeros at the end.
"""

from __future__ import annotations

import re

import phonenumbers

from nlp.core import Span
from nlp.pseudonymise.recognisers.lines import Lines
from nlp.pseudonymise.recognisers.patterns import AMOUNT_UNITS, AMOUNT_WORDS, denied_after, says_other_number, units
from nlp.pseudonymise.recognisers.prefilter import guarded

_SEP = r"(?:[ \t\u00a0]|[ ]?-[ ]?|,)"
# an optional minus sign Excel leaves before a number, then 8–11 digits in groups of 1–4
# (possessive: a number that goes on as a code, "914 553 201-4", is not tried in pieces)
_CANDIDATE = guarded(r"(?<![\w+/.,:\-)])(-?)([1-9]\d{0,10}(?:" + _SEP + r"\d{1,4}){0,5}+)(?!\w|[\-/.,:]\w)")
# after a country code or a bracketed zero: the whole number is telefon.py's
_PREFIX_BEFORE = re.compile(r"(?:(?:\+|00)\d{1,3}|\(0\))[ \u00a0-]?$")
# a mobile, landline or switchboard word, and at most six words before the number on its line
# ("Ring Eva Lindholm (god man) på …", "Mitt nr: …", "Kontakt: Jonas Ek;…")
_WORD_BEFORE = guarded(
    r"(?i:\b(?:ring|ringa|tel|telefon|mobil|nummer|numret|nr|nås|sms|messa|whatsapp|kontakt|kontakta|"
    r"kontaktuppgifter|telefonnummer|mobilnummer|mobilnr|telnr)\w*)[^\n\d]{0,50}$"
)
_WORD_AFTER = re.compile(r"(?i)^[^\w\n]{0,3}(?:ring|sms|messa|tel)\b")
# said to be a personnummer ("pnr 105152383"), or an amount, a count or a grade before it
_NOT_PHONE_BEFORE = re.compile(
    r"(?i:\b(?:p-?nr|pnr|personn|samordningsn|kostnad|"
    + AMOUNT_WORDS
    + r"|konto|bankgiro|plusgiro|swish|kort|clearing)\w*)[^\n\d]{0,12}$"
)
# a unit, a currency or a word after it says it is an amount or a measure
_UNIT_AFTER = re.compile(r"^[ \u00a0]?" + units(AMOUNT_UNITS))
_CELL_BEFORE = re.compile(r"(?:^|[;\t|\n])[ \"']*$")
_SEPARATOR_BEFORE = re.compile(r"[;\t|\n][ \"']*$")
_CELL_AFTER = re.compile(r"^[ \"']*(?:$|[;\t|\n])")
# the end of the text: at most a closing bracket, a quote or a full stop after the number
_TEXT_END = re.compile(r"[ )\"'.!]*\n?\Z")
_BLANK_TO_END = re.compile(r"[ \"'\n]*\Z")
# How far back the words and cell marks before a number are looked for: the patterns above
# reach at most ~80 characters, and a bound keeps a long line of candidates linear (a cell of
# 100,000 characters of "7 0174 0063;" took 105 CPU s when each candidate searched its line).
_LOOK_BACK = 200


def _restored(digits: str) -> tuple[phonenumbers.PhoneNumber, str] | None:
    """The number with its zero (or its "+") put back, when the plan knows such a number."""
    tries = ["0" + digits]
    if digits.startswith("46"):
        tries.append("+" + digits)  # "46 8 465 000 17": the country code without its plus
    for value in tries:
        try:
            number = phonenumbers.parse(value, "SE")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number, value
    return None


def _plausible(digits: str, written: str) -> bool:
    """A Swedish number with its zero back; one digit too many for the plan is still one when
    written with an area code and a dash ("560-174 00 48", as "0560-174 00 48" is)."""
    if not 8 <= len(digits) <= 11 or digits.endswith("000000"):
        return False
    if re.fullmatch(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", digits):
        return False  # "20250218": a date written without separators
    if _restored(digits) is not None:
        return True
    if len(digits) == 10 and re.match(r"[1-9]\d{1,2}-", written):
        number = phonenumbers.parse("0" + digits, "SE")
        return phonenumbers.is_possible_number(number)
    return False


def _phone_grouping(written: str) -> bool:
    """Grouped as a phone number is: an area code or a mobile prefix of at most three digits
    first ("54 174 00 12", "7 0174 0063"), or no groups at all. More than eleven digits is a
    longer number (a card, an account), a year and a dash a date or a case number."""
    first = re.match(r"\d+", written)
    groups = first is not None and (first.end() == len(written) or first.end() <= 3)
    return groups and len(re.sub(r"\D", "", written)) <= 11 and not re.search(r"(?:19|20)\d\d-", written)


def _evidence(text: str, start: int, end: int, minus: bool, lines: Lines, named: bool) -> bool:
    """`named`: the text holds a phone word at all (`_WORD_BEFORE.may_match`, asked once per text)."""
    # the line's start by the text's line breaks found once (an rfind per candidate read a
    # 100,000-character line back to its start once per number)
    line_start = lines.start(start)
    window = max(line_start, start - _LOOK_BACK)
    left = text[window:start]
    right = text[end : end + 40]
    if (named and _WORD_BEFORE.unguarded.search(left)) or _WORD_AFTER.match(right):
        return True
    if minus:
        return False  # "-701 …" alone is a negative number
    own_cell = (_CELL_BEFORE if window == line_start else _SEPARATOR_BEFORE).search(left) and _CELL_AFTER.match(right)
    if own_cell and named and _WORD_BEFORE.unguarded.search(text[max(0, line_start - 60) : line_start]):
        return True  # the line before names it: "Telefon;…⏎…;701740077"
    if own_cell and start == line_start and line_start > 0 and _BLANK_TO_END.match(text, end):
        return True  # alone on the last line, under a name and an address
    # the writer's contact at the end of the text, after a name, a greeting or a question
    return len(re.sub(r"\D", "", text[start:end])) >= 9 and bool(_TEXT_END.match(text, end))


def find_zero_lost_phones(text: str) -> list[Span]:
    spans: list[Span] = []
    # each writing's plan checked once per text: a long cell repeats them, and phonenumbers' parse
    # was most of its cost
    plausible: dict[tuple[str, str], bool] = {}
    lines = Lines(text)
    named = _WORD_BEFORE.may_match(text)  # the phone words, once per text and not per number
    for m in _CANDIDATE.finditer(text):
        written = m.group(2)
        start = m.start(2)
        if not _phone_grouping(written):
            continue
        # a greedy match may swallow a number after it: drop groups from the end until one fits
        while True:
            digits = re.sub(r"\D", "", written)
            end = start + len(written)
            if (digits, written) not in plausible:
                plausible[digits, written] = _plausible(digits, written)
            if plausible[digits, written]:
                break
            shorter = re.sub(_SEP + r"\d{1,4}$", "", written)
            if shorter == written:
                digits = ""
                break
            written = shorter
        if not digits or text[end : end + 1] in {"-", ","} and text[end + 1 : end + 2].isdigit():
            continue
        before = text[max(0, start - 60) : start]
        if _PREFIX_BEFORE.search(before) or _NOT_PHONE_BEFORE.search(before) or says_other_number(text, start):
            continue
        if _UNIT_AFTER.match(text[end : end + 10]) or denied_after(text, end):
            continue
        if _evidence(text, start, end, bool(m.group(1)), lines, named):
            spans.append(Span(start, end, "TELEFON"))
    return spans

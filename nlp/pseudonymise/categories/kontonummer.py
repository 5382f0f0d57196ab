"""KONTONUMMER: bank accounts (clearing + account), bankgiro, plusgiro, IBAN, card numbers.

Validators come from python-stdnum (IBAN check digits, Luhn). Shape wins, as for every
direct identifier: a checksum that passes is evidence, not a requirement; with a bank or
card word before it a number of the right shape is replaced whatever its check digit says.
Only an explicit other meaning (OCR, order, invoice) keeps a number.
"""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban
from stdnum import luhn

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.mixed_digits import with_words_written
from nlp.pseudonymise.recognisers.patterns import after_country_code, before_odd_dash
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.said_digits import said_in_words
from nlp.pseudonymise.recognisers.written_out import words_as_digits

_WS = r"[ \t\u00a0]"
# between a number's groups: a dash (spaces around it or not) or up to three spaces, as a form's
# columns or a justified line leave them ("4571   2206   4410", "5431 - 1234")
_GROUP_SEP = r"(?:" + _WS + r"?[-–]" + _WS + r"?|" + _WS + r"{1,3})"
# after the clearing number also a comma, and a line break after it ("8327-9,⏎123 456 789-0")
_SEP = r"(?:" + _GROUP_SEP + r"|,(?:" + _WS + r"?\r?\n)?" + _WS + r"?)"
# words that say the number that follows is an account or a card
_CONTEXT = re.compile(
    r"(?i:konto|clearing|clnr|bank|swedbank|nordea|handelsbanken|\bseb\b|danske|sparbank|"
    r"länsförsäkringar|icabanken|ica banken|skandiabanken|avanza|nordnet|lunar|insättning|"
    r"sätt in|sätta in|betala(?:s|de)? (?:till|in)|pengarna till|lönen|utbetalning|kort|card|visa\b|"
    r"mastercard|amex|american express|maestro|iban|bic|swift)"
)
# a bank named right after the number: "5212 0045 678 (SEB)", "… hos Nordea"
_BANK_AFTER = re.compile(
    r"^[\s,:(]*(?:hos|på|i)?[\s]*(?i:swedbank|nordea|handelsbanken|seb|danske|sparbank|länsförsäkringar|"
    r"ica ?banken|skandia(?:banken)?|avanza|nordnet|lunar)\b"
)
# an explicit other meaning for a long number
_NEGATIVE = re.compile(
    r"(?i:\bocr|order|faktura|ärende|referens|\bref\b|kvitto|artikel|serienummer|"
    r"bokning|spårning|kolli|paket|försändelse|lot\b|batch|tidsstämpel|logg|"
    # a bank's own reference for one payment: "transaktions-ID 4482-…", "transaktionsnr"
    r"transaktion|"
    # a patient's or client's number in a care provider's records (JOURNALNUMMER reads them)
    r"reserv|journal|klient|\bRN\b|"
    # an asylum seeker's or a residence permit's card number (JOURNALNUMMER reads them too)
    r"\bLMA\b|\bLMA-kort|\bUT-kort)"
)
# where a labelled number is kept, between its label and the number: "… hos försäkringsbolaget: "
_HELD_AT = re.compile(r"(?:hos|på|från|vid)[ \t]+\w+(?:[ \t]+\w+)?[ \t]*:[ \t]*$")
# a sentence's end: an other meaning in the next sentence says nothing about this number
_SENTENCE_END = re.compile(r"[|\t\n]|[.!?](?=\s|$)")

# a group of four cut by a line break, as a narrow field wraps it ("4571 22⏎06 4410 …"): the
# break only inside a group (two groups of two on two lines are no card)
_FOUR = r"(?:\d{4}|\d(?:\d\r?\n\d|\r?\n\d\d|\d\d\r?\n)\d)"
_FOUR_BANK = r"(?:[A-Za-z0-9]{4}|\d(?:\d\r?\n\d|\r?\n\d\d|\d\d\r?\n)\d)"
# letters only in the first group (a bank code: "GB29 NWBK 6016 …"), so no words are swallowed
_IBAN = re.compile(
    r"(?<![\w])([A-Za-z]{2}\d{2}"
    + _WS
    + r"{0,3}"
    + _FOUR_BANK
    + r"(?:"
    + _WS
    + r"{0,3}"
    + _FOUR
    + r"){1,6}(?:"
    + _WS
    + r"{0,3}\d{1,3})?)(?![\w])"
)
# 13–19 digits in groups of four (Amex 4-6-5), spaces or dashes between
_CARD = re.compile(
    r"(?<![\d-])(?:{4}(?:{s}?{4}){2}(?:{s}?\d{1,4}){1,2}|\d{4}{s}?\d{6}{s}?\d{5})(?![\d-])".replace(
        "{s}", _GROUP_SEP
    ).replace("{4}", _FOUR)
)
_CARD_SEPS = re.compile(r"(?<=\d)" + _GROUP_SEP + r"(?=\d)")
_CARD_LAST = re.compile(_GROUP_SEP + r"\d{1,4}$")
# clearing number (4 digits, Swedbank's 8xxx-x) then the account number, 6–10 digits in groups;
# never after "+": "+4670-1740661" is a phone number with its country code glued on; nor glued
# to a letter: "J2023-114752" is a system's code (a journal number), no bank's clearing number
_ACCOUNT = re.compile(
    # Swedbank's five-digit clearing number may lose its dash: "82149 903 412 778-4"
    r"(?<![\dA-Za-zÅÄÖåäö+-])(?:[1-9]\d{3}(?:-\d)?|8\d{4}(?="
    + _WS
    + r"))"
    + _SEP
    + r"\d{1,4}(?:"
    + _GROUP_SEP
    + r"?\d{1,4}){0,4}(?:[-–]\d)?(?![\d-])"
)
_GIRO = guarded(
    r"(?i:(?P<bg>bankgiro(?:nummer|numret|t|nr)?|bg(?:-?nr)?)|(?P<pg>plusgiro(?:nummer|numret|t|nr)?|"
    # "deras plusgiro, 48 33 12-6": a comma may stand before the number in speech
    # the number may stand in quotes or brackets: 'bankgiro "5431-1234"', "plusgiro (48 33 12-6)"
    r"postgiro(?:t|nummer)?|pg(?:-?nr)?))\b[\s:.(\[\"'”“]*(?:,[\s]+)?"
    # "bankgiro till er 5431-…", "bankgirot är vårt 123-…": a few small words between
    r"(?:(?:är|var|till|nr|nummer|på|er|ert|vårt|vår|deras|hans|hennes|mitt|min|hos|oss|dem)\b[\s:.]*){0,3}"
    r"(?P<num>\d(?:" + _GROUP_SEP + r"?\d){0,9})(?!\d)"
)
_LAST_GROUP = re.compile(_GROUP_SEP + r"\d+$")
# "clearing 6789 konto 412 556 903": the clearing number and the account named apart
_CLEARING_THEN_ACCOUNT = re.compile(
    r"(?i:clearing(?:nummer|nr)?\.?)[\s:]*(?P<num>[1-9]\d{3}(?:-\d)?[\s,]+(?i:och\s+)?(?i:konto(?:nummer|nr)?\.?)[\s:]*"
    r"\d(?:[ \u00a0-]?\d){5,11})(?!\d)"
)
# "kontonummer 12345678901", "konto: 5011 12 345 67": a labelled number without clearing
_LABELLED = re.compile(
    r"(?i:konto(?:nummer|numret|nr|t)?|kontonr\.?|kortnummer|kortnumret|kortet)\b[\s:.]*"
    r"(?:(?:är|till|nr|nummer|på|mitt|med)\b[\s:.]*){0,3}(?P<num>\d[\d \u00a0–-]{5,22}\d)(?!\d)"
)


# Swish numbers of businesses and associations are 123 + seven digits ("123 417 22 09");
# a private Swish number is the holder's mobile number, which TELEFON finds.
_SWISH = guarded(r"(?<![\d-])123(?:[ \u00a0-]?\d){7}(?![\d-])")
_SWISH_WORD = re.compile(r"(?i:swish)")


_ISO_DATE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
_ANY_DIGITS = re.compile(r"\d\d")  # every kind here has two digits in a row


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _context(text: str, start: int, width: int = 60) -> bool:
    return bool(_CONTEXT.search(text[max(0, start - width) : start]))


def _negative(text: str, start: int, end: int) -> bool:
    """An other meaning said next to the number, in its own cell: "… 781-4 | mejla kvitto"
    is an account, the receipt belongs to the next field."""
    before = _SENTENCE_END.split(text[max(0, start - 30) : start])[-1]
    held = _HELD_AT.search(text, max(0, start - 40), start)  # "Ärendenummer hos försäkringsbolaget: …"
    if held:
        before = _SENTENCE_END.split(text[max(0, held.start() - 30) : start])[-1]
    after = _SENTENCE_END.split(text[end : end + 15])[0]
    return bool(_NEGATIVE.search(before) or _NEGATIVE.search(after))


def _iban_spans(text: str) -> list[Span]:
    spans = []
    for m in _IBAN.finditer(text):
        value = m.group(1)
        compact = re.sub(r"\s", "", value).upper()
        if sum(ch.isdigit() for ch in compact) < 10:
            continue
        if (
            stdnum_iban.is_valid(compact)
            or compact.startswith("SE")
            and len(compact) == 24
            or _context(text, m.start(), 30)
        ):
            spans.append(Span(m.start(1), m.end(1), "KONTONUMMER"))
    return spans


def _card_matches(text: str) -> list[tuple[int, int, str]]:
    """Card-shaped numbers without a trailing group that is something else: in
    "kort 4917-6102-3345-0081 14/1" the card was paid with on the 14th. The last group goes
    when it is written apart from the others, or when only the number without it passes Luhn."""
    out = []
    for m in _CARD.finditer(text):
        value = m.group(0)
        shorter = _CARD_LAST.sub("", value)
        if shorter != value and 13 <= len(_digits(shorter)):
            seps = _CARD_SEPS.findall(value)
            odd_last = seps[0] != seps[-1]
            if odd_last or (not luhn.is_valid(_digits(value)) and luhn.is_valid(_digits(shorter))):
                value = shorter
        out.append((m.start(), m.start() + len(value), value))
    return out


def _card_spans(text: str) -> list[Span]:
    spans = []
    for start, end, value in _card_matches(text):
        digits = _digits(value)
        if not 13 <= len(digits) <= 19 or _negative(text, start, end):
            continue
        if luhn.is_valid(digits) or _context(text, start):
            spans.append(Span(start, end, "KONTONUMMER"))
    return spans


def _card_spans_all(text: str) -> list[Span]:
    """A card number that passes Luhn with a card word before it is a card, even next to a
    receipt or an order ("mitt kort … inte som deras kvitto, mitt är 4916-…")."""
    spans = _card_spans(text)
    for start, end, value in _card_matches(text):
        digits = _digits(value)
        if (
            13 <= len(digits) <= 19
            and luhn.is_valid(digits)
            and _context(text, start)
            and not any(s.start == start for s in spans)
        ):
            spans.append(Span(start, end, "KONTONUMMER"))
    return spans


def _account_spans(text: str) -> list[Span]:
    spans = []
    for m in _ACCOUNT.finditer(text):
        value = m.group(0)
        five = re.match(r"\d{4}-\d(?!\d)|8\d{4}(?!\d)", value)
        account = _digits(value)[5:] if five else _digits(value)[4:]
        if not 6 <= len(account) <= 11 or _negative(text, m.start(), m.end()):
            continue
        if _ISO_DATE.match(value):
            continue  # "2026-02-19 11:02" next to "Kort:" is when, not an account
        context = _context(text, m.start()) or _BANK_AFTER.match(text[m.end() : m.end() + 25])
        # Nordea's personkonto is clearing 3300 and the holder's personnummer: "3300 560712-3345"
        personkonto = value.startswith("3300") and len(account) == 10
        # Without a bank word only the plain writings "8327-9, 123 456 789-0" and
        # "6789-123456789": a date ("2024-03-12 14") or a count has no such shape.
        plain = re.fullmatch(r"\d{4}(?:-\d)?(?:-|,|" + _WS + r"?[-–,]" + _WS + r"?)[\d \u00a0]{6,16}(?:-\d)?", value)
        if context or plain or personkonto:
            spans.append(Span(m.start(), m.end(), "KONTONUMMER"))
    return spans


def find_giro(text: str) -> list[Span]:
    """Bankgiro and plusgiro numbers after their names: a giro number alone is any number."""
    spans = []
    for m in _GIRO.finditer(text):
        num = before_odd_dash(m.group("num"))  # "plusgiro 4833-6 – 12": the number, then a date
        while len(_digits(num)) > 8 and _LAST_GROUP.search(num):  # "bankgiro 5431-1234 12 st"
            num = _LAST_GROUP.sub("", num)
        n = len(_digits(num))
        if (m.group("bg") and 7 <= n <= 8) or (m.group("pg") and 2 <= n <= 8):
            spans.append(Span(m.start("num"), m.start("num") + len(num), "KONTONUMMER"))
    return spans


def find_kontonummer(text: str) -> list[Span]:
    if not _ANY_DIGITS.search(text):
        return []
    spans = _iban_spans(text) + _card_spans_all(text) + _account_spans(text)
    spans += [
        Span(m.start(), m.end(), "KONTONUMMER")
        for m in _SWISH.finditer(text)
        if _SWISH_WORD.search(text[max(0, m.start() - 60) : m.end() + 30]) and not _negative(text, m.start(), m.end())
    ]
    spans += find_giro(text)
    spans += [Span(m.start("num"), m.end("num"), "KONTONUMMER") for m in _CLEARING_THEN_ACCOUNT.finditer(text)]
    for m in _LABELLED.finditer(text):
        num = before_odd_dash(m.group("num")).rstrip(" -–")
        if 7 <= len(_digits(num)) <= 19:
            spans.append(Span(m.start("num"), m.start("num") + len(num), "KONTONUMMER"))
    # "+49 1522 318 7740" is a phone, whatever card word stood earlier
    return _merge([sp for sp in spans if not after_country_code(text, sp.start)])


def _merge(spans: list[Span]) -> list[Span]:
    """Overlapping finds of one number (a card also has an account's shape) are one find."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and sp.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, sp.end), "KONTONUMMER")
        else:
            out.append(sp)
    return out


def normalise(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", words_as_digits(value).upper())


CATEGORY = Category(
    label="KONTONUMMER",
    priority=25,
    # "åtta tre två sju fem, nio tre fyra …": an account said in words (recognisers/said_digits.py)
    # "5431 ett två tre fyra": part in digits, part in words (recognisers/mixed_digits.py)
    recognisers=(
        find_kontonummer,
        said_in_words(find_kontonummer),
        with_words_written(find_kontonummer),
        # a giro number named right before it, in four number words or ending in one word:
        # "bankgiro femtiofyra trettioett, tolv trettiofyra", "plusgiro 48 33 12 sex"
        said_in_words(find_giro, named=_GIRO.may_match),
        with_words_written(find_giro, named=_GIRO.may_match),
    ),
    description="kontonummer",
    normalise=normalise,
)

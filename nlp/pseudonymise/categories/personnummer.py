"""PERSONNUMMER: personnummer and samordningsnummer, by shape; the check digit is evidence."""

from __future__ import annotations

import re
from datetime import date

import phonenumbers
from stdnum import luhn

from nlp.core import Span
from nlp.pseudonymise.category import Category, digits_only
from nlp.pseudonymise.recognisers.european_ids import find_european_ids
from nlp.pseudonymise.recognisers.excel_numbers import find_excel_numbers
from nlp.pseudonymise.recognisers.foreign_number_words import FOREIGN_OTHER_NUMBER
from nlp.pseudonymise.recognisers.lines import Lines
from nlp.pseudonymise.recognisers.mixed_digits import with_words_written
from nlp.pseudonymise.recognisers.nordic_ids import find_nordic_ids
from nlp.pseudonymise.recognisers.patterns import (
    WS,
    after_country_code,
    before,
    plausible_month_day,
    says_other_number,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.reserve_numbers import find_reserve_numbers
from nlp.pseudonymise.recognisers.table_columns import column_header, find_column_identifiers
from nlp.pseudonymise.recognisers.written_out import find_written_phone, spoken_numbers

_PNR = re.compile(
    # A separator may end a line: "20010923-⏎2439" (a form wrapped by the writer's program).
    # The date part may be spaced like a phone number: "56 04 14 - 0979", "1999 09 23-5609".
    # The century may stand apart ("19 770530 4482") and a form may group the digits in
    # fours ("1948 0815 2211") or split after the first four ("0105 71-3382", as a phone number
    # is written): these only count with a word saying personnummer (below).
    r"(?<![\w/-])((?:(?:19|20)[ ]?)?\d{6}|(?:(?:19|20)[ ]?)?\d\d[ ]\d\d[ ]\d\d|(?:19|20)\d\d[ ]\d{4}|\d{4}[ ]\d\d)(?:"
    + WS
    # a dot or a slash stands for the dash too ("811218.9876", "811218/9876"), several spaces
    # for one ("811218   9876": a form's columns, a justified line)
    + r"?([-+–./])(?:"
    + WS
    + r"?\r?\n)?"
    + WS
    + r"?|"
    + WS
    + r"{1,3})?(\d{4}|\d\d[ ]\d\d)(?![\w-])"
)
_PNR_POS = re.compile(
    # "pnr" as a word of its own: "löpnr" (a serial number) ends the same way
    r"person\s*n(?:umme)?r|pers\.?\s*nr|(?<![a-zåäö])p-?nr|samordnings\s*n(?:umme)?r|född|födelse|"
    r"personnumret|personnumm"
)
_PNR_NEG = re.compile(
    r"order|beställning|faktura|ärende|remissn|remiss-?nr|remiss-?id|referens|ref\b|ref\.|kvitto|kvittens|kundn|artikel|serien|"
    r"löpn|bokning|tidsstämpel|\blogg|batch|lot\b|id-?nr|id:|klockan|\bkl\b|avi\b|ocr|paket|"
    # a lab sample's own number, given on the tube and the referral: "Provnr …", "labbnummer …"
    r"\bprov-?n|\bprovets-?n|\blabb?-?n|"
    # not "konto"/"kontot": a personnummer-shaped number on an account is a personkonto (the
    # personnummer itself) or the number the account is logged in with ("pappas konto (…)")
    # goods as they are packed: "kartong nr …", "förpackning nr …"
    r"försändelse|spårning|kolli|leverans|kartong|förpackning|transaktion|kontonum|avtal|kontrakt|licens|registrerings|"
    # a case file's or a quality system's own number: "Dnr 20240311-0042", "Avvikelse-ID 241118-0042"
    r"diarie|\bdnr\b|(?:avvikelse|händelse|incident|rapport|dokument)s?-?id\b"
    # an ambulance's or a transport's mission: "Ambulansuppdrag nr …", "Uppdragsnummer …"
    r"|uppdrag(?:s-?n(?:umme)?r|s-?id|" + WS + r"+nr\b)"
    # the same in the languages of multilingual answers ("رقم الطلب", "номер заказа")
    r"|" + FOREIGN_OTHER_NUMBER
)


def _plausible_birth_date(digits12: str) -> bool:
    """Plausible-ish: a month and a day (samordningsnummer: day + 60) in range, a past year.

    The exact calendar date is evidence, not a requirement: "850230-1234" is still a
    mistyped personnummer, not something else.
    """
    year, month, day = int(digits12[:4]), int(digits12[4:6]), int(digits12[6:8])
    return plausible_month_day(month, day) and date.today().year - 120 <= year <= date.today().year


def _full_digits(first: str, sep: str | None) -> str | None:
    if len(first) == 8:
        return first
    yy = int(first[:2])
    today = date.today()
    century = 1900 if 2000 + yy > today.year else 2000
    if sep == "+":  # '+' marks someone over 100 years old
        century -= 100
    return f"{century + yy}{first[2:]}"


def _phone_number(digits: str) -> bool:
    """A bare 0-led number phonenumbers knows ("0701740623", "0501234567") is a phone number."""
    try:
        num = phonenumbers.parse(digits, "SE")
    except phonenumbers.NumberParseException:
        return False
    return digits.startswith("0") and phonenumbers.is_valid_number(num)


# a phone word or a writer's own contact just before: "ring 0901234567", "nås på …", "nr: …"
PHONE_BEFORE = re.compile(
    r"(?:ring|tel|telefon|mobil|nummer|numret|nr|nås|sms|växel|kontakt|kontakta|svara|samtal)\w*\W{0,3}"
    r"(?:\w+\W+){0,2}$"
)


# a phone label before, after another number: "pnr 4601019876 tel 0705556677" – the
# personnummer label named the first number, the phone label names this one; a word or two may
# stand between the phone word and its number ("… är 4601019876. Ring gärna 0702 11 38 54")
_PHONE_LABEL_LAST = re.compile(r"\d\D*\b(?:tel|telefon|tfn|mobil|mob|ring|nås|sms)\w*\W{0,3}(?:[a-zåäö]+\W{1,3}){0,2}$")


def _named_here(lead: str) -> bool:
    """A personnummer label before the number, and no phone label after it and another number."""
    found = list(_PNR_POS.finditer(lead))
    return bool(found) and not _PHONE_LABEL_LAST.search(lead, found[-1].end())


# the number's own name in brackets right after it names it whatever label stands before:
# "ID: 19xxxxxx-xxxx (samordningsnummer)", "Kod: xxxxxx-xxxx (pnr)"
_NAMED_AFTER = re.compile(r"[ \t]?\([ \t]?(?:" + _PNR_POS.pattern + r")[\wåäö]*[ \t]?\)", re.IGNORECASE)


_FIELD_END = re.compile(r"[ \t]*(?:\n|$|[,;)])")


def _record_field(digits: str, text: str, start: int, end: int) -> bool:
    """Ten bare digits closing a person's line in a form ("Sökande: Lova B, 08051739..⏎") whose
    subscriber part after the area code starts with 0 ("08-0228 4425"): no Swedish subscriber
    number does (0 is the trunk prefix), though phonenumbers accepts it, so with no phone word
    before it is the personnummer of someone born 2000–2009, a check digit mistyped or not."""
    num = phonenumbers.parse(digits, "SE")
    subscriber = str(num.national_number)[phonenumbers.length_of_national_destination_code(num) :]
    return (
        subscriber.startswith("0")
        and _FIELD_END.match(text, end) is not None
        and not PHONE_BEFORE.search(before(text, start, 30))
    )


def _born_2000s(digits: str, text: str, start: int) -> bool:
    """A bare ten digits led by 0 that pass the check digit with a birth date in range, no mobile
    number, and no phone word before: the personnummer of someone born 2000–2009 ("Kevin
    0801306150"), though phonenumbers also reads a landline in it (08-013 061 50). A landline
    written as ten bare digits passes the check digit one time in ten, and is said to be a
    phone by the words before it; a mobile number is never a personnummer here."""
    if not (luhn.is_valid(digits) and _plausible_birth_date(f"20{digits[:6]}{digits[6:]}")):
        return False
    try:
        mobile = phonenumbers.number_type(phonenumbers.parse(digits, "SE")) == phonenumbers.PhoneNumberType.MOBILE
    except phonenumbers.NumberParseException:
        mobile = False
    return not mobile and not PHONE_BEFORE.search(before(text, start, 30))


# a child named just before, by the parent writing: "pappa till Vilgot 0611084412", "min dotter
# Elvira, 0802114422" – the number belongs to the child named, so ten bare digits whose check
# digit holds on a birth date are the child's personnummer even when they read as a mobile number
# (a parent's own number follows "ring mig" or their own name, not the child's)
_CHILD_NAMED_BEFORE = re.compile(
    r"(?<![\w-])(?i:(?:mamma|pappa|mor|far|förälder|vårdnadshavare|mormor|morfar|farmor|farfar)[ \t]+till"
    r"|(?:min|mitt|vår|vårt)[ \t]+(?:son|dotter|barn|pojke|flicka|grabb|tjej|kille))[ \t]+"
    r"[A-ZÅÄÖa-zåäöé][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé]+)?[ \t]*,?[ \t]*$"
)


def _child_named_before(digits: str, text: str, start: int) -> bool:
    """Ten bare digits right after a child named by a parent, their check digit holding on a
    birth date from 2000–2009 (see _CHILD_NAMED_BEFORE)."""
    return (
        luhn.is_valid(digits)
        and _plausible_birth_date(f"20{digits}")
        and _CHILD_NAMED_BEFORE.search(text, max(0, start - 48), start) is not None
    )


def _separated_shape(first: str, sep: str | None) -> bool:
    """ "910832-4451", "851345-1237": written as a personnummer, with an impossible date.

    Organisationsnummer have a month of 20 or more; 0-led numbers may be phones. A "+" (over
    100) with an age that does not fit is a slip of the writer's, still a personnummer."""
    if sep not in {"-", "–", "+"} or len(first) != 6:
        return False
    month = int(first[2:4])
    # 13–19 is a typo'd month ("ingen månad 13"): shape wins, the check digit is not needed
    return not (month == 0 or month >= 20 or first.startswith("0"))


# every digit apart, as some forms force: "1 9 8 5 0 4 1 2 - 1 2 3 4"
_ONE_BY_ONE = re.compile(r"(?<![\w-])\d(?:[ ]\d){5,7}[ ]?(?:[-+–][ ]?)?\d(?:[ ]\d){3}(?![\w-])")


def _one_by_one(text: str) -> list[Span]:
    spans = []
    for m in _ONE_BY_ONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) not in (10, 12):
            continue
        sep = "+" if "+" in m.group(0) else None
        full = _full_digits(digits[:-4], sep)
        positive = bool(_PNR_POS.search(before(text, m.start())))
        if full and (positive or (_plausible_birth_date(full + digits[-4:]) and not _phone_number(digits))):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    # a spaced or grouped reading after "+49 (0)" is a foreign phone's national part too
    return _with_float_tail(text, [sp for sp in spans if not after_country_code(text, sp.start)])


# read out in groups as they come, after "personnummer": "96 11 03 - 7 7 3 1", "78 1205 eh 0 4 2 8"
_GROUPED = re.compile(r"(?<![\w-])\d{1,4}(?:(?:[ ]?[-–][ ]?|[ ](?:eh|ehm|öh|öhm)[ ]|[ ])\d{1,4}){2,11}(?![\w-])")
# a date written out in full opening the stretch ("Period: 2024-01-01 – 2026-11-30"): a date
# range, not a number read out; "1931-08-14-6651" with its last four is the dated form's (below)
_ISO_DATE_FIRST = re.compile(r"(?:19|20)\d\d([-–])\d\d\1\d\d(?!\d)")


def _grouped(text: str) -> list[Span]:
    spans = []
    for m in _GROUPED.finditer(text):
        if not _PNR_POS.search(before(text, m.start())) or _ISO_DATE_FIRST.match(m.group(0)):
            continue
        groups = list(re.finditer(r"\d+", m.group(0)))
        digits = ""
        for g in groups:
            digits += g.group(0)
            full = _full_digits(digits[:-4], None) if len(digits) in (10, 12) else None
            if full and _plausible_birth_date(full + digits[-4:]):
                if not _phone_number(digits):  # "… och tel 070 174 06 19" after the personnummer
                    spans.append(Span(m.start(), m.start() + g.end(), "PERSONNUMMER"))
                break
    return spans


def _spoken(text: str) -> list[Span]:
    """A personnummer read aloud: "sex åtta noll nio två fyra nitton tio" (680924-1910)."""
    spans: list[Span] = []
    phones: list[Span] | None = None
    for start, end, digits in spoken_numbers(text):
        if len(digits) not in (10, 12) or any(s.start < end and start < s.end for s in spans):
            continue
        positive = bool(_PNR_POS.search(before(text, start)))
        full = _full_digits(digits[:-4], None)
        if not (full and _plausible_birth_date(full + digits[-4:]) and (positive or not _phone_number(digits))):
            continue
        if not positive:
            # a phone number said after a false start ("noll sju noll eh noll sju noll ett …"):
            # a stretch across the restart can read as a date and cut the phone short, the
            # phone is what was said (a phone inside the stretch is its own digits' look-alike)
            phones = find_written_phone(text) if phones is None else phones
            if any(p.start < end < p.end and start < p.start for p in phones):
                continue
        spans.append(Span(start, end, "PERSONNUMMER"))
    return spans


# groups split by one or two spaces anywhere, as a scanner or a hurried hand leaves them:
# "19900514-2 4 6 8", "380411-1 57 9", "197404 27-3362", "8805 12-4480", "1930 0918 3397"
_SPACED = re.compile(r"(?<![\w/+-])\d{1,10}(?:(?:[ ]{1,2}|[ ]?[-+–][ ]?)\d{1,8}){1,7}(?![\w-])")


def _spaced(text: str) -> list[Span]:
    """10 or 12 digits in groups with a personnummer's date part and its separator before the
    last four (or 12 digits led by the century, a form's 4-4-4): the date part must be a
    plausible birth date, and a phone number or a number said to be another kind stays one."""
    spans = []
    for m in _SPACED.finditer(text):
        value = m.group(0)
        for g in re.finditer(r"\d+", value):  # each group may start the number
            candidate = value[g.start() :]
            if " " not in candidate:
                break  # the pattern for the usual writings reads it
            digits = re.sub(r"\D", "", candidate)
            seps = re.findall(r"[-+–]", candidate)
            if len(digits) not in (10, 12) or len(seps) > 1:
                continue
            if seps:
                after_sep = re.sub(r"\D", "", candidate[candidate.index(seps[0]) :])
                if len(after_sep) != 4:
                    continue
            elif not (
                re.fullmatch(r"(?:19|20)\d\d[ ]{1,2}\d{4}[ ]{1,2}\d{4}", candidate)
                # a list's or a hurried copy's odd split of the twelve digits by one space
                # ("1955031228 05", not a count and a date "2019 08 12 34 56"): led by the
                # century, and the check digit holds or a personnummer was named
                # shortly before (a copy with a slip: "pnr … Ni har fel, där står …")
                or (
                    len(digits) == 12
                    and re.fullmatch(r"(?:19|20)\d+[ ]\d+", candidate)
                    and (luhn.is_valid(digits[2:]) or _PNR_POS.search(before(text, m.start(), 150)))
                )
            ):
                continue  # without a separator only the form's 4-4-4
            full = _full_digits(digits[:-4], seps[0] if seps else None)
            start = m.start() + g.start()
            if not (full and _plausible_birth_date(full + digits[-4:])) or _phone_number(digits):
                continue
            if digits.startswith("0") or says_other_number(text, start, _PNR_NEG):
                continue  # "08 12 34-56 78" is a phone number's writing
            spans.append(Span(start, m.end(), "PERSONNUMMER"))
            break
    return spans


# the date part written as a date, then the last four: "1931-08-14-6651", "1936.04.22-3391"
_DATED = guarded(r"(?<![\w/+.-])((?:19|20)\d\d)([-–.])(\d\d)\2(\d\d)[ ]?([-+–])[ ]?(\d{4})(?![\w-])")


def _dated(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), "PERSONNUMMER")
        for m in _DATED.finditer(text)
        if _plausible_birth_date(m.group(1) + m.group(3) + m.group(4) + m.group(6))
        and not says_other_number(text, m.start(), _PNR_NEG)
    ]


# Nordea's clearing number before a personnummer makes it a personkonto (KONTONUMMER):
# "3300 560712-3345" ("3300-560712…" is kept out by the pattern's look-behind)
# "120506-XXXX", "19640805-xxxx": the last four masked still give away the birth date
_MASKED = guarded(r"(?<![\w/-])((?:19|20)?\d{6})[ ]?[-+–][ ]?(?:[Xx]{4}|\*{4})(?![\w-])")


# "19XXXXXX-4417", "XXXXXX-4417", "1985XXXX-4417" on a receipt: the date masked, the last four kept.
# Those four (birth number and check digit) are what a pharmacy or bank asks for with the birth
# date to identify someone, and with the century or the year they narrow the person down further;
# the number is still the person's and is replaced. A template with every position masked
# ("ÅÅMMDD-XXXX", "XXXXXX-XXXX") has no digits after the dash and stays.
_DATE_MASKED = guarded(r"(?<![\w/-])(?:(?:19|20)(?:\d\d)?)?[Xx*]{4,6}[ ]?[-+–][ ]?\d{4}(?![\w-])")


def _masked(text: str) -> list[Span]:
    out = []
    for m in _MASKED.finditer(text):
        full = _full_digits(m.group(1), None)
        if full is not None and _plausible_birth_date(full + "0000"):
            out.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    for m in _DATE_MASKED.finditer(text):
        before_dash = re.split(r"[ ]?[-+–]", m.group(0))[0]
        if len(before_dash) in (6, 8):  # a date part's length: "19XX-1234" or "XXXX-1234" is not one
            out.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    return out


_ACCOUNT = re.compile(r"konto\b|kontot")
_BANK_BEFORE = re.compile(r"clearing|bank|nordea|swedbank|handelsbanken|\bseb\b|\b\d{4}\b")
_FIRST_WORD_AFTER = re.compile(r"[ \t]?[(,:–-]?[ \t]?(\w+)")

# the next of a list whose first number is said to be another kind: "ordernummer 630914-… och …",
# also written without the dash: "fakturanummer 6309143351 och 6309143353"
_LISTED_AFTER = re.compile(r"(?<![\w-])(?:19|20)?\d{6}[-+–]?\d{4}(?:[ ]?(?:,|och|samt|resp\.?|&)[ ]?)$")


def _listed_after_other_number(text: str, start: int, digits12: str) -> bool:
    """ "ordernummer 630914-3351 och 630914-3353": the second is an order number too, when its
    check digit fails – a missed personnummer weighs more than a replaced order number, so one
    whose check digit holds is still replaced."""
    if luhn.is_valid(digits12[2:]):
        return False
    prev = _LISTED_AFTER.search(text, max(0, start - 24), start)
    while prev is not None:
        if says_other_number(text, prev.start(), _PNR_NEG):
            return True
        prev = _LISTED_AFTER.search(text, max(0, prev.start() - 24), prev.start())
    return False


_PERSONKONTO = re.compile(r"(?<![\d-])3300[ \u00a0]?$")


def find_personnummer(text: str) -> list[Span]:
    """Shape wins: 10 or 12 digits with a plausible-ish date part are a personnummer unless
    the context says what else they are. The check digit and the calendar are evidence."""
    spans = _spoken(text) + _one_by_one(text) + _masked(text) + _grouped(text) + _spaced(text) + _dated(text)
    lines = Lines(text)
    for m in _PNR.finditer(text):
        first, sep, last = m.group(1).replace(" ", ""), m.group(2), m.group(3).replace(" ", "")
        full = _full_digits(first, sep)
        if _PERSONKONTO.search(text[max(0, m.start() - 6) : m.start()]) or after_country_code(text, m.start()):
            continue  # a personkonto (KONTONUMMER), or a phone's rest after "+49 "
        lead = before(text, m.start())
        positive = _named_here(lead) or _NAMED_AFTER.match(text, m.end()) is not None
        if last != m.group(3) and not positive:
            continue  # "86 06 13 04 77" in pairs: a phone-like writing, a personnummer only when said so
        if first != m.group(1) and not (positive or (sep and not first.startswith("0"))):
            continue  # a spaced date part: a phone number unless a separator or a word says otherwise
        if re.fullmatch(r"\d{4} \d\d", m.group(1)) and not positive:
            continue
        if full is None or not (positive or _plausible_birth_date(full + last) or _separated_shape(first, sep)):
            continue
        if positive:
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
            continue
        # "… (ordernummer)": the first word after, not the next clause ("(…) men bokningen")
        # nor the next line ("…\nTid: 27/11 kl 08.15")
        after = _FIRST_WORD_AFTER.match(text, m.end())
        if says_other_number(text, m.start(), _PNR_NEG) or (after and _PNR_NEG.match(after.group(1).lower())):
            continue
        if says_other_number(text, m.start(), _ACCOUNT) and _BANK_BEFORE.search(lead):
            continue  # "Nordea clearing 3300, konto 5604121182": the bank's account (KONTONUMMER)
        if _listed_after_other_number(text, m.start(), full + last):
            continue
        if _PNR_NEG.search(column_header(text, m.start()).lower()):
            continue  # under a header "Fakturanummer" in a table: the column says what it is
        bare = m.group(0).isdigit()
        if (
            bare
            and len(m.group(0)) == 10
            and _phone_number(m.group(0))
            and not _born_2000s(m.group(0), text, m.start())
            and not _record_field(m.group(0), text, m.start(), m.end())
            and not _child_named_before(m.group(0), text, m.start())
        ):
            continue  # "0701740623" is a phone number even when its digits pass Luhn
        if bare and len(first) == 8 and lines.is_log(m.start()):  # digits alone: on one line
            continue  # "20240312 1530" in a log line is a timestamp
        spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    # a spaced or grouped reading after "+49 (0)" is a foreign phone's national part too
    return _with_float_tail(text, [sp for sp in spans if not after_country_code(text, sp.start)])


# ".0" after the number: a decimal column's tail ("19850412-1234.0"), part of the cell
_FLOAT_TAIL = re.compile(r"\.0(?![\w.,]?\d)")


def _with_float_tail(text: str, spans: list[Span]) -> list[Span]:
    return [Span(s.start, s.end + 2, s.label) if _FLOAT_TAIL.match(text, s.end) else s for s in spans]


def normalise(value: str) -> str:
    """The last ten digits: "19850412-1234" and "850412 1234" are one number."""
    return digits_only(value)[-10:]


CATEGORY = Category(
    label="PERSONNUMMER",
    priority=20,
    recognisers=(
        find_personnummer,
        with_words_written(find_personnummer),  # "811218 nio åtta sju sex"
        find_nordic_ids,
        find_european_ids,
        find_column_identifiers,
        find_excel_numbers,
        find_reserve_numbers,
    ),
    description="personnummer",
    normalise=normalise,
)

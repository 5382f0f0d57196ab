"""TELEFON: Swedish phone numbers (phonenumbers decides), also spaced or written out in words."""

from __future__ import annotations

import re

import phonenumbers

from nlp.core import Span
from nlp.pseudonymise.category import Category, digits_only
from nlp.pseudonymise.recognisers.chronic_care import reading_in_number
from nlp.pseudonymise.recognisers.damaged_phones import find_damaged_phones
from nlp.pseudonymise.recognisers.mixed_digits import with_words_written
from nlp.pseudonymise.recognisers.patterns import WS, before_odd_dash, says_other_number
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.written_out import find_written_phone, words_as_digits
from nlp.pseudonymise.recognisers.zero_lost_phones import find_zero_lost_phones

# an area code in brackets, as address blocks write a landline: "(018) 50 44 19"
_PHONE = guarded(
    # "0046-(0)73-…": a dash may follow the country code and its bracketed zero
    r"(?<![\w+])(?:(?:(?:\+|00)46(?:" + WS + r"|-)?(?:\(0\)(?:" + WS + r"|-)?)?|0)\d{1,3}|\(0\d{1,3}\))"
    # an en dash as well as a hyphen: word processors turn "031 - 711 60 20" into "031 – 711 60 20"
    r"(?:(?:" + WS + r"|[-–]|/|" + WS + r"[-–]" + WS + r")?\d{1,4}){1,5}(?!\d)"
)
# Other countries' numbers, "+358 40 123 4567", "0047 912 34 567": phonenumbers knows their plans.
# A slash may part the area code from the number, as German writing does: "+49 171/1234567".
# Groups may be parted as Swedish ones are: several spaces, " - ", dots ("+45 20.12.34.56").
_FOREIGN = guarded(
    r"(?<![\w+])(?:\+|00)(?!46)[1-9]\d{0,2}(?:(?:"
    + WS
    + r"{1,3}|"
    + WS
    + r"?[-–.]"
    + WS
    + r"?|/)?\(?\d{1,4}\)?){2,6}(?!\d)"
)
_PNR_SHAPE = re.compile(r"^(?:\d{6}|\d{8})[-+]\d{4}$")
# "Sent: 05/11/2024 16:20": a date written with slashes, then the hour
_SLASH_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d")
# "04-10-2024 – vilodag": a day, a month and a year parted by dashes, as a log or a European form
# writes a date; the area code "04" and the pairs would pass for a phone number
_DASH_DATE = re.compile(r"(?:0[1-9]|[12]\d|3[01])-(?:0[1-9]|1[0-2])-(?:19|20)\d\d(?![\d-])")
_GROUP_END = re.compile(r"(?:" + WS + r"|[-–.]|/)+\d{1,4}$")


_PHONE_CTX = re.compile(r"(?:ring|tel|telefon|mobil|nummer|nr|nås|sms|växel)\w*\W{0,3}(?:\w+\W+){0,3}$", re.IGNORECASE)
# A foreign number the plan does not know ("call me at +44 7700 900 418": a range kept for
# fiction, or a new one) is still a phone when a phone word in a language of the texts says so.
_FOREIGN_CTX = re.compile(
    r"(?:ring|tel|telefon|mobil|nås|sms|whatsapp|viber|call|phone|reach|text|number)\w*\W{0,3}(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# Part of a longer code: digits and a dash or dot, or a digit group and a space, just before
# ("3.1.1-04521/2024", "OCR 5521 0098 7716 432").
_CODE_BEFORE = re.compile(r"\d[-.]$")
_GROUP_BEFORE = re.compile(r"\d" + WS + r"$")  # only before "00…": a Swedish number may follow a count
# National services' own numbers are public, like "1177" itself (their web pages): kept.
_PUBLIC_NUMBERS = frozenset(
    {
        "+46771117700",  # 1177
        "+46771524524",  # Försäkringskassan
        "+46771567567",  # Skatteverket
        "+46771416416",  # Arbetsförmedlingen
        "+46104566700",  # Giftinformationscentralen
        "+46771141400",  # Polisen, 114 14 written out
    }
)
# the lengths phonenumbers' plan for Sweden allows a national number (possible or valid, any
# type): the general description holds them all
_SE_PLAN = phonenumbers.PhoneMetadata.metadata_for_region("SE").general_desc
_SE_LENGTHS = frozenset(_SE_PLAN.possible_length) | frozenset(_SE_PLAN.possible_length_local_only or ())
# a national number: "0" and a digit 1–9, no international prefix ("00") the parser reads
_NATIONAL = re.compile(r"0[1-9]")
_USUAL_WRITING = re.compile(r"^0\d{1,3}-\d{2,3} \d\d \d\d$")
_AREA_WRITING = re.compile(r"^(?:(?:\+|00)46|0\d{1,3}[-/]|\(0\d{1,3}\))")


def _phone_like(cand: str, text: str, start: int) -> bool:
    """A number phonenumbers does not know, written the way Swedish phone numbers are.

    People (and test data) write made-up or since-retired area codes; "069-725 10 27" is
    still meant as a phone number, so a plausible length plus a Swedish writing (area code
    and dash, or +46) or a phone word before it is enough.
    """
    digits = re.sub(r"\D", "", cand)
    if cand.startswith("+46"):
        national = digits[2:]
    elif cand.startswith("0046"):
        national = digits[4:]
    else:
        national = digits[1:]
    if national.startswith("0"):
        national = national[1:]  # "+46 (0)8 ..."
    if not 7 <= len(national) <= 10 or national[0] == "0":
        return False
    context = bool(_PHONE_CTX.search(text[max(0, start - 40) : start]))
    if len(national) == 10:
        # "Tel 0457-174 30 05", "0613-174 06 02": one digit too many for the plan, still a
        # phone when a word says so or the writing is the usual area code, dash and pairs
        return context or bool(_USUAL_WRITING.match(cand))
    return bool(_AREA_WRITING.match(cand)) or context


def _within_plan(cand: str) -> bool:
    """False only when phonenumbers would find "0…" neither valid nor possible in Sweden: its
    digits, with or without the national prefix, are no length the plan allows."""
    if not _SE_LENGTHS or not _NATIONAL.match(cand):
        return True  # "+46 …", "00…", "(08) …": parsed as they are
    digits = sum(ch.isdecimal() for ch in cand)
    return digits in _SE_LENGTHS or digits - 1 in _SE_LENGTHS


def _plan(cand: str, plans: dict[str, tuple[bool, bool] | None]) -> tuple[bool, bool] | None:
    """(valid, possible) for `cand` read as a Swedish number, None when phonenumbers cannot read
    it; asked once per candidate string in a text (`plans`, dropped with the text): a long cell
    repeats its candidates, and the parse is most of their cost."""
    if cand not in plans:
        try:
            num = phonenumbers.parse(cand, "SE")
        except phonenumbers.NumberParseException:
            plans[cand] = None
        else:
            plans[cand] = (phonenumbers.is_valid_number(num), phonenumbers.is_possible_number(num))
    return plans[cand]


def _swedish(cand: str, text: str, start: int, plans: dict[str, tuple[bool, bool] | None]) -> bool | None:
    """A Swedish phone number (True); read, but a dash goes on after it (None: no shorter
    number either); or not (False: a shorter one may be)."""
    after = text[start + len(cand) : start + len(cand) + 1]
    if after not in ("-", "–") and not _within_plan(cand):
        return False  # neither valid nor possible: no need to parse it
    plan = _plan(cand, plans)
    if plan is None:
        return False
    # "Ärende 014-556732-25": a number going on after a dash is a case or order number
    if after in ("-", "–"):
        return None
    valid, possible = plan
    return valid or (possible and _phone_like(cand, text, start))


def _code_or_public(text: str, sp: Span) -> bool:
    """Not a person's phone: part of a longer code, or a national service's public number."""
    left = text[max(0, sp.start - 2) : sp.start]
    if _CODE_BEFORE.search(left) or (text.startswith("00", sp.start) and _GROUP_BEFORE.search(left)):
        return True
    return normalise(text[sp.start : sp.end]) in _PUBLIC_NUMBERS


def find_phone(text: str) -> list[Span]:
    spans = [
        sp
        for sp in find_written_phone(text)  # "0 7 0 - 1 2 3 …", "noll sju noll …"
        if not (
            _SLASH_DATE.match(text, sp.start)
            or says_other_number(text, sp.start)
            or reading_in_number(text[sp.start : sp.end])  # "02/11 171/102": a day and a reading
        )
    ]
    plans: dict[str, tuple[bool, bool] | None] = {}
    for m in _PHONE.finditer(text):
        cand = m.group(0)
        if _PNR_SHAPE.match(cand) or _SLASH_DATE.match(cand) or _DASH_DATE.match(cand):
            continue
        if says_other_number(text, m.start()):
            continue
        if reading_in_number(cand):
            continue  # "04/03 162/98": a day and a reading of blood pressure
        # A greedy match may swallow a following number ("... 67 2 gånger"): drop groups
        # from the end until phonenumbers accepts it.
        while cand:
            verdict = _swedish(cand, text, m.start(), plans)
            if verdict is not False:
                if verdict:
                    spans.append(Span(m.start(), m.start() + len(cand), "TELEFON"))
                break
            shorter = _GROUP_END.sub("", cand)
            if shorter == cand:
                break
            cand = shorter
    for m in _FOREIGN.finditer(text):
        # a shorter reading inside the number ("(0)40 123 4567" in "+358 (0)40 123 4567") gives
        # way to the whole; one reaching outside it is a different cut, and stays
        overlapping = [sp for sp in spans if sp.start < m.end() and m.start() < sp.end]
        if any(sp.start < m.start() - 1 or sp.end > m.end() for sp in overlapping):
            continue
        if says_other_number(text, m.start()):
            continue
        cand = before_odd_dash(m.group(0), skip=1)  # "+47 912 34 567 – 14": the number, then a date
        # "+" and a country code is itself a phone's writing: a number the plan finds possible
        # (a range kept for fiction, "+44 7700 900123", or one newer than the metadata) is one
        context = cand.startswith("+") or bool(_FOREIGN_CTX.search(text[max(0, m.start() - 40) : m.start()]))
        while cand:
            try:
                num = phonenumbers.parse(cand, None)
                if phonenumbers.is_valid_number(num) or (context and phonenumbers.is_possible_number(num)):
                    spans = [sp for sp in spans if sp not in overlapping]
                    spans.append(Span(m.start(), m.start() + len(cand), "TELEFON"))
                    break
            except phonenumbers.NumberParseException:
                pass
            shorter = _GROUP_END.sub("", cand)
            if shorter == cand:
                break
            cand = shorter
    spans = [sp for sp in spans if not _code_or_public(text, sp)]
    # The area code in brackets, "(08) 465 004 63": the bracket belongs to the number.
    spans = [
        Span(sp.start - 1, sp.end, sp.label)
        if sp.start
        and text[sp.start - 1] == "("
        and ")" in text[sp.start : sp.start + 6]
        and "(" not in text[sp.start : sp.end]
        else sp
        for sp in spans
    ]
    return [_with_extension(text, sp) for sp in spans]


# a switchboard's number and the extension that reaches one person's desk: "031-700 10 00 ankn 214",
# "… anknytning 55", "… ext. 4021"
_EXTENSION = re.compile(WS + r"*,?" + WS + r"*(?i:ankn(?:ytning)?|ext)\.?" + WS + r"*:?" + WS + r"*\d{1,5}(?![\d-])")


def _with_extension(text: str, sp: Span) -> Span:
    ext = _EXTENSION.match(text, sp.end)
    return Span(sp.start, ext.end(), sp.label) if ext else sp


def normalise(value: str) -> str:
    """E.164, so "070-123 45 67" and "+46 70 123 45 67" are one number."""
    try:
        return phonenumbers.format_number(
            phonenumbers.parse(words_as_digits(value), "SE"), phonenumbers.PhoneNumberFormat.E164
        )
    except phonenumbers.NumberParseException:
        return digits_only(value)


CATEGORY = Category(
    label="TELEFON",
    priority=30,
    # "070-174 06 noll fem": part in digits, part in words (recognisers/mixed_digits.py)
    recognisers=(find_phone, with_words_written(find_phone), find_damaged_phones, find_zero_lost_phones),
    description="telefonnummer",
    normalise=normalise,
)

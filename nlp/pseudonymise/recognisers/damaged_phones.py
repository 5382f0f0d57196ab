"""Swedish mobile numbers that lost a piece on the way: the country code without its plus in a
text message export ("46701234567"), or the leading zero a spreadsheet dropped ("70 123 45 67"
after "ring mig på").

A spreadsheet or an SMS gateway's export keeps a phone number as a number: the "+" of
"+46701234567" and the "0" of "0701234567" go. Both still identify the person. The bare eleven
digits "46" + a mobile number are a phone number by their shape (phonenumbers checks the plan);
nine digits led by a mobile prefix only with a phone word just before, since nine digits alone
may be anything.
"""

from __future__ import annotations

import re

import phonenumbers

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import WS, says_other_number

_SEP = r"(?:" + WS + r"|-)?"
# "46701234567", "46 70 123 45 67"
_NO_PLUS = re.compile(r"(?<![\w+\-/.,])46" + _SEP + r"(7[02369](?:" + _SEP + r"\d){7})(?![\w\-/.,]\d|\d)")
# "70 1234567", "73-123 45 67": a mobile number without its zero
_NO_ZERO = re.compile(r"(?<![\w+\-/.,])(7[02369](?:" + _SEP + r"\d){7})(?![\w\-/.,]\d|\d)")
_PHONE_WORD = re.compile(
    r"(?:ring|tel|telefon|mobil|mobilnummer|nummer|nr|nås|sms|sms:a|messa|whatsapp)\w*\W{0,3}(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


def _mobile(digits: str) -> bool:
    try:
        number = phonenumbers.parse("+46" + digits, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def find_damaged_phones(text: str) -> list[Span]:
    # cheap gate: every writing here has a 7 led group of digits
    if "7" not in text:
        return []
    spans = []
    for m in _NO_PLUS.finditer(text) if "46" in text else ():
        if _mobile(re.sub(r"\D", "", m.group(1))) and not says_other_number(text, m.start()):
            spans.append(Span(m.start(), m.end(), "TELEFON"))
    for m in _NO_ZERO.finditer(text):
        if any(s.start <= m.start() < s.end for s in spans):
            continue
        # "Ordernr 732 …": the phone word's "nr" belongs to another kind of number
        if (
            _mobile(re.sub(r"\D", "", m.group(1)))
            and _PHONE_WORD.search(text, max(0, m.start() - 40), m.start())
            and not says_other_number(text, m.start())
        ):
            spans.append(Span(m.start(), m.end(), "TELEFON"))
    return spans

"""An address typed all in lower case, as on a phone: "västra kyrkogatan 12b", and the postcode
and town after a street and its number ("ängsvägen 4, 731 30 kolbäck").

The capitalised forms are read in categories/adress.py and postnummer.py; in lower case a
position word before the street is the street's too, and after a street with its number a
postcode is one and the word after it is the town, whether a list has it or not.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import LOW, WS
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS

_STREET_HINTS = ("gatan", "vägen", "vagen", "gränd", "granden", "torget", "stigen", "allé", "allen", "backen", "leden")
_STREET = r"[" + LOW + r"]{2,}(?:gatan|vägen|vagen|gränd|granden|torget|stigen|allén|allen|backen|leden)"
_POSITIONED = re.compile(
    r"(?<![\w-])(?:östra|västra|norra|södra|stora|lilla|övre|nedre|gamla|nya|ostra|vastra|sodra|ovre)"
    + WS
    + r"+"
    + _STREET
    + WS
    + r"+\d{1,4}(?:"
    + WS
    + r"?[a-h])?(?![\w-])"
)
_POSTCODE_AFTER_STREET = re.compile(
    _STREET
    + WS
    + r"+\d{1,4}(?:"
    + WS
    + r"?[a-hA-H])?"
    + WS
    + r"*,?"
    + WS
    + r"*(?P<code>[1-9]\d{2}"
    + WS
    + r"?\d{2})"
    + WS
    + r"+(?P<town>["
    + LOW
    + r"]{2,}(?:-["
    + LOW
    + r"]{2,})?)(?![\w-])"
)


def find_lower_addresses(text: str) -> list[Span]:
    # substring checks first (speed): a street word and a digit
    if not any(s in text for s in _STREET_HINTS) or not any(c.isdigit() for c in text):
        return []
    spans = [Span(m.start(), m.end(), "ADRESS") for m in _POSITIONED.finditer(text)]
    for m in _POSTCODE_AFTER_STREET.finditer(text):
        spans.append(Span(m.start("code"), m.end("code"), "POSTNUMMER"))
        if m.group("town") not in NOT_UNIT_WORDS:
            spans.append(Span(m.start("town"), m.end("town"), "ORT"))
    return spans

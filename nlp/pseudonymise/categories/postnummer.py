"""POSTNUMMER: postcodes next to their town or labelled as postcodes."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category, digits_only
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.assessed_ages import find_assessed_ages
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_AFTER, LOW, WS, says_other_number
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.spoken_addresses import find_spoken_addresses

# "SE-901 85": the country prefix stays outside the postcode
# a full stop may end the sentence after it ("Postnummer 840 40."), not a decimal ("123 45.5")
_POSTCODE = guarded(r"(?:(?<![\w,.-])|(?<=\bSE-))([1-9]\d{2})" + WS + r"?(\d{2})(?![\w,-]|\.\w)")
# the space one digit off ("95 335 Haparanda", a typo or an OCR slip): only before a listed town
_SHIFTED = guarded(r"(?<![\w,.-])[1-9]\d" + WS + r"\d{3}(?=" + WS + r"+([" + CAP + r"][" + CAP + LOW + r"]+))")
_POSTCODE_CTX = re.compile(r"post\s*n(?:umme)?r\.?:?\s*$|adress", re.IGNORECASE)
_LOWER_AFTER = re.compile(WS + r"+([" + LOW + r"]{3,})(?![\w-])")
_SHOUTED_TOWN = re.compile(WS + r"+([" + CAP + r"]{3,})(?![\w-])")
_TOWN_BEFORE = re.compile(r"([" + CAP + r"][" + LOW + r"]+)" + WS + r"*[(,]?" + WS + r"*$")


def find_postcode(text: str) -> list[Span]:
    spans = []
    for m in _POSTCODE.finditer(text):
        # A postcode is followed by its town ("652 24 Karlstad"), follows one ("Gällivare
        # (982 31)") or is labelled as one.
        town = _TOWN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        lower_town = _LOWER_AFTER.match(text, m.end())
        labelled = _POSTCODE_CTX.search(text[max(0, m.start() - 40) : m.start()])
        if not labelled and says_other_number(text, m.start()):
            continue  # "Kvitto nr 55123 Kassa 2": a receipt's number before the till, not a postcode and town
        if (
            CAP_AFTER.match(text, m.end())
            # "593 33 vastervik": a town typed in lowercase
            or (lower_town is not None and lists.places().get(lower_town.group(1).capitalize()) is not None)
            or labelled
            or (town and town.group(1) in lists.places())
        ):
            spans.append(Span(m.start(), m.end(), "POSTNUMMER"))
        elif (shouted := _SHOUTED_TOWN.match(text, m.end())) and shouted.group(1).title() in lists.places():
            spans.append(Span(m.start(), m.end(), "POSTNUMMER"))  # "901 85 UMEÅ"
    for m in _SHIFTED.finditer(text):
        if m.group(1).title() in lists.places():
            spans.append(Span(m.start(), m.end(), "POSTNUMMER"))
    return spans


CATEGORY = Category(
    label="POSTNUMMER",
    priority=60,
    recognisers=(find_postcode, find_spoken_addresses, find_assessed_ages),  # ALDER: alder.py is at its size limit
    description="postnummer",
    normalise=digits_only,
)

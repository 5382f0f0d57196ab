"""Care units named by an acronym: "bup i västerås", "vc kiruna" as speech-to-text writes them,
and maternity wards by name or district: "BB Sophia", "BB Norra"."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAPWORD, LOW, WS

# the units' acronyms as speech-to-text writes them, with their town: "bup i västerås"
# and the health centre's abbreviation right before its town: "på hc jokkmokk", "vc kiruna"
_ACRONYM_IN_TOWN = re.compile(
    r"(?<![\w-])(?:(?:bup|bvc|mvc|bumm|umo)" + WS + r"+(?:i|på)|hc|vc)" + WS + r"+((?i:[" + LOW + r"]{3,}))(?![\w-])"
)


def find_acronyms_in_town(text: str) -> list[Span]:
    if not any(a in text for a in ("bup", "bvc", "mvc", "bumm", "umo", "hc ", "vc ")):
        return []
    places = lists.places()
    return [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _ACRONYM_IN_TOWN.finditer(text)
        if places.get(m.group(1).capitalize()) is False
    ]


# a maternity ward by its name, a person's or a town's: "BB Sophia", "BB Stockholm", or by the
# part of the city its hospital serves, as "MVC Östra" is read above: "BB Norra" (not a firm,
# "BB Städservice")
_BB = re.compile(r"(?<![\w-])BB" + WS + r"+(" + CAPWORD + r")(?![\w-])")
_COMPASS = frozenset("Östra Västra Norra Södra Öst Väst Nord Syd".split())


def find_maternity_wards(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _BB.finditer(text)
        if m.group(1) in lists.places() or lists.names().get(m.group(1).lower()) is not None or m.group(1) in _COMPASS
    ]

"""Care units named by their town or region: "Hjälpmedelscentralen Västmanland", "Syncentralen
Kalmar", "Hörcentralen Mora", "Hjälpmedel Västernorrland", "Tandläkarhuset Kungsgatan",
"Till: Länssjukhuset Kalmar".

The regions run their assistive-device, vision and hearing centres under a compound word and the
town or region they serve; without that name ("hjälpmedelscentralen har lång väntetid") the word
is generic and stays. Some regions call the service "Hjälpmedel" and their name. A private dental
practice is often named by the street it stands on ("Tandläkarhuset Kungsgatan"). A hospital's
compound name and its town are one unit wherever they stand, also as a form's value ("Till:
Länssjukhuset Kalmar", where the capital says nothing about a sentence start). The town or region
must be one the place list knows (or a region or province word), so "Hjälpmedel Bra att ha" stays.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, STREET_SUFFIX, WS

_PLACE = r"(?P<place>" + CAP_NAME + r")(?![\w-])"
_PATTERNS = (
    # the service's compound and its town or region
    re.compile(
        r"(?<![\w-])(?:Hjälpmedels?|Syn|Hör|Hörsel|Tal|Ortopedteknisk[a]?|Dialys)(?:centralen|centrum|centret)"
        + WS
        + r"+(?:i"
        + WS
        + r"+)?"
        + _PLACE
    ),
    re.compile(r"(?<![\w-])Hjälpmedel" + WS + r"+" + _PLACE),
    # a hospital's compound name: "Länssjukhuset Kalmar", "Centrallasarettet Växjö"
    re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]+(?:sjukhuset|lasarettet)" + WS + r"+" + _PLACE),
    # a dental practice and its town
    re.compile(r"(?<![\w-])(?:Tandläkarhuset|Tandvårdshuset|Tandhuset|Tandkliniken)" + WS + r"+" + _PLACE),
)
# a dental practice and the street it stands on
_DENTAL_AT_STREET = re.compile(
    r"(?<![\w-])(?:Tandläkarhuset|Tandvårdshuset|Tandhuset|Tandkliniken|Tandläkargruppen|Tandläkarna|"
    r"Tandläkarmottagningen|Tandvårdskliniken)"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + STREET_SUFFIX
    + r")(?![\w-])"
)
# regions and provinces the place list leaves out as places of their own
_REGION = re.compile(
    r"[" + CAP + r"][" + LOW + r"]*(?:land|botten|borg|manland|lingen)|Skåne|Dalarna|Gotland|Sörmland|Halland"
)


def _place(word: str) -> bool:
    return word in lists.places() or bool(_REGION.fullmatch(word))


def find_service_centres(text: str) -> list[Span]:
    if not any(w in text for w in ("entr", "jälpmedel", "sjukhuset", "lasarettet", "Tand")):
        return []
    spans = [Span(m.start(), m.end(), "VARDENHET") for m in _DENTAL_AT_STREET.finditer(text)]
    for pattern in _PATTERNS:
        spans.extend(Span(m.start(), m.end(), "VARDENHET") for m in pattern.finditer(text) if _place(m.group("place")))
    return spans

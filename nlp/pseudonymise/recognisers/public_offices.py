"""Offices of the prison and probation service and of the social services named by their place:
"anstalten Tidaholm", "frivården Gävle", "Kriminalvården Hällby", "Familjehemsenheten
Västerbotten", "Individ- och familjeomsorgen i Vindeln", "Barn- och familjeenheten, Lunds kommun".

A prison, a remand prison or a probation office named by its place ("anstalten Tidaholm",
"Kriminalvården Hällby": the place is the institution's name) is one institution, where the
writer or someone close is held or reports: the whole is one ORGANISATION. Written with "i"
("häktet i Kalmar", "anstalten i Haparanda") it stays the generic word and the town, as the
state agencies' local offices ("Kriminalvården i X") and other lowercase words before "i <ort>"
do (set 23 has it so; set 35's author writes one span). Named by its place, such an office is
never a care unit ("Frivården X", unit_constructions.py). Written in lower case, the
place after "anstalten" or "häktet" is still the name when it is a town or a word only a name
explains ("anstalten storvik"), not "anstalten idag". A part of a prison after its place
("anstalten Västby Norra") and an agency's regional division ("Kriminalvården region Nord",
"Polisen region Syd") belong to the name. A municipality's social-services unit is named by a compound of whom it
serves and "enheten"/"omsorgen" and then its municipality, after "i", a comma or nothing; the
words alone ("familjehemsenheten ringde") are any municipality's and stay.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, COMPASS_AREAS, WS
from nlp.pseudonymise.recognisers.words import rare_word, unknown_word

_PLACE = r"(?P<place>" + CAP_NAME + r")(?![\w-])"
# a municipality's or a region's service named by its area, itself the name of a body: the rescue
# service ("Räddningstjänsten Storgöteborg", a federation of municipalities) and adult education
# ("Vuxenutbildningen Sala"); the words alone are any municipality's and stay
_AREA_SERVICE = re.compile(
    r"(?<![\w-])(?:[Rr]äddningstjänsten|Vuxenutbildningen|Vuxenutbildning)"
    + WS
    + r"+(?P<place>[A-ZÅÄÖ][a-zåäö]{2,})(?![\w-])"
)
_CUSTODY = re.compile(
    r"(?<![\w-])(?:[Hh]äktet|[Aa]nstalten|[Ff]rivården|[Kk]riminalvårdsanstalten|Kriminalvården(?="
    + WS
    + r"+[A-ZÅÄÖ]))"
    + WS
    + r"+"
    + _PLACE
    # a part of the prison after its place: "anstalten Västby Norra"
    + r"(?:"
    + WS
    + r"+(?:Norra|Södra|Östra|Västra)(?![\w-]))?"
)
# the place in lower case after the words only a prison or a remand prison has
_CUSTODY_LOWER = re.compile(
    r"(?<![\w-])(?:[Hh]äktet|[Aa]nstalten|[Kk]riminalvårdsanstalten)" + WS + r"+(?P<place>[a-zåäö]{3,})(?![\w-])"
)
# a state agency's regional division by its compass point or its region: "Kriminalvården region Nord"
_AGENCY_REGION = re.compile(
    r"(?<![\w-])(?:Kriminalvården|Polisen|Polismyndigheten|Skatteverket|Försäkringskassan|Arbetsförmedlingen|"
    r"Migrationsverket|Trafikverket|Tullverket)" + WS + r"+[Rr]egion" + WS + r"+" + CAP_NAME + r"(?![\w-])"
)
# the words that name a prison, a remand prison or a probation office
_CUSTODY_WORD = re.compile(
    r"(?i:häktet|anstalten|frivården|frivårdskontoret|frivardskontoret|frivarden|haktet)(?![\w-])"
)


def opens_with_custody(text: str, start: int) -> bool:
    """A find that opens with the word for a prison, a remand prison or a probation office is that
    office (an ORGANISATION here), not a care unit."""
    return _CUSTODY_WORD.match(text, start) is not None


# whom the unit serves: "Familjehems-", "Barn- och ungdoms-", "Individ- och familje-", "Försörjningsstöds-"
# (in lower case too: "på familjehemsenheten i Y" is the same office)
_SOCIAL_UNIT = (
    r"(?:[A-ZÅÄÖa-zåäö][a-zåäö]+-" + WS + r"+och" + WS + r"+[a-zåäö]+|[A-ZÅÄÖa-zåäö][a-zåäö]+)"
    r"(?<=[a-zåäö])(?:enheten|omsorgen)"
)
_SOCIAL_STEMS = re.compile(r"(?i:familj|barn|ungdom|individ|försörjning|vuxen|utredning|mottagning)")
_SOCIAL = re.compile(
    r"(?<![\w-])(?P<unit>"
    + _SOCIAL_UNIT
    + r")(?:"
    + WS
    + r"+i|,"
    + WS
    + r"*)?"
    + WS
    + r"*"
    + _PLACE
    + r"(?:"
    + WS
    + r"+(?:kommun|stad)(?![\w-]))?"
)


_SOCIAL_UNIT_RE = re.compile(_SOCIAL_UNIT + r"(?![\w-])")


def social_unit(word: str) -> bool:
    """ "Familjehemsenheten", "Barn- och ungdomsenheten": a social-services unit's kind."""
    return bool(_SOCIAL_UNIT_RE.fullmatch(word) and _SOCIAL_STEMS.match(word))


def opens_with_social_unit(text: str, start: int) -> bool:
    """A find that opens with a social-services unit's kind is that unit (ORGANISATION here),
    not a care unit."""
    m = _SOCIAL_UNIT_RE.match(text, start)
    return m is not None and bool(_SOCIAL_STEMS.match(m.group(0)))


def _place(word: str) -> bool:
    return word in lists.places()


def _region(word: str) -> bool:
    return _place(word) or bool(re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]*(?:land|botten|manland)", word))


def find_public_offices(text: str) -> list[Span]:
    spans = []
    low = text.lower()
    if any(w in low for w in ("häktet", "anstalten", "frivården", "kriminalvård")):
        for m in _CUSTODY.finditer(text):
            place = m.group("place")
            # a prison is named by its place or its own name no lexicon has ("anstalten Skogome"),
            # never by a first name ("frivården Kalle sa …": a person at the office)
            first = lists.names().get(place.lower())
            if _place(place) or (unknown_word(place) and (first is None or not (first.first_sv or first.first_other))):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
        for m in _CUSTODY_LOWER.finditer(text):
            place = m.group("place")
            known = lists.places().get(place.capitalize())
            if (known is False or (known is None and rare_word(place))) and lists.names().get(place) is None:
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "region" in low:
        for m in _AGENCY_REGION.finditer(text):
            place = text[m.start() : m.end()].rsplit(None, 1)[-1]
            if place in COMPASS_AREAS or _region(place):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "räddningstjänsten" in low or "vuxenutbildning" in low:
        for m in _AREA_SERVICE.finditer(text):
            place = m.group("place")
            # named by a town or a region ("…regionen", "…land"), never by a person ("… Eva sa")
            if _region(place) or place.endswith(("regionen", "region", "området")):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "enheten" in low or "omsorgen" in low:
        for m in _SOCIAL.finditer(text):
            place = m.group("place")
            # "Lunds kommun", "Malmö stad": the municipality after a comma, in the genitive or not
            municipal = m.group(0).endswith(("kommun", "stad"))
            if municipal and place.endswith("s") and _place(place[:-1]):
                place = place[:-1]
            if social_unit(m.group("unit")) and _region(place):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans

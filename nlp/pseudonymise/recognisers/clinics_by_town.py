"""A clinic by what it does right before its town or ward: "Kirurgen Gällivare", "Dialysen Varberg",
"Ortopeden avd 53"; and the units' short forms before a town ("HSV Tranås", "vc Nacka Strand")."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, WS
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

# the units every town has, named by what they do: "dialysen i Eskilstuna", "Dialysen Varberg"
EVERY_TOWN_UNITS = (
    r"förlossningen|förlossning|neonatalen|neonatal|hemtjänsten|barnhälsan|röntgen|röntgenavdelningen|dialysen"
)


# a clinic by what it does before its town, district or ward number: "Kirurgen Gällivare",
# "Ortopeden avd 53", "Strokeenheten avd 62", "Dialysen S:t Göran", and the units' short forms before a town:
# "HSV Tranås" (hemsjukvård), "UM Haninge" (ungdomsmottagning), "vc Nacka Strand"
_CLINIC_NAMED = re.compile(
    r"(?<![\w-])(?:(?:avd|avdelning)\.?" + WS + r"+\d{1,3}[A-Za-z]?" + WS + r"+)?"
    r"(?:(?=["
    + CAP
    # an examination's unit in the definite form: "Mammografin <Ort>", "Endoskopin <Ort>"
    + r"])(?i:[a-zåäö]{0,20}(?:logen|kirurgen|iatriken|peden|intensiven|enheten|akuten|grafin|skopin)|"
    + EVERY_TOWN_UNITS
    + r")"
    r"|HSV|UM|UMO|vc|hc|Vc|Hc)"
    + WS
    + r"+(?:(?P<ward>(?:avd|avdelning)\.?"
    + WS
    + r"+\d{1,3}[A-Za-z]?(?![\w-]))"
    # a hospital by its saint: "Dialysen S:t Göran", "Psykiatrin Sankt Lars"
    + r"|(?P<saint>(?:S:t|St\.|Sankt)"
    + WS
    + r"+"
    + CAPWORD
    + r"s?(?![\w-]))|(?P<town>"
    + CAPWORD
    + r")(?:"
    + WS
    + r"+(?P<town2>"
    + CAPWORD
    + r"))?(?![\w-]))"
)


_DISTRICT_WORD = re.compile(r"Strand|Centrum|City|Hamn|Torg|Syd|Norr|Nord|Öst|Väst|Söder|Södra|Norra|Östra|Västra")


_CLINIC_HINTS = (
    *("logen", "kirurgen", "iatriken", "peden", "intensiven", "enheten", "akuten", "grafin", "skopin"),
    *("HSV", "UM", "vc ", "hc "),
    *EVERY_TOWN_UNITS.split("|"),
)


def find_clinics_by_town(text: str) -> list[Span]:
    out: list[Span] = []
    low = text.lower()
    if not any(h in low if h.islower() else h in text for h in _CLINIC_HINTS):
        return out  # speed: most texts have none of the words the pattern starts or ends with
    places = lists.places()
    for m in _CLINIC_NAMED.finditer(text):
        if m.group("ward") or m.group("saint"):
            out.append(Span(m.start(), m.end(), "VARDENHET"))
            continue
        town = m.group("town")
        # a site no list has that is no word or name either: the hospital the clinic is at
        # ("Röntgen <Sjukhusnamn>")
        if town not in places and (town.lower() in lists.names() or not unknown_word(town)):
            continue
        # "vc Nacka Strand": a second capitalised word after a listed town is the district's, a
        # word districts take or one no lexicon or name list has
        two = m.group("town2") if town in places else None
        district = two is not None and (
            _DISTRICT_WORD.fullmatch(two) or (two.lower() not in lists.names() and not plain_word(two.lower()))
        )
        end = m.end() if district else m.end("town")
        out.append(Span(m.start(), end, "VARDENHET"))
    return out


# a clinic by what it does right before its hospital, no "på" between: "Dialysen S:t Göran",
# "Njurmedicin Sunderby sjukhus", "Kardiologen Danderyds sjukhus"
_CLINIC_RIGHT_BEFORE = re.compile(
    r"(?<![\w-])(?=["
    + CAP
    + r"])(?i:[a-zåäö]{0,20}(?:logen|kirurgen|iatriken|peden|akuten|medicin)|"
    + EVERY_TOWN_UNITS
    + r")"
    + WS
    + r"+$"
)


def clinic_right_before(text: str, start: int) -> int:
    """The start of a clinic's name written right before the unit starting at `start`, or `start`."""
    m = _CLINIC_RIGHT_BEFORE.search(text, max(0, start - 40), start)
    return m.start() if m else start

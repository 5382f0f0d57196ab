"""Hospitals as patients and relatives write them in a hurry (VARDENHET): the town in lower case
before "lasarett"/"sjukhus" ("doktorn på kalix lasarett"), and the hospital's acronym before its
town in a text about care ("pappa ligger på SÄS Borås"). Both only after a preposition of place
(the acronym only after "på"/"vid": one comes "från" an association too, "från PRO Sorsele"), and
the town must be one the place list knows; an acronym and a town in a text not about care (a
bank's or a paper's office, "SVT Umeå") is left to the organisation rules."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WORD_INITIAL_CAP, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS

_PLACE_PREP = r"(?<![\w-])(?i:på|pa|vid|till|från|fran)" + WS + r"+"
_LOWER_TOWN_HOSPITAL = guarded(
    _PLACE_PREP + r"(?P<unit>(?P<town>[" + LOW + r"]{3,})" + WS + r"+(?:lasarett|sjukhus)(?:et)?)(?![\w-])"
)
# lowercase words before a hospital that are places too but here describe it ("stora sjukhuset")
_DESCRIBING = frozenset("norra södra östra västra stora lilla gamla nya kungliga allmänna privata".split())
# an acronym of its own and a town; the preposition before is checked in code
_ACRONYM_TOWN = re.compile(
    r"(?P<unit>"
    + WORD_INITIAL_CAP
    + r"["
    + CAP
    + r"]{1,3}"
    + WS
    + r"+(?P<town>["
    + CAP
    + r"]["
    + LOW
    + r"]+))(?![\w-])"
)
_PREP_BEFORE = re.compile(r"(?<![\w-])(?i:på|pa|vid)" + WS + r"+$")
# what a text about care says: the acronym before a town is then a hospital's
_CARE_WORDS = re.compile(
    r"(?i:sjuk|läkar|doktor|dokt\b|operer|inlagd|avdelning|vård|akut|behandl|sköterska|röntgen|utskriv|"
    r"remiss|mottagning|undersök)"
)
_CARE_WINDOW = 200


def find_hospital_shorthands(text: str) -> list[Span]:
    """A hospital by its lowercase town or by its acronym and town, after "på/vid/till/från"."""
    places = lists.places()
    spans = []
    for m in _LOWER_TOWN_HOSPITAL.finditer(text):
        town = m.group("town")
        if town not in _DESCRIBING and town not in NOT_UNIT_WORDS and town.capitalize() in places:
            spans.append(Span(m.start("unit"), m.end("unit"), "VARDENHET"))
    for m in _ACRONYM_TOWN.finditer(text):
        if not (m.group("town") in places and _PREP_BEFORE.search(text, max(0, m.start() - 6), m.start())):
            continue
        if _CARE_WORDS.search(text, max(0, m.start() - _CARE_WINDOW), m.end() + _CARE_WINDOW):
            spans.append(Span(m.start("unit"), m.end("unit"), "VARDENHET"))
    return spans

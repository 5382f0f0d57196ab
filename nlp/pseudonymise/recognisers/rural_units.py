"""VARDENHET the way rural care names its teams and cottage hospitals.

A municipality's home-care groups go by their village ("Hemtjänstgrupp <By>", also written
without ä), the inland's small hospitals by their place ("Sjukstugan i <Ort>") and the mobile
teams by their valley ("<Dalgång>s mobila vårdenhet"). In a village of a few hundred people
the group names who cares for whom. Registered in ort.py: vardenhet.py is at the module size limit.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES

_NAME = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"]?[" + LOW + r"]+)?"
_POSITION = r"(?:(?:Övre|Nedre|Norra|Södra|Östra|Västra|Stora|Lilla)" + WS + r"+)?"
# "Hemtjänstgrupp Slite", "hemtjanstgruppen Norra Byn": the group's word, then its name
_GROUP = guarded(
    r"(?<![\w-])(?:[Hh]emtj[äa]nstgrupp(?:en)?|[Hh]emtj[äa]nstomr[åa]de(?:t)?|[Nn]attpatrull(?:en)?)"
    + WS
    + r"+("
    + _POSITION
    + _NAME
    + r")(?![\w-])"
)
# "Sjukstugan i Karesuando", "Ambulansstationen i Arvidsjaur": a cottage hospital or a station
# by its place
_BY_PLACE = guarded(
    r"(?<![\w-])(?:[Ss]jukstugan|[Aa]mbulansstationen|[Hh]älsocentralen|[Hh]alsocentralen)"
    + WS
    + r"+i"
    + WS
    + r"+"
    + _POSITION
    + _NAME
    + r"(?![\w-])"
)
# "Tornedalens mobila vårdenhet", "Fjällbygdens mobila team": the area's genitive names the team
_MOBILE = guarded(
    r"(?<![\w-])"
    + _NAME
    + r"s"
    + WS
    + r"+mobila"
    + WS
    + r"+(?:vårdenhet(?:en)?|vardenhet(?:en)?|team(?:et)?|närsjukvård(?:en)?)(?![\w-])"
)


def find_rural_units(text: str) -> list[Span]:
    """Home-care groups, cottage hospitals and mobile teams with their place (see the doc)."""
    spans = []
    for m in _GROUP.finditer(text):
        name = m.group(1).split()[-1]
        # "Hemtjänstgruppen Och …" is a sentence's word, "Hemtjänstgrupp Slite" a name
        if name not in COUNTRIES and name.lower() not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    spans.extend(Span(m.start(), m.end(), "VARDENHET") for m in _BY_PLACE.finditer(text))
    spans.extend(Span(m.start(), m.end(), "VARDENHET") for m in _MOBILE.finditer(text))
    return spans

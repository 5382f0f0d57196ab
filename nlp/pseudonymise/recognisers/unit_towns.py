"""A known town right after a ward ("Geriatrisk avdelning 3 Karlstad"), and a municipality's part
after a care unit's town: "Hemtjänsten Sala norra", "Boendestödet Heby södra" (one VARDENHET).
A town after a comma ("Hemtjänstgrupp Norr, Sala") stays a place of its own: the annotated sets
read "<enhet>, <Ort>" as a unit and a town, four sets against one."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS

_DIRECTION_AFTER = re.compile(
    WS + r"+(?:norra|södra|östra|västra|centrala)(?![\w-])(?!" + WS + r"+(?:delen|sidan|länet))"
    # a district's short form with a capital, as a unit's name writes it: "<Enhet> <Ort> Nord"
    r"|" + WS + r"+(?:Nord|Syd|Öst|Väst)(?![\w-])"
)


_TOWN_AFTER = re.compile(WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+)(?![\w-])")


def with_town_after(text: str, end: int) -> int:
    """The end of a unit and a known town right after it, without a comma ("… avdelning 3 Karlstad")."""
    m = _TOWN_AFTER.match(text, end)
    return m.end() if m and m.group("town") in lists.places() else end


def with_district_after(text: str, sp: Span) -> Span:
    """A unit ending in its town takes the district after it ("Hemtjänsten Sala norra", "… Sala Nord")."""
    words = text[sp.start : sp.end].split()
    d = _DIRECTION_AFTER.match(text, sp.end) if words and words[-1] in lists.places() else None
    return Span(sp.start, d.end(), sp.label) if d else sp

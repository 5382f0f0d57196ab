"""ALDER said with a possessive and "år" as something the person carries or is not stopped by:
"trots mina 79 år", "trots sina nittio år", "med sina 85 år på nacken".

A possessive before "N år" is mostly a duration ("mina 12 år på företaget", "under sina 30 år
som lärare"); only the concessive "trots" before it, or the idiom "på nacken" after it, makes
the years the person's age.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_POSSESSIVE = r"(?:mina|dina|sina|hans|hennes|hens|dess|våra|era|deras)"
_YEARS = r"((?:[1-9]\d?|1[01]\d|" + NUMWORDS + r")" + WS + r"+år)(?![\w-])"
_CONCESSIVE_AGE = guarded(
    r"(?i:\btrots"
    + WS
    + r"+"
    + _POSSESSIVE
    + WS
    + r"+"
    + _YEARS
    + r"|\b"
    + _POSSESSIVE
    + WS
    + r"+"
    + _YEARS
    + r"(?="
    + WS
    + r"+på"
    + WS
    + r"+nacken\b))"
)


def find_concessive_ages(text: str) -> list[Span]:
    found = []
    for m in _CONCESSIVE_AGE.finditer(text):
        group = 1 if m.group(1) else 2
        found.append(Span(m.start(group), m.end(group), "ALDER"))
    return found

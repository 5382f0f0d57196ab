"""A health service named by a compound ending in "-hälsan" with its town: "Migranthälsan i
<Ort>", "Kvinnohälsan på <Stadsdel>" (VARDENHET, one span).

A name like that is a care unit, as "Barnhälsan" and "Elevhälsan" already were, not an
organisation: the town after it is the unit's, as in "<enhet> i <Ort>". The town is a listed
place or a simple unknown word; "Folkhälsan" (an association) and a country stay out.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES, compound_word, unknown_word

_HEALTH = guarded(
    r"(?<![\w-])(?P<unit>[" + CAP + r"][" + LOW + r"]{3,}hälsan)"
    r"" + WS + r"+(?:i|på)" + WS + r"+(?P<town>" + CAPWORD + r")(?![\w-])"
)
_ASSOCIATIONS = frozenset({"Folkhälsan"})


def find_health_compounds(text: str) -> list[Span]:
    spans = []
    for m in _HEALTH.finditer(text):
        town, low = m.group("town"), m.group("town").lower()
        if m.group("unit") in _ASSOCIATIONS or town in COUNTRIES:
            continue
        if town in lists.places() or (low not in SWEDISH_STOP_WORDS and unknown_word(low) and not compound_word(low)):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans

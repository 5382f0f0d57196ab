"""A named unit typed in lower case: "vårdcentralen tallbacken", "boendet solgläntan", "hc ekdalen".

Chats and speech-to-text write the unit's name without its capital; the name then has the
endings Swedish place and house names have, or is a cape, a strait, an islet or a shore on its
own ("vårdcentralen sundet"), and is no everyday word otherwise ("boendet hade" stays).

A care company's clinic typed in lower case, the company, the clinic word and the place it is
named after: "aleris vårdcentral hovsjö" (a listed place; "capio vårdcentral var bra" stays).
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import CARE_PROVIDERS
from nlp.pseudonymise.recognisers.words import unknown_word

_LANDFORMS = frozenset("näset naset sundet holmen stranden vallen".split())
_LOWER_NAMED = guarded(
    r"(?<![\w-])(?:vårdcentralen|vardcentralen|hälsocentralen|halsocentralen|äldreboendet|aldreboendet|"
    r"boendet|gruppboendet|korttidsboendet|korttids|vårdboendet|servicehuset|förskolan|forskolan|vc|hc)"
    + WS
    + r"+(["
    + LOW
    + r"]{0,12}(?:"
    + "|".join(sorted(_LANDFORMS))
    + r")|["
    + LOW
    + r"]{2,}(?:backen|gården|garden|dalen|berget|lunden|hemmet|viken|ängen|angen|hagen|gläntan|glantan|"
    r"torpet|udden|höjden|hojden|parken|bo|ro|vik|sol|liden|åsen|asen|skogen|bäcken|backen))(?![\w-])"
)


_LOWER_PROVIDER_UNIT = guarded(
    r"(?<![\w-])(?i:"
    + CARE_PROVIDERS
    + r")"
    + WS
    + r"+(?:vårdcentral|vardcentral|hälsocentral|halsocentral|vc)"
    + WS
    + r"+(["
    + LOW
    + r"]{3,})(?![\w-])"
)


def find_lower_named_units(text: str) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _LOWER_NAMED.finditer(text)
        if unknown_word(m.group(1)) or m.group(1) in _LANDFORMS
    ]
    if "central" in text or "vc" in text:  # the clinic word, in lower case as the pattern has it
        spans += [
            Span(m.start(), m.end(), "VARDENHET")
            for m in _LOWER_PROVIDER_UNIT.finditer(text)
            if lists.places().get(m.group(1).capitalize()) is not None
        ]
    return spans

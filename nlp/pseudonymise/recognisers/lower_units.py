"""A named unit typed in lower case: "vårdcentralen tallbacken", "boendet solgläntan", "hc ekdalen".

Chats and speech-to-text write the unit's name without its capital; the name then has the
endings Swedish place and house names have, or is a cape, a strait, an islet or a shore on its
own ("vårdcentralen sundet"), and is no everyday word otherwise ("boendet hade" stays).
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
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


def find_lower_named_units(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _LOWER_NAMED.finditer(text)
        if unknown_word(m.group(1)) or m.group(1) in _LANDFORMS
    ]

"""A newborn's age in days, weeks or months: "hon var 2 dagar gammal", "han var bara 3 dagar när …",
"uppföljning vid 2 år korrigerad ålder".

alder.py reads "82 år gammal" and a baby's "hon är 4 månader"; a newborn's age is counted in
days too, often with a hedge ("bara", "knappt") and told by what happened then ("… när han
opererades"). "Var N dagar" alone is a stay as often as an age ("hon var 3 dagar på IVA") and
"N dagar gammal" is said of newspapers and machines too, so the age needs the child (or "han",
"hon") before it and "gammal" or "när"/"då" after it. A premature child's
age is given as its corrected age ("korrigerad ålder") in months or years; in weeks it is the
weeks since conception ("36 veckor korrigerad ålder"), a stage of pregnancy, no age.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import NUMWORDS, SMALL_NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_NUMBER = r"(?:\d{1,2}|" + NUMWORDS + r"|" + SMALL_NUMWORDS + r"|en|ett|ett par)" + WS + r"+"
# the number and its unit: "3 dagar", "två veckor", "en månad"
_IN_DAYS = _NUMBER + r"(?:dagar|dag|dygn|veckor|vecka|månader|månad|mån)"
# "han var bara 3 dagar när han opererades", "sonen var två veckor gammal.": said of the child
# ("den är ofta 2 dagar gammal" is a newspaper's age, "vår 3 månader gamla anläggning" a thing's),
# "gammal" or "när"/"då" after it ("hon var 3 dagar på IVA" is a stay)
_CHILD_WAS = guarded(
    r"\b(?:han|hon|hen|barnet|bebisen|babyn|sonen|dottern)" + WS + r"+(?:var|är|blev)" + WS + r"+"
    r"(?:(?:bara|endast|knappt|nästan|drygt|redan)"
    + WS
    + r"+)?("
    + _IN_DAYS
    + r")(?="
    + WS
    + r"+(?:gammal|gamla|gammalt)\b|"
    + WS
    + r"*,?"
    + WS
    + r"+(?:när|då)\b)",
    re.IGNORECASE,
)
# "vid 2 år korrigerad ålder", "korrigerad ålder 6 månader": months or years only
_IN_MONTHS = _NUMBER + r"(?:år|månader|månad|mån)"
_CORRECTED = guarded(
    r"(?<![\w,.-])(" + _IN_MONTHS + r")(?=" + WS + r"+korrigerad" + WS + r"+ålder\b)"
    r"|\bkorrigerad" + WS + r"+ålder" + WS + r"*:?" + WS + r"*(" + _IN_MONTHS + r")(?![\w-])",
    re.IGNORECASE,
)


def find_infant_ages(text: str) -> list[Span]:
    spans = [Span(m.start(1), m.end(1), "ALDER") for m in _CHILD_WAS.finditer(text)]
    for m in _CORRECTED.finditer(text):
        g = 1 if m.group(1) else 2
        spans.append(Span(m.start(g), m.end(g), "ALDER"))
    return spans

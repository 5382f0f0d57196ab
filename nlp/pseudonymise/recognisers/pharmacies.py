"""A pharmacy by its chain and its branch: "Apoteket Lejonet Kalix", "Kronans Apotek Gränby"."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS

# a pharmacy by its chain and its branch: "Apoteket Lejonet Kalix", "Kronans Apotek Gränby",
# "Apoteket Skärholmen C". The branch says where the person collects medicine; the chain alone
# ("Apotea", "Apoteket") names no place and stays.
_PHARMACY = re.compile(
    r"(?<![\w-])(?:Apoteket|Apotek Hjärtat|Kronans Apotek|Lloyds Apotek|Apoteksgruppen|DOZ Apotek)"
    r"(?P<branch>(?:" + WS + r"+(?:[" + CAP + r"][" + LOW + r"]+|C(?![\w-]))){1,3})"
)


def find_pharmacies(text: str) -> list[Span]:
    spans = []
    for m in _PHARMACY.finditer(text) if "potek" in text else ():
        words = m.group("branch").split()
        kept = 0
        for w in words:
            low = w.lower()
            info = lists.names().get(low)
            first = info is not None and (info.first_sv or info.first_other)
            if low in SWEDISH_STOP_WORDS or (first and kept == 0):
                break  # "Apoteket Anna sa …": a person after the chain (a branch's later words may be names)
            kept += 1
        if kept:
            last = words[kept - 1]
            end = m.start("branch") + m.group("branch").index(last, sum(len(w) for w in words[: kept - 1])) + len(last)
            spans.append(Span(m.start(), end, "ORGANISATION"))
    return spans

"""Courts named by their seat with the court's word after it, and authorities named with a
region of two words: "dom från Norrvik tingsrätt", "Göta hovrätt", "Förvaltningsrätten i
Luleå"'s other spelling "Luleå förvaltningsrätt", "Polisen Norra Stockholm".

A court with its seat is one court, where a named person's case was heard (categories/
organisation.py reads "Tingsrätten i X"; the word after the seat, lowercase, was missed and the
seat alone read as a town). A court's district need not be a town ("Södertörn", "Norrvik"), so
any capitalised word before the court's word counts. The bare word ("tingsrätten beslutade")
is the court system and stays. An authority's regional office named by a region of two words
("Polisen Östra Småland", "Polisen Norra Stockholm") is one office, as one word's region is
("Polisen Värmland", read in categories/organisation.py).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS

_COURT = re.compile(
    r"(?<![\w-])(?P<seat>"
    + CAP_NAME
    + r")"
    + WS
    + r"+(?:tingsrätt|hovrätt|förvaltningsrätt|kammarrätt|migrationsdomstol)(?:en)?(?![\w-])"
)
_REGIONAL_AUTHORITY = re.compile(
    r"(?<![\w-])(?:Polisen|Polismyndigheten|Kriminalvården|Socialtjänsten)"
    + WS
    + r"+(?P<region>(?:Västra|Östra|Norra|Södra|Mellersta)"
    + WS
    + r"+"
    + CAP_NAME
    + r")(?![\w-])"
)

# an appeal court is named by its region after "för" or "över": "Hovrätten för Nedre Norrland",
# "Hovrätten över Skåne och Blekinge" (the region's words are no person and no town apart)
_APPEAL_COURT = re.compile(
    r"(?<![\w-])(?:Hovrätten|Kammarrätten|HOVRÄTTEN)"
    + WS
    + r"+(?:för|över)"
    + WS
    + r"+"
    + CAP_NAME
    + r"(?:"
    + WS
    + r"+"
    + CAP_NAME
    + r")?(?:"
    + WS
    + r"+och"
    + WS
    + r"+"
    + CAP_NAME
    + r")?(?![\w-])"
)


def find_court_names(text: str) -> list[Span]:
    spans = []
    if "rätt" in text or "domstol" in text:
        for m in _COURT.finditer(text):
            # "Jag tingsrätten …", "Min hovrätt": a pronoun or a word opening a sentence names no seat
            if m.group("seat").lower() in SWEDISH_STOP_WORDS:
                continue
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
        spans += [Span(m.start(), m.end(), "ORGANISATION") for m in _APPEAL_COURT.finditer(text)]
    authority = any(w in text for w in ("Polis", "Kriminalvården", "Socialtjänsten"))
    for m in _REGIONAL_AUTHORITY.finditer(text) if authority else ():
        words = m.group("region").split()
        region = " ".join(words)
        # "Polisen Östra Småland" (a region) or "Polisen Norra Stockholm" (a part of a town)
        if region in lists.places() or words[-1] in lists.places():
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans

"""Children and their ages as parents write about them in threads on assessment and support: a
small age in words before "år gammal" ("fick diagnosen sex år gammal"), a hedged age in brackets
after a name ("Elvira (nästan 9)"), a lowercase first name and its age now ("ture är 9 nu") (ALDER,
PERSON) and a parent's username built on the child's name ("pappa_till_Sixten", PERSON).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import NUMWORDS, SMALL_NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

# "fick diagnosen sex år gammal": a small number in words (the larger ones categories/alder.py
# reads); not a thing's age after an article ("en tre år gammal bil")
_SMALL_OLD = guarded(
    r"(?<![\w-])(?P<age>(?:" + SMALL_NUMWORDS + r")" + WS + r"+år)" + WS + r"+(?:gammal|gammel)(?![\w-])",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:en|ett|den|det|de|sin|sitt|min|mitt))" + WS + r"+$")
# "Elvira (nästan 9)", "Ture (snart 12 år)": a hedged age in brackets after a name
_HEDGED_BRACKET = guarded(
    r"(?<![\w-])[A-ZÅÄÖ][a-zåäöé]+" + WS + r"*\(" + WS + r"*(?:nästan|snart|bara|knappt|drygt|precis|strax över|ca|"
    r"cirka|typ)" + WS + r"+(?P<age>(?:\d{1,2}|" + NUMWORDS + r"|" + SMALL_NUMWORDS + r")(?:" + WS + r"+år)?)"
    r"" + WS + r"*\)"
)
# "ture är 9 nu": a lowercase first name opening a sentence, its age and "nu"
_NAME_AGE_NOW = guarded(
    r"(?:^|(?<=[.!?\n])" + WS + r"*|(?<=[.!?])" + WS + r"+)(?P<name>[a-zåäöé]{2,})" + WS + r"+(?:är|e)" + WS + r"+"
    r"(?P<age>\d{1,2})(?:" + WS + r"+år)?" + WS + r"+nu(?![\w-])"
)
# "pappa_till_Sixten", "mamma_till.elton": a parent's username built on the child's name
_PARENT_HANDLE = guarded(
    r"(?<![\w@./#-])(?i:mamma|pappa|mamman|pappan|mor|far|mormor|morfar|farmor|farfar|moster|faster)"
    r"[_.-]?(?i:till|åt|av)[_.-]?(?P<name>[A-Za-zÅÄÖåäöé]{2,})(?:[_.-]?\d{1,4})?(?![\w@-])"
)


def _ages(text: str) -> list[Span]:
    spans = [
        Span(m.start("age"), m.end("age"), "ALDER")
        for m in (_SMALL_OLD.finditer(text) if "amm" in text else ())  # speed: "gammal", "GAMMAL" rare
        if not _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start())
    ]
    if "(" in text:
        spans += [Span(m.start("age"), m.end("age"), "ALDER") for m in _HEDGED_BRACKET.finditer(text)]
    return spans


def find_parent_threads(text: str) -> list[Span]:
    spans = _ages(text)
    for m in _NAME_AGE_NOW.finditer(text) if " nu" in text else ():
        name = m.group("name")
        if name not in SWEDISH_STOP_WORDS and lists.listed_first_name(name):
            spans += [Span(m.start("name"), m.end("name"), "PERSON"), Span(m.start("age"), m.end("age"), "ALDER")]
    for m in _PARENT_HANDLE.finditer(text) if "_" in text else ():
        if "_" in m.group(0) and lists.listed_first_name(m.group("name")):
            spans.append(Span(m.start(), m.end(), "PERSON"))
    return spans

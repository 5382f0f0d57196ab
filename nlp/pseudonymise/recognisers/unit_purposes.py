"""A care unit named by whom or what it is for: "Mottagningen för ätstörningar vid Karolinska",
"kliniken för infektionssjukdomar på Danderyds sjukhus", "Akutmottagningen för barn och unga",
"Barn- och ungdomshälsan för nyanlända i <Ort>", "Hälsoteamet för asylsökande på <Stadsdel>"
(VARDENHET).

The unit word and its purpose are one name. With a hospital or a known town after it the whole
is a named unit even in lowercase; without one the unit word must be capitalised inside a
sentence (a name, not "akutmottagningen") and the purpose a group or a condition in the plural
or the indefinite ("för vuxna", "för ätstörningar"), not a reason ("för hjälp", "för att …").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.hospital_names import HOSPITAL
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import UNIT_STEM
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, compound_word, sentence_start, unknown_word

_UNIT_FOR = guarded(
    # a coordinated compound's first half ("Barn- och ungdomshälsan") belongs to the name
    r"(?<![\w-])(?:[" + CAP + r"][" + LOW + r"]+-" + WS + r"+och" + WS + r"+)?" + UNIT_STEM + r"?"
    r"(?i:mottagningen|kliniken|enheten|avdelningen|teamet|akuten|centrum|centret|(?<=[" + LOW + r"])hälsan)"
    r"" + WS + r"+för(?=" + WS + r"+[" + LOW + r"])"
)
_WORD = re.compile(WS + r"+(?P<word>[" + LOW + r"]+)(?![\w-])")
# where the unit is: a university hospital by its name, any hospital, or a town
_PLACE = re.compile(
    WS
    + r"+(?:på|vid|i)"
    + WS
    + r"+(?:(?P<hospital>(?:Sahlgrenska|Karolinska|Akademiska)(?:"
    + WS
    + r"+(?:universitets)?sjukhuset)?(?![\w-])|"
    + HOSPITAL
    + r")|(?P<town>["
    + CAP
    + r"]["
    + LOW
    + r"]+)(?![\w-]))"
)
# a group or a condition: "vuxna", "våldtäktsutsatta", "ätstörningar", "könsdysfori", "barn",
# a group by a present participle ("asylsökande", "studerande")
_GROUP_ENDING = re.compile(r"(?:a|ar|er|or|i|barn|[^n]ande|ende)$")
_DEFINITE = re.compile(r"(?:en|et|na)$")
_ADJECTIVE = re.compile(r"(?:ell|isk|iska|lig|liga)$")


def _content(word: str) -> bool:
    return word not in SWEDISH_STOP_WORDS and word not in NOT_UNIT_WORDS and len(word) > 2


def _group(word: str) -> bool:
    return _content(word) and not _DEFINITE.search(word) and bool(_GROUP_ENDING.search(word))


def _district(word: str) -> bool:
    """A place no list has: an unknown simple word ("<Stadsdel>"), not an agency's compound
    ("Migrationsverket")."""
    low = word.lower()
    return low not in NOT_UNIT_WORDS and unknown_word(low) and not compound_word(low)


def _purpose_end(text: str, pos: int) -> tuple[int | None, int | None]:
    """The purpose's end as a group ("för vuxna", "för barn och unga") and, if a place follows
    its words (at most three), the place's end."""
    group_end, joined, k = None, False, 0
    while k < 3:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group("word")
        if word == "och" and k > 0 and not joined:
            pos, joined = m.end(), True
            continue
        if not _content(word):
            break
        k, pos = k + 1, m.end()
        if _group(word) and (k == 1 or (k == 2 and joined and group_end is not None)):
            group_end = pos
        if k == 1 and group_end is None:
            if _ADJECTIVE.search(word):
                continue  # "för sexuell hälsa": the adjective waits for its noun
            break  # "för smärtan", "för hjälp": a reason, and no place makes it a name
        place = _PLACE.match(text, pos)
        town = place.group("town") if place else None
        # a district no list has ("på <Stadsdel>") is the unit's place after a group, not a reason
        if place and (place.group("hospital") or town in lists.places() or (group_end == pos and _district(town))):
            return group_end, place.end()
    return group_end, None


def find_unit_purposes(text: str) -> list[Span]:
    spans = []
    for m in _UNIT_FOR.finditer(text) if "för" in text else ():
        group_end, place_end = _purpose_end(text, m.end())
        if place_end is not None:
            spans.append(Span(m.start(), place_end, "VARDENHET"))
        elif group_end is not None and text[m.start()].isupper() and not sentence_start(text, m.start()):
            spans.append(Span(m.start(), group_end, "VARDENHET"))
    return spans

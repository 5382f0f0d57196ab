"""Homes and clinics for young people named in lower case, as chats write them: "bor på hvb
kompassen", "sitter på sis ungdomshem vemyra", "stödboendet fyren", "vårdcentralen eken",
"ungdomsmottagningen hisingen", "björkforsens ungdomshem", "ett hvb i Mora som hette Granbacken".

A HVB or SiS home, a supported housing unit or a clinic is named by the word right after its
kind; the name is most often an ordinary noun in its definite form (a tree, a lighthouse, a
glade) or a place, so no lexicon tells it. The kind word before it is the evidence; what is
left out are the words that follow a kind word without naming it: function words, time
("hvb dagen efter"), the staff and the stay ("hvb personalen", "hvb placeringen").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import swedish_lemma_table
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import (
    CHAT_FILLERS,
    NOT_UNIT_WORDS,
    TITLES,
    WORKPLACE,
    function_words,
    unknown_word,
)

# kinds whose next word is the home's name however ordinary it is (only homes follow "hvb")
_HOME_KINDS = (
    r"hvb|hvb-hemmet|hvb-hem|sis-hemmet|sis-hem|sis[ \t]+ungdomshem|sis-ungdomshem|sis[ \t]+hemmet|"
    r"ungdomshemmet|behandlingshemmet|jourhemmet|stödboendet|stodboendet|ungdomsboendet|"
    r"träningsboendet|traningsboendet|utslussboendet"
)
# clinics: their next word is a name only when it is no everyday word or a definite noun
_CLINIC_KINDS = r"vårdcentralen|vardcentralen|hälsocentralen|halsocentralen|ungdomsmottagningen|ungdomsmottagning"
_KIND_THEN_NAME = guarded(
    r"(?<![\w-])(?P<kind>(?i:" + _HOME_KINDS + r"|" + _CLINIC_KINDS + r"))" + WS + r"+"
    r"(?P<name>[" + LOW + r"]{3,}(?:-[" + LOW + r"]{2,})?)(?![\w-])"
)
# what may follow a home's name: the end of the clause, a conjunction, a place, a verb of the stay
_AFTER_NAME = re.compile(
    r"(?:[ \t]*(?:[.,!?:;)\n]|$)|" + WS + r"+(?:o|och|i|pa|på|för|for|sen|har|hade|e|är|ar|va|var|men|som|"
    r"nu|där|dar|utan|med|till|igen|så|typ|asså|innan|efter|ett|en|2\d{3}|\d))"
)
# definite nouns that follow a kind word without naming a home
_NOT_NAMES = frozenset(
    "personalen hemmet boendet placeringen vistelsen platsen rummet avdelningen mottagningen "
    "dagen kvällen natten morgonen veckan helgen tiden gången perioden sommaren hösten våren "
    "vintern julen året månaden maten skolan chefen kuratorn läkaren sköterskan handläggaren "
    "regeln reglerna kön telefonen växeln hemsidan appen chatten mejlen "
    "grejen saken biten delen frågan historien snacket situationen händelsen".split()
)
# what a home is or gives, after "hvb" without naming one ("hvb placering", "hvb hem")
_KIND_WORDS = frozenset(
    "hem boende placering plats vistelse personal behandling vård vard utredning beslut ansökan "
    "långt langt bort nära nara igen".split()
)
# a definite noun, not a process or quality ("utredningen", "tryggheten")
_DEFINITE = re.compile(r"(?:en|an|et|n)$")
_ABSTRACT = re.compile(r"(?:ingen|heten|elsen|andet|endet|aren|arna|orna|erna|naden)$")
# "björkforsens ungdomshem": the home by its genitive name; not the state's or a council's
_GENITIVE_HOME = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖa-zåäöéü][a-zåäöéü]{2,}s)" + WS + r"+"
    r"(?P<kind>ungdomshem|behandlingshem|hvb-hem|ungdomsboende|stödboende|behandlingsboende)(?![\w-])"
)
# "hvb lönnen i kil": the home's town, even a town that is also a word, after the found home
_IN_TOWN = re.compile(WS + r"+(?:i|på|pa)" + WS + r"+(?P<town>[" + LOW + r"]{2,}(?:-[" + LOW + r"]{2,})?)(?![\w-])")
# "ett hvb i Mora som hette Granbacken": the home's name told after it, its town perhaps between
_HOME_CALLED = re.compile(
    r"(?<![\w-])(?i:" + _HOME_KINDS + r"|hvb-hem|behandlingshem|ungdomshem|stödboende|sis-hem)"
    r"(?:" + WS + r"+(?:i|på|utanför|nära)" + WS + r"+[\w-]+)?" + WS + r"*,?" + WS + r"+som" + WS + r"+"
    r"(?:het|hette|heter|kallades|kallas)" + WS + r"+(?P<name>[A-ZÅÄÖ][a-zåäö]{2,}(?:-[A-ZÅÄÖ][a-zåäö]{2,})?)(?![\w-])"
)
_NOT_OWNERS = frozenset("statens kommunens regionens landstingets sis stadens privata".split())
_GATE = ("hvb", "sis", "hem", "boende", "centralen", "mottagning")


def _home_name(name: str, kind: str) -> bool:
    low = name.lower()
    if (
        low in function_words()
        or low in NOT_UNIT_WORDS
        or low in CHAT_FILLERS
        or low in TITLES
        or low in WORKPLACE
        or low in _NOT_NAMES
    ):
        return False
    if unknown_word(low) or low.capitalize() in lists.places():
        return True
    lemma = swedish_lemma_table().get(low)
    if _DEFINITE.search(low) and not _ABSTRACT.search(low) and lemma is not None and lemma != low:
        return True  # a noun's definite form ("tornet" of "torn"), not an adverb ("nedan")
    if kind in {"hvb", "hvb-hemmet", "hvb-hem"} or kind.startswith("sis"):
        return low not in _KIND_WORDS  # only homes follow "hvb": "hvb vindflöjel", not "hvb hem"
    # a home may carry a first name ("sis ungdomshem rebecka"); a clinic by a person is rarer
    info = lists.names().get(low)
    return not kind.startswith(("vård", "vard", "häls", "hals", "ungdomsm")) and info is not None and not info.common


def town_after(text: str, end: int) -> list[Span]:
    """A listed town right after a found home or school ("… i kil"), as ORT."""
    town = _IN_TOWN.match(text, end)
    if town is None or town.group("town").capitalize() not in lists.places():
        return []
    return [Span(town.start("town"), town.end("town"), "ORT")]


def find_youth_homes(text: str) -> list[Span]:
    low = text.lower()
    if not any(g in low for g in _GATE):
        return []
    spans = []
    for m in _KIND_THEN_NAME.finditer(text):
        if not m.group("name").islower() or not _AFTER_NAME.match(text, m.end()):
            continue
        if _home_name(m.group("name"), m.group("kind").lower()):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
            spans.extend(town_after(text, m.end()))
    if " som h" in low or " som k" in low:
        spans += [Span(m.start("name"), m.end("name"), "VARDENHET") for m in _HOME_CALLED.finditer(text)]
    if "hem" in low or "boende" in low:
        for m in _GENITIVE_HOME.finditer(text):
            owner = m.group("name").lower()
            if owner in _NOT_OWNERS or owner in function_words():
                continue
            stem = owner[:-1]
            if unknown_word(owner) and (unknown_word(stem) or stem.capitalize() in lists.places()):
                spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans

"""Organisations as work-injury and return-to-work stories name them (ORGANISATION): a trade
union in brackets after "facket" ("Facket (Seko) säger …"), a union's regional branch after its
name ("Seko Region Syd", "Målarna avd. Norrland"), a firm by its kind, its name and its district
("Fastighetsbolaget Hemvist Öst") and an insurer or authority by its short form where a claim
is decided or fought ("avslag från SPV", "mitt ärende mot KPA").

A union's branch is read over the unit rule's "avd. <Namn>" (a ward) by `union_branches`, after
the overlaps are resolved: a unit outranks an organisation there.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS, NOT_UNIT_WORDS, plain_word, sentence_start

_DISTRICT = r"(?:Nord|Syd|Öst|Väst|Norr|Söder|Mitt|Nordväst|Nordost|Sydväst|Sydost)"
# "Facket (Seko)", "fackförbundet (IF Metall)": the union named in brackets after the word
_UNION_IN_BRACKETS = guarded(
    r"(?<![\w-])(?i:facket|fackförbundet|förbundet|fackföreningen)"
    + WS
    + r"*\("
    + WS
    + r"*(?P<name>(?:[A-ZÅÄÖ]{2,6}|"
    + CAPWORD
    + r")(?:"
    + WS
    + r"+(?:[A-ZÅÄÖ]{2,6}|"
    + CAPWORD
    + r"))?)"
    + WS
    + r"*\)"
)
# "Seko Region Syd", "Kommunal Region Mitt": a union's region is a direction, not a county
_UNION_REGION = guarded(
    r"(?<![\w-])(?P<name>(?:[A-ZÅÄÖ]{2,6}|" + CAPWORD + r"))" + WS + r"+Region" + WS + r"+" + _DISTRICT + r"(?![\w-])"
)
# "Fastighetsbolaget Hemvist Öst": a firm's kind, its name and its district
_FIRM_DISTRICT = guarded(
    r"(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:bolaget|företaget|koncernen)"
    + WS
    + r"+(?P<name>"
    + CAPWORD
    + r")"
    + WS
    + r"+"
    + _DISTRICT
    + r"(?![\w-])"
)
# "avslag från SPV", "ersättning från KPA", "mitt ärende mot AMF": a claim's other party
_CLAIM_BEFORE = re.compile(
    r"(?<![\w-])(?i:avslag|beslut|besked|ersättning|ersättningen|utbetalning|pengar|(?:mitt|vårt|ett|sitt)"
    + WS
    + r"+ärende)"
    + WS
    + r"+(?:från|mot|av)"
    + WS
    + r"+$"
)
# a short form of two to five capitals (read first: rarer than the claim's words)
_SHORT_FORM = re.compile(r"(?<=[ \t\u00a0])[A-ZÅÄÖ]{2,5}(?![\w-])")
# short forms of departments, laws and codes, no party to a claim ("beslut från HR", "enligt LAS")
_NOT_PARTIES = frozenset("HR IT VD PA PR EU LAS AML AFS SFB ICD KVÅ SGI OK SMS".split())
# "Målarna avd. Norrland": a union's plural name, then its branch (a ward has a number instead)
_BRANCH_BEFORE = re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{3,}(?:arna|erna|orna|na)" + WS + r"+$")
_BRANCH = re.compile(r"(?:avd\.?|avdelning|sektion)" + WS + r"+[" + CAP + r"][" + LOW + r"]+$")


def _name(word: str, everyday: bool = False) -> bool:
    """A name's word; with `everyday` also a word that is everyday in lowercase ("Vision")."""
    return word.isupper() or (
        word.lower() not in NOT_UNIT_WORDS
        and not function_words_or_calendar(word)
        and (everyday or not plain_word(word.lower()))
    )


def find_work_organisations(text: str) -> list[Span]:
    low = text.lower()  # the constructions' words first: most texts hold none of them (speed)
    brackets = "(" in text and ("fack" in low or "förbund" in low)
    claims = any(w in low for w in ("avslag", "beslut", "besked", "ersättning", "utbetalning", "pengar", "ärende"))
    spans = [
        Span(m.start("name"), m.end("name"), "ORGANISATION")
        for m in (_UNION_IN_BRACKETS.finditer(text) if brackets else ())
        if all(_name(w, everyday=True) for w in m.group("name").split())
        and not lists.listed_first_name(m.group("name"))
    ]
    spans += [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in _UNION_REGION.finditer(text)
        # mid-sentence a capital makes even an everyday word a name ("ombudsman Målarnas Region Norr")
        if _name(m.group("name"), everyday=not sentence_start(text, m.start()))
        and m.group("name") not in lists.places()
    ]
    spans += [Span(m.start(), m.end(), "ORGANISATION") for m in _FIRM_DISTRICT.finditer(text) if _name(m.group("name"))]
    spans += [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in (_SHORT_FORM.finditer(text) if claims else ())
        if m.group() not in _NOT_PARTIES
        and m.group() not in CARE_ACRONYMS
        and _CLAIM_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]
    return spans


def union_branches(text: str, spans: list[Span]) -> list[Span]:
    """A unit read in "<Förbundet> avd. <Namn>" is the union's branch: ORGANISATION from the name."""
    out = []
    for sp in spans:
        if sp.label == "VARDENHET" and _BRANCH.match(text[sp.start : sp.end]):
            before = _BRANCH_BEFORE.search(text, max(0, sp.start - 40), sp.start)
            if (
                before
                and not sentence_start(text, before.start())
                and not any(o.end > before.start() for o in out[-1:])
            ):
                out.append(Span(before.start(), sp.end, "ORGANISATION"))
                continue
        out.append(sp)
    return out

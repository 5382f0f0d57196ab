"""Shelters, missions, landlords and the offices around people without a home.

A shelter or a night café named after its word ("Nattcaféet Fyren", "Härbärget Vägen hem",
"Missionens härbärge Ljuset") is a place where someone sleeps: VARDENHET, like a named support
home (unit_constructions.py). A women's refuge by its name ("Kvinnojouren Tove") is its
association's, ORGANISATION, as "Kvinnojouren <Ort>" is (categories/organisation.py), with the
name in it: a first name there is the refuge's, no one's.

ORGANISATION: a town's mission ("Malmö Stadsmission", "Borås Räddningsmission"); a landlord
by its role ("hyresvärden Byggbo", "Hyresvärd: Hembo AB") or by a housing company's shape
("Bostads AB Kvarnen", "Lindqvist Fastigheter", "Stadsbostäder", and "hos <X>gårdarna" where
the text is about rent); the police with its region ("Polisen region Väst"); a social
services office by its district ("socialtjänsten Norrmalm."); an authority shouted in capitals
("SKATTEVERKET"); a flat's district ("2 rok i <X>", ORT); and a body no lexicon knows by what is said of it: "c/o <X>", "Hej från
<X>!", "hänvisade till <X>", "säljer <X>" (a street paper) – a listed first name or a town
there is someone's, or somewhere, and stays for the other rules.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, STREET_SUFFIX, WS
from nlp.pseudonymise.recognisers.place_rules import TOWN_ABBREVIATIONS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import sentence_start, unknown_word

_NAME = r"[" + CAP + r"][" + LOW + r"]{2,}"
# a name of one word, a second capitalised word, or a particle closing a phrase ("Vägen ut")
_SHELTER_NAME = r"(?P<name>" + _NAME + r")(?P<more>" + WS + r"+(?:" + _NAME + r"|ut|in|hem|upp)(?=[\s.,!?;:)]|$))?"
_SHELTER_WORDS = (
    r"[Nn]att(?:caf[eé]|kaf[eé])et|[Nn]atthärbärget|[Hh]ärbärget|[Kk]vinnojouren|[Tt]jejjouren|"
    r"[Mm]ansjouren|[Dd]agcentret|[Vv]ärmestugan|[Tt]räffpunkten|[Ss]oppköket|[Aa]kutboendet|[Jj]ourboendet"
)
_SHELTER = guarded(
    r"(?<![\w-])(?:(?:"
    + CAPWORD
    + r"s"
    + WS
    + r"+)?(?:"
    + _SHELTER_WORDS
    + r")|"
    # "Missionens härbärge Ljuset": an organisation's shelter, the kind's word indefinite
    + CAPWORD
    + r"s"
    + WS
    + r"+(?:härbärge|nattcafé|nattkafé|akutboende|stödboende|jourboende|kvinnojour|träffpunkt))"
    + WS
    + r"+"
    + _SHELTER_NAME
)
# a first name going on with a verb is a person ("Härbärget Anna sa …")
_VERB_AFTER = re.compile(
    WS + r"+(?:sa|sade|tog|gick|kom|fick|gav|var|är|har|hade|kan|ska|vill|[a-zåäö]+(?:ade|de|te))\b"
)

_STREET_END = re.compile(r"(?:" + STREET_SUFFIX + r")$")
_REFUGE = re.compile(r"jour(?:en)?$")

_MISSION = guarded(
    r"(?<![\w-])(?P<town>" + CAPWORD + r")" + WS + r"+(?:Stadsmission|Räddningsmission|Stadsmissionen)(?![\w-])"
)

_COMPANY = r"(?:" + CAPWORD + r"|AB)(?:" + WS + r"+(?:" + CAPWORD + r"|AB)){0,3}"
_LANDLORD = guarded(
    r"(?<![\w-])(?:[Hh]yresvärd(?:en)?|[Ff]astighetsägaren?|[Bb]ostadsbolaget|[Ff]astighetsbolaget|"
    r"[Ff]örvaltaren)(?:" + WS + r"*[:(]" + WS + r"*|" + WS + r"+)(?P<name>" + _COMPANY + r")"
)
_HOUSING_COMPANY = guarded(
    r"(?<![\w-])(?:Bostads(?:-|" + WS + r"+)AB" + WS + r"+" + CAPWORD + r"|"
    r"(?:AB" + WS + r"+)?" + CAPWORD + WS + r"+(?:Fastigheter|Bostäder)(?:" + WS + r"+AB)?|"
    r"[" + CAP + r"][" + LOW + r"]{2,}(?:bostäder|fastigheter)(?:" + WS + r"+AB)?)(?![\w-])"
)
_RENT = re.compile(r"(?i)hyr|avhys|vräk|uppsägning|kontrakt|kronofog|skuld|lägenhet")
_LANDLORD_COMPOUND = guarded(
    r"(?<![\w-])(?:hos|till|från|mot|med|av)"
    + WS
    + r"+(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}(?:gårdarna|bostaden|staden|husen))(?![\w-])"
)

_POLICE = guarded(
    r"(?<![\w-])(?:[Pp]olisen|[Pp]olismyndigheten)"
    + WS
    + r"+(?:i"
    + WS
    + r"+)?region"
    + WS
    + r"+"
    + CAPWORD
    + r"|(?<![\w-])Polisregion"
    + WS
    + r"+"
    + CAPWORD
)
_OFFICE_DISTRICT = guarded(
    r"(?<![\w-])(?:socialtjänsten|socialkontoret|stadsdelsförvaltningen)"
    + WS
    + r"+(?P<name>"
    + CAPWORD
    + r")(?=[ \t]*(?:[.,;:)!?\n]|$))"
)
# a national authority (any municipality has a "-NÄMNDEN", named only with its town or region)
_SHOUTED_AUTHORITY = guarded(r"(?<![\w-])[A-ZÅÄÖ]{4,}(?:MYNDIGHETEN|VERKET|KASSAN|FÖRMEDLINGEN|INSPEKTIONEN)(?![\w-])")
# what is said of a body: mail in its care, a greeting from it, a referral to it, its paper sold
_SAID_OF_BODY = guarded(
    r"(?:(?<![\w-])c/o|(?<![\w-])[Hh]ej från|(?<![\w-])[Hh]älsningar från|"
    r"(?<![\w-])[Hh]änvisa(?:de|des|t)" + WS + r"+(?:\w+" + WS + r"+)?till|(?<![\w-])[Ss](?:äljer|ålde)"
    r"(?:" + WS + r"+tidningen)?)" + WS + r"+(?P<name>" + CAPWORD + r")(?!\w)(?P<place>" + WS + r"+" + CAPWORD + r")?"
)

# a flat by its size and where it is: "2 rok i Vårby", "fick en trea i Bagarmossen"
_FLAT_IN = guarded(
    r"(?:\d"
    + WS
    + r"*(?:rok i|rok\. i|r\.o\.k\. i|rum och kök i|:a i|:or i)|(?<![\w-])(?:etta i|tvåa i|trea i|fyra i))"
    + WS
    + r"+(?P<name>"
    + CAPWORD
    + r")(?![\w-])"
)


def _place(word: str) -> bool:
    places = lists.places()
    return word in places or (word.endswith("s") and word[:-1] in places) or word.lower() in TOWN_ABBREVIATIONS


def _shelters(text: str) -> list[Span]:
    spans = []
    for m in _SHELTER.finditer(text):
        name, end = m.group("name"), m.end()
        first = lists.listed_first_name(name)
        # "Nattcaféet Klara": a first name names a shelter as often as an everyday word does not
        if name.lower() in SWEDISH_STOP_WORDS or (function_words_or_calendar(name) and not (m.group("more") or first)):
            continue
        if m.group("more") and m.group("more").strip()[:1].isupper() and first:
            continue  # "Härbärget Anna Berg": a person, first name and surname
        if m.group("more") is None and first and _VERB_AFTER.match(text, end):
            continue
        if "jouren" in m.group(0)[: m.start("name") - m.start()] and _place(name):
            continue  # "Kvinnojouren Eskilstuna": the town's association
        # a refuge by its name is its association's, as "Kvinnojouren <Ort>" is (organisation.py)
        head = m.group(0)[: m.start("name") - m.start()].split()[-1]
        spans.append(Span(m.start(), end, "ORGANISATION" if _REFUGE.search(head) else "VARDENHET"))
    return spans


def _landlords(text: str) -> list[Span]:
    spans = []
    for m in _LANDLORD.finditer(text):
        words = m.group("name").split()
        if words[0].lower() in SWEDISH_STOP_WORDS or (lists.listed_first_name(words[0]) and words[0] != "AB"):
            continue  # "hyresvärden Anna Berg": a private landlord, a person
        spans.append(Span(m.start("name"), m.end("name"), "ORGANISATION"))
    for m in _HOUSING_COMPANY.finditer(text):
        if m.group(0).split()[0].lower() not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    compounds = [m for m in _LANDLORD_COMPOUND.finditer(text) if not _place(m.group("name"))]
    if compounds and _RENT.search(text):
        spans += [Span(m.start("name"), m.end("name"), "ORGANISATION") for m in compounds]
    return spans


def _bodies(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "ORGANISATION") for m in _MISSION.finditer(text) if _place(m.group("town"))]
    spans += [Span(m.start(), m.end(), "ORGANISATION") for m in _POLICE.finditer(text)]
    spans += [Span(m.start(), m.end(), "ORGANISATION") for m in _SHOUTED_AUTHORITY.finditer(text)]
    for m in _OFFICE_DISTRICT.finditer(text):
        name = m.group("name")
        if not function_words_or_calendar(name) and (_place(name) or not lists.listed_first_name(name)):
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    for m in _SAID_OF_BODY.finditer(text):
        name = m.group("name")
        if (
            sentence_start(text, m.start("name"))
            or lists.names().get(name.lower()) is not None
            or _place(name)
            # a paper sold and an addressee are capitalised mid-sentence, the name often a word
            # "hänvisade till Arbetsmiljölagen": a compound of everyday words is a law or a thing
            or not (unknown_word(name, single=True) or m.group(0)[:1] in "Ssc")
        ):
            continue
        place = m.group("place")
        # "säljer Situation Sthlm": the paper's town is part of its name
        end = m.end("place") if place and _place(place.strip()) else m.end("name")
        spans.append(Span(m.start("name"), end, "ORGANISATION"))
    return spans


def find_housing_support(text: str) -> list[Span]:
    """Named shelters (VARDENHET) and the missions, landlords and offices (ORGANISATION)."""
    flats = [
        Span(m.start("name"), m.end("name"), "ORT")
        for m in _FLAT_IN.finditer(text)
        if not function_words_or_calendar(m.group("name"))
        and not lists.listed_first_name(m.group("name"))
        and not _STREET_END.search(m.group("name"))
    ]
    return _shelters(text) + _landlords(text) + _bodies(text) + flats

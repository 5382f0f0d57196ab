"""Care units as work-injury and return-to-work stories name them (VARDENHET): an occupational
health service by its kind word and its own name, before or after ("Företagshälsan Hälsokraft
Syd i Växjö", "Vitamina Företagshälsa Gävle"), the firm a named carer works at ("psykologen
Linnea på Vitalica i Kalmar"), a medical specialty in "-medicin" with its town ("Hud- och
könsmedicin Linköping", "Beroendemedicin i Lund") and a ward's short form right before its
hospital ("IVA Sunderby sjukhus", where "till IVA" alone reads as a name). A rating scale named
after a hospital in English ("<Sjukhus> Sleep Quality Scale") is no unit (`scale_names`).

"<enhet> i <Ort>" stays one VARDENHET span, as everywhere in the product.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.complaint_units import name_like
from nlp.pseudonymise.recognisers.hospital_names import HOSPITAL
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS, coordinated_first
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import plain_word, sentence_start

# a direction or part of town naming a provider's site: "Hälsokraft Norr", "Vitamina Syd"
_DISTRICT_WORD = re.compile(r"Norr|Nord|Syd|Söder|Öst|Väst|Mitt|City|Centrum")
# " i Växjö", " Gävle": a unit's town after it, with or without "i"
_TOWN = WS + r"+(?:i" + WS + r"+)?(?P<town>" + CAPWORD + r")(?![\w-])"
_TOWN_IN = r"(?:" + _TOWN + r")?"
# "Företagshälsan Hälsokraft Norr", "Företagshälsovården Vitamina i Växjö": the kind word,
# one or two names, a district and the town
_KIND_FIRST = guarded(
    r"(?<![\w-])(?:Företagshälsan|Företagshälsovården)"
    + WS
    + r"+(?P<names>"
    + CAPWORD
    + r"(?:"
    + WS
    + r"+"
    + CAPWORD
    + r")?)(?![\w-])"
    + _TOWN_IN
)
# "Vitamina Företagshälsa Gävle", "Hälsokraft Företagshälsovård i Umeå": a name, the kind word
_KIND_AFTER = guarded(
    r"(?<![\w-])(?P<name>" + CAPWORD + r")" + WS + r"+(?:Företagshälsa|Företagshälsovård)(?![\w-])" + _TOWN_IN
)
# "sjukgymnasten Jonas på Vitalica i Kalmar": a carer by name, and the firm they work at (read
# from "på <Namn>", a literal the engine finds fast, back to the carer's role)
_AT_NAME = re.compile(r"på" + WS + r"+(?P<name>" + CAPWORD + r")(?![\w-])" + _TOWN_IN)
_CARER_BEFORE = re.compile(
    r"(?<![\w-])(?i:sjukgymnasten|fysioterapeuten|psykologen|arbetsterapeuten|beteendevetaren|"
    r"företagsläkaren|företagssköterskan|läkaren|sköterskan|kuratorn|terapeuten)"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+"
    + WS
    + r"+$"
)
_NOUN_AFTER = re.compile(WS + r"+[" + LOW + r"]+(?:et|en|an|na)(?![\w-])")
# "Hud- och könsmedicin Linköping", "Beroendemedicin i Lund": a specialty and its town
_MEDICINE_TOWN = guarded(
    r"(?<![\w-])(?:"
    + coordinated_first(capital=True, more="+", conjunctions="och|eller")
    + r"["
    + LOW
    + r"]*|["
    + CAP
    + r"]["
    + LOW
    + r"]*)medicin(?:ska"
    + WS
    + r"+kliniken)?(?![\w-])"
    + _TOWN
)
# "IVA Sunderby sjukhus", "HIA Norra sjukhuset": a ward's short form right before its hospital
_WARD_HOSPITAL = guarded(r"(?<![\w-])(?:IVA|HIA|KAVA|AVA|MAVA)" + WS + r"+" + HOSPITAL)


def _own_name(text: str, start: int, word: str) -> bool:
    """A firm's own name: not a town, a first name, an everyday word or a clause's opening."""
    return (
        word not in lists.places()
        and not lists.listed_first_name(word)
        and not function_words_or_calendar(word)
        and not plain_word(word.lower())
        and name_like(text, start, word)
    )


def _end(m: re.Match[str]) -> int:
    """The match's end with its town if the town is a known one, else the end of the name."""
    town = m.group("town")
    if town is None or town in lists.places():
        return m.end()
    return m.end("name") if "name" in m.re.groupindex else m.end("names")


# "Uppsala Sleep Quality Scale", "Lund Fatigue Inventory": a rating scale named after
# the hospital or town it came from, in English; no unit and no place of anyone
_SCALE_AFTER = re.compile(
    r"(?:" + WS + r"+[A-Z][a-z]+){1,4}" + WS + r"+(?:Scale|Inventory|Questionnaire|Index|Rating|Test)(?![\w-])"
)


def scale_names(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the units and towns that open a rating scale's English name."""
    if not any(w in text for w in ("Scale", "Inventory", "Questionnaire", "Index", "Rating", "Test")):
        return spans
    return [s for s in spans if not (s.label in {"VARDENHET", "ORT"} and _SCALE_AFTER.match(text, s.end))]


def find_occupational_health(text: str) -> list[Span]:
    spans: list[Span] = []
    places = lists.places()
    for m in _KIND_FIRST.finditer(text):
        words = m.group("names").split()
        first = words[0] in places or _own_name(text, m.start("names"), words[0]) or words[0].endswith("hälsa")
        if first and all(
            w in places or _own_name(text, m.start("names"), w) or _DISTRICT_WORD.fullmatch(w) for w in words[1:]
        ):
            spans.append(Span(m.start(), _end(m), "VARDENHET"))
    for m in _KIND_AFTER.finditer(text):
        name = m.group("name")
        if name in places or (_own_name(text, m.start(), name) and not sentence_start(text, m.start())):
            spans.append(Span(m.start(), _end(m), "VARDENHET"))
    for m in _AT_NAME.finditer(text) if "på" in text else ():
        if not _CARER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        # "på Västra gymnasiet": a name's first word before its noun, not the firm's own name
        if _own_name(text, m.start("name"), m.group("name")) and not _NOUN_AFTER.match(text, m.end("name")):
            spans.append(Span(m.start("name"), _end(m), "VARDENHET"))
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _MEDICINE_TOWN.finditer(text) if m.group("town") in places]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _WARD_HOSPITAL.finditer(text)]
    return spans

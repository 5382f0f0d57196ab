"""Units and associations as texts about neuropsychiatric assessment and support name them: a unit
of coordinated compounds before its kind of care and its town ("Barn- och ungdomspsykiatrisk
slutenvård Umeå"), an indefinite clinic with its town ("Beroendemottagning Kalmar"), a centre,
team or unit by its part of the country or its own name ("Neurocentrum Syd", "Utredningsteamet
Bergslagen", "Utredningsenheten Fyrtornet"), a clinic for children or adults
("Neuropsykiatriska kliniken Vuxen"), a clinic for a specialty and its hospital after a comma
("Mottagningen för beroende, Akademiska"), a town's centre for a kind of care ("Göteborgs
ätstörningscentrum") and the firm where an assessment or diagnosis was made ("utredning hos
Hjärnbalans Norr i Borås", "diagnos hos Psykia") (VARDENHET); an association named by a diagnosis
and its region ("Autism Värmland") and a parents' association with its acronym and place
("Föräldraföreningen ADHD Öland") (ORGANISATION). Occupational health by its own name is
occupational_health.py's.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.complaint_units import CARE_STEM, name_like
from nlp.pseudonymise.recognisers.hospital_names import hospital_of_place
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, COMPASS_AREAS, LOW, WS, coordinated_first
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.unit_towns import with_district_after, with_town_after
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, unknown_word

# what else a unit assesses or treats in this care
_ASSESS_STEM = re.compile(r"utredning|npf|adhd|autism|sömn|logoped|dyslexi|språk")
# "Barn- och ungdomspsykiatrisk slutenvård": coordinated compounds before the kind of care
_COORDINATED_CARE = guarded(
    r"(?<![\w-])" + coordinated_first(capital=True, more="+", conjunctions="och") + r"[" + LOW + r"]+(?:isk|sk)a?"
    r"" + WS + r"+(?:slutenvård|öppenvård|heldygnsvård|mottagning|klinik|avdelning)(?![\w-])"
)
# "Beroendemottagning Kalmar": an indefinite clinic and its known town
_INDEFINITE_TOWN = guarded(
    r"(?<![\w-])(?P<unit>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}(?:mottagning|klinik|enhet))"
    + WS
    + r"+(?P<town>"
    + CAPWORD
    + r")"
    r"(?![\w-])"
)
# "Neurocentrum Syd", "Utredningsteamet Bergslagen", "Utredningsenheten Fyrtornet", "Barnhälsan Kalmar",
# after a definite adjective ("Mobila psykiatriteamet Gotland"); a team named by its method's
# acronym ("DBT-teamet Kiruna") only before a place
_UNIT_NAMED = guarded(
    r"(?<![\w-])(?P<unit>(?:[" + CAP + r"][" + LOW + r"]+a" + WS + r"+[" + LOW + r"]*|[" + CAP + r"][" + LOW + r"]{3,})"
    r"(?:centrum|centret|center|teamet|enheten|utredningen|hälsan)|(?P<acronym>[A-ZÅÄÖ]{2,5})-teamet)"
    r"" + WS + r"+(?P<name>" + CAPWORD + r")(?![\w-])"
)
# "Neuropsykiatriska kliniken Vuxen": a clinic for children or adults
_CLINIC_FOR_AGE = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{3,}(?:iska|ska)" + WS + r"+[Kk]liniken" + WS + r"+"
    r"(?:Barn|Vuxen|Vuxna|Unga|Ungdom)(?![\w-])"
)
# "Mottagningen för beroende, Akademiska": a clinic for a specialty and its hospital after a comma
_SPECIALTY_HOSPITAL = guarded(
    r"(?<![\w-])[Mm]ottagningen" + WS + r"+för(?:" + WS + r"+[" + LOW + r"]+){1,3}," + WS + r"+"
    r"(?P<hospital>[" + CAP + r"][" + LOW + r"]+(?:ska|sjukhuset|lasarettet)(?:" + WS + r"+(?:universitets)?"
    r"(?:sjukhuset|sjukhus))?|" + hospital_of_place("s?") + r")"
    r"(?![\w-])"
)
# "Göteborgs ätstörningscentrum": a town's centre or clinic for a kind of care
_TOWN_CENTRE = guarded(
    r"(?<![\w-])(?P<town>[" + CAP + r"][" + LOW + r"]+)" + WS + r"+[" + LOW + r"]{3,}"
    r"(?:centrum|centret|mottagningen|kliniken)(?![\w-])"
)
# "utredning hos Hjärnbalans Norr i Borås", "ADHD-diagnos hos Psykia": the firm that assessed
_ASSESSED_AT = guarded(
    r"(?i:\b(?:utredning|utredningen|diagnos|diagnosen|bedömning|bedömningen|testning))"
    r"" + WS + r"+hos" + WS + r"+(?P<name>" + CAPWORD + r")(?:" + WS + r"+(?P<second>" + CAPWORD + r"))?"
    r"(?:" + WS + r"+i" + WS + r"+(?P<town>" + CAPWORD + r"))?(?![\w-])"
)
# the assessment words' tails, whatever their first letter's case
_ASSESSED_WORDS = ("tredning", "iagnos", "IAGNOS", "edömning", "estning")
# "Autism Värmland": an association named by a diagnosis and its region
_DIAGNOSIS_ASSOCIATION = guarded(
    r"(?<![\w-])(?:Autism|Dyslexi|Tourette)(?:föreningen)?" + WS + r"+(?P<place>" + CAPWORD + r")(?![\w-])"
)
# "Föräldraföreningen ADHD Öland": an association, its acronym and its place
_ASSOCIATION_ACRONYM = guarded(
    r"(?<![\w-])(?:[" + CAP + r"][" + LOW + r"]*föreningen|Föreningen)" + WS + r"+(?P<acronym>[A-ZÅÄÖ]{2,5})(?![\w-])"
    r"(?:" + WS + r"+(?P<place>" + CAPWORD + r")(?![\w-]))?"
)


def _own_name(text: str, start: int, word: str) -> bool:
    """A unit's own name, not a word, a person or a sentence's opening: "Fyrtornet", not "Anna"."""
    return (
        word.lower() not in SWEDISH_STOP_WORDS
        and not function_words_or_calendar(word)
        and name_like(text, start, word)
        and lists.names().get(word.lower()) is None
    )


def _care(word: str) -> bool:
    low = word.lower()
    return bool(CARE_STEM.search(low) or _ASSESS_STEM.search(low))


def _firm(text: str, start: int, word: str) -> bool:
    """A firm's name no lexicon has: "Psykia", not a person ("hos Anna") or a word ("hos Oss")."""
    return (
        word.lower() not in SWEDISH_STOP_WORDS
        and word.lower() not in NOT_UNIT_WORDS
        and lists.names().get(word.lower()) is None
        and word not in lists.places()
        and unknown_word(word.lower())
    )


def _units(text: str) -> list[Span]:
    places = lists.places()
    spans = [Span(m.start(), with_town_after(text, m.end()), "VARDENHET") for m in _COORDINATED_CARE.finditer(text)]
    for m in _INDEFINITE_TOWN.finditer(text):
        if m.group("town") in places and _care(m.group("unit")):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    for m in _UNIT_NAMED.finditer(text):
        name, acronym = m.group("name"), m.group("acronym") is not None
        # "Kvinnohälsan": health is care
        if not (_care(m.group("unit")) or m.group("unit").endswith("hälsan") or acronym):
            continue
        if name in COMPASS_AREAS or name in places or not acronym and _own_name(text, m.start("name"), name):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _CLINIC_FOR_AGE.finditer(text) if _care(m.group(0))]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _SPECIALTY_HOSPITAL.finditer(text)]
    for m in _TOWN_CENTRE.finditer(text):
        town = m.group("town")
        stem = town[:-1] if town.endswith("s") and town not in places else town
        if stem in places and _care(text[m.end("town") : m.end()]):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans


def _assessed_at(text: str) -> list[Span]:
    places = lists.places()
    spans = []
    if not any(w in text for w in _ASSESSED_WORDS):  # speed: most texts assess nothing
        return spans
    for m in _ASSESSED_AT.finditer(text):
        if not _firm(text, m.start("name"), m.group("name")):
            continue
        end = m.end("name")
        second = m.group("second")
        if second and (second in COMPASS_AREAS or second in places or _firm(text, m.start("second"), second)):
            end = m.end("second")
        if m.group("town") in places and (second is None or end == m.end("second")):
            end = m.end("town")
        spans.append(Span(m.start("name"), end, "VARDENHET"))
    return spans


def _associations(text: str) -> list[Span]:
    places = lists.places()
    spans = [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in _DIAGNOSIS_ASSOCIATION.finditer(text)
        if m.group("place") in places
    ]
    for m in _ASSOCIATION_ACRONYM.finditer(text):
        end = m.end() if m.group("place") in places else m.end("acronym")
        spans.append(Span(m.start(), end, "ORGANISATION"))
    return spans


def find_assessment_units(text: str) -> list[Span]:
    # "Psykiatrimottagning <Ort> Nord": a unit ending in its town takes its district
    return [with_district_after(text, sp) for sp in _units(text)] + _assessed_at(text) + _associations(text)

"""Care units as birth stories, discharge notes and fertility threads name them (VARDENHET): a
ward compound with its number and hospital ("Neonatalavdelning 12 på Norra sjukhuset"), a unit
and its hospital after a comma ("BB-avdelningen, Värnamo sjukhus", "Specialistmödravården,
Danderyds sjukhus"), a centre named by a neuter adjective ("Reproduktionsmedicinskt centrum i
Umeå"), a care centre with its town ("Fertilitetscentrum Karlstad"), a fertility clinic by its
own name ("Nova IVF i Lund"), a midwives' clinic by its short form and its name ("BMM Norr"), a
maternity ward's second name ("BB Värmland Karlstad") and the newborn ward with its town
("Neonatalen Gävle"), and a clinic named after a person with a particle ("Anna von Rosenkliniken").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.complaint_units import CARE_STEM, name_like
from nlp.pseudonymise.recognisers.hospital_names import HOSPITAL
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.unit_towns import with_town_after
from nlp.pseudonymise.recognisers.words import plain_word, sentence_start

# "Neonatalavdelning 12 på Norra sjukhuset": a ward compound, its number and its hospital
_WARD_AT = guarded(
    r"(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}avdelning(?:en)?"
    + WS
    + r"+\d{1,3}[A-Za-z]?"
    + WS
    + r"+(?:på|vid)"
    + WS
    + r"+"
    + HOSPITAL
)
# "BB-avdelningen, Värnamo sjukhus", "Specialistmödravården, Danderyds sjukhus": the unit and its
# hospital after a comma (a town after a comma stays a town: unit_towns.py)
_UNIT_COMMA_HOSPITAL = guarded(
    r"(?<![\w-])(?:[A-ZÅÄÖ]{2,4}-|[" + CAP + r"])[" + LOW + r"]*(?:avdelningen|vården|mottagningen|kliniken|enheten)"
    r"," + WS + r"+" + HOSPITAL
)
# "Reproduktionsmedicinskt centrum i Umeå", "… centrum Umeå": a centre named by a neuter adjective,
# with its town or its own name after it ("Palliativt centrum Sabbatsberg")
_ADJECTIVE_CENTRE = guarded(
    r"(?<![\w-])(?P<adj>[" + CAP + r"][" + LOW + r"]{3,}(?:iskt|skt|ivt))" + WS + r"+(?P<head>centrum|centret)(?![\w-])"
    r"(?:" + WS + r"+i" + WS + r"+(?P<town>" + CAPWORD + r")|" + WS + r"+(?P<name>" + CAPWORD + r"))?"
)
# "Fertilitetscentrum Karlstad", "Kvinnocentrum i Lund": a care centre and its known town
_CENTRE_TOWN = guarded(
    r"(?<![\w-])(?P<centre>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}(?:centrum|centret))"
    + WS
    + r"+(?:i"
    + WS
    + r"+)?(?P<town>"
    + CAPWORD
    + r")(?![\w-])"
)
# what else a centre may treat in this care: fertility, reproduction, women, mothers
_BIRTH_STEM = re.compile(r"fertil|reprodukt|kvinno|mödra|förloss|amning|gynekolog|obstetri")
# "Nova IVF", "Nova IVF i Lund": a fertility clinic by its own name, its town after it
_IVF_CLINIC = guarded(
    r"(?<![\w-])(?P<name>"
    + CAPWORD
    + r")"
    + WS
    + r"+(?P<ivf>IVF)(?![\w-])(?:"
    + WS
    + r"+(?:i"
    + WS
    + r"+)?(?P<town>"
    + CAPWORD
    + r"))?"
)
# "BMM Norr", "BMM Fyrklövern": the midwives' clinic (barnmorskemottagning) by its name
_MIDWIVES = guarded(r"(?<![\w-])BMM" + WS + r"+(?P<name>" + CAPWORD + r")(?![\w-])")
# "BB Värmland Karlstad", "BB Umeå Family": a maternity ward's name of two words
_BB_TWO = guarded(
    r"(?<![\w-])BB" + WS + r"+(?P<first>" + CAPWORD + r")" + WS + r"+(?P<second>" + CAPWORD + r")(?![\w-])"
)
# "Neonatalen Gävle", "Neo Gävle": the newborn ward by its town
_NEWBORN_TOWN = guarded(
    r"(?<![\w-])(?:Neonatal(?:en|avdelningen)?|Neo|BB-avdelningen|BB-enheten)" + WS + r"+(?P<town>" + CAPWORD + r")"
    r"(?![\w-])"
)
# "Anna von Rosenkliniken": a clinic named after a person with a particle
_PERSON_CLINIC = guarded(
    r"(?<![\w-])(?P<first>"
    + CAPWORD
    + r")"
    + WS
    + r"+(?:von|af|van|de)"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:kliniken|sjukhuset|hemmet|mottagningen|institutet)(?![\w-])"
)


def _own_word(text: str, start: int, word: str) -> bool:
    """A name, not an everyday word or a clause's opening: "Nova", not "Första" or "Vår"."""
    return not function_words_or_calendar(word) and not plain_word(word.lower()) and name_like(text, start, word)


# the hospital's own name after its definite word: "Hjärtmottagningen, Länssjukhuset Vävaren"
_NAME_AFTER = re.compile(WS + r"+([" + CAP + r"][" + LOW + r"]+)(?![\w-])")


def _hospital_end(text: str, end: int) -> int:
    """The end of a unit's hospital after a comma: its own name or its known town after it."""
    m = _NAME_AFTER.match(text, end)
    if m and text[:end].endswith(("sjukhuset", "lasarettet")) and name_like(text, m.start(1), m.group(1)):
        return m.end()
    return with_town_after(text, end)


def find_birth_units(text: str) -> list[Span]:
    spans = [Span(m.start(), with_town_after(text, m.end()), "VARDENHET") for m in _WARD_AT.finditer(text)]
    spans += [Span(m.start(), _hospital_end(text, m.end()), "VARDENHET") for m in _UNIT_COMMA_HOSPITAL.finditer(text)]
    places = lists.places()
    for m in _ADJECTIVE_CENTRE.finditer(text):
        if not (CARE_STEM.search(m.group("adj").lower()) or _BIRTH_STEM.search(m.group("adj").lower())):
            continue
        name = m.group("name")
        if m.group("town") in places or name in places or (name and name_like(text, m.start("name"), name)):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
        elif not sentence_start(text, m.start()):
            spans.append(Span(m.start(), m.end("head"), "VARDENHET"))
    for m in _CENTRE_TOWN.finditer(text):
        centre = m.group("centre").lower()
        if m.group("town") in places and (CARE_STEM.search(centre) or _BIRTH_STEM.search(centre)):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    for m in _IVF_CLINIC.finditer(text):
        if not _own_word(text, m.start(), m.group("name")):
            continue
        end = m.end() if m.group("town") in places else m.end("ivf")
        spans.append(Span(m.start(), end, "VARDENHET"))
    for m in _MIDWIVES.finditer(text):
        if name_like(text, m.start("name"), m.group("name")):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    if "BB" in text:
        for m in _BB_TWO.finditer(text):
            first, second = m.group("first"), m.group("second")
            if first not in places and lists.names().get(first.lower()) is None:
                continue
            if second in places or name_like(text, m.start("second"), second):
                spans.append(Span(m.start(), m.end(), "VARDENHET"))
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _NEWBORN_TOWN.finditer(text) if m.group("town") in places]
    spans += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _PERSON_CLINIC.finditer(text)
        if lists.listed_first_name(m.group("first"))
    ]
    return spans

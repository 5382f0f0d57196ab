"""Care units of addiction and youth care named by their place or their own name, and hospitals
named after a person: "LARO Sundsvall", "mini-Maria Göteborg", "Avgiftningen Danderyd",
"LVM-hemmet Granliden", "Ekbacken HVB", "Familjens hus Tensta", "Karin Bergs barnsjukhus",
"Barnmottagningen för unga, Kalmar".

A treatment programme (LARO: drug-assisted treatment of opioid addiction; Maria: youth addiction
clinics; avgiftning: detoxification) is run by one clinic per town, so the programme and its town
or site is one unit, as "BUP Karlstad" is; the words alone ("på LARO", "avgiftningen") are any
clinic and stay. A compulsory-care home (LVM) is named like the HVB homes, also after a name
that is a place ("LVM-hemmet Björkhagen"); an HVB home may write its kind after its name. A
family centre called "Familjens hus" takes its district. A hospital named after a person in the
genitive ("Astrid Lindgrens barnsjukhus") is a unit, not that person. A clinic's name with whom it
is for and its town after a comma ("Neuropsykiatriska mottagningen för barn, Karlstad") is one
unit, as "Urologen, X" is.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, WS
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, unknown_word

# a kind of home, no home's name: "Familjehemmet fick besök", "Fritidsgården" ("Solgården" is one)
HOME_KIND = re.compile(r"(?i:familje|foster|barn|behandlings|vård|fritids|sommar|jour|föräldra)(?:hemmet|gården)$")
_NAME = r"(?P<name>" + CAP_NAME + r")(?![\w-])"
_PROGRAMME = re.compile(
    r"(?<![\w-])(?:LARO(?:-mottagningen)?|[Mm]ini-[Mm]aria|Avgiftningen|LVM-hemmet|LVM-hem|Familjens"
    + WS
    + r"+hus)"
    + WS
    + r"+"
    + _NAME
)
# "Ekbacken HVB", "Solrosen HVB-hem": the home's name and then its kind
_HOME_THEN_KIND = re.compile(r"(?<![\w-])" + _NAME + WS + r"+(?:HVB(?:-hem(?:met)?)?|LVM-hem(?:met)?)(?![\w-])")
# "Karin Bergs barnsjukhus", "Ester Holms hospice": a first name and a surname in the genitive
_PERSON_NAMED = re.compile(
    r"(?<![\w-])(?P<first>" + CAP_NAME + r")" + WS + r"+[" + CAP + r"][" + LOW + r"]+s" + WS + r"+"
    r"(?P<kind>(?:barnsjukhus|sjukhus|hospice|barnklinik)(?:et)?)(?![\w-])"
    # its site after it: "Karin Bergs barnsjukhus Huddinge" (a listed place only)
    r"(?:" + WS + r"+(?P<site>" + CAP_NAME + r")(?![\w-]))?"
)
# "Neuropsykiatriska mottagningen för barn, Karlstad": whom it is for, then its town
_FOR_THEN_TOWN = re.compile(
    r"(?<![\w-])(?:[" + CAP + r"][" + LOW + r"]+(?:iska|ska|a)" + WS + r"+)?(?:[" + CAP + LOW + r"][" + LOW + r"]*)?"
    r"(?:mottagningen|kliniken|enheten)" + WS + r"+för(?:" + WS + r"+(?:och|[" + LOW + r"]+)){1,3}," + WS + r"*" + _NAME
)


def _name_ok(name: str) -> bool:
    """A place or a proper name, not a word that happens to follow ("LARO Jag …")."""
    return name in lists.places() or (name.lower() not in NOT_UNIT_WORDS and unknown_word(name))


def find_programme_units(text: str) -> list[Span]:
    spans = []
    if any(w in text for w in ("LARO", "aria", "Avgiftningen", "LVM", "HVB", "Familjens")):
        for m in _PROGRAMME.finditer(text):
            if _name_ok(m.group("name")):
                spans.append(Span(m.start(), m.end(), "VARDENHET"))
        for m in _HOME_THEN_KIND.finditer(text):
            if m.group("name").lower() not in NOT_UNIT_WORDS:
                spans.append(Span(m.start(), m.end(), "VARDENHET"))
    low = text.lower()
    if "sjukhus" in low or "hospice" in low or "barnklinik" in low:
        for m in _PERSON_NAMED.finditer(text):
            first = lists.names().get(m.group("first").lower())
            if first is not None and (first.first_sv or first.first_other):
                end = m.end() if m.group("site") in lists.places() else m.end("kind")
                spans.append(Span(m.start(), end, "VARDENHET"))
    if " för " in text and ("mottagningen" in low or "kliniken" in low or "enheten" in low):
        for m in _FOR_THEN_TOWN.finditer(text):
            if m.group("name") in lists.places():
                spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans

"""VARDENHET: a hospital or clinic abroad named in its own language with the head word first:
"Hospital Quirónsalud Marbella", "Clínica San Roque", "Hemodiálisis Centro Lisboa",
"Centro de Diálisis Nefrosur"; the Norwegian and Danish definite head first ("Sykehuset Innlandet
Kongsvinger") and a capitalised head last ("Aalborg Universitetshospital", Turkish "… Hastanesi")
(the Nordic neighbours' "X sykehus" is in vardenhet.py).

"Hospital", "Clínica", "Clinique", "Klinikum", "Residencia" with a capitalised name after them is a named
unit. "Centro", "Center", "Centre" alone are any centre (a mall, a square): only with a care
word of the southern languages or of English beside them ("Diálisis", "Médico", "Renal").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import WS
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

_CAPWORD = r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]+(?:-[^\W\d_]+)*"
_LINK = r"(?:(?i:de|del|de la|da|do|dos|di|du|des|della|la|le|los|las|el|San|Santa|Sant|São|Saint|St\.)" + WS + r"+)"
_NAME = _CAPWORD + r"(?:" + WS + r"+" + _LINK + r"?" + _CAPWORD + r"){0,2}"
# the care words of Spanish, Portuguese, Italian, French and English that make a centre a clinic
_CARE = r"(?i:[^\W\d_]*(?:diálisis|dialisis|diálise|dialise|dialisi|dialyse|dialysis|médic[oa]|medic[oa]l?|renal|nefro[^\W\d_]*|salud|saúde|salute|santé|health|care))"
_FOREIGN_UNIT = re.compile(
    # a Spanish home for the old, "(Hogar) Residencia <name>", the same way; never the residence
    # card or permit ("Tarjeta de Residencia Comunitaria")
    r"(?<![\w-])(?:(?:Hospital|Hôpital|Hospitale|Ospedale|Clínica|Clinica|Clinique|Klinikum|Policlínica|Policlinico|"
    r"(?:Hogar"
    + WS
    + r"+)?(?<![Dd]e )Residencia)"
    + WS
    + r"+"
    + _LINK
    + r"?"
    + _NAME
    + r"|(?=[A-ZÀ-Þ])"
    + _CARE
    + WS
    + r"+(?:Centro|Center|Centre)(?:"
    + WS
    + r"+"
    + _NAME
    + r")?"
    + r"|(?:Centro|Center|Centre)"
    + WS
    + r"+"
    + _LINK
    + r"?(?=[A-ZÀ-Þ])"
    + _CARE
    + r"(?:"
    + WS
    + r"+"
    + _LINK
    + r"?"
    + _NAME
    + r")?)(?![\w-])"
)


# Norwegian and Danish hospitals named head first, in the definite form, with the trust's region
# or town after: "Sykehuset Innlandet Kongsvinger", "Universitetssykehuset Nord-Norge",
# "Sygehus Lillebælt", "Regionshospitalet Randers"
_NORDIC_HEAD_FIRST = re.compile(
    r"(?<![\w-])(?:(?:Universitets)?[Ss]ykehuset|Sygehus(?:et)?|Regionshospitalet)" + WS + r"+" + _NAME + r"(?![\w-])"
)
# head last, capitalised as part of the name: Danish "Aalborg Universitetshospital", "Sygehus"
# compounds, and Turkish "<Town> Eğitim ve Araştırma Hastanesi" ("ve" links the name's words)
_HEAD_LAST = re.compile(
    r"(?<![\w-])"
    + _CAPWORD
    + r"(?:"
    + WS
    + r"+(?:ve"
    + WS
    + r"+)?"
    + _CAPWORD
    + r"){0,3}?"
    + WS
    + r"+(?:Universitetshospital(?:et)?|Regionshospital(?:et)?|Sygehus(?:et)?|(?:Devlet"
    + WS
    + r"+)?Hastanesi)(?![\w-])"
)
_HEADS = (
    "ospital",
    "Hôp",
    "Ospedale",
    "Clíni",
    "Clini",
    "Klinikum",
    "Policl",
    "Cent",
    "ykehuset",
    "Sygehus",
    "Hastanesi",
    "Residencia",
)


# the town after a hospital abroad, in a Swedish sentence: "Hospital San Rafael i Alicante" (a
# place no list need have; the unit and its town stay two spans, see abroad)
_TOWN_AFTER = re.compile(WS + r"+i" + WS + r"+(" + _NAME + r")(?![\w-])")


_HEAD_FIRST = re.compile(
    r"(?:Hospital|Hôpital|Hospitale|Ospedale|Clínica|Clinica|Clinique|Klinikum|Policl|Centro|Center|Centre)"
)


def abroad(unit: str) -> bool:
    """A unit named head first in another language: its town after "i" is kept apart from it."""
    return _HEAD_FIRST.match(unit) is not None


def find_foreign_units(text: str) -> list[Span]:
    if not any(w in text for w in _HEADS):
        return []  # speed: none of the head words
    spans = []
    for pattern in (_FOREIGN_UNIT, _NORDIC_HEAD_FIRST, _HEAD_LAST):
        for m in pattern.finditer(text):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
            town = _TOWN_AFTER.match(text, m.end())
            if town and not function_words_or_calendar(town.group(1)):  # "… i Augusti": a month
                spans.append(Span(town.start(1), town.end(1), "ORT"))
    return spans

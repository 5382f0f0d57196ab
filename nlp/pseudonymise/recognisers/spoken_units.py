"""Care units as people name them when they tell their story: a hospital by its saint alone
("sen Sankt Lars", "låg på S:t Olof"), a ward "på" its hospital named by its place ("avdelning
12 på Sidsjön"), and a named ward after its home with a comma ("Ekhagens vårdboende, avdelning
Björken"), as one unit.

A saint's name in care texts is the hospital's (S:t Göran, Sankt Lars): not a person. A saint
is a first name ("Sankt Petersburg" is none), and a church or a street says so ("Sankt Olofs
kyrka").
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

_SAINT = guarded(
    r"(?<![\w-])(?:Sankt|S:t)" + WS + r"+([" + CAP + r"][" + LOW + r"]+)(?![\w-])"
    # a church, a parish, a day or a street is no unit: "Sankt Olofs kyrka", "S:t Hansdagen"
    r"(?!" + WS + r"+(?i:kyrka|kyrkan|kyrkogård|kyrkogården|församling|församlingen|kapell|kapellet|"
    r"gata|gatan|gränd|torg|torget|plan|park|parken|skola|skolan|dag|afton))"
)
# "på Måndagar", "på Helgerna": when, not where
_DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "helg", "vardag", "kväll", "natt")
_OWN_UNIT_WORD = re.compile(r"(?:sjukhus|lasarett|klinik|hem|boende|gård|mottagning|centralen|akuten)\w{0,3}$")
_WARD_AT = re.compile(
    r"(?<![\w-])(?i:avdelning|avd\.?)" + WS + r"+\d{1,3}[A-Za-z]?" + WS + r"+på" + WS + r"+"
    r"([" + CAP + r"][" + LOW + r"]+)(?![\w-])"
    # "avd 12 på Mora lasarett": the hospital's own word follows, the unit rules take it whole
    r"(?!" + WS + r"+[" + LOW + r"]*(?:sjukhus|lasarett|klinik|hospital))"
)
_HOME_THEN_WARD = re.compile(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]+s" + WS + r"+(?:[" + LOW + r"]+-" + WS + r"+och" + WS + r"+)?"
    r"[" + LOW + r"]*(?:boende|boendet|hem|hemmet|sjukhus|sjukhuset|lasarett|lasarettet|servicehus)"
    r"," + WS + r"+(?i:avdelning|avd\.?)" + WS + r"+(?:[" + CAP + r"][" + LOW + r"]+|\d{1,3}[A-Za-z]?)(?![\w-])"
)


def find_spoken_units(text: str) -> list[Span]:
    out: list[Span] = []
    if "S" in text:
        places = lists.places()
        for m in _SAINT.finditer(text):
            saint = m.group(1).lower()
            info = lists.names().get(saint[:-1] if saint.endswith("s") else saint) or lists.names().get(saint)
            # a saint is a first name ("Sankt Lars", "S:t Görans"); "Sankt Petersburg" is none
            first = info is not None and (info.first_sv or info.first_other)
            if first and m.group(0) not in places and not function_words_or_calendar(m.group(1)):
                out.append(Span(m.start(), m.end(), "VARDENHET"))
    if "avd" in text or "Avd" in text:
        for m in _WARD_AT.finditer(text):
            name = m.group(1)
            low = name.lower()
            if _OWN_UNIT_WORD.search(low):
                continue  # "på Centralsjukhuset Karlstad": a unit word of its own, the unit rules read it
            if (
                not function_words_or_calendar(name)
                and not low.startswith(_DAYS)
                and (name in lists.places() or zipf_frequency(low, "sv") < 4.0)
            ):
                out.append(Span(m.start(), m.end(), "VARDENHET"))
        out.extend(Span(m.start(), m.end(), "VARDENHET") for m in _HOME_THEN_WARD.finditer(text))
    return out

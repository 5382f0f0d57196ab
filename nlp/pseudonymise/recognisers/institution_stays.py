"""LVM and SiS homes, treatment homes and remand-like institutions named by their bare name, as
clients and relatives write them: "har suttit på <X> sedan mars", "han sitter på <X>", "var
placerad på <X>", "kom till <X> på LVM", "programmet på <X>" (VARDENHET); "<X> i <Ort>" is left
to the readers of a name with its town, which know a unit from an organisation by other words.

Such a home is named like the hamlet or the farm it lies on, so the name alone is a place (or
no word at all). What tells it apart is the stay: one sits, is placed or is admitted *på* an
institution, in a text about compulsory care, treatment or addiction. Only in such a text, and
only after a verb or a noun of a stay, is the name read as the home. A town after "till" stays
a town: "till" takes a name no place list has, or one followed by "på LVM/HVB" ("kom till <X>
på LVM": the stay, not the journey).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import (
    DEFINITE_ENDING,
    NOT_UNIT_WORDS,
    compound_word,
    sentence_start,
    unknown_word,
)

# the text is about compulsory care, treatment homes or addiction: only there is a stay a stay
_CUE = guarded(
    r"(?<![\w-])(?:LVM|LVU|HVB|LARO|(?i:sis|soc)(?![\w-])|(?i:behandlingshem|behandlingsplan|ungdomshem|"
    r"missbruk|beroendevård|öppenvårdsprogram|avgiftning|omhändertag|tvångsvård|socialtjänst|socialsekreterar))"
)
# verbs and nouns of a stay in an institution: "sitter på", "har suttit på", "placerad på",
# "inskriven på", "vistelsen på", "programmet på"
_STAY_PA = (
    r"(?P<held>sitter|satt|suttit|sitta|placerad|placerades|placerats|placeras|placerade|inlagd|inlagda|"
    r"inskriven|inskrivna|intagen|intagna)|vistas|vistades|hamnade|hamnat|varit|vart|"
    r"[" + LOW + r"]*(?:programmet|behandlingen|placeringen|vistelsen|vården|tiden)"
)
# verbs of being taken to one: "transporteras till", "flyttades till", "kom till"
_MOVE_TILL = (
    r"transporteras|transporterades|transporterats|flyttas|flyttades|flyttats|förflyttas|förflyttades|"
    r"skickas|skickades|skickats|placeras|kom|kommit|kommer"
)
_NAME = r"(?P<name>[" + CAP + r"][" + LOW + r"]{2,}(?:-[" + CAP + r"][" + LOW + r"]+)?)(?![\w-])(?!" + WS + r"*\d)"
_STAY = re.compile(
    r"(?<![\w-])(?i:(?P<pa>" + _STAY_PA + r")" + WS + r"+på|(?P<till>" + _MOVE_TILL + r")" + WS + r"+till)"
    r"" + WS + r"+" + _NAME
)
# "kom till <X> på LVM": the stay follows the journey
_ON_ORDER = re.compile(WS + r"+på" + WS + r"+(?:LVM|LVU|HVB|SiS|behandling|avgiftning)(?![\w-])")
# the town after the name: "<X> i <Ort>"
_IN_TOWN = re.compile(
    WS + r"+i" + WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?)(?![\w-])"
)


def _rare_definite(low: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return DEFINITE_ENDING.search(low) is not None and zipf_frequency(low, "sv") < 3.0


def find_institution_stays(text: str) -> list[Span]:
    if " på " not in text and " till " not in text:
        return []
    cue = _CUE.search(text) is not None
    spans = []
    places, names = lists.places(), lists.names()
    for m in _STAY.finditer(text):
        name = m.group("name")
        # "har suttit på <X>", "placerad på <X>": one is held in an institution, so a name no
        # list has is one even without other words of care; anything else needs them
        if not cue and not (m.group("held") and name not in places):
            continue
        low = name.lower()
        if low in NOT_UNIT_WORDS or sentence_start(text, m.start("name")):
            continue
        info = names.get(low)
        listed_place = name in places
        # a person's first name ("varit på Anna") or an everyday word ("sitter på Facebook")
        # names no home; a place or a word no dictionary has may
        if info is not None and not info.word and not listed_place:
            continue
        # "på Kompassen", "på Fyren": a rare noun in the definite form names a home as often, in a
        # text about care only ("satt på Spanjorskan": a pub); a compound of everyday words
        # ("<X>gården", "<X>stiftelsen") is read by its last word elsewhere
        rare = cue and _rare_definite(low) and not low.endswith(("skan", "innan"))
        if not (listed_place or (unknown_word(low) and not compound_word(low)) or rare):
            continue
        # a town after "till" is the journey's end unless the stay follows ("på LVM")
        if m.group("till") and listed_place and _ON_ORDER.match(text, m.end()) is None:
            continue
        # "<X> i <Ort>" is read already, as a unit or an organisation by its other words
        town = _IN_TOWN.match(text, m.end("name"))
        if town is not None and town.group("town") in places:
            continue
        spans.append(Span(m.start("name"), m.end("name"), "VARDENHET"))
    return spans

"""Homes for the elderly named as places, as relatives write them: "bor på Björkhöjden", "maten på
Ekkullen", "min far på Lindbacka", "flyttade till Aspvallen" (VARDENHET), and a home's unit by its
genitive: "Ekgårdens demensavdelning".

A home is named like a hamlet, a nature word and a landscape word ("Ek" + "backen"), so the name
alone is a place as much as a home. What tells them apart is the care around it: one lives *i* a
town but *på* a home, and the text speaks of care, staff or an old relative. Only then, and only
for a compound ending in a landscape word, is the name read as the home; the street with its
number ("på Ekbacken 4") stays an address. An invoice from such a name is a home's (a place
sends none), and a home may be named by a flower or a bird ("på Blåklockan"): a rare noun in
the definite form, in a text about care.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, sentence_start, swedish_form

# the landscape word a home's name ends in; a prefix of two letters or more makes it a compound
# ("Ekbacken", "Solhagen"), never the bare word ("Backen", "Hagen")
_LANDSCAPE = (
    r"backen|backa|kullen|liden|höjden|hagen|vallen|bäret|lunden|ängen|åsen|gläntan|torpet|udden|"
    r"dalen|sluttningen|berget|stranden|viken|skogen|heden|myren|tallen|linden|eken|lyckan|tunet"
)
# "på" a home, or moved or come "till" it ("flyttat till X", "kommer till X varje tisdag")
_NAMED_HOME = re.compile(
    r"(?<![\w-])(?i:på|pa|(?:flyttade?|flyttat|flyttar|flytta|kommer|kom|kommit|åker|åkte|skjutsar)" + WS + r"+till|"
    # an invoice from a home: a place sends none ("fakturan från Ekbacken")
    r"(?P<bill>(?:faktura|fakturan|fakturor|fakturorna|räkning|räkningen|räkningar)"
    + WS
    + r"+från))"
    + WS
    + r"+(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + _LANDSCAPE
    + r"))(?![\w-])(?!"
    + WS
    + r"*\d)"
)
# a cheap first test (substrings, in C): most texts hold no landscape word, and the pattern above
# is tried at every word
_LANDSCAPE_WORDS = tuple(_LANDSCAPE.split("|"))
# "på" a home named by a flower or a bird in the definite form: "på Blåklockan", "på Lärkan";
# a rare word (not "på Posten", "på Kommunen": employers and offices every town has)
_NATURE_HOME = re.compile(
    r"(?<![\w-])(?i:på|pa)"
    + WS
    + r"+(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}(?:an|en|on|n))(?![\w-])(?!"
    + WS
    + r"*\d)"
)
# the care around a named home: a text about none of these keeps the name a place
_CARE = guarded(
    # an old person's fees for care ("minimibeloppet", "maxtaxan") are care too
    r"(?i:minimibelopp|förbehållsbelopp|maxtax|omvårdnadsavgift|"
    r"boende|äldreboende|demens|korttid|hemtjänst|omsorg|personal|undersköterska|kontaktman|"
    r"avdelning|servicehus|mormor|morfar|farmor|farfar|gammelmormor|barnbarn|besöksv[aä]n|rullator|"
    r"blöja|inkontinens|medicin|tabletter|vårdplan|anhörig)"
)
# an old relative right before the home names where they live: "min far Evert på Ekbacken"
_KIN_BEFORE = re.compile(
    r"(?i:\b(?:mamma|mor|pappa|far|farmor|farfar|mormor|morfar|gammelmormor|gammelfarfar|svärmor|svärfar|"
    r"moster|faster|morbror|farbror|make|maka|man|fru))(?:" + WS + r"+[" + CAP + r"][" + LOW + r"]+)?" + WS + r"+$"
)
# "Ekgårdens demensavdelning", "Tallhemmets korttidsavdelning": the unit of a named home
# (a care ward's word: "Poolbolagets serviceavdelning" is a firm's department)
_GENITIVE_WARD = guarded(
    r"(?<![\w-])(?P<home>["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}s)"
    + WS
    + r"+(?:demens|korttids|vård|omvårdnads|boende|rehab|trygghets|somatiska[ \t]+)?avdelning(?:en)?(?![\w-])"
)


def find_care_homes(text: str) -> list[Span]:
    spans = []
    landscape = any(w in text for w in _LANDSCAPE_WORDS)
    care = landscape and _CARE.search(text) is not None
    for m in _NAMED_HOME.finditer(text) if care or (landscape and (" på " in text or "från" in text)) else ():
        if m.group("name").lower() in NOT_UNIT_WORDS:
            continue
        if care or m.group("bill") or _KIN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            spans.append(Span(m.start("name"), m.end("name"), "VARDENHET"))
    spans += _nature_homes(text)
    for m in _GENITIVE_WARD.finditer(text):
        if m.group("home")[:-1].lower() not in NOT_UNIT_WORDS and m.group("home").lower() not in NOT_UNIT_WORDS:
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans


def _nature_homes(text: str) -> list[Span]:
    """ "min mormor på Blåklockan", "anhöriga på Lärkan": a rare noun in the definite form, no
    place and no name, in a text about care."""
    if (" på " not in text and " pa " not in text) or _CARE.search(text) is None:
        return []
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    spans = []
    for m in _NATURE_HOME.finditer(text):
        name = m.group("name")
        low = name.lower()
        if (
            low in NOT_UNIT_WORDS
            or name in lists.places()
            or low in lists.names()
            or not swedish_form(low)
            or zipf_frequency(low, "sv") >= 3.0
            # a woman by her nation or trade, or a language: "Spanjorskan", "lärarinnan", "finskan"
            or low.endswith(("skan", "innan"))
            or low.endswith(("skolan", "gymnasiet"))  # "på Katedralskolan": a school, no home
            or sentence_start(text, m.start("name"))
        ):
            continue
        spans.append(Span(m.start("name"), m.end("name"), "VARDENHET"))
    return spans

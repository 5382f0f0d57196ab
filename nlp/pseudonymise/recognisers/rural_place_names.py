"""ORT for the small places of sparsely populated Sweden that no list has: villages, islands,
summer camps. A village of a hundred people identifies as well as a name does.

Read from the sentence, not from a list: a position word and a name after a postcode ("686 95
Västra Ämtervik"), a town closing a line after a property or village address ("Bäckebo 1:7,
Storlien.") or alone on the line under a street address, a name with a place-name ending after a place preposition ("i Ammarnäs", "från
Risudden", "på Holmön", "vid Kvikkjokk"), two names joined after one ("till Soppero och
Lannavaara"), where someone lives or stays ("bor vid Ritsem"), a relative's place ("till pappa i
Lainio") and a signature's place ("/Astrid i Gunnarn"). The word must be one no lexicon has and
no first name ("i Teams" is a system, "till Anna" a person).
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.rural_places import NORTHERN_TOPONYM, TOPONYM
from nlp.pseudonymise.recognisers.words import COUNTRIES, sentence_start, unknown_word

_W = r"[" + CAP + r"][" + LOW + r"]{2,}(?:-[" + CAP + r"]?[" + LOW + r"]+)?"
_POSITION = r"(?:Övre|Nedre|Norra|Södra|Östra|Västra|Stora|Lilla|Ovre|Sodra|Ostra|Vastra)"
# islands, points, streams and fells besides the endings rural_places knows: "Holmön",
# "Risudden", "Storlien", "Kvikkjokk" (not a river's "-ån": "Motordepån", "Fastighetsbyrån" are firms)
_MORE_ENDINGS = re.compile(r"(?:udden|ön|öarna|bäcken|bäck|lien|fjället|berget|selet|sel|träsk|jokk|strand|sjön)$")
_POSTCODE_TOWN = guarded(
    r"(?<!\d)[1-9]\d{2}" + WS + r"?\d{2}" + WS + r"+(" + _POSITION + WS + r"+" + _W + r")(?![\w-])"
)
# a property or village address ("Bäckebo 1:7", "Dikanäs 119") and the town after a comma or,
# in a letter's address block, alone on the next line ("Storgatan 4⏎Bäckebo")
_ADDRESS_TOWN_TAIL = r"(" + _W + r")(?=" + WS + r"*(?:[.!\n]|$))"
_ADDRESS = r"(?<![\w-])" + _W + WS + r"+\d{1,4}(?::\d{1,4})?"
_ADDRESS_COMMA_TOWN = guarded(_ADDRESS + "," + WS + r"*" + _ADDRESS_TOWN_TAIL)
# (the line break is no string a guard can test: a plain pattern, tried where a number ends a line)
_ADDRESS_LINE_TOWN = re.compile(_ADDRESS + r"[ \t]*\n[ \t]*" + _ADDRESS_TOWN_TAIL)
_NUMBER_ENDS_LINE = re.compile(r"\d[ \t]*\n")
_PREP_PLACE = guarded(r"(?<![\w-])(?:i|från|till|vid|på|nära|utanför|mot)" + WS + r"+(" + _W + r")(?![\w-])")
_JOINED = guarded(
    r"(?<![\w-])(?:i|från|till|vid|mellan)"
    + WS
    + r"+("
    + _W
    + r")"
    + WS
    + r"+(?:och|eller|el\.)"
    + WS
    + r"+("
    + _W
    + r")(?![\w-])"
)
# where someone lives or spends the summer: "bor vid Ritsem", "sommarvistet vid X", "stugan vid X"
_STAYS_AT = guarded(
    r"(?i:\b(?:bor|bodde|bott|\w*vistet|\w*stugan|\w*stället|kåtan|gården))"
    + WS
    + r"+(?:vid|i|på)"
    + WS
    + r"+("
    + _W
    + r")(?![\w-])"
)
_RELATIVE_IN = guarded(
    r"(?i:\b(?:pappa|mamma|far|mor|farfar|farmor|morfar|mormor|bror|syster|son|dotter|svärmor|svärfar|"
    r"moster|faster|morbror|farbror|kusin|granne|grannen))" + WS + r"+i" + WS + r"+(" + _W + r")(?![\w-])"
)
_SIGNED_IN = guarded(r"(?:^|[ \t])[-/–]" + WS + r"*" + _W + WS + r"+i" + WS + r"+(" + _W + r")[ \t.!]*$", re.MULTILINE)


def _small_place(word: str) -> bool:
    """A proper name no lexicon has that is no name (first or last) or country."""
    if word in COUNTRIES or word.isupper():
        return False
    if word in lists.places():
        return True
    # each part of a hyphenated word too: "Elsa-huset" is a building named after a person
    for part in word.split("-"):
        info = lists.names().get(part.lower())
        if info is not None and (info.first_sv or info.first_other or info.last):
            return False
        if not unknown_word(part) or zipf_frequency(part.lower(), "en") >= 3.5:
            return False
    return True


_STRONG_ENDINGS = re.compile(r"(?:näs|nas|träsk|trask|tjärn|vik|by)$")


def _strong_ending(word: str) -> bool:
    w = word.lower()
    return bool(_MORE_ENDINGS.search(w) or _STRONG_ENDINGS.search(w) or (NORTHERN_TOPONYM.search(w) and len(w) > 6))


def _place_ending(word: str) -> bool:
    w = word.lower()
    return bool(TOPONYM.search(w) or _MORE_ENDINGS.search(w) or (NORTHERN_TOPONYM.search(w) and len(w) > 6))


_WORD_BEFORE = re.compile(r"([" + CAP + r"][\w-]*)[ \t]+$")


def _after_a_name(text: str, prep: int) -> bool:
    """A capitalised word inside a sentence before the preposition: "Söderbuss i Hallunda" is a
    firm with its place (named_with_place reads it as one), "Täckningen i X" opens a sentence."""
    m = _WORD_BEFORE.search(text, max(0, prep - 40), prep)
    return m is not None and not sentence_start(text, m.start(1))


def find_rural_place_names(text: str) -> list[Span]:
    """Small places read from the sentence (see the module's doc)."""
    spans = [Span(m.start(1), m.end(1), "ORT") for m in _POSTCODE_TOWN.finditer(text)]
    towns = list(_ADDRESS_COMMA_TOWN.finditer(text))
    towns += _ADDRESS_LINE_TOWN.finditer(text) if _NUMBER_ENDS_LINE.search(text) else ()
    spans.extend(Span(m.start(1), m.end(1), "ORT") for m in towns if _small_place(m.group(1)))
    for m in _PREP_PLACE.finditer(text):
        place, prep = m.group(1), m.group(0).split()[0]
        # "i" takes any place ending but not after a firm's name; the other prepositions only the
        # endings no firm has: "bilen från Bilmark" is a dealer, "Tove från Kråkudden" a village
        fits = not _after_a_name(text, m.start()) if prep == "i" else _strong_ending(place)
        if fits and _place_ending(place) and _small_place(place):
            spans.append(Span(m.start(1), m.end(1), "ORT"))
    for m in _JOINED.finditer(text):
        a, b = m.group(1), m.group(2)
        if _small_place(a) and _small_place(b) and (_place_ending(a) or _place_ending(b) or a in lists.places()):
            spans.extend((Span(m.start(1), m.end(1), "ORT"), Span(m.start(2), m.end(2), "ORT")))
    for pattern in (_STAYS_AT, _RELATIVE_IN, _SIGNED_IN):
        spans.extend(Span(m.start(1), m.end(1), "ORT") for m in pattern.finditer(text) if _small_place(m.group(1)))
    return spans

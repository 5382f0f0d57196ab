"""ADRESS the way the countryside writes it: property designations and villages with a number.

Outside the towns a home has no street: it is a parish, a farm and a plot ("Lärbro Hägur
1:14", "Bäckebo 1:7", "Sandhamn Kvarnberget 2:45"), or a village and a house number ("Övre
Soppero 112", "Gräsmarks Bäckalund 5", "bor kvar på Ängebäcks 4", "Märta på Sörby 5"). In a
small village that number is the person. The designation's "1:23" must not take a score
("Sverige vann 3:2"), a ratio ("Spädning 1:10"), a time ("Båten går 2:45") or a verse
("Johannes 3:16"): the farm word is a proper name no lexicon has, and a clock or a book
before it rules it out.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import (
    CAP,
    LOW,
    QUANTITY_UNIT,
    WS,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES

_W = r"[" + CAP + r"][" + LOW + r"]{2,}(?:-[" + CAP + r"]?[" + LOW + r"]+)?"
_POSITION = r"(?:Övre|Nedre|Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Ovre|Sodra|Ostra|Vastra)"
# "Hägur 1:14": block and unit; not a time with seconds, an ordinal "1:a" or a longer number
# (a colon after it may open a sentence: "Kvarnberget 2:45: han vägrar")
_DESIGNATION = guarded(
    r"(?<![\w:-])((?:"
    + _POSITION
    + WS
    + r"+)?(?:"
    + _W
    + WS
    + r"+){0,2}"
    + _W
    + r")"
    + WS
    + r"+(\d{1,4}:\d{1,4})(?!\d|:\d|-?["
    + LOW
    + r"])"
)
# a clock, a timetable, a book or a law before the number: not a plot
_NOT_PLOT_BEFORE = re.compile(
    r"(?i:\b(?:kl|klockan|avg[åa]r|avgång|ankommer|ankomst|g[åa]r|gick|tid|tiden|kapitel|kap|vers|sfs|lag|"
    r"match|matchen|resultat|resultatet|vann|slutade|förlorade|mot|ställning|ställningen|"
    r"skala|skalan|"
    # a ratio, also in a compound: "Spädning 1:10", "Kolhydratkvot 1:12", "insulinförhållande 1:8"
    r"\w*(?:spädning|blandning|förhållande|förhållandet|kvot|kvoten|ratio)))\W+(?:\w+\W+){0,3}$"
)
# where an address stands: after a comma or colon of a contact line, a place's preposition, an
# address or property word, or opening a line ("Läs Psaltaren 23:4" is a verse)
_ADDRESS_BEFORE = re.compile(
    r"(?:^|[,:;(]|\b(?i:på|vid|till|från|hos|i|adress\w*|fastighet\w*|fastighetsbeteckning\w*|c/o[^,\n]{0,40},))[ \t]*$"
)
_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
# village and house number where the text says so: "bor kvar på X 4", "Märta på Sörby 5."
_NOT_HOUSE = r"(?!" + WS + r"*" + QUANTITY_UNIT + r")"
_LIVES_STILL = guarded(
    r"(?i:\b(?:bor|bodde|bott)"
    + WS
    + r"+(?:kvar|nu|numera|fortfarande|ensam|själv|kvar"
    + WS
    + r"+hemma)"
    + WS
    + r"+på)"
    + WS
    + r"+((?:"
    + _POSITION
    + WS
    + r"+)?"
    + _W
    + WS
    + r"+\d{1,4})"
    + _NOT_HOUSE
    + r"(?![\w:-])"
)
# "på Sörby 5." / "på Sörby 5, Alster": a place-named word (its ending says so) and a number
# ending the clause; "på Avdelning 5", "på Rum 12" have no place ending
_PLACE_ENDING = re.compile(
    r"(?:by|bo|boda|sta|torp|ryd|red|hult|holm|näs|nas|vik|fors|dal|sjö|sjo|mark|skog|säter|tjärn|lid|heden|"
    r"åsen|asen|inge|unda|rud|arp|löv|hamn|sund|ängen|bäck|bäcks|backs|berg|sel|träsk|lund|vaara|niemi|"
    r"lompolo|joki|järvi|jarvi|gården|garden|tegen|ås|strand|udden|ön)$"
)
_ON_PLACE = guarded(
    r"(?<![\w-])(?:på|vid)"
    + WS
    + r"+((?:"
    + _POSITION
    + WS
    + r"+)?("
    + _W
    + r")"
    + WS
    + r"+\d{1,4})"
    + _NOT_HOUSE
    + r"(?=[.,;!?)]|"
    + WS
    + r"+i"
    + WS
    + r"|"
    + WS
    + r"*$)"
)
# a village and number signed off with the post town: "Ylva och barnen, Ovansjo 12, Alster"
_SIGNED = guarded(
    r"(?<=,)" + WS + r"*(" + _W + WS + r"+\d{1,4})," + WS + r"*" + _W + r"[.!]?" + WS + r"*$",
    re.MULTILINE,
)
# an address word before a quoted village and number: "adresserna är som 'Dikanäs 119'"
_QUOTED_AFTER_ADDRESS = guarded(
    r"(?i:adress\w*)\b[^.\n]{0,25}?['\"‘’“”»«]((?:" + _POSITION + WS + r"+)?" + _W + WS + r"+\d{1,4})['\"‘’“”»«]"
)
# a parish in the genitive or a direction before a village and number that a postcode
# follows: "Gräsmarks Bäckalund 5, 686 96", "Övre Soppero 112, 981 99"
_BEFORE_POSTCODE = guarded(
    r"(?<![\w-])((?:"
    + _POSITION
    + r"|"
    + _W
    + r"s)"
    + WS
    + r"+"
    + _W
    + WS
    + r"+\d{1,4})(?=,?"
    + WS
    + r"+[1-9]\d{2}"
    + WS
    + r"?\d{2}(?!\d))"
)

# the street word written without ä (a keyboard without Swedish letters): "Gotska vagen 3",
# "Kyrkvagen 12"; not a road's number after a verb ("Kan vag 45 lagas")
_ASCII_STREET = guarded(
    r"(?<![\w-])((?:"
    + _W
    + WS
    + r"+)?(?:"
    + _W
    + WS
    + r"+(?:vagen|vag)|["
    + CAP
    + r"]["
    + LOW
    + r"]+vagen)"
    + WS
    + r"+\d{1,4})"
    + _NOT_HOUSE
    + r"(?![\w:-])"
)


def _everyday(word: str) -> bool:
    w = word.lower()
    return w in SWEDISH_STOP_WORDS or zipf_frequency(w, "sv") >= 3.0


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other) and not info.last


def _designations(text: str) -> list[Span]:
    out = []
    for m in _DESIGNATION.finditer(text):
        words = m.group(1).split()
        starts = [m.start(1) + i for i in _word_offsets(m.group(1))]
        # leading everyday words are the sentence, not the plot: "Adress Hemse Mattsarve 1:23"
        k = 0
        while (
            k < len(words) - 1
            and _everyday(words[k])
            and words[k] not in lists.places()
            and not re.fullmatch(_POSITION, words[k])
        ):
            k += 1
        words, start = words[k:], starts[k]
        farm = words[-1]
        if _everyday(farm) or farm in COUNTRIES or _first_name(farm) or any(w in COUNTRIES for w in words):
            continue
        # "Röstmeddelande 09:14", "Telefontid 08:00": a clock with a two-digit hour is no plot
        if _CLOCK.fullmatch(m.group(2)) or not _ADDRESS_BEFORE.search(text[max(0, start - 60) : start]):
            continue
        # the words themselves may say so too: "Spädning 1:10"
        if _NOT_PLOT_BEFORE.search(text[max(0, start - 40) : m.end(1)] + " "):
            continue
        out.append(Span(start, m.end(2), "ADRESS"))
    return out


def _word_offsets(words: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", words)]


def find_rural_addresses(text: str) -> list[Span]:
    """Property designations and villages with a house number (see the module's doc)."""
    spans = _designations(text)
    for pattern in (_LIVES_STILL, _SIGNED, _QUOTED_AFTER_ADDRESS, _BEFORE_POSTCODE):
        spans.extend(Span(m.start(1), m.end(1), "ADRESS") for m in pattern.finditer(text))
    for m in _ASCII_STREET.finditer(text):
        first = m.group(1).split()[0].lower()
        if first not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(1), m.end(1), "ADRESS"))
    for m in _ON_PLACE.finditer(text):
        place = m.group(2)
        if _PLACE_ENDING.search(place.lower()) and not _everyday(place) and place not in COUNTRIES:
            spans.append(Span(m.start(1), m.end(1), "ADRESS"))
    return spans

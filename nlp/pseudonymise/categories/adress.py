"""ADRESS: street addresses and PO boxes (shouted ones too)."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.foreign_addresses import find_foreign_addresses
from nlp.pseudonymise.recognisers.lower_addresses import find_lower_addresses
from nlp.pseudonymise.recognisers.patterns import (
    CAP,
    IN_TOWN,
    LOW,
    NUMWORDS,
    QUANTITY_UNIT,
    STREET_SUFFIX,
    WS,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.rural_addresses import find_rural_addresses
from nlp.pseudonymise.recognisers.spoken_addresses import find_spoken_addresses
from nlp.pseudonymise.recognisers.written_out import find_shouted

# nor a version's first part: "Uppdateringen 4.3.0" ("-ringen" is a street's ending)
_NOT_HOUSE = r"(?!" + WS + r"*" + QUANTITY_UNIT + r"|\.\d+\.\d)"
_HOUSE_LETTER = r"(?:" + WS + r"?[A-Ha-h](?![\wåäö]))?"
# the flat's four-digit number after the house number (the address is one span with it)
_FLAT = r"(?:,?" + WS + r"?lgh\.?" + WS + r"?\d{4}(?!\d))?"
_ADDRESS = [
    guarded(
        # two-word streets ("Övre Slottsgatan", "Ö. Storgatan") have a space inside; a tab ends a cell
        # a river's or an island's street may be one letter and the suffix: "Ågatan 2", "Övägen 5"
        r"(?<![\w-])(?:(?:[" + CAP + r"][" + LOW + r"]+[ \u00a0]|[NSÖV]\.[ ])?(?:[" + CAP + r"][" + LOW + r"]+|[ÅÖ])"
        r"(?:"
        + STREET_SUFFIX
        + r")|["
        + LOW
        + r"]{2,}(?:gatan|vägen|vagen|gränd|torget))"
        + WS
        + r"+\d{1,4}"
        + _NOT_HOUSE
        + _HOUSE_LETTER
        # the flat after the number: "Vasagatan 17 lgh 1203", "Vasagatan 17, lgh 1203"
        + r"(?:,?"
        + WS
        + r"?(?:tr|lgh)\.?"
        + WS
        + r"?\d{1,4})?"
        # the floor after the number: "Vasagatan 17 3 tr", "Vasagatan 17, 3 tr"
        + r"(?:,?"
        + WS
        + r"\d{1,2}"
        + WS
        + r"?tr\b\.?)?"
        # and the flat after the floor: "Vasagatan 17, 2 tr, lgh 1302"
        + _FLAT
        # the ground floor: "Vasagatan 17 nb" (nedre botten), "Vasagatan 17 bv" (bottenvåning)
        + r"(?:"
        + WS
        + r"(?:nb|bv|n\.b\.)(?![\w.]))?"
    ),
    # "Kungens väg 3", and streets named after a person: "Carl Bertil Laurells gata 9"
    guarded(
        r"(?<![\w-])(?:(?:["
        + CAP
        + r"]["
        + LOW
        + r"]+[ ]){1,2}(?=["
        + CAP
        + r"]["
        + LOW
        + r"]+s[ ]))?["
        + CAP
        + r"]["
        + LOW
        + r"]+s?"
        + WS
        # the street word may be capitalised as part of the name: "Hulta Torg 3", "Norrlands Väg 2"
        + r"+(?:väg|gata|gränd|allé|torg|gatan|vägen|gränden|allén|torget|backen|stigen|Torg|Torget|Väg|Gata)"
        + WS
        + r"+\d{1,4}"
        + _NOT_HOUSE
        + _HOUSE_LETTER
        # the flat after the number, as for one-word streets: "Kungens gränd 2, lgh 1203"
        + _FLAT
    ),
    # "Lilla Torget 2", "Norra Vägen 11": a position word and a bare street word
    guarded(
        r"(?<![\w-])(?:Stora|Lilla|Norra|Södra|Östra|Västra|Övre|Nedre|Gamla|Nya)"
        + WS
        # and the wider street words: "Östra Esplanaden 4", "Norra Promenaden 12", "Södra Kajen 3"
        + r"+(?:[Tt]orget|[Tt]org|[Gg]atan|[Vv]ägen|[Gg]ränd|[Bb]acken|[Aa]llén|[Pp]latsen|[Ss]tigen|"
        r"[Ee]splanaden|[Pp]romenaden|[Kk]ajen|[Ss]tråket)"
        + WS
        + r"+\d{1,4}"
        + _NOT_HOUSE
        + _HOUSE_LETTER
        # the flat, as for any street: "Norra Vägen 17 lgh 1203"
        + _FLAT
    ),
    # speech-to-text writes the house number in words: "björkvägen tolv"
    guarded(
        r"(?<![\w-])[" + LOW + r"]{2,}(?:gatan|vägen|gränd|torget|stigen)" + WS + r"+(?:" + NUMWORDS + r"|"
        r"ett|två|tre|fyra|fem|sex|sju|åtta|nio)(?![\w-])" + _NOT_HOUSE
    ),
    # the street word cut short, as on an envelope: "Norra Storg. 12", "Kyrkv. 4 B"
    guarded(
        r"(?<![\w-])(?:(?:Stora|Lilla|Norra|Södra|Östra|Västra|Övre|Nedre|[NSÖV]\.)" + WS + r"+)?"
        r"[" + CAP + r"][" + LOW + r"]+(?:g|v|gat)\." + WS + r"?\d{1,4}(?!\d)" + _NOT_HOUSE + _HOUSE_LETTER
    ),
    guarded(r"(?<![\w-])(?:Box|box|BOX)" + WS + r"+\d{1,6}(?!\d)"),
    # streets without a street word ("Kvarngärdet 18 C", "Skogsbrynet 9") are addresses when
    # a postcode follows
    re.compile(
        r"(?<![\w-])["
        + CAP
        + r"]["
        + LOW
        + r"]{3,}"
        + WS
        + r"+\d{1,4}"
        + _HOUSE_LETTER
        + r"(?=,?"
        + WS
        + r"+[1-9]\d{2}"
        + WS
        + r"?\d{2}(?!\d))"
    ),
]


# a capitalised name of one or two words and a house number: a street, farm or plot that
# has no street word ("Lundbyvassen 22", "Östra Bodarna 112")
_PLACE_AND_NUMBER = r"[" + CAP + r"][" + LOW + r"]{3,}(?:" + WS + r"[" + CAP + r"][" + LOW + r"]+)?" + WS + r"+\d{1,4}"


# after an address label a street needs no street word: "Besöksadress: Lundbyvassen 22, Göteborg"
# "adress Korpilombolo 214" (a village and its house number) needs no colon
_LABELLED = guarded(
    r"(?<!\w)(?i:(?:besöks|post|gatu|hem|leverans)?adress)"
    + r"(?:"
    + WS
    + r"*:"
    + WS
    + r"*|"
    + WS
    + r"+)("
    + _PLACE_AND_NUMBER
    + _HOUSE_LETTER
    + r")(?![\w-])"
)


# where someone lives, a name and a house number: "bor på Skogsbrynet 4", "bor på Östra Bodarna 112"
# (a farm, a village's plot or a street without a street word), not "bor på avdelning 5"; the town
# may come first: "vi bor i Ludvika på Promenaden 4"
_LIVES_AT = guarded(
    r"(?i:\bbor|\bbodde|\bbott|\bflyttat|\bflyttade)"
    + IN_TOWN
    + WS
    + r"+på"
    + WS
    + r"+((?!(?:Avdelning|Avd|Plan|Våning|Rum|Hus|Vecka|Nummer|Nr)\b)"
    + _PLACE_AND_NUMBER
    + _NOT_HOUSE
    + _HOUSE_LETTER
    + r")(?![\w-])"
)


# a name written straight before a one-word street: "Elsa Nyberg Kattegattsgatan 11" is a name and
# a street, not the two-word street "Nyberg Kattegattsgatan" (those open with a position word
# or stand after a preposition or a label: "på Övre Slottsgatan 3")
_NAME_BEFORE = re.compile(r"[" + CAP + r"][" + LOW + r"]+" + WS + r"$")
_POSITION_WORD = re.compile(r"(?:Stora|Lilla|Norra|Södra|Östra|Västra|Övre|Nedre|Gamla|Nya|Sankt|[NSÖV]\.)" + WS)


def _without_name_before(text: str, start: int, end: int) -> int:
    first_end = text.find(" ", start, end)
    if first_end < 0 or _POSITION_WORD.match(text, start) or not _NAME_BEFORE.search(text, max(0, start - 30), start):
        return start
    rest = text[first_end + 1 : end]
    return first_end + 1 if re.match(r"[" + CAP + r"][" + LOW + r"]+(?:" + STREET_SUFFIX + r")\b", rest) else start


def find_address(text: str) -> list[Span]:
    spans = [Span(m.start(1), m.end(1), "ADRESS") for m in _LIVES_AT.finditer(text)]
    for k, pattern in enumerate(_ADDRESS):
        for m in pattern.finditer(text):
            # "Kan väg 45 lagas?": a road's number after a verb or a function word, no street name
            if k == 1 and m.group(0).split()[0].lower() in SWEDISH_STOP_WORDS:
                continue
            # "en bil från Malung. 52 minuter": a town ending a sentence, no street cut short
            if k == 4 and m.group(0).split(".")[0].split()[-1] in lists.places():
                continue
            start = _without_name_before(text, m.start(), m.end()) if k == 0 else m.start()
            spans.append(Span(start, m.end(), "ADRESS"))
    spans.extend(Span(m.start(1), m.end(1), "ADRESS") for m in _LABELLED.finditer(text))
    return spans


CATEGORY = Category(
    label="ADRESS",
    priority=50,
    recognisers=(
        find_address,
        find_shouted,
        find_lower_addresses,
        find_spoken_addresses,
        find_rural_addresses,
        find_foreign_addresses,
    ),
    description="adresser",
)

"""Firms that serve people at home by name: "Lloyds Apotek", "Apotek Solrosen", "Ljusdals Taxi".

A pharmacy is named by the word "Apotek" and a capitalised name before it (in the genitive,
"Lloyds Apotek") or after it ("Apotek Solrosen"); "Apoteket" alone is any pharmacy and stays
(organisation.py reads "Apoteket" with its branch). A local taxi firm is named by its town in the
genitive ("Ljusdals Taxi"), as "Taxi Ljusdal" is by its town after the word (organisation.py).
A firm's name may hold "i" and a region before "AB" ("Matlådan i Norr AB"): one name, not a
firm "Norr AB" after a word and a preposition. An interpreting agency is named by its region or
town after its word ("Tolkförmedling Syd", "Tolkförmedlingen Gävle"); the word alone is any.
A debt collector, a law firm or an accountant is named before its trade ("Lindahl Inkasso").
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import CLOSINGS
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, COMPASS_AREAS, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import plain_word, sentence_start

_NAME = r"[" + CAP + r"][" + LOW + r"]{2,}"
_PHARMACY = re.compile(
    r"(?<![\w-])(?:(?P<before>" + _NAME + r"s)" + WS + r"+Apotek|Apotek" + WS + r"+(?P<after>" + _NAME + r"))(?![\w-])"
)
# "Matlådan i Norr AB", "Bygg i Väst AB": a firm whose name holds "i" and a region
_FIRM_IN_REGION = re.compile(
    r"(?<![\w-])" + _NAME + WS + r"+i" + WS + r"+[" + CAP + r"][" + LOW + r"]+" + WS + r"+(?:AB|HB|KB)(?![\w-])"
)
# "Taxi Kurir", "Taxi 020": a taxi company by its name (organisation.py); "Taxi 680 kr" is the fare
TAXI_NAME = (
    r"(?<![\w-])Taxi" + WS + r"+(?:" + CAPWORD + r"|\d{3}(?!" + WS + r"*(?:kr|kronor|sek|:-|,-)(?![\w-])))(?![\w-])"
)
# "Kronans Apotek i Storvallen": a branch's district after "i", which the place list may not have
# (a capitalised word no everyday word, first name or month explains)
_IN_DISTRICT = re.compile(WS + r"+i" + WS + r"+(?P<district>" + _NAME + r")(?![\w-])")
# "apotek solrosen i mora": a pharmacy written in lower case with its name and its town (a listed
# town), as "hemköp i mora" is a shop (named_with_place.py)
_LOWER_PHARMACY = re.compile(
    r"(?<![\w-])apotek(?:et)?[ \t]+(?P<name>[a-zåäö]{3,})[ \t]+i[ \t]+(?P<town>[a-zåäö]{3,})(?![\w-])"
)
_TOWN_TAXI = re.compile(r"(?<![\w-])(?P<town>" + _NAME + r")s" + WS + r"+Taxi(?![\w-])")

_INTERPRETERS = re.compile(
    r"(?<![\w-])(?:Tolkförmedling|Tolkförmedlingen|Tolkbyrån|Tolkbyrå|Tolkservice)"
    + WS
    + r"+(?P<area>"
    + _NAME
    + r")(?![\w-])"
)
# a debt collector's, a law firm's or an accountant's name before its trade: "Lindahl Inkasso",
# "Nyberg Juridik" (a surname or a word-name; the trade word says it is a firm, not a person)
_TRADE_FIRM = guarded(
    # a first name before the surname belongs to the firm's name: "Eva Lindahl Juridik"
    r"(?<![\w-])(?:(?P<first>"
    + _NAME
    + r")"
    + WS
    + r"+)?(?P<name>"
    + _NAME
    + r")"
    + WS
    + r"+(?:Inkasso|Juridik|Juristbyrå|Advokatbyrå|Redovisning|Bokföring|Revision)(?![\w-])"
)
_FIRM = r"(?P<firm>[" + CAP + r"][\w]+(?:" + WS + r"[" + CAP + r"][\w]+)?)"
_DESK = guarded(
    r"(?<![\w-])" + _FIRM + WS + r"+(?i:kundtjänst|kundtjänsten|kundservice|kundsupport|support|supporten)(?![\w-])"
)
_DELIVERED_BY = guarded(
    r"(?i:\b(?:leverans|leveransen|leveranserna|beställningen|ordern|fakturan|faktura|försändelsen|sändningen)"
    + WS
    + r"+från)"
    + WS
    + r"+"
    + _FIRM
    + r"(?![\w-])"
)


def _suppliers(text: str) -> list[Span]:
    """ "<Firma> kundtjänst", "leveransen från <Firma>": the firm's name."""
    spans = []
    for pattern in (_DESK, _DELIVERED_BY):
        for m in pattern.finditer(text):
            start, words = m.start("firm"), m.group("firm").split()
            if len(words) == 2 and words[0].lower() in CLOSINGS:
                start, words = m.end("firm") - len(words[1]), words[1:]  # "Hej <Firma> kundtjänst"
            if words[0].lower() in SWEDISH_STOP_WORDS or any(
                lists.listed_first_name(w) or plain_word(w.lower()) or plain_word(w.lower().removesuffix("s"))
                for w in words
            ):
                continue  # "Er kundtjänst", "Regionens kundtjänst", "paketet från Anna"
            if sentence_start(text, start) and words[0][1:].islower() and zipf_frequency(words[0].lower(), "sv") >= 3:
                continue  # "Frågor? Ring kundtjänst …": a verb opening the sentence
            spans.append(Span(start, m.end("firm"), "ORGANISATION"))
    return spans


def plain_adverb(word: str) -> bool:
    """A function word or a word of time or place after "apotek" ("apoteket idag i mora")."""
    return word in SWEDISH_STOP_WORDS or word in {"idag", "igår", "imorgon", "ikväll", "förut", "sen", "här", "där"}


def _district_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    low = word.lower()
    info = lists.names().get(low)
    return (
        word in lists.places()
        or (info is None or not (info.first_sv or info.first_other))
        and low not in SWEDISH_STOP_WORDS
        and zipf_frequency(low, "sv") < 3.0
    )


def find_service_firms(text: str) -> list[Span]:
    spans = _suppliers(text)
    for m in _PHARMACY.finditer(text) if "Apotek" in text else ():
        word = m.group("before") or m.group("after")
        low = word.lower()
        if low in SWEDISH_STOP_WORDS or low.rstrip("s") in SWEDISH_STOP_WORDS:
            continue  # "Alla Apotek", "Apotek Och"
        if m.group("before") and sentence_start(text, m.start()) and lists.names().get(low[:-1]) is None:
            continue  # "Närmaste Apotek" opening a line: no name
        end = m.end()
        district = _IN_DISTRICT.match(text, end)
        if district and _district_word(district.group("district")):
            end = district.end()
        spans.append(Span(m.start(), end, "ORGANISATION"))
    for m in _LOWER_PHARMACY.finditer(text) if "apotek" in text else ():
        if m.group("town").capitalize() in lists.places() and not plain_adverb(m.group("name")):
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    for m in _TOWN_TAXI.finditer(text) if "Taxi" in text else ():
        if m.group("town") in lists.places():
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    for m in _FIRM_IN_REGION.finditer(text) if "B" in text else ():
        if m.group(0).split()[0].lower() not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    for m in _TRADE_FIRM.finditer(text):
        low = m.group("name").lower()
        info = lists.names().get(low)
        if low in SWEDISH_STOP_WORDS or (sentence_start(text, m.start("name")) and (info is None or info.word)):
            continue  # "Om Inkasso", "Ring Inkasso" opening a sentence: a word, no name
        first = m.group("first")
        start = m.start() if first and lists.listed_first_name(first) else m.start("name")
        spans.append(Span(start, m.end(), "ORGANISATION"))
    for m in _INTERPRETERS.finditer(text) if "Tolk" in text else ():
        if m.group("area") in COMPASS_AREAS or m.group("area") in lists.places():
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans

"""Organisations as complaints and their answers name them (ORGANISATION): a firm by its partners
("Berg & Co Advokatbyrå", "Lund & Söner"), a newspaper the writer turns to ("tidningen VLT"), a
region's service with its region ("Sjukresor Region Västmanland län"), and an authority's full
name before its short form in brackets ("Statens institutionsstyrelse (SiS)").

A firm named after its owners reads as a surname ("Berg"), but "& Co" and the firm's kind after
it make it a firm. A newspaper's name is as often an acronym as a word, and "tidningen" before
it is the evidence. A region's service ("Färdtjänsten") is any region's until the region follows.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, plain_word, sentence_start

_FIRM = guarded(
    r"(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+)?"
    + WS
    + r"*&"
    + WS
    + r"*(?:Co\.?|Partners?|Söner|Son|Döttrar|Kompanjoner)"
    + r"(?:"
    + WS
    + r"+(?:["
    + CAP
    + r"]["
    + LOW
    + r"]*(?:byrå|byrån|firma|firman)|AB|HB|KB))?(?![\w-])"
)
_NEWSPAPER = guarded(
    r"(?<![\w-])(?i:tidningen|lokaltidningen|dagstidningen|kvällstidningen|lokalblaskan)"
    + WS
    + r"+(?P<name>[A-ZÅÄÖ]{2,5}(?![\w-])|["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}(?:"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]{2,})?)(?![\w-])"
)
# "Färdtjänsten Region Örebro län", "Sjukresor Region Uppsala": a service word right before its region
_SERVICE_OF_REGION = guarded(
    r"(?<![\w-])(?P<service>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,})"
    + WS
    + r"+Region"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + WS
    + r"+län)?(?![\w-])"
)
_DEFINITE_SERVICE = re.compile(r"[" + LOW + r"]{4}(?:en|et|na)$")
# "Riksdagens ombudsmän (JO)", "Statens institutionsstyrelse (SiS)": a genitive and a noun or
# two, then the authority's short form
_NAME_BEFORE_ACRONYM = re.compile(
    r"(?<![\w-])(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}s(?:"
    + WS
    + r"+["
    + LOW
    + r"]{2,}){1,3})"
    + WS
    + r"*\((?P<acr>[A-ZÅÄÖ][A-Za-zÅÄÖ]{1,5})\)"
)
_LINKS = frozenset({"och", "i", "för"})
_ACRONYM = re.compile(r"[A-ZÅÄÖ]+[a-zåäö]?[A-ZÅÄÖ]*")


def _name_word(word: str) -> bool:
    return word.lower() not in SWEDISH_STOP_WORDS and word.lower() not in NOT_UNIT_WORDS


def find_complaint_bodies(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "ORGANISATION") for m in _FIRM.finditer(text)]
    for m in _NEWSPAPER.finditer(text):
        name = m.group("name")
        first = name.split()[0]
        # "i tidningen Anna läste …": a person; "tidningen Idag": a word
        if name.isupper() or (
            _name_word(first) and not lists.listed_first_name(first) and not plain_word(first.lower())
        ):
            spans.append(Span(m.start("name"), m.end("name"), "ORGANISATION"))
    for m in _SERVICE_OF_REGION.finditer(text):
        service = m.group("service")
        # a definite service word is the service anywhere; another capitalised word only inside
        # a sentence and when no first name ("Sjukresor Region Uppsala", not "Anna Region …")
        definite = _DEFINITE_SERVICE.search(service) is not None
        if _name_word(service) and (
            definite or not (sentence_start(text, m.start()) or lists.listed_first_name(service))
        ):
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "(" in text:
        for m in _NAME_BEFORE_ACRONYM.finditer(text):
            genitive = m.group("name").split()[0]
            if (
                _ACRONYM.fullmatch(m.group("acr"))
                and sum(c.isupper() for c in m.group("acr")) >= 2
                and _name_word(genitive)
                and not lists.listed_first_name(genitive[:-1])
                and not any(w in SWEDISH_STOP_WORDS and w not in _LINKS for w in m.group("name").split()[1:])
            ):
                spans.append(Span(m.start("name"), m.end("name"), "ORGANISATION"))
    return spans

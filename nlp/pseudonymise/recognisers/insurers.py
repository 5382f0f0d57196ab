"""Insurers and other employers as insurance letters and waiting-list stories name them
(ORGANISATION): a name before a capitalised insurance word ("Trygg Skadeförsäkring", "Nova
Försäkringar AB"), a company compound in the plural standing alone or inside a sentence ("…
hos Bygdeförsäkringar", "Bygdeförsäkringar Bank"), the company a health insurance is held with or a company in brackets
after "bolag" ("min sjukvårdsförsäkring hos Vardia", "mitt bolag (Atlantica)"), and the company
after a signature's title and a comma ("Vårdkoordinator, Nordic Assist").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import COUNTRIES, NOT_UNIT_WORDS, sentence_start, unknown_word

# a company's name: one or two capitalised words, or an acronym
_NAME = r"(?:" + CAPWORD + r"|[" + CAP + r"]{2,5})(?:" + WS + r"+(?:" + CAPWORD + r"|[" + CAP + r"]{2,5}))?"
# "Trygg Skadeförsäkring", "Nova Försäkringar AB": a capitalised insurance word names the company
_NAMED_INSURER = guarded(
    r"(?<![\w-])(?P<name>"
    + CAPWORD
    + r"|["
    + CAP
    + r"]{2,5})"
    + WS
    + r"+(?:Skadeförsäkring|Sjukförsäkring|Livförsäkring|Försäkring|Försäkringar)(?:"
    + WS
    + r"+AB)?(?![\w-])"
)
# "Bygdeförsäkringar": a company compound in the plural
_PLURAL_INSURER = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{2,}försäkringar(?:" + WS + r"+(?:AB|Bank|Sak|Liv))?(?![\w-])"
)
# the kinds of insurance, which a heading may capitalise ("Sjukvårdsförsäkringar")
_KINDS = re.compile(
    r"(?i:(?:sjukvårds|sjuk|hem|villa|liv|olycksfalls|barn|grupp|person|bil|djur|rese|inkomst|pensions|"
    r"tjänstepensions|arbets|skade|privat)försäkringar)"
)
# "min sjukvårdsförsäkring hos Vardia", "försäkringsbolaget Atlantica", "mitt bolag (Atlantica)"
# (the name of an insurance itself is no company: "Patientförsäkringen LÖF")
_HELD_WITH = guarded(
    r"(?i:försäkring(?:en|ar|arna)?"
    + WS
    + r"+(?:hos|via|från|genom)|försäkringsbolag(?:et)?(?:"
    + WS
    + r"+(?:hos|via|från|genom))?)"
    + WS
    + r"+(?P<name>"
    + _NAME
    + r")(?![\w-])"
)
_BRACKETED = guarded(
    r"(?<![\w-])(?i:bolag(?:et)?|försäkringsbolag(?:et)?)"
    + WS
    + r"*\("
    + WS
    + r"*(?P<name>"
    + _NAME
    + r")"
    + WS
    + r"*\)"
)
# "Vårdkoordinator, Nordic Assist" on a signature's line of its own
_TITLE_COMPANY = guarded(
    r"(?m:^"
    + WS
    + r"*["
    + CAP
    + r"]["
    + LOW
    + r"]*(?:koordinator|handläggare|skadereglerare|rådgivare|samordnare)"
    + WS
    + r"*,"
    + WS
    + r"*(?P<name>"
    + _NAME
    + r")"
    + WS
    + r"*$)"
)
# what the company after a title must not be: a care unit or a public body (other patterns)
_NOT_COMPANY = re.compile(
    r"(?i:klinik|mottagning|sjukhus|lasarett|vård|hälsocentral|region|kommun|kassan|förvaltning|nämnd)"
)


def _company(text: str, start: int, name: str) -> bool:
    """A company's name, not a word, a person, a place or a public body."""
    words = name.split()
    first = words[0]
    if first in lists.places() or first in COUNTRIES or _NOT_COMPANY.search(name):
        return False
    if first.isupper():
        return len(words) == 1 or not function_words_or_calendar(words[1])
    if first.lower() in NOT_UNIT_WORDS or function_words_or_calendar(first):
        return False
    if lists.listed_first_name(first) and len(words) == 1:
        return False
    return unknown_word(first) or not sentence_start(text, start)


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def find_insurers(text: str) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in _NAMED_INSURER.finditer(text)
        if _company(text, m.start(), m.group("name"))
    ]
    for m in _PLURAL_INSURER.finditer(text):
        if _KINDS.fullmatch(m.group(0).split()[0]):
            continue
        if not sentence_start(text, m.start()) or _whole_line(text, m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    for pattern in (_HELD_WITH, _BRACKETED, _TITLE_COMPANY):
        for m in pattern.finditer(text):
            name = m.group("name")
            if _company(text, m.start("name"), name):
                # a second capitalised word is the name's only when it is no everyday word
                words = name.split()
                end = m.end("name")
                if len(words) == 2 and pattern is not _TITLE_COMPANY and not unknown_word(words[1]):
                    end = m.start("name") + len(words[0])
                spans.append(Span(m.start("name"), end, "ORGANISATION"))
    return spans

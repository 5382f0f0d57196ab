"""An association's or region's full name where the compound alone is found: a national adjective
before it ("Svenska Transplantationsföreningen") and a district of two words after it
("Njurföreningen Mellersta Norrland"), a name of several words joined to the association's
word by a hyphen ("Grön Starr-förbundet"), and a local branch of an association that writes its
name in camel case, by its region or town ("NjurLiv Dalarna"). A region's service before the region's name is in
complaint_bodies.py."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WORD_INITIAL_CAP, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

_BODY = r"[" + CAP + r"][" + LOW + r"]{2,}(?:föreningen|förbundet|sällskapet|akademien|stiftelsen)(?![\w-])"
# the nation or the North a body says it is of: closed class of adjectives and genitives
_NATIONAL = r"(?:Svenska|Sveriges|Nordiska|Skandinaviska|Norska|Danska|Finska|Finlands|Norges|Danmarks)"
# a district named by a direction and a region: "Mellersta Norrland", "Norra Skåne", "Övre Dalarna"
_DIRECTION = r"(?:Mellersta|Norra|Södra|Östra|Västra|Övre|Nedre|Nordvästra|Nordöstra|Sydvästra|Sydöstra)"
_ASSOCIATION = guarded(
    r"(?<![\w-])(?:(?P<nation>" + _NATIONAL + r")" + WS + r"+)?(?P<body>" + _BODY + r")"
    r"(?:" + WS + r"+(?P<district>" + _DIRECTION + WS + r"+" + CAPWORD + r")(?![\w-]))?"
)

# "Grön Starr-förbundet", "Torra Ögon-föreningen": capitalised words, the last joined to the
# association's word by a hyphen (the hyphened word alone other patterns read)
_HYPHENED = guarded(
    r"(?<![\w-])(?P<lead>(?:"
    + CAPWORD
    + WS
    + r"+){1,2})["
    + CAP
    + r"]["
    + LOW
    + r"]+-(?i:föreningen|förbundet|sällskapet)(?![\w-])"
)


_HYPHEN_WORD = re.compile(r"-(?i:föreningen|förbundet|sällskapet)(?![\w-])")


def _hyphened(text: str) -> list[Span]:
    out = []
    # (the guard cannot test a case-blind word: the hyphened word itself is looked for first)
    for m in _HYPHENED.finditer(text) if _HYPHEN_WORD.search(text) else ():
        start = m.start()
        # "Hej från …", "Tack Grön …": a sentence's everyday word is no part of the name
        for word in m.group("lead").split():
            if not function_words_or_calendar(word):
                break
            start = text.index(word, start) + len(word)
            start += len(text[start:]) - len(text[start:].lstrip())
        if start < m.start("lead") + len(m.group("lead")):
            out.append(Span(start, m.end(), "ORGANISATION"))
    return out


# a name in camel case (two capitalised parts of three and two letters or more: not "McKay",
# "DeLuca") and the region or town of its branch after it (no literal a guard could test for)
_CAMEL_BRANCH = re.compile(
    WORD_INITIAL_CAP
    + r"["
    + LOW
    + r"]{3,}["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}"
    + WS
    + r"+(?P<place>"
    + CAPWORD
    + r")(?![\w-])"
)


def find_association_names(text: str) -> list[Span]:
    spans = _hyphened(text)
    for m in _ASSOCIATION.finditer(text):
        district = m.group("district")
        if district and lists.listed_first_name(district.split()[-1]):
            district = None  # "Förbundet Norra Anna …" cannot be; a person after a district word
        if m.group("nation") or district:
            end = m.end("district") if district else m.end("body")
            spans.append(Span(m.start(), end, "ORGANISATION"))
    places = lists.places()
    spans += [
        Span(m.start(), m.end(), "ORGANISATION") for m in _CAMEL_BRANCH.finditer(text) if m.group("place") in places
    ]
    return spans

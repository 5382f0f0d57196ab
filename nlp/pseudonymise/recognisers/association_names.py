"""An association's or region's full name where the compound alone is found: a national adjective
before it ("Svenska Transplantationsföreningen"), a district of two words after it
("Njurföreningen Mellersta Norrland"), and a service of the region before the region's name
("Sjukresor Region Uppsala", "Tandvården Region Skåne")."""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, sentence_start

_BODY = r"[" + CAP + r"][" + LOW + r"]{2,}(?:föreningen|förbundet|sällskapet|akademien|stiftelsen)(?![\w-])"
# the nation or the North a body says it is of: closed class of adjectives and genitives
_NATIONAL = r"(?:Svenska|Sveriges|Nordiska|Skandinaviska|Norska|Danska|Finska|Finlands|Norges|Danmarks)"
# a district named by a direction and a region: "Mellersta Norrland", "Norra Skåne", "Övre Dalarna"
_DIRECTION = r"(?:Mellersta|Norra|Södra|Östra|Västra|Övre|Nedre|Nordvästra|Nordöstra|Sydvästra|Sydöstra)"
_ASSOCIATION = guarded(
    r"(?<![\w-])(?:(?P<nation>" + _NATIONAL + r")" + WS + r"+)?(?P<body>" + _BODY + r")"
    r"(?:" + WS + r"+(?P<district>" + _DIRECTION + WS + r"+" + CAPWORD + r")(?![\w-]))?"
)
# "Sjukresor Region Uppsala": the region's service by its own name, then the region
_REGION_SERVICE = guarded(
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
    + r"]+"
    r"(?![\w-])"
)


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other)


def find_association_names(text: str) -> list[Span]:
    spans = []
    for m in _ASSOCIATION.finditer(text):
        district = m.group("district")
        if district and _first_name(district.split()[-1]):
            district = None  # "Förbundet Norra Anna …" cannot be; a person after a district word
        if m.group("nation") or district:
            end = m.end("district") if district else m.end("body")
            spans.append(Span(m.start(), end, "ORGANISATION"))
    for m in _REGION_SERVICE.finditer(text):
        service = m.group("service")
        if sentence_start(text, m.start()) or service.lower() in NOT_UNIT_WORDS or _first_name(service):
            continue
        spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans

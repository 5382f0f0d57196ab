"""An association's or region's full name where the compound alone is found: a national adjective
before it ("Svenska Transplantationsföreningen") and a district of two words after it
("Njurföreningen Mellersta Norrland"). A region's service before the region's name is in
complaint_bodies.py."""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_BODY = r"[" + CAP + r"][" + LOW + r"]{2,}(?:föreningen|förbundet|sällskapet|akademien|stiftelsen)(?![\w-])"
# the nation or the North a body says it is of: closed class of adjectives and genitives
_NATIONAL = r"(?:Svenska|Sveriges|Nordiska|Skandinaviska|Norska|Danska|Finska|Finlands|Norges|Danmarks)"
# a district named by a direction and a region: "Mellersta Norrland", "Norra Skåne", "Övre Dalarna"
_DIRECTION = r"(?:Mellersta|Norra|Södra|Östra|Västra|Övre|Nedre|Nordvästra|Nordöstra|Sydvästra|Sydöstra)"
_ASSOCIATION = guarded(
    r"(?<![\w-])(?:(?P<nation>" + _NATIONAL + r")" + WS + r"+)?(?P<body>" + _BODY + r")"
    r"(?:" + WS + r"+(?P<district>" + _DIRECTION + WS + r"+" + CAPWORD + r")(?![\w-]))?"
)


def find_association_names(text: str) -> list[Span]:
    spans = []
    for m in _ASSOCIATION.finditer(text):
        district = m.group("district")
        if district and lists.listed_first_name(district.split()[-1]):
            district = None  # "Förbundet Norra Anna …" cannot be; a person after a district word
        if m.group("nation") or district:
            end = m.end("district") if district else m.end("body")
            spans.append(Span(m.start(), end, "ORGANISATION"))
    return spans

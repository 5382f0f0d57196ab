"""The writer of a comment or a reply, as a social network's thread prints it: "Kommentar från
Ada Obi:", "Svar från Ada Obi:", "↳ Ada Obi: Håller med". The header gives a full name, first
and family name capitalised, before a colon; no list needs to know it. A name part that is an
everyday word ("Region Skåne:", "Vårdcentralen Norr:") makes the header a unit's or an
authority's, and it is left to their own recognisers."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers.patterns import CAP_NAME
from nlp.pseudonymise.recognisers.words import plain_word

# a comment's or a reply's header at a line's start: the marker, two or three name words, a colon
_HEADER = re.compile(
    r"(?m)^[ \t]*(?:(?:[↳└→⤷][ \t]*)|(?:Kommentar|Svar|Inlägg|Kommentera(?:t|de))[ \t]+(?:från|av)[ \t]+)"
    r"(?P<name>" + CAP_NAME + r"(?:[ \t]" + CAP_NAME + r"){1,2}):"
)


def find_comment_headers(text: str) -> list[Span]:
    if ":" not in text:
        return []
    out = []
    for m in _HEADER.finditer(text):
        words = m.group("name").lower().replace("-", " ").split()
        if any(w in SWEDISH_STOP_WORDS or plain_word(w) for w in words):
            continue
        out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return out

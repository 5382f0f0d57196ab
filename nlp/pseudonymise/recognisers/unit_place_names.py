"""A unit's place written in two words, or after the unit's abbreviation: "akutmottagningen Södra
Förstaden", "Geriatriska avdelningen Västra Skogen", "Barnmorskemottagningen MVC Kortedala".

The unit rules read one capitalised word after a unit word as its place, so a place whose name
opens with a word of direction or size ("Norra", "Södra", "Stora", "Lilla", "Nya", "Gamla",
"Övre", "Sankt") was cut after that word, and a unit written with its type's abbreviation
after it ("… MVC", "… BVC", "… BB") stopped before the place. Both leave the place, the part
that says which unit, in the text. A unit find that ends in such a word takes the capitalised
word after it, when that word is no common Swedish word (a place, a district or a name) and no
other find stands there.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

_DIRECTION = r"Norra|Södra|Östra|Västra|Stora|Lilla|Nya|Gamla|Övre|Nedre|Inre|Yttre|Sankt|S:t"
_ABBREVIATION = r"MVC|BVC|BB|VC|BUP|HVB|UM|VUP"
_ENDS_OPEN = re.compile(r"(?<![\w:])(?:(?P<direction>" + _DIRECTION + r")|" + _ABBREVIATION + r")$")
_NEXT = re.compile(r"[ \t]+([A-ZÅÄÖÉÜ][a-zåäöéü]+(?:-[A-ZÅÄÖÉÜ]?[a-zåäöéü]+)?)(?![\w-])")


def _place_word(word: str, after_direction: bool) -> bool:
    """A place's word: after "Norra", "Stora" any word but a function word ("Södra Förstaden"
    is a plain Swedish word too); after an abbreviation a listed place or no Swedish word."""
    if word.lower() in SWEDISH_STOP_WORDS:
        return False
    return after_direction or word in lists.places() or (not plain_word(word.lower()) and unknown_word(word))


def extend_unit_places(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with each unit find that ends open grown over the place word after it."""
    out: list[Span] = []
    for k, sp in enumerate(spans):
        opening = _ENDS_OPEN.search(text, sp.start, sp.end) if sp.label in {"VARDENHET", "ORGANISATION"} else None
        if opening is not None:
            m = _NEXT.match(text, sp.end)
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            if m is not None and m.end() <= next_start and _place_word(m.group(1), bool(opening.group("direction"))):
                sp = Span(sp.start, m.end(), sp.label)
        out.append(sp)
    return out

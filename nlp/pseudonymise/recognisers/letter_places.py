"""The place a letter is written in, on its own line before "den" and the date: "Mora den 4 maj
2025", "Umeå, den 12/3" (ORT). A letter to a politician or an authority ends, or opens, with the
writer's town and the date; the town sits alone at the line's start, with no preposition before
it that the place rules read. Only a listed place counts, so "Fredag den 4 maj" (a weekday) and
"Anna den 4 maj" (a name) stay out.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAPWORD, WS

_DATE_LINE = re.compile(r"(?m)^" + WS + r"*(?P<town>" + CAPWORD + r"),?" + WS + r"+den" + WS + r"+\d")


def find_letter_places(text: str) -> list[Span]:
    if " den " not in text:
        return []
    places = lists.places()
    return [Span(m.start("town"), m.end("town"), "ORT") for m in _DATE_LINE.finditer(text) if m.group("town") in places]

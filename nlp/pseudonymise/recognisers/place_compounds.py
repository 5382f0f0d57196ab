"""A town written as the first part of a hyphenated compound: "min Kalix-adress", "Lund-numret".

Chats glue a town to what belongs there; the town still tells where the person lives. Only a
listed town that is no ordinary word, and only before a lowercase everyday word (so "Mora-Nisse"
or a firm's "Göteborgs-Posten" stay as the other rules read them).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW
from nlp.pseudonymise.recognisers.words import unknown_word

_TOWN_COMPOUND = re.compile(r"(?<![\w-])([" + CAP + r"][" + LOW + r"]{2,})-([a-zåäö]{3,})(?![\w-])")


def find_place_compounds(text: str) -> list[Span]:
    if "-" not in text:
        return []
    places = lists.places()
    return [
        Span(m.start(1), m.end(1), "ORT")
        for m in _TOWN_COMPOUND.finditer(text)
        if places.get(m.group(1)) is False and not unknown_word(m.group(2))
    ]

"""A member of staff praised by a name that is also a word: "Ros på apoteket vid torget är en
ängel", "Frid i receptionen är en pärla", "Sten på avdelningen var en klippa" (PERSON).

A listed name (also one that is an everyday word or only a surname in the lists) at the start of
a sentence, placed at a workplace ("på apoteket", "i receptionen"), and then said to be a person
by what she is: "är/var en ängel/pärla/klippa/hjälte/stjärna". Nothing but a person is an angel
at the pharmacy; "Kön på apoteket är en katastrof" (no name and no person's noun) and "Ros till
personalen på apoteket" (no workplace right after the word) stay.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import WORKPLACE

_WORKPLACES = "|".join(sorted((re.escape(w) for w in WORKPLACE), key=len, reverse=True))
_PRAISED = guarded(
    r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][ \t]))(?P<name>[A-ZÅÄÖ][a-zåäö]{1,15})[ \t]+(?:på|i|från)[ \t]+"
    r"(?:" + _WORKPLACES + r")(?![\w-])[^.!?\n]{0,50}?[ \t](?:är|var|e)[ \t]+(?:en|ett|som[ \t]+en)[ \t]+"
    r"(?:riktig[ \t]+|sann[ \t]+|fantastisk[ \t]+|helt[ \t]+underbar[ \t]+)?"
    r"(?:ängel|pärla|klippa|hjälte|stjärna|guldklimp|räddare|superhjälte|solstråle|toppenperson|eldsjäl)(?![\w-])"
)


def find_praised_staff(text: str) -> list[Span]:
    out = []
    for m in _PRAISED.finditer(text):
        if lists.names().get(m.group("name").lower()) is not None:
            out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return out

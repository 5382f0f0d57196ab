"""A member of staff praised by a name that is also a word: "Ros på apoteket vid torget är en
ängel", "Frid i receptionen är en pärla", "Sten på avdelningen var en klippa" (PERSON).

A listed name (also one that is an everyday word or only a surname in the lists) at the start of
a sentence, placed at a workplace ("på apoteket", "i receptionen"), and then said to be a person
by what she is: "är/var en ängel/pärla/klippa/hjälte/stjärna". Nothing but a person is an angel
at the pharmacy; "Kön på apoteket är en katastrof" (no name and no person's noun) and "Ros till
personalen på apoteket" (no workplace right after the word) stay.

The workplace may be any place in the definite form, not only the everyday ones ("Vide på
patientarkivet i Luleå är en pärla"), and what she did may say it instead of a praise: a verb of
answering, helping or explaining right after the workplace ("Vide på kundtjänsten svarade
direkt"). "Bo på landet är en dröm" (no person's noun), "Bo på hotellet kostar mer" (no
person's verb) and "Bo på hotellet svarade ingen" (the subject after the verb) stay.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import WORKPLACE

_WORKPLACES = "|".join(sorted((re.escape(w) for w in WORKPLACE), key=len, reverse=True))
# a place in the definite form: "patientarkivet", "registraturen", "kundtjänsten"
_DEFINITE_PLACE = r"[a-zåäö]{3,}(?:et|en|an|n)"
_OPENING_NAME = r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][ \t]))(?P<name>[A-ZÅÄÖ][a-zåäö]{1,15})[ \t]+(?:på|i|från)[ \t]+"
_PRAISED = guarded(
    _OPENING_NAME + r"(?:" + _WORKPLACES + r"|" + _DEFINITE_PLACE + r")(?![\w-])[^.!?\n]{0,50}?[ \t](?:är|var|e)[ \t]+"
    r"(?:en|ett|som[ \t]+en)[ \t]+"
    r"(?:riktig[ \t]+|sann[ \t]+|fantastisk[ \t]+|helt[ \t]+underbar[ \t]+)?"
    r"(?:ängel|pärla|klippa|hjälte|stjärna|guldklimp|räddare|superhjälte|solstråle|toppenperson|eldsjäl)(?![\w-])"
)

# what a member of staff did, right after the workplace: "<Namn> på registraturen svarade snabbt"
_SERVED = guarded(
    _OPENING_NAME + r"(?:" + _WORKPLACES + r"|" + _DEFINITE_PLACE + r")(?:[ \t]+i[ \t]+[A-ZÅÄÖ][a-zåäö]+)?[ \t]+"
    r"(?:svarade|svarar|hjälpte|hjälper|ringde|förklarade|förklarar|ordnade|fixade|löste|lyssnade|"
    r"berättade|lovade|skickade|brydde)(?![\w-])"
    # "Bo på hotellet svarade ingen": the subject after the verb, the place opened the sentence
    r"(?![ \t]+(?:ingen|någon|jag|ja|vi|ni|de|dom|du|han|hon|hen|man|det)(?![\w-]))"
)


def find_praised_staff(text: str) -> list[Span]:
    out = []
    for m in (*_PRAISED.finditer(text), *_SERVED.finditer(text)):
        if lists.names().get(m.group("name").lower()) is not None:
            out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return out

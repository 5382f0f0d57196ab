"""ALDER: an age of a life story said bare after "sedan", "vid" or "från" once the text has given
the person's age ("… sedan jag var 19. Nu upphör den vid 30 och …", "Wilma (17). Hon har haft
ätstörning sedan 13."). Registered in person.py: alder.py is at the module size limit.

Alone, "sedan 13" may be a clock time and "vid 30" a temperature, so the bare number counts only
in a text that states an age ("var 19", "(17)", "17 år"), only from 2 to 99, only when the
thought ends after it (a stop, a comma, "och"), never before a unit or a clock's separator, and
only where the sentence says what held since then or what started or ended at it.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import NOT_AGE_UNIT, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

# an age stated somewhere in the text: "var 19", "fyllde 40", "(17)", "17 år", "17-årig"
_STATED_AGE = re.compile(
    r"(?i:\b(?:var|är|blev|fyllde|fyller)"
    + WS
    + r"+\d{1,2}(?!\w|[,.:/-]\d)|\(\d{1,2}\)|\b\d{1,2}"
    + WS
    + r"*(?:år\b(?!"
    + WS
    + r"+(?:sedan|sen))|-?årig))"
)
_LATER = guarded(
    r"(?i:\b(?:sedan|sen|vid|från))"
    + WS
    + r"+([2-9]|[1-9]\d)(?!\d|[,.:/-]\d)(?!"
    + WS
    + r"*"
    + NOT_AGE_UNIT
    + r")(?="
    + WS
    + r"*(?:[.,!?;\n]|$|och\b))"
)


# what the sentence says before the number: a state kept since then ("har haft ångest sedan
# 13"), or a start or an end at that age ("upphör vid 30", "började från 16"); "Vi ses vid 14"
# is a clock time
_SINCE_STATE = re.compile(r"(?i:\b(?:har|hade|haft|varit|bott|levt|gått)\b)")
_START_OR_END = re.compile(
    r"(?i:\b(?:upphör|upphörde|slutar|slutade|slut|började|börjar|fick|får|blev|flyttade|dog|pension)\b)"
)


def find_later_ages(text: str) -> list[Span]:
    later = list(_LATER.finditer(text))  # the rarer test first: most texts have neither
    if not later or not _STATED_AGE.search(text):
        return []
    out = []
    for m in later:
        left = max(text.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
        context = _SINCE_STATE if m.group(0)[:3].lower() in ("sed", "sen") else _START_OR_END
        if context.search(text, left, m.start()):
            out.append(Span(m.start(1), m.end(1), "ALDER"))
    return out

"""A symptom's strength out of ten, said of the symptom: "Smärtan är 8/10 varje dag", "värken
ligger på 7/10", "ångesten runt 6/10". A pain or anxiety word, then at most a few linking words
("är", "ligger på", "typ"), then the score: a grade on the pain scale, not the eighth of October.
A date after the symptom keeps a verb or a preposition of time ("Ont sedan 8/10", "värken började
3/5"), which is not among the linking words."""

from __future__ import annotations

import re

from nlp.pseudonymise.recognisers.patterns import WS

# the symptom, then zero to three linking words, then the score's start
_SYMPTOM_BEFORE = re.compile(
    r"(?i:\b(?:smärta|smärtan|smärtor|smärtorna|värk|värken|ont|ångest|ångesten|oro|oron|illamående|"
    r"illamåendet|yrsel|yrseln|klåda|klådan|trötthet|tröttheten|nedstämdhet|nedstämdheten|vas|nrs)"
    r"(?:" + WS + r"+(?:är|var|e|ligger|låg|på|runt|kring|omkring|typ|ca|cirka|ungefär|konstant|jämt|nu|"
    r"idag|fortfarande|minst|över))" + r"{0,3})" + WS + r"*:?" + WS + r"*$"
)


def symptom_score_before(text: str, start: int) -> bool:
    """True when the score at `start` follows a symptom word ("Smärtan är |8/10")."""
    return _SYMPTOM_BEFORE.search(text, max(0, start - 50), start) is not None

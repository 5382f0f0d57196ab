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
    r"illamåendet|yrsel|yrseln|klåda|klådan|trötthet|tröttheten|nedstämdhet|nedstämdheten|vas|nrs|"
    # a diary's reading of the day's strength: "energi 3/10", "orken låg på 2/10"
    r"energi|energin|ork|orken|dagsform|dagsformen|mående|måendet)"
    # where it hurts: "värken i knät och höften är 7/10"
    r"(?:" + WS + r"+i" + WS + r"+[a-zåäö]+(?:" + WS + r"+och" + WS + r"+[a-zåäö]+)?)?"
    r"(?:" + WS + r"+(?:är|var|e|ligger|låg|på|runt|kring|omkring|typ|ca|cirka|ungefär|konstant|jämt|nu|"
    r"idag|fortfarande|minst|över|"
    # a limit on the scale: "öka när smärtan är under 3/10", "värken högst 4/10"
    r"under|högst|max|maximalt))" + r"{0,3})" + WS + r"*:?" + WS + r"*$"
)


# a second score joined to the first in one clause: "värken 6/10 på förmiddagen och 8/10 i kväll"
_SCORE_THEN_AND = re.compile(
    r"(?<![\d/])(?:10|[0-9])/10(?:" + WS + r"+[a-zåäö]+){0,3}" + WS + r"*(?:,|och|men)" + WS + r"*$"
)
# a day's line of a diary, the date and a colon, then the day's score: "fre 14/3: 4/10"
_DATED_LINE = re.compile(r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]):" + WS + r"*$")


def symptom_score_before(text: str, start: int) -> bool:
    """True when the score at `start` follows a symptom word ("Smärtan är |8/10"), a score of a
    symptom in the same clause ("Smärtan är 6/10 nu och |8/10"), or a diary line's date ("3/2: |4/10")."""
    if _SYMPTOM_BEFORE.search(text, max(0, start - 70), start) is not None:
        return True
    if _DATED_LINE.search(text, max(0, start - 8), start) is not None:
        return True
    prev = _SCORE_THEN_AND.search(text, max(0, start - 45), start)
    return prev is not None and _SYMPTOM_BEFORE.search(text, max(0, prev.start() - 70), prev.start()) is not None


# "från 4/10 till 0/10", "0/10 → 6/10": a grade beside a nought on the same scale, which no date
# has, is the same scale's
_ZERO_AFTER = re.compile(WS + r"*(?:till|->|→|–|-)" + WS + r"*0/(\d{1,2})(?![\d/])")
_ZERO_BEFORE = re.compile(r"(?<![\d/])0/(\d{1,2})" + WS + r"*(?:till|->|→|–|-)" + WS + r"*$")


def score_beside_nought(text: str, start: int, end: int, scale: int) -> bool:
    """True when the grade text[start:end] out of `scale` goes to or comes from 0 on that scale."""
    after = _ZERO_AFTER.match(text, end)
    before = _ZERO_BEFORE.search(text, max(0, start - 12), start)
    return any(m is not None and int(m.group(1)) == scale for m in (after, before))

"""A sick child as parents write of it in emergency care: a first name that is also a word,
opening a sentence with a fever reading ("Max hade 39,5", "Liv har fortfarande 40 grader";
PERSON), and a baby's age in months or weeks after its name or a word for the baby ("Elsa var 5
månader och hade feber", "Vår lilla var 3 veckor."; ALDER), and a small child by its years in
words ("med en treåring som kräktes"; ALDER, as "en 3-åring" is in alder.py).

A body's temperature is a person's (words.in_state reads "har feber" the same way; a number is
no token there). A number of months or weeks after "var"/"är" is an age only where the sentence
ends or goes on with what the baby did ("och", "när", "gammal"): "Anna var 6 månader sjukskriven"
and "var 3 veckor på IVA" are stays, and an adult's name before months is rarely an age.
A child of a few years said in a comparison is no one ("En treåring hade gjort det bättre", "det
fattar en femåring", "som en fyraåring"): before a modal or a hypothetical "hade gjort" it stays.
Registered in person.py: alder.py is at the module size limit.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, NUMWORDS, SMALL_NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import sentence_start

# "Max hade 39,5", "Liv har fortfarande 40 grader": a name, a fever reading
_FEVER = guarded(
    r"(?<![\w-])(?P<name>[" + CAP + r"][" + LOW + r"]+)" + WS + r"+(?:har|hade)"
    r"(?:" + WS + r"+(?:fortfarande|redan|nu|över|nästan|typ|ca))?" + WS + r"+"
    r"(?:3[89]|4[0-2])(?:[,.]\d)?(?:" + WS + r"*(?:grader|°))?(?=" + WS + r"*(?:[.,!]|och\b|i\b|$))"
)
_BABY_WORD = (
    r"(?:(?:[Vv]år|[Mm]in|[Mm]itt|[Vv]årt)"
    + WS
    + r"+(?:lilla|lille|lilleman|bebis|bäbis|baby|barn|son|dotter|flicka|pojke)"
    r"|[Bb]ebisen|[Bb]äbisen|[Bb]abyn|[Ll]illen|[Ll]illan)"
)
# "Elsa var 5 månader och …", "Vår lilla var 3 veckor.": a name or a baby, then months or weeks
_BABY_AGE = guarded(
    r"(?<![\w-])(?:(?P<name>[" + CAP + r"][" + LOW + r"]+)|" + _BABY_WORD + r")" + WS + r"+(?:var|är|blev|blir)"
    r"(?:" + WS + r"+(?:bara|knappt|nästan|drygt))?" + WS + r"+"
    r"(?P<age>(?:\d{1,2}|" + NUMWORDS + r"|" + SMALL_NUMWORDS + r"|en|ett)" + WS + r"+(?:månader|månad|veckor|vecka))"
    r"(?=" + WS + r"*(?:[.,!?]|\n|$|(?:och|när|då|gammal|gamla|ung|men)\b))"
)

# "en treåring", "ettåringen" (the singular: "treåringar" are an age group)
_SMALL_CHILD = guarded(r"(?<![\w-])(?i:två|tre|fyra|fem|sex|sju|åtta|nio|ett)åring(?:en)?(?!\w)")
# a comparison's child: "kan", "skulle", "hade gjort", "fattar"; not "hade ont"
_COMPARISON_AFTER = re.compile(
    WS + r"+(?:kan|kunde|skulle|klarar|fattar|förstår|begriper|hade" + WS + r"+(?!ont\b)[a-zåäö]+t\b)"
)

# "som en treåring", "även en femåring fattar", "det begriper en sexåring"
_COMPARISON_BEFORE = re.compile(r"(?i:\b(?:som|än|även|fattar|förstår|begriper|klarar)" + WS + r"+en" + WS + r"+)$")


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other) and word.lower() not in SWEDISH_STOP_WORDS


def find_sick_children(text: str) -> list[Span]:
    """PERSON spans for a name with a fever reading, ALDER spans for a baby's months or weeks and
    a small child's years in words."""
    spans = []
    for m in _FEVER.finditer(text):
        if sentence_start(text, m.start()) and _first_name(m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    for m in _BABY_AGE.finditer(text):
        name = m.group("name")
        if name is None or _first_name(name):
            spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
    for m in _SMALL_CHILD.finditer(text):
        if not _COMPARISON_AFTER.match(text, m.end()) and not _COMPARISON_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            spans.append(Span(m.start(), m.end(), "ALDER"))
    return spans

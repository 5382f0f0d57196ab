"""PERSON: a first name that is also a word, opening a sentence about where the person is, when
the next sentence calls them "han", "hon" or "hen": "Sten på dialysen har varit min trygghet.
Han …", "Rut i receptionen är en ängel. Hon …".

Alone, "Sten på vägen …" may be a stone; the personal pronoun that takes up the subject in the
next sentence says it is someone. Only a listed first name, at a sentence start, followed by
where it is ("på <enheten>", "i receptionen", "i <Ort>") and a verb.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, WS
from nlp.pseudonymise.recognisers.words import sentence_start

_WHERE = r"(?:" + WS + r"+(?:på|i|vid|hos)" + WS + r"+(?:[" + LOW + r"]+|[" + CAP + r"][" + LOW + r"]+))"
_NAME_WHERE_PRONOUN = re.compile(
    r"(?<![\w-])(?P<name>"
    + CAP_NAME
    + r")"
    + _WHERE
    + r"{1,3}"
    + WS
    + r"+(?:(?:har|hade|brukar|kommer|kom|gör|gjorde|kan|ska|tar|tog)(?![\w-])|(?:är|var|blir|blev)(?![\w-])"
    # "Bo på landet är skönt", "Sten på vägen var ett problem": a thing or an activity is said
    # to be something neuter; a person is "en ängel", "min trygghet"
    + r"(?!"
    + WS
    + r"+(?:ett(?![\w-])|(?:så|väldigt|mycket|jätte)?["
    + LOW
    + r"]+t(?![\w-]))))"
    + r"[^.!?\n]*[.!?]"
    + WS
    + r"+(?:Han|Hon|Hen)(?![\w-])"
)


def find_pronoun_named(text: str) -> list[Span]:
    if not any(p in text for p in ("Han ", "Hon ", "Hen ")):
        return []  # speed: the pronoun opening a sentence is what the rule needs
    spans = []
    for m in _NAME_WHERE_PRONOUN.finditer(text):
        name = m.group("name")
        if (
            sentence_start(text, m.start())
            and name.lower() not in SWEDISH_STOP_WORDS
            and lists.listed_first_name(name)
            and name not in lists.places()
        ):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans

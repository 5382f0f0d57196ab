"""ALDER where a writer or a relative is introduced with the age: "Mamma (nittiotvå) säger",
"Jag heter Aina Stål, 86.", "Mie olen Aino Kivi, 86.", "jag e Torvald o e 79", "Britta heter jag. 61.".

A relative's age in brackets, also in words, is that person's; a self-introduction with the
name, a comma and a number closing the sentence gives the writer's age, and so does the dialect's
"jag e <Namn> o e 79" ("jag är … och är 79"), and the number opening a profile's "Om mig:".
Not a count or a measure after the number ("och e 79 kr skyldig"). Registered in person.py:
alder.py is at the module size limit.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, NUMWORDS, SMALL_NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_NAME = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?"
_RELATIVE = (
    r"mamma|pappa|mor|far|mormor|morfar|farmor|farfar|maken|make|frun|hustrun|sambon|svärmor|svärfar|"
    r"moster|faster|morbror|farbror|dottern|sonen|brodern|systern|bror|syster|gubben|gumman"
)
# "Mamma (nittiotvå)", "min morfar (87)"
_RELATIVE_BRACKET = guarded(
    r"(?i:\b(?:" + _RELATIVE + r"))" + WS + r"*\(" + WS + r"*((?:" + NUMWORDS + r")|[1-9]\d?|1[01]\d)" + WS + r"*\)"
)
# "Jag heter Aina Stål, 86." / "Mie olen Aino Kivi, 86." (Finnish "I am")
_INTRO_COMMA = guarded(
    r"(?i:\b(?:jag|ja|mie|minä|mä)"
    + WS
    + r"+(?:heter|är|e|ä|olen))"
    + WS
    + r"+"
    + _NAME
    + r"(?:"
    + WS
    + r"+"
    + _NAME
    + r")?,"
    + WS
    + r"*([1-9]\d?|1[01]\d)(?="
    + WS
    + r"*(?:[.!]|$))"
)
# a chat's name in lowercase ("jag heter liam o e 16"): whatever word stands there, the
# "… och är 16" after it gives the writer's age
_CHAT_NAME = r"[" + CAP + LOW + r"][" + LOW + r"]+(?:-[" + CAP + LOW + r"][" + LOW + r"]+)?"
# "jag e Torvald o e 79", "jag är Gun och är 83", "… o e 14 o har astma"
_INTRO_AND_IS = guarded(
    r"(?i:\b(?:jag|ja)"
    + WS
    + r"+(?:heter|är|e|ä))"
    + WS
    + r"+"
    + _CHAT_NAME
    + WS
    + r"+(?i:o|och)"
    + WS
    + r"+(?i:e|är|ä)"
    + WS
    + r"+([1-9]\d?|1[01]\d|"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r")(?="
    + WS
    + r"*(?:[.,!;]|$|år\b|(?:o|och)\b))"
)

# the age as a sentence of its own right after the introduction: "Britta heter jag. 61.",
# "Jag heter Olle Berg. 74 år."
_INTRO_THEN_AGE = guarded(
    r"(?:"
    + _NAME
    + WS
    + r"+(?i:heter)"
    + WS
    + r"+(?i:jag)|(?i:\bjag"
    + WS
    + r"+heter)"
    + WS
    + r"+"
    + _NAME
    + r"(?:"
    + WS
    + r"+"
    + _NAME
    + r")?)"
    + WS
    + r"*[.!]"
    + WS
    + r"+((?:[1-9]\d?|1[01]\d)(?:"
    + WS
    + r"+år)?)(?="
    + WS
    + r"*(?:[.!\n]|$))"
)

# a profile heading and the writer's age first in it: "Om mig: 47, två barn", "OM MIG – 62 år,"
_ABOUT_ME = guarded(
    r"(?i:\bom"
    + WS
    + r"+mig)"
    + WS
    + r"*[:\u2013-]"
    + WS
    + r"*((?:[1-9]\d?|1[01]\d)(?:"
    + WS
    + r"+år)?)(?="
    + WS
    + r"*(?:[,;!\n]|\.(?!\d)|$))"
)


def find_introduced_ages(text: str) -> list[Span]:
    """A relative's bracketed age and the age a writer gives with the name (see the doc)."""
    return [
        Span(m.start(1), m.end(1), "ALDER")
        for pattern in (_RELATIVE_BRACKET, _INTRO_COMMA, _INTRO_AND_IS, _INTRO_THEN_AGE, _ABOUT_ME)
        for m in pattern.finditer(text)
    ]

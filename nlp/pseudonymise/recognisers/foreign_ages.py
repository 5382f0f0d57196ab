"""An age said with the writer's own language's word for "years old", or in Swedish words in
brackets after a name: "91-vuotias" (Finnish), "70 yaşında" (Turkish), "ma 79 lat" (Polish),
"65 godina" (Bosnian), "83 ans", "70 años", "Suriya (sjuttiotre)", and English "years old" after
a name in brackets or after "she is", "I'm".

A writer with Swedish as a second language slips into the word of their first language for
"years", and the rules, which know "år", read the bare number at most: "91" was replaced and
"-vuotias" left, which says an age stood there and which language its owner speaks. The number
(at most 120) with the word after it is one age. In brackets right after a capitalised word, a
number word of ten or more ("(sjuttiotre)", "(åttiotvå år)") is an age as "(65)" is; the word
before must be one no Swedish lexicon explains or a listed name, so "Avgiften (tjugo)" stays.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import NUMWORDS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.script_ages import find_script_ages
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

# Finnish, Turkish, Polish, Bosnian/Croatian/Serbian, French, Spanish, Italian, German, Portuguese
_YEARS_OLD = (
    r"vuotias|vuotiaana|vuotiaat|yaşında|yaşındayım|yaşındaydı|yaşında\w*|lat|latek|godina|godine|"
    r"ans|años|anni|jahre(?:[ \t]+alt)?|jährig\w*|anos"
)
_FOREIGN_AGE = guarded(
    r"(?<![\w,.-])(?P<n>\d{1,3})(?:-|[ \t\u00a0])(?i:" + _YEARS_OLD + r")(?![\w-])",
)
_BRACKETED_WORDS = re.compile(
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+)[ \t]*\([ \t]*(?P<age>(?i:" + NUMWORDS + r"|hundra\w*)(?:[ \t]+år)?)[ \t]*\)"
)

# Norwegian and Danish "er" (is) before "N år": Swedish shares "år" and the rules read "är N år";
# the subject is a pronoun or a kin word of those languages, or a listed name ("Freja er 4 år")
_NORDIC_IS_AGED = re.compile(
    r"(?P<subject>\b(?i:jeg|han|hun|datter(?:en)?|sønn(?:en)?|søn(?:nen)?|barnet|gutten|jenta|pigen|drengen)"
    r"|[A-ZÆØÅ][a-zæøåäö]+),?[ \t]+er[ \t]+(?P<age>(?P<n>\d{1,3})[ \t]+år(?:[ \t]+gam(?:mel|mal|le))?)(?![\w-])"
)

# English "years old" said of a person: in brackets after a name ("Oliver Grant (17 years old)") or
# after a pronoun and "is"/"am" ("she is 19 years old"); "the house is 100 years old" has neither
_EN_YEARS_OLD = r"(?P<age>(?P<n>\d{1,3})[ \t]+years?[ \t]+old)"
_EN_BRACKETED = re.compile(r"(?P<name>[A-Z][a-z]+)[ \t]*\([ \t]*" + _EN_YEARS_OLD + r"[ \t]*\)")
_EN_IS_AGED = re.compile(r"\b(?i:I[ \t]+am|I'm|(?:he|she)(?:[ \t]+is|'s)|aged)[ \t]+" + _EN_YEARS_OLD + r"(?![\w-])")


def _name(word: str) -> bool:
    info = lists.names().get(word.lower())
    listed = info is not None and (info.first_sv or info.first_other or info.last)
    return listed or (not plain_word(word.lower()) and unknown_word(word))


def find_foreign_ages(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "ALDER") for m in _FOREIGN_AGE.finditer(text) if int(m.group("n")) <= 120]
    spans += [
        Span(m.start("age"), m.end("age"), "ALDER")
        for m in (_NORDIC_IS_AGED.finditer(text) if " er " in text else ())
        if int(m.group("n")) <= 120 and (m.group("subject")[0].islower() or _name(m.group("subject")))
    ]
    if "(" in text:
        spans += [
            Span(m.start("age"), m.end("age"), "ALDER")
            for m in _BRACKETED_WORDS.finditer(text)
            if _name(m.group("name"))
        ]
    if "years" in text:
        spans += [
            Span(m.start("age"), m.end("age"), "ALDER")
            for m in (*_EN_BRACKETED.finditer(text), *_EN_IS_AGED.finditer(text))
            if int(m.group("n")) <= 120 and ("name" not in m.groupdict() or _name(m.group("name")))
        ]
    return spans + find_script_ages(text)  # the languages whose "years" needs an age context

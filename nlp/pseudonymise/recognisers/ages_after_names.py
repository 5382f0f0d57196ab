"""A found name's age after it: "Saga (12)", "(Evert Lund, 89)", "Wahid 16 år, Mursal 13",
"jag e Ilias 16 bor i …" (from name_completion.py, with an index of the spans taken: a list scan
per name made a long cell of names and ages quadratic)."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.compound_ages import MONTHS_AFTER_YEARS
from nlp.pseudonymise.recognisers.names_in_context import namelike
from nlp.pseudonymise.recognisers.patterns import (
    NUMWORDS,
    QUANTITY_UNIT,
    SMALL_NUMWORDS,
    bracketed,
)
from nlp.pseudonymise.recognisers.span_set import SpanSet

# after a found name: "(84)", "(6 år)", "Wilma 22, Amir 19," – its age
# "Wahid 16 år, Mursal 13", "vera lindqvist tolv år som": with "år" any word may follow
_AGE_AFTER = re.compile(
    # "(Evert Lund, 89)": a comma and a number closing the bracket the name opened
    # "Saga (12 år, klass 6B)": the age first in the bracket, with "år", and more after a comma
    # "Elvin (sex år)": in words, with "år"
    # "Elias (storebror, 10)", "Saga (3 år och 2 månader)": a role before the number, months after the years
    r"[ \t]*(?:(?:[(,]|\([ \t]*[a-zåäö]+[ \t]*,)[ \t]*(\d{1,3}(?:[ \t]+[åa]r(?:" + MONTHS_AFTER_YEARS + r")?)?"
    r"|(?:" + NUMWORDS + "|" + SMALL_NUMWORDS + r")[ \t]+[åa]r)[ \t]*\)"
    r"|\([ \t]*(\d{1,3}[ \t]+[åa]r)[ \t]*,)"
    r"|[ \t]+(\d{1,3}(?=[ \t]*(?:[,;]|\n|$|och\b))|"
    r"(?:\d{1,3}|"
    + NUMWORDS
    + r")[ \t]+(?:[åa]r|månader)(?![\w-])(?![ \t]+(?:sedan|sen|till|kvar|tillbaka|på\b|i\b(?![ \t]+[A-ZÅÄÖ])))"
    # "Tyra 7 mån som …": a baby's age in short units only where the clause ends or goes on about her
    r"|\d{1,2}[ \t]+(?:mån|veckor)(?=[ \t]*(?:[,;.!?)]|\n|$|som\b|och\b)))"
)
# a writer introducing themself, name and age in one breath: "jag e Ilias 16 bor i …", "hej från
# Ronja 14 igen", "mvh Nils 15 år snart" (with the age any word may follow, but not one the
# number counts: "Ronja 14 dagar", "Nils 2 gånger")
_INTRO_BEFORE = re.compile(
    r"(?i:\b(?:jag|ja)[ \t]+(?:e|är|ä|heter)|\bfrån|\bmvh|\bhälsningar|\bhälsn|\bdet[ \t]+(?:e|är))[ \t]*/?[ \t]*$"
)
_INTRO_AGE = re.compile(
    r"[ \t]+([1-9]\d?)(?=[ \t]+[a-zåäö])(?![ \t]+(?:" + QUANTITY_UNIT + r"|(?:barn|av|till|på|i|om|per|x)\b))"
)
# "Anders Ek, 63, tackar": an age set off by commas, a lowercase word after it; "Eva Ek här, 77 år
# i mars": the writer's age after "här" and a comma, with "år" (and the month it turns)
_APPOSED_AGE = re.compile(
    r"(?:,[ \t]*([1-9]\d?|1[01]\d)(?=[ \t]*,[ \t]+[a-zåäö])"
    r"|[ \t]+här[ \t]*,[ \t]*([1-9]\d?[ \t]+år)(?![\w-])(?![ \t]+(?:sedan|sen|till|kvar|på\b)))"
)
# the next item of such a list: ", Mursal 13", " och Sana 9"
_NEXT_ITEM = re.compile(
    r"(?:,[ \t]*|[ \t]+och[ \t]+)([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?=[ \t]+\d{1,2}(?:[ \t]+år)?(?:[,;.]|[ \t]+och\b|$))"
)


def _list_of_children(text: str, pos: int, taken: SpanSet) -> list[Span]:
    """After "Wahid 16 år": the list goes on with names and their ages (", Mursal 13, Sana 9")."""
    extra: list[Span] = []
    while (m := _NEXT_ITEM.match(text, pos)) and namelike(m.group(1), False):
        age = _AGE_AFTER.match(text, m.end(1))
        if age is None or not taken.free(m.start(1), age.end()):
            break
        g = next(i for i in (1, 2, 3) if age.group(i))
        extra += [Span(m.start(1), m.end(1), "PERSON"), Span(age.start(g), age.end(g), "ALDER")]
        taken.add(m.start(1), m.end(1))
        taken.add(age.start(g), age.end(g))
        pos = age.end()
    return extra


def ages_after_names(text: str, spans: list[Span]) -> list[Span]:
    """A bracketed number right after a found name, or a bare one ending a list item, is
    the person's age (any name, also those found only by context: "kim lan tran (84)")."""
    out, taken = list(spans), SpanSet(spans)  # taken: where out's spans are (a list scan was quadratic)
    for sp in spans:
        m = _AGE_AFTER.match(text, sp.end) if sp.label == "PERSON" else None
        apposed = _APPOSED_AGE.match(text, sp.end) if sp.label == "PERSON" and not m else None
        if apposed:
            g = 1 if apposed.group(1) else 2
            if taken.free(apposed.start(g), apposed.end(g)):
                out.append(Span(apposed.start(g), apposed.end(g), "ALDER"))
                taken.add(apposed.start(g), apposed.end(g))
            continue
        if not m:
            intro = _INTRO_AGE.match(text, sp.end) if sp.label == "PERSON" else None
            if intro and _INTRO_BEFORE.search(text, max(0, sp.start - 20), sp.start):
                if taken.free(intro.start(1), intro.end(1)):
                    out.append(Span(intro.start(1), intro.end(1), "ALDER"))
                    taken.add(intro.start(1), intro.end(1))
            continue
        g = next(i for i in (1, 2, 3) if m.group(i))
        digits = re.match(r"\d+", m.group(g))
        value = int(digits.group(0)) if digits else 50  # a number word ("tolv år") is in range
        if 1 <= value <= 120 and taken.free(m.start(g), m.end(g)):
            out.append(Span(*bracketed(text, m.start(g), m.end(g)), "ALDER"))
            taken.add(out[-1].start, out[-1].end)
            out.extend(_list_of_children(text, m.end(), taken))
    return sorted(out, key=lambda s: s.start)

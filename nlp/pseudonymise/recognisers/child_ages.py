"""Children's ages as family-law and child-welfare notes give them: "Två barn i lägenheten, 4 och
9 år", "barn som är sex och nio år gamla", "Elsa (sju)", "Anton (2,5 år)", "Oro för Alfred, 8 mån,",
"Lillflickan är bara fem månader", "Barnen (6 och 9) saknar pappa", "Elis (3 år idag!)",
"lillkillen (4)" (a child by a word for a child and a bracket after it); a first
name before its age in words in brackets is a person ("Tyra (sju) sa …", PERSON and ALDER).

alder.py reads a list of ages in digits right after the children's word ("barn 4 och 9 år"); a
note puts where the children are between ("barn i hemmet, …") and writes the numbers in words.
A range ("barn mellan 3 och 5 år") is any children's, no one's age. A bracket after a name holds
that person's age however it is written: in words, with a decimal, with its unit. A baby's age in
months is said of the baby by a diminutive ("lillkillen", "lillan"), with a hedge ("bara", "nu");
"Handläggningstiden är bara fyra månader" has no child and stays.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, NUMWORDS, SMALL_NUMWORDS, WS, bracketed
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import CHILD_WORD, sentence_start

_NUMBER = r"(?:\d{1,2}|" + NUMWORDS + r"|" + SMALL_NUMWORDS + r"|ett|en)"
_ONE = r"(?P<one>" + _NUMBER + r")"
# the children, then at most three words saying where or whose, then the list of ages
_CHILDREN_LIST = guarded(
    r"(?i:\b(?:barn|barnen|söner|döttrar|syskon|syskonen|pojkar|flickor|ungar|tvillingar)\b)"
    r"(?:" + WS + r"+[a-zåäö]+){0,3}?"
    r"(?:," + WS + r"*|" + WS + r"+(?:som" + WS + r"+)?(?:är|var)" + WS + r"+)"
    r"(?P<ages>" + _NUMBER + r"(?:" + WS + r"*," + WS + r"*" + _NUMBER + r")*"
    r"" + WS + r"+(?:och|o|&)" + WS + r"+" + _NUMBER + WS + r"+år)(?![\w-])",
    re.IGNORECASE,
)
# the children's ages in a bracket right after them, "år" or not: "Barnen (6 och 9) saknar pappa"
# (not "barnen (2 och 3 tim per dag)": a bracket of anything else)
_CHILDREN_BRACKET = guarded(
    r"(?i:\b(?:barn|barnen|söner|sönerna|döttrar|döttrarna|syskon|syskonen|ungarna|tvillingarna)\b)"
    + WS
    + r"*\("
    + WS
    + r"*(?P<ages>"
    + _NUMBER
    + r"(?:"
    + WS
    + r"*,"
    + WS
    + r"*"
    + _NUMBER
    + r")*"
    + WS
    + r"+(?:och|o|&)"
    + WS
    + r"+"
    + _NUMBER
    + r"(?:"
    + WS
    + r"+år)?)"
    + WS
    + r"*\)",
    re.IGNORECASE,
)
# an age in a bracket after a name with the day it is reached: "Elis (3 år idag!)", "Vera (7 år i morgon)"
_AGE_TODAY = guarded(
    r"(?<![\w-])"
    + CAP_NAME
    + WS
    + r"*\("
    + WS
    + r"*(?P<age>(?:\d{1,2}|(?i:"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r"))"
    + WS
    + r"+år)"
    + WS
    + r"+(?i:idag|i"
    + WS
    + r"+dag|imorgon|i"
    + WS
    + r"+morgon|nu|snart)"
    + WS
    + r"*!*"
    + WS
    + r"*\)"
)
_LIST_NUMBER = re.compile(r"(?i:\d{1,2}|" + NUMWORDS + r"|" + SMALL_NUMWORDS + r"|ett|en)(?![\w-])")
# a bracket right after a name: "(sju)", "(2,5 år)"; a bare number in digits is alder.py's
_NAME_BRACKET = guarded(
    r"(?<![\w-])(?P<name>"
    + CAP_NAME
    + r")"
    + WS
    + r"*\("
    + WS
    + r"*(?P<age>(?i:"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r")(?:"
    + WS
    + r"+år)?|\d{1,2},\d(?:"
    + WS
    + r"*(?:år|mån|månader))?)"
    + WS
    + r"*\)"
    # what the person did or a comma follows; not "Dag (1):" in a schedule
    r"(?=" + WS + r"*,|" + WS + r"+[a-zåäö]|" + WS + r"*[.)]|$)"
)
# "Oro för Alfred, 8 mån, som …": a baby's age in months between commas after the name
_NAME_MONTHS = guarded(
    r"(?<![\w-])(?P<name>"
    + CAP_NAME
    + r")"
    + WS
    + r"*,"
    + WS
    + r"*(?P<age>\d{1,2}"
    + WS
    + r"*(?:mån|månader|veckor|v))(?=[ \t]*[,.;]|[ \t]*$)"
)
# "Lillflickan är bara fem månader": a baby named by a diminutive, with a hedge
_BABY_MONTHS = guarded(
    r"(?i:\b(?:lill[a-zåäö]*|"
    + CHILD_WORD
    + r")"
    + WS
    + r"+(?:är|var|blir)"
    + WS
    + r"+(?:(?:bara|nu|snart|redan|knappt|nästan|drygt|endast)"
    + WS
    + r"+)?)(?P<age>(?i:\d{1,2}|"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r"|en|ett)"
    + WS
    + r"+(?i:månader|månad|veckor|vecka|mån))(?![\w-])"
    # "var fyra veckor på sjukhuset": a stay
    r"(?!" + WS + r"+(?:på|i|hos|till|sedan|sen|kvar|hemma|borta)\b)"
)
# a child named by a word for a child, then a bare age in a bracket: "lillkillen (4)", "tjejen
# (sju)", "storasyster (9 år)" (not "lillfingret (2)": a diminutive of a body part)
_CHILD_WORD_BRACKET = guarded(
    r"(?i:\b"
    + CHILD_WORD
    + r")"
    + WS
    + r"*\("
    + WS
    + r"*(?P<age>(?i:\d{1,2}|"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r")(?:"
    + WS
    + r"+år)?)"
    + WS
    + r"*\)"
)
# a range or a limit is any children's: "barn mellan 3 och 5 år", "barn under 4 och 6 år"
_RANGE_BEFORE = re.compile(r"(?i:\b(?:mellan|från|under|över|upp till|åldrarna)" + WS + r"+)$")


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and bool(info.first_sv or info.first_other)


def find_child_ages(text: str) -> list[Span]:
    spans = []
    if "år" in text:
        for m in _CHILDREN_LIST.finditer(text):
            if _RANGE_BEFORE.search(text, max(0, m.start("ages") - 12), m.start("ages")):
                continue
            numbers = list(_LIST_NUMBER.finditer(m.group("ages")))
            base = m.start("ages")
            for k, n in enumerate(numbers):
                end = m.end("ages") if k == len(numbers) - 1 else base + n.end()
                spans.append(Span(base + n.start(), end, "ALDER"))
    if "(" in text:
        for m in _CHILDREN_BRACKET.finditer(text):
            numbers = list(_LIST_NUMBER.finditer(m.group("ages")))
            base = m.start("ages")
            for k, n in enumerate(numbers):
                end = m.end("ages") if k == len(numbers) - 1 else base + n.end()
                spans.append(Span(base + n.start(), end, "ALDER"))
        for m in _CHILD_WORD_BRACKET.finditer(text):
            digits = re.match(r"\d+", m.group("age"))
            if digits is None or int(digits.group(0)) <= 17:  # a child's age, not a count
                spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
        for m in _AGE_TODAY.finditer(text):
            if _first_name(text[m.start() : m.start("age")].rstrip(" \t(")) or not sentence_start(text, m.start()):
                spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
        for m in _NAME_BRACKET.finditer(text):
            name = m.group("name")
            if not _first_name(name) and sentence_start(text, m.start()):
                continue  # "Frågor (tre)": a count after a capitalised word
            # as alder.py writes them: "Elvin (sex år)" with its brackets, "Liam (tolv)" without
            start, end = m.start("age"), m.end("age")
            spans.append(Span(*(bracketed(text, start, end) if " " in m.group("age") else (start, end)), "ALDER"))
            if _first_name(name):
                spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    if "mån" in text or "veck" in text or " v" in text:
        for m in _NAME_MONTHS.finditer(text):
            if _first_name(m.group("name")) or not sentence_start(text, m.start()):
                spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
        spans += [Span(m.start("age"), m.end("age"), "ALDER") for m in _BABY_MONTHS.finditer(text)]
    return spans

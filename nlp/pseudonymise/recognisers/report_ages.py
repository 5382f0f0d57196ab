"""Ages in the telegraphic style of staff reports and ambulance records: "Pat man 56, bröstsmärta",
"förare kvinna ca 40 år", "barn 2 år kramp", "Modern 31 år.", "via sonen 14 år".

A report describes the person by sex or role and age without a verb: the number right after
"man"/"kvinna"/"pojke"/"flicka" is the age. A bare number only counts when it ends the phrase (a
comma, a full stop, the line's end or the person's capitalised name: "Pat kvinna 45, …",
"Man 40 år Mikael …"); "man 2 gånger" or "kvinna 1,5 timmar" are no age. Other person words
("barnet", "sonen", "modern", "föraren", "ungdom") need "år" after the number, since "barn 2" may count
children; a verb may stand between ("Barnet är 3 år", "sonen fyller 7 år").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.age_limits import age_limit_before
from nlp.pseudonymise.recognisers.patterns import CAP, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_SEX_WORDS = r"man|kvinna|pojke|flicka|kille|tjej|dam|herre"
_ROLE_WORDS = (
    r"barn|barnet|sonen|dottern|modern|fadern|mamman|pappan|föraren|förare|passageraren|patienten|"
    r"brukaren|gossen|flickan|pojken|kvinnan|mannen|bebis|spädbarn|ungdom|ungdomen|eleven|tjejen|killen"
)
_HEDGE = r"(?:(?:ca|cirka|ungefär|runt|uppskattningsvis)\.?" + WS + r"+)?"
# the person word (and a hedge) just before a number: read backwards from each number, since
# most texts have few numbers and every text has the pronoun "man"
_REPORT_WORD_BEFORE = guarded(
    r"(?<![\w-])(?i:(?P<sex>"
    + _SEX_WORDS
    + r")|(?P<role>"
    + _ROLE_WORDS
    + r")(?:"
    + WS
    + r"+(?:är|var|fyller|fyllde))?)"
    + WS
    + r"+"
    + _HEDGE
    + r"$"
)
# a decimal ("1,5 timmar") or a range ("30-40") is no age here
_NUMBER = re.compile(r"(?<![\w,.-])(?P<n>\d{1,3})(?![\d,.]\d|[\w-])(?P<yr>" + WS + r"+år(?![\w-]))?")
# what may end a bare age: a comma, a stop, a bracket, the line's end, or a capitalised name
_BARE_END = re.compile(WS + r"*(?:[,.;:)]|\n|$)|" + WS + r"+[" + CAP + r"]")
# "man" is also the pronoun ("fick man 2, sen 3"): as a sex word it opens the phrase or follows
# a role ("Pat man 56", "förare man ca 30"), or the interviewee in an interview's notes ("ip man 71 år")
_MAN_BEFORE = re.compile(
    r"(?:^|[\n,.;:(]|(?<!\w)(?i:pat\.?|pt\.?|patient|förare|passagerare|brukare|en|ensam|äldre|yngre|okänd|"
    r"S:|skadad|ip|intervjuperson|respondent|informant|deltagare))" + WS + r"*$"
)
# "år sedan", "år kvar", "år gammal" is fine; a duration is not an age
_DURATION = re.compile(WS + r"+(?:sedan|sen|kvar|till|framåt)\b", re.IGNORECASE)


def find_report_ages(text: str) -> list[Span]:
    # cheap gate: no digit, no age
    # and no person word anywhere, no age: tested once per text, not in a window per number
    if not any(c.isdigit() for c in text) or not _REPORT_WORD_BEFORE.may_match(text):
        return []
    spans = []
    for m in _NUMBER.finditer(text):
        if not 1 <= int(m.group("n")) <= 120:
            continue
        word = _REPORT_WORD_BEFORE.unguarded.search(text, max(0, m.start() - 40), m.start())
        if word is None:
            continue
        if (word.group("sex") or "").lower() == "man" and not _MAN_BEFORE.search(
            text, max(0, word.start() - 12), word.start()
        ):
            continue
        if word.group("role") and age_limit_before(text, word.end("role") + 1):
            continue  # "tills barnet fyller 12 år": the rule's limit
        if m.group("yr"):
            if _DURATION.match(text, m.end()):
                continue
            spans.append(Span(m.start("n"), m.end("yr"), "ALDER"))
        elif word.group("sex") and _BARE_END.match(text, m.end("n")):
            spans.append(Span(m.start("n"), m.end("n"), "ALDER"))
    return spans

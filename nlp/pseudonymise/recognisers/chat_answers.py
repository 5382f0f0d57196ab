"""What a chat answer says about the writer, read from the counsellor's question above it, and
siblings' ages in chat Swedish:

- an age alone on the line after "hur gammal är du?" ("- 15", "16 år", "jag e 17");
- a town alone on the line after "bor du i …?" or "var bor du?" ("nej eksjö", "- i lund");
- "syskon som e 5 o 9", "lillebror e 11": the kin words say whose ages the numbers are.

A bare number or a place word on its own line is nothing without the question; the question
on the line before is the evidence.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import COUNTRIES

_AGE_QUESTION = re.compile(r"(?i:hur[ \t]+gammal|din[ \t]+ålder|vilken[ \t]+ålder|how[ \t]+old)")
_PLACE_QUESTION = re.compile(
    r"(?i:bor[ \t]+du[ \t]+i\b|va[rd]?t?[ \t]+bor[ \t]+du|vilken[ \t]+(?:stad|ort|kommun)|where[ \t]+do[ \t]+you[ \t]+live)"
)
# a chat line's opening: a log's time ("[21:14]", "21.14"), then a dash, a bullet, or a speaker's
# label ("ung:", "jag:")
_OPENING = r"[ \t]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?[ \t]+)?(?:[-–•>][ \t]*|[\w]{1,12}:[ \t]*)?"
_AGE_ANSWER = re.compile(
    _OPENING + r"(?i:(?:jag[ \t]+(?:e|är|ar)[ \t]+)?)(?P<age>\d{1,2}(?:[ \t]*(?:år|bast))?)[ \t]*[.!]?[ \t]*$"
)
_PLACE_ANSWER = re.compile(
    _OPENING + r"(?i:(?:nej|nä|näe|ne|ja|jo|aa|ja[ \t]+men|nope|no|yes)[,.!]?[ \t]+)?(?i:i[ \t]+)?"
    r"(?P<town>[^\W\d_][\w-]{1,})(?=[ \t]*(?:[,.!]|$|[ \t](?:men|o|och|typ|asså|fast)\b))"
)
_KIN_AGES = re.compile(
    r"(?<![\w-])(?i:syskon|syskonen|småsyskon|småsyskonen|bröder|systrar|bröderna|systrarna|"
    r"brorsorna|kusiner|kusinerna|ungarna|lillebror|lillasyster|storebror|storasyster|brorsan|syrran|"
    r"lillebrorsan|lillasyrran)"
    r"(?:[ \t]+som)?[ \t]+(?:e|är|ar)[ \t]+"
    r"(?P<ages>\d{1,2}(?:[ \t]*(?:år|bast))?(?:[ \t]*(?:,|o|och|&)[ \t]*\d{1,2}(?:[ \t]*(?:år|bast))?)*)"
    r"(?=[ \t]*(?:[.,!?)\n]|$|(?:o|och|men|typ|asså)\b))"
)
_AGE = re.compile(r"\d{1,2}(?:[ \t]*(?:år|bast))?")


def _answers(text: str) -> list[Span]:
    spans = []
    lines = text.split("\n")
    offset, question = 0, ""
    for line in lines:
        if question and line.strip():
            age = _AGE_ANSWER.match(line) if _AGE_QUESTION.search(question) else None
            if age is not None:
                spans.append(Span(offset + age.start("age"), offset + age.end("age"), "ALDER"))
            place = _PLACE_ANSWER.match(line) if _PLACE_QUESTION.search(question) else None
            if place is not None:
                town = place.group("town")
                name = town if town[0].isupper() else town.capitalize()
                if lists.places().get(name) is False and name not in COUNTRIES:
                    spans.append(Span(offset + place.start("town"), offset + place.end("town"), "ORT"))
        if line.strip():
            question = line
        offset += len(line) + 1
    return spans


def find_chat_answers(text: str) -> list[Span]:
    spans = _answers(text) if "\n" in text and "?" in text else []
    low = text.lower()
    kin = any(k in low for k in ("sysk", "bro", "syst", "syr", "kusin", "ungar"))
    for m in _KIN_AGES.finditer(text) if kin else ():
        for age in _AGE.finditer(m.group("ages")):
            spans.append(Span(m.start("ages") + age.start(), m.start("ages") + age.end(), "ALDER"))
    return spans

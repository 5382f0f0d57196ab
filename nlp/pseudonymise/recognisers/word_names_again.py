"""A first name that is also a word, found as a person once, named again with a capital in the
same text: "I min grupp finns en kille som heter Stig. Stig är bäst på att baka", "Rut är min
bästa kompis. … Rut har en katt".

name_completion.py looks for a found name again elsewhere, but not a word-name found alone
("Stig", "Rut", "Liv", or the first name of "Tor Lindahl"): alone the word is too often the word
("Stig för stig"). Once the text has
called it someone, the same capitalised word is that person again where a person's verb or a
sentence's end follows it ("Stig är …", "Rut har …", "… fick hjälp av Liv."); lowercase
("en smal stig"), before anything else ("Stig efter stig") and after another capitalised word, as
part of another name ("Din Bil", "Banken Svea"), it stays what it is.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.span_set import SpanSet
from nlp.pseudonymise.recognisers.words import PERSON_VERBS, whole_words

# what a person does or is, right after the name again
_VERBS = PERSON_VERBS | frozenset(
    "är var har hade blir blev kan ska får fick gillar tycker bor bodde jobbar jobbade går gick "
    "åker åkte kör körde pratar pratade vet mår mådde behöver brukar gör gjorde och "
    # what one does at a meeting: "Frid föreslog …"
    "föreslog föreslår tog lovade lovar undrade undrar frågade frågar berättade berättar "
    # what a participant says in a focus group's or an interview's notes: "Bo beskriver …"
    "beskriver beskrev säger sa sade menar menade anser ansåg upplever upplevde önskar önskade "
    "efterfrågar efterfrågade påpekar påpekade nämner nämnde svarar svarade vill ville".split()
)
_CAPITAL_BEFORE = re.compile(r"(?<![\w-])[A-ZÅÄÖ][\w-]*[ \t\u00a0]+$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-zåäö]+)\b|[ \t\u00a0]*[.,!?:;]")


def word_names_again(text: str, spans: list[Span]) -> list[Span]:
    """`spans` and the capitalised repeats of a found single-word name that is also a word."""
    names = set()
    for sp in spans:
        # a full name's first name alone again: "Tor Lindahl, född … Tor har …"
        word = text[sp.start : sp.end].split(" ")[0]
        if sp.label != "PERSON" or not word[:1].isupper() or not word.isalpha():
            continue
        info = lists.names().get(word.lower())
        # a surname that is a word too, someone called by it ("Närvarande: Frid, …")
        if info is not None and info.word and (info.first_sv or info.first_other or info.last):
            names.add(word)
    if not names:
        return spans
    found = SpanSet(spans)
    extra = []
    for start, end in whole_words(text, names):
        if not found.free(start, end):
            continue
        # after another capitalised word it is part of another name ("Din Bil", "Banken Svea")
        if _CAPITAL_BEFORE.search(text, max(0, start - 30), start):
            continue
        m = _NEXT_WORD.match(text, end)
        if m is not None and (m.group(1) is None or m.group(1) in _VERBS):
            extra.append(Span(start, end, "PERSON"))
    return sorted(spans + extra, key=lambda s: s.start) if extra else spans

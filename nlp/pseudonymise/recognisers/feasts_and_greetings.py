"""Feasts and greetings of the languages the writers bring, read as names: "inför Ramadan
blev hon sjuk", "Ramadan Mubarak!", "Eid Saeed till er", "efter Nowruz", "Salam allihop".

Several of these words are also given names (Ramadan, Eid, Salam, Mubarak), which is why the
name lists hold them and the rules find them. A feast is a time, so it stands after a word of
time or place in time ("under", "efter", "inför", "om", "till") or before what is done in it
("Ramadan fasta", "Eid firande"), and its wishes follow it ("Kareem", "Mubarak", "Saeed"): such a
find points at no one. A greeting opening a sentence and said to a group ("Salam allihop",
"Merhaba till er", "Salam aleikum") is no name either, nor one that opens a message or a
line on its own with an exclamation mark ("Salam! Ville bara säga …"; "Hej Salam!" stays a name). The same word after a kin word or a title,
or beside a surname ("min bror Ramadan", "Ramadan Hassan ringde"), stays a name: the find then
holds a word that is no feast, or the word before is no word of time.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.words import GREETING_WORDS

# feasts and holy months of the religions and calendars the writers bring
FEASTS = frozenset(
    "ramadan ramazan ramadhan eid bajram bayram kurban nowruz newroz norouz nouruz diwali holi "
    "hanukka hanukkah chanukka pesach purim vesak songkran ashura muharram mawlid".split()
)
# the wishes said after a feast: "Ramadan Kareem", "Eid Mubarak", "Eid Saeed", "Bajram Šerif"
_WISHES = frozenset("kareem karim mubarak mubarek saeed said sa'id šerif serif şerif bereket".split())
# a word of time before the feast ("under Ramadan", "efter Eid", "god Eid") …
_TIME_BEFORE = re.compile(
    r"(?i:\b(?:under|efter|före|innan|inför|i|om|på|sedan|sen|till|med|för|av|god|glad|trevlig|"
    r"hela|förra|nästa|denna|detta|den|during|after|before|for|happy)[ \t]+)$"
)
# … or what is done in it after it ("Ramadan fasta", "Eid firandet", "Ramadan-månaden")
_DONE_AFTER = re.compile(r"(?i:[ \t-]*(?:fast|firande|firar|månad|helg|bön|middag|mat|ledighet)\w*)")
# a greeting said to a group, or the reply to one: "Salam allihop", "Salam aleikum"
_TO_A_GROUP = re.compile(
    r"(?i:[ \t]+(?:alla|allihop|allihopa|allesammans|ni|till|på|everyone|everybody|all|"
    r"aleikum|alaikum|alejkum|alaykum|habibi|vänner|kära))\b"
)
_WORD = re.compile(r"[^\W\d_][\w']*")
# a greeting said on its own to open a message or a line: "Salam! Ville bara …"
_OPENING_CRY = re.compile(r"[ \t]*!")


def _line_opening(left: str) -> bool:
    """Nothing but spaces between the find and the line's start (or the text's)."""
    return not left.rsplit("\n", 1)[-1].strip() and (len(left) < 20 or "\n" in left)


def feast_and_greeting_words(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds among `spans` that are a feast, its wish or a greeting to a group."""
    out: set[Span] = set()
    for s in spans:
        if s.label != "PERSON":
            continue
        words = [w.lower() for w in _WORD.findall(text[s.start : s.end])]
        if not words:
            continue
        left = text[max(0, s.start - 20) : s.start]
        previous = _WORD.findall(left)
        after_feast = bool(previous) and previous[-1].lower() in FEASTS and left.endswith(" ")
        if words[0] in FEASTS and all(w in FEASTS or w in _WISHES for w in words[1:]):
            # "Ramadan Kareem", or a feast alone after a word of time or before what is done in it
            if len(words) > 1 or _TIME_BEFORE.search(left) or _DONE_AFTER.match(text, s.end):
                out.add(s)
        elif after_feast and all(w in _WISHES for w in words):
            out.add(s)  # "Eid Mubarak": the wish found alone after the feast
        elif len(words) == 1 and words[0] in GREETING_WORDS and _TO_A_GROUP.match(text, s.end):
            out.add(s)
        elif len(words) == 1 and words[0] in GREETING_WORDS and _OPENING_CRY.match(text, s.end) and _line_opening(left):
            out.add(s)  # "Salam! Ville bara säga …": the greeting opens the message on its own
    return out

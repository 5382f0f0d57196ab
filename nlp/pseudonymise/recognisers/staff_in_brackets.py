"""PERSON named in brackets after a role or addressed in a forum reply: "Trevlig kirurg
(Lindqvist)", "läkaren (Dr Berg)", "svar till pelle: …". A review names the doctor in brackets
after saying what they are; a forum post answers someone by name before a colon, in lowercase too.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES, DEFINITE_ENDING, NOT_UNIT_WORDS, TITLES, unknown_word

# "läkare (Lundin)", "kirurgen (Dr Berg)": a role word, then a capitalised name alone in brackets
_ROLE_BRACKET = guarded(
    r"(?i:\b(?:läkare|läkaren|doktor|doktorn|kirurg|kirurgen|ortoped|ortopeden|narkosläkare|narkosläkaren|"
    r"sköterska|sköterskan|sjuksköterska|sjuksköterskan|sjukgymnast|sjukgymnasten|fysioterapeut|"
    r"fysioterapeuten|koordinator|koordinatorn|handläggare|handläggaren))"
    + WS
    + r"*\("
    + WS
    + r"*(?:(?:Dr|dr|Doktor)\.?"
    + WS
    + r"+)?(?P<name>"
    + CAP_NAME
    + r"(?:"
    + WS
    + r"+"
    + CAP_NAME
    + r")?)"
    + WS
    + r"*\)"
)
# "svar till lisa:", "Svar till Maja:": a reply's addressee before the colon
_REPLY_TO = guarded(
    r"(?i:\b(?:svar|svarar|replik)" + WS + r"+till)" + WS + r"+(?P<name>[^\W\d_][\w-]*)" + WS + r"*:(?!\d)"
)


def _person(word: str) -> bool:
    low = word.lower()
    if low in SWEDISH_STOP_WORDS or low in NOT_UNIT_WORDS or low in TITLES or word in COUNTRIES:
        return False
    if word in lists.places():
        return False
    info = lists.names().get(low)
    if info is not None:
        return True
    return unknown_word(word) and not DEFINITE_ENDING.search(low)


def find_staff_in_brackets(text: str) -> list[Span]:
    spans = []
    for m in _ROLE_BRACKET.finditer(text):
        words = m.group("name").split()
        if all(_person(w) for w in words):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    for m in _REPLY_TO.finditer(text):
        name = m.group("name")
        # a lowercase name only from the first-name lists, and no function word or title
        # ("svar till alla:", "svar till mor:"); the colon says the word is an addressee
        info = lists.names().get(name.lower())
        listed = lists.listed_first_name(name) and info is not None and not info.common
        if listed and name.lower() not in TITLES or name[:1].isupper() and _person(name):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans

"""A word of another language explained as a word, not a name: "– nour, säger vi på arabiska –",
"Nour betyder ljus på arabiska" (taken back from PERSON).

Writers with another first language gloss its words, and many of them are names as well
(a name list knows "Nour", "Hayat", "Sabr" as names). Said "säger vi på <språk>" after it, or as the
subject of "betyder <ord> … på <språk>", the word is talked about as a word. A name given
as one ("Jag heter Hayat, det betyder liv på arabiska", "hennes namn betyder fred") stays: the
name is not the subject of "betyder" there; so does a name spelled again as its language says it
("Fadumo. Faduma säger vi på somaliska": no comma sets it off as a gloss).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import LOW, WS

_LANGUAGE = r"[" + LOW + r"]+(?:ska|iska|ya|ja|i)"
# ", säger vi på kurdiska", ", som man säger på persiska": set off by a comma, a gloss; without
# one ("Fadumo. Faduma säger vi på somaliska") a name is given again in its own language's spelling
_SAID_IN = re.compile(
    r"[ \t]*," + WS + r"*(?:som" + WS + r"+)?(?:säger|sa|kallar)" + WS + r"+(?:vi|man|dom|de|vi\w*)"
    r"" + WS + r"+på" + WS + r"+" + _LANGUAGE + r"(?![\w-])"
)
# " betyder hopp på arabiska", " betyder 'fred' på tigrinja"
_MEANS_IN = re.compile(
    WS
    + r"+betyder"
    + WS
    + r"+(?:[\"'”»«]?["
    + LOW
    + r"]+[\"'”»«]?"
    + WS
    + r"+){1,3}på"
    + WS
    + r"+"
    + _LANGUAGE
    + r"(?![\w-])"
)
_NAMED_BEFORE = re.compile(r"(?i:\b(?:heter|hette|namn|namnet|kallas)\W{0,3})$")


def glossed_words(text: str, spans: list[Span]) -> set[Span]:
    if "på" not in text:
        return set()
    dropped = set()
    for s in spans:
        if s.label != "PERSON" or " " in text[s.start : s.end]:
            continue
        if _NAMED_BEFORE.search(text, max(0, s.start - 12), s.start):
            continue
        if _SAID_IN.match(text, s.end) or _MEANS_IN.match(text, s.end):
            dropped.add(s)
    return dropped

"""English "My" opening a sentence about what one has: "My ssn is …", "My Swedish is not good",
"My personal number was …". The name rules read the capitalised "My" (a Swedish first name) as a
person; the English verb a few words on ("is", "was", "has") and a word after "My" that is no
name make it the possessive. "My är min dotter", "My is my daughter" and "My Andersson is here"
(a surname after it) keep the name."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists

# "My" and one to three words before an English verb: "My (personal number) is"
_MY_THEN_VERB = re.compile(
    r"My[ \t]+(?P<next>[^\W\d_][\w-]*)(?:[ \t]+[^\W\d_][\w-]*){0,2}[ \t]+(?:is|was|are|were|has|have|had)\b"
)


def _no_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return word.islower() or info is None or not (info.last or info.first_sv or info.first_other)


def english_possessives(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds in `spans` that open with an English possessive "My"."""
    if "My" not in text:
        return set()
    out = set()
    for s in spans:
        if s.label != "PERSON" or not text.startswith("My", s.start):
            continue
        m = _MY_THEN_VERB.match(text, s.start)
        if m is not None and _no_name(m.group("next")):
            out.add(s)
    return out

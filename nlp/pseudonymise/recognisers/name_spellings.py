"""A name said with its spelling: "Nej förresten, Sjöbergh med h.", "Eek med två e", "Lindqvist
med q, och …". A writer who corrects or spells out a surname names the letter that sets it apart;
the word before is then a name even when no list has that spelling. The word must be no
everyday word ("Vitamin med D." stays), and the letter must close the phrase (a comma, a full
stop, "på slutet", "och"), so "med C-vitamin" or "med en kopp" are no spelling.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import unknown_word

_SPELLED = guarded(
    r"(?<![\w-])(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{2,})"
    + WS
    + r"+med"
    + WS
    + r"+(?:(?:två|dubbla|dubbelt|dubbel|ett|enkelt)"
    + WS
    + r"+)?(?:ph|ck|th|dt|ch|tz|["
    + CAP
    + LOW
    + r"])(?="
    + WS
    + r"*(?:[.,!?;:)]|$)|"
    + WS
    + r"+(?:på slutet|i slutet|i början|i mitten|och|som)(?![\w-]))"
)


def find_name_spellings(text: str) -> list[Span]:
    if " med " not in text:
        return []
    out = []
    for m in _SPELLED.finditer(text):
        name = m.group("name")
        info = lists.names().get(name.lower())
        listed = info is not None and not info.common and (info.first_sv or info.first_other or info.last)
        if listed or unknown_word(name):
            out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return out

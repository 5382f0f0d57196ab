"""A name joined to the next by a word for "son of" or "daughter of", or led by "mother of" /
"father of": "Mariam bint Saleh", "Omar ibn Khalid", "Sidi ould Ahmed", "Um Tariq",
"Abu Karim".

Arabic, Berber and Malay naming chains a given name to the father's with bin, bint, ibn, binti
or ould, and a parent is called by the eldest child's name after Umm/Um or Abu (a kunya). The
rules find the names on both sides (or only the child's after the kunya) and the lowercase link
between them stays in the text, or the find stops short of the kunya: "[PERSON_1] bint
[PERSON_2]" and "Um [PERSON_1]" say more than either alone (a woman, a mother, the chain). A
PERSON find with such a link and a capitalised name after it, or with a kunya right before it,
takes them in; only names the rules already found are widened, so "bin" in a Malay sentence or
"Um" as a hesitation before a lowercase word stay words.
"""

from __future__ import annotations

import re

from nlp.core import Span

# "son of" / "daughter of" and the name after it (capitalised, perhaps with "al-", "Al ")
_LINK_AFTER = re.compile(
    r"[ \t]+(?:bin|bint|binti|ibn|ben|bte|ould|wuld|walad)[ \t]+"
    r"(?:(?:al|el|Al|El)[- ])?[A-ZÅÄÖÉÜ][\w'’]+(?:-[A-ZÅÄÖÉÜ]?[\w'’]+)*"
)
# "mother of" / "father of" right before the name: "Um Tariq", "Umm Karim", "Abu Bakr"
_KUNYA_BEFORE = re.compile(r"(?<![\w-])(?:Umm|Um|Omm|Umme|Oum|Abu|Abou|Abo)[ \t]+$")


def _clashes(ordered: list[Span], k: int, start: int, end: int) -> bool:
    """Does [start, end) reach another kind's find beside `ordered[k]` (sorted, apart)?"""
    j = k + 1
    while j < len(ordered) and ordered[j].start < end:
        if ordered[j].label != "PERSON":
            return True
        j += 1
    j = k - 1
    while j >= 0 and ordered[j].end > start:
        if ordered[j].label != "PERSON":
            return True
        j -= 1
    return False


def join_particles(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (apart) with each PERSON find widened over a "bint X" after it and a kunya before
    it, swallowing the PERSON finds that the widening covers."""
    if not any(s.label == "PERSON" for s in spans):
        return spans
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for k, s in enumerate(ordered):
        start, end = s.start, s.end
        if s.label == "PERSON":
            kunya = _KUNYA_BEFORE.search(text, max(0, start - 8), start)
            if kunya is not None:
                start = kunya.start()
            link = _LINK_AFTER.match(text, end)
            while link is not None:
                end = link.end()
                link = _LINK_AFTER.match(text, end)
            if (start, end) != (s.start, s.end) and _clashes(ordered, k, start, end):
                start, end = s.start, s.end
        # a PERSON find the one before now covers ("Saleh" after "bint") is part of it
        if out and out[-1].label == "PERSON" and s.label == "PERSON" and start < out[-1].end:
            last = out.pop()
            out.append(Span(min(last.start, start), max(last.end, end), "PERSON"))
            continue
        out.append(Span(start, end, s.label))
    return out

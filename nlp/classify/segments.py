"""Sentences and clauses of an answer, as character spans into the (pseudonymised) text.

A long answer is about several things at once ("trevlig personal men omöjligt att komma fram
på telefon"); the classifier scores each segment and combines, and the segment that supports
a label is its evidence. A regular-expression splitter rather than a model: answers are
informal (missing capitals, "!!!", line breaks, no final stop), and a rule we can read is
easier to trust here than spaCy's sentencizer, which needs the same rules and costs seconds
to load. Rules, in order:
- a line break ends a segment;
- ".", "!", "?", "…" (repeated or not) followed by a space end a sentence, unless the word
  before is a known abbreviation ("t.ex.", "bl.a.", "kl.") or a number or a single letter
  ("3. ", "A. ");
- ";", a contrast word after a comma (", men", ", fast", ", dock", ", däremot") and "men"
  without a comma end a clause: what comes after the contrast is usually the other topic;
- a segment of fewer than MIN_WORDS words is joined to the one before it (to the next one
  if it is the first or ends in a comma), since "Bra!" or "Tack." alone says nothing about a
  topic.
"""

from __future__ import annotations

import re

__all__ = ["MIN_WORDS", "scored_spans", "segment_spans"]

MIN_WORDS = 2
# Swedish abbreviations that end in a full stop inside a sentence (lower-cased, without the
# final stop). "kl" and "ca" are the ones answers use most.
_ABBREVIATIONS = frozenset(
    "t.ex bl.a m.m osv dvs p.g.a pga s.k o.s.v d.v.s m.fl fr.o.m t.o.m ca kl nr tel resp jfr ev bl a "
    "t ex mm st dr mr mrs ang inkl exkl enl f.d etc o.dyl".split()
)
_BOUNDARY = re.compile(
    r"[.!?…]+[\"'”»)]*(?=\s)|;|\n+|,(?=\s+(?:men|fast|dock|däremot|samtidigt som)\b)|(?<=\w)(?=\s+men\s)", re.I
)
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD = re.compile(r"\w+")


def _is_false_stop(text: str, start: int) -> bool:
    """True if the full stop at `start` belongs to an abbreviation, a number or an initial."""
    if text[start] != ".":
        return False
    m = _WORD_BEFORE.search(text, 0, start)
    if not m:
        return False
    word = m.group(1).lower().lstrip("(\"'«")
    return word in _ABBREVIATIONS or word.isdigit() or (len(word) == 1 and word.isalpha())


def _raw_spans(text: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for m in _BOUNDARY.finditer(text):
        if _is_false_stop(text, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(text)))
    return spans


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    a, b = span
    while a < b and (text[a].isspace() or text[a] in ",;"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if _WORD.search(text, a, b) else None


def segment_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the answer's sentences and clauses, in order.

    Every word of the text lies in exactly one span; an answer with no boundary is one span,
    and a text without any word gives no spans."""
    spans = [s for s in (_strip(text, r) for r in _raw_spans(text)) if s is not None]
    merged: list[tuple[int, int]] = []
    carry: int | None = None  # start of a short clause waiting for the next one
    for a, b in spans:
        if carry is not None:
            a, carry = carry, None
        if len(_WORD.findall(text, a, b)) >= MIN_WORDS:
            merged.append((a, b))
        elif text[b - 1] == "," or not merged:
            carry = a
        else:
            merged[-1] = (merged[-1][0], b)
    if carry is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text.rstrip()))
        else:
            merged.append((carry, len(text.rstrip())))
    return merged


def scored_spans(text: str) -> list[tuple[int, int]]:
    """The segments the classifier scores on their own: none for an answer of one segment
    (it is scored as a whole), else all of them. What an analysis embeds beside the answer."""
    spans = segment_spans(text)
    return spans if len(spans) > 1 else []

"""A finder for written numbers, run on numbers said in words: "åtta tre två sju fem, nio
tre fyra …" is read as "83275 934 …" and the category's own finder (its shapes, checksums and
context words) decides what it is; a find maps back over the words.

`said_in_words(find)` makes the recogniser; a category names it next to its own finder
(kontonummer.py). Only runs of at least five number words making at least seven digits are
written as digits, so counts, times and doses said in words ("tre veckor", "kvart över tre",
"två tabletter") stay words. What the speaker put between the words is kept as a writer would:
a pause or a comma is a space, "streck" a dash; words said one after the other are joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlp.core import Span
from nlp.pseudonymise.recognisers.written_out import NUMBER_GROUP, word_digits

# How every number word but "en" begins. A run's words after its first each follow a space,
# so a text where fewer than three words begin so after a space holds no run of five (a
# substring count in C: most texts skip the run pattern, which is tried at every word).
_STARTS = tuple(
    " " + w
    for w in "noll ett två tre fyr fem sex sju åtta nio tio elva tolv fjorton arton aderton nitton tjug förti åtti "
    "nitti hundra".split()
)
_MIN_STARTS = 3
_WORD = r"(?:" + NUMBER_GROUP + r"){1,4}(?![\w])"
_SAID_SEP = r"(?:[ ]*(?:,|\.\.\.|…)?[ ]+(?:(?:eh|öh|streck|bindestreck)[ ]+)?)"
# five to 24 words: a longer run is no one identifier (and a hostile cell stays cheap)
_RUN = re.compile(r"(?<![\w])" + _WORD + r"(?:" + _SAID_SEP + _WORD + r"){4,23}", re.IGNORECASE)
# four words, for a finder that reads only numbers named right before them (a bankgiro said in
# tens, "femtiofyra trettioett, tolv trettiofyra"): the name, not the run, says what it is
_RUN_OF_FOUR = re.compile(r"(?<![\w])" + _WORD + r"(?:" + _SAID_SEP + _WORD + r"){3,23}", re.IGNORECASE)
_MORE = re.compile(_SAID_SEP + _WORD, re.IGNORECASE)
_REST = re.compile(r"(?:" + _SAID_SEP + _WORD + r")*+", re.IGNORECASE)
_ONE = re.compile(_WORD, re.IGNORECASE)
_MIN_DIGITS = 7


def _written(run: str) -> tuple[str, list[int], list[int]] | None:
    """The run as digits, with each character's start and end in the run."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    words = list(_ONE.finditer(run))
    for k, w in enumerate(words):
        if k:
            between = run[words[k - 1].end() : w.start()]
            sep = "-" if "streck" in between else " " if re.search(r",|\.\.\.|…", between) else ""
            for ch in sep:
                out.append(ch)
                starts.append(words[k - 1].end())
                ends.append(w.start())
        digits = word_digits(w.group(0))
        if not digits:
            return None
        for ch in digits:
            out.append(ch)
            starts.append(w.start())
            ends.append(w.end())
    if sum(ch.isdigit() for ch in out) < _MIN_DIGITS:
        return None
    return "".join(out), starts, ends


_Rendered = tuple[str, list[int], list[int], list[tuple[int, int]]]


def _rendered(text: str, run: re.Pattern[str] = _RUN) -> _Rendered | None:
    """`text` with its long spoken numbers written as digits, where each character came from,
    and where the written numbers are in it."""
    runs: list[tuple[int, int]] = []
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    at = 0
    while (m := run.search(text, at)) is not None:
        at = m.end()
        if _MORE.match(text, at) is not None:
            at = _REST.match(text, at).end()  # past the whole long run
            continue
        written = _written(m.group(0))
        if written is None:
            continue
        pieces.append(text[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        digits, d_starts, d_ends = written
        runs.append((len(starts), len(starts) + len(digits)))
        pieces.append(digits)
        starts.extend(m.start() + s for s in d_starts)
        ends.extend(m.start() + e for e in d_ends)
        pos = m.end()
    if not pieces:
        return None
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends, runs


def finds_in_copy(find: Callable[[str], list[Span]], rendered: _Rendered | None) -> list[Span]:
    """`find`'s finds in a copy with numbers written as digits (the copy, each character's start
    and end in the text, the rewritten stretches), those taking in a stretch, mapped back."""
    if rendered is None:
        return []
    written, starts, ends, runs = rendered
    return [
        Span(starts[s.start], ends[s.end - 1], s.label)
        for s in find(written)
        if s.end > s.start and any(a < s.end and s.start < b for a, b in runs)
    ]


def said_in_words(
    find: Callable[[str], list[Span]], named: Callable[[str], bool] | None = None
) -> Callable[[str], list[Span]]:
    """`find` run on `text` with its spoken numbers in digits; only finds among those numbers.
    With `named` (a text may hold a number of `find`'s only where it holds its name), runs of
    four words count too, in the texts `named` lets through."""

    def find_said(text: str) -> list[Span]:
        if named is not None and not named(text):
            return []
        low = text.lower()
        if sum(low.count(s) for s in _STARTS) < _MIN_STARTS:
            return []
        return finds_in_copy(find, _rendered(text, _RUN if named is None else _RUN_OF_FOUR))

    find_said.__name__ = f"{find.__name__}_said_in_words"
    return find_said

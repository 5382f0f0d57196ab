"""Numbers written part in digits, part in words: "070-174 06 noll fem", "811218 nio åtta sju
sex", "5431 ett två tre fyra".

A writer starts a number in digits and goes on in words (or the other way round), as one
reads a number off a card aloud to someone typing. Neither the digit patterns nor the
spoken-number readers (written_out.py, said_digits.py) see such a number whole. Here a stretch
of digit groups and number words holding both is written as digits in a copy of the text, and
a category's own finder (its shapes, check digits and context words) decides what it is; a
find among the rewritten words maps back over them. `with_words_written(find)` makes the
recogniser; a category names it next to its own finder.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import PerText
from nlp.pseudonymise.recognisers.said_digits import finds_in_copy
from nlp.pseudonymise.recognisers.written_out import NUMBER_GROUP, word_digits

_WORD = r"(?:" + NUMBER_GROUP + r"){1,4}(?![\w])"
_TOKEN = r"(?:\d{1,8}(?![\w])|" + _WORD + r")"
# between tokens: spaces and a comma, or a dash with spaces around it or not
_SEP = r"(?:[ ]*,?[ ]+|[ ]?[-–][ ]?)"
# a digit group next to a number word, either way round: what every stretch holds
_HINT = re.compile(r"\d" + _SEP + _WORD + r"|(?<![\w])" + _WORD + _SEP + r"\d", re.IGNORECASE)
_STRETCH = re.compile(r"(?<![\w+-])(?:\+\d{1,3}[ ]?)?" + _TOKEN + r"(?:" + _SEP + _TOKEN + r"){2,23}", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PIECE = re.compile(r"\+\d{1,3}|\d+|[^\W\d_]+", re.IGNORECASE)
_MIN_DIGITS = 7
# what a count's word is followed by: "48 33 12 två gånger" counts, it ends no number
_COUNTED = re.compile(r"[ ]+(?i:gång|gånger|ggr|dagar|veckor|månader|år|timmar|minuter|st|stycken|kr|kronor)\b")


def _rewrite(text: str, least_said: int = 2) -> tuple[str, list[int], list[int], list[tuple[int, int]]] | None:
    """`text` with its mixed stretches in digits, each character's start and end in `text`,
    and where the rewritten words stand in the copy; the words must say `least_said` digits."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    words: list[tuple[int, int]] = []
    pos = 0

    def keep(a: int, b: int) -> None:
        out.append(text[a:b])
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    for m in _STRETCH.finditer(text):
        pieces = list(_PIECE.finditer(m.group(0)))
        said = [p for p in pieces if not p.group(0)[0].isdigit() and p.group(0)[0] != "+"]
        digits = [word_digits(p.group(0)) for p in said]
        # one number word after digits is the sentence's ("070-123 45 67 två gånger", "… en
        # gång till"): the words must say two digits at least ("noll fem", "sjuttiotvå")
        if not said or len(said) == len(pieces) or not all(digits) or len("".join(digits)) < least_said:
            continue
        if len("".join(digits)) < 2 and _COUNTED.match(text, m.end()):
            continue
        if sum(len(d) for d in digits) + sum(ch.isdigit() for ch in m.group(0)) < _MIN_DIGITS:
            continue
        keep(pos, m.start())
        prev: re.Match[str] | None = None
        for p in pieces:
            a, b = m.start() + p.start(), m.start() + p.end()
            if prev is not None:
                gap = text[m.start() + prev.end() : a]
                both_words = prev in said and p in said
                sep = "" if both_words and "," not in gap else "-" if re.search(r"[-–]", gap) else " "
                out.append(sep)
                starts.extend([m.start() + prev.end()] * len(sep))
                ends.extend([a] * len(sep))
            if p in said:
                value = word_digits(p.group(0))
                words.append((len(starts), len(starts) + len(value)))
                out.append(value)
                starts.extend([a] * len(value))
                ends.extend([b] * len(value))
            else:
                keep(a, b)
            prev = p
        pos = m.end()
    if not words:
        return None
    keep(pos, len(text))
    return "".join(out), starts, ends, words


# three categories ask for the same copy of each text; a text without a digit has no hint (the
# case-blind word alternation of _HINT costs ~0.5 CPU s per 10,000 reviews each time it runs)
_rewritten = PerText(lambda text: _rewrite(text) if _DIGIT.search(text) and _HINT.search(text) else None)


def with_words_written(
    find: Callable[[str], list[Span]], named: Callable[[str], bool] | None = None
) -> Callable[[str], list[Span]]:
    """`find` run on `text` with its numbers written part in words written in digits; only the
    finds that take in a rewritten word. With `named` (a text may hold a number of `find`'s only
    where it holds its name) one number word after digits counts too, in the texts `named` lets
    through: "plusgiro 48 33 12 sex" ends in its check digit, and `find` reads only what follows
    the name."""

    def find_mixed(text: str) -> list[Span]:
        if named is None:
            return finds_in_copy(find, _rewritten(text))
        if not named(text) or not (_DIGIT.search(text) and _HINT.search(text)):
            return []
        return finds_in_copy(find, _rewrite(text, least_said=1))

    find_mixed.__name__ = f"{find.__name__}_with_words_written"
    return find_mixed

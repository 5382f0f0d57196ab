"""Words and numbers a scanner or a narrow form broke over a line ("Hodž-⏎ić", "070-44⏎1 83 92").

OCR-read letters and forms wrapped by the writer's program split names, streets, towns and
numbers at the end of a line. The recognisers read words and digit groups on one line, so a
broken one is read as two fragments, or not at all. Here the breaks are closed up in a copy
of the text, with a map back to the original offsets: the pseudonymiser runs on the copy too
and keeps the finds that cross a closed break (mapped back, so the replaced span holds the
hyphen and the line break).
"""

from __future__ import annotations

import re

# a word hyphenated at the end of a line, continued in lowercase: "Ols-⏎son", "Sand-⏎viken"
_WORD_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
# digits broken over a line, with or without a dash: "14-⏎6320", "070-44⏎1 83 92"
_DIGIT_BREAK = re.compile(r"(?<=\d)(-?)[ \t]*\r?\n[ \t]*(?=\d)")
# number kinds a closed digit break may make; a line ending in a house number and the next
# starting with a postcode ("Storgatan 12⏎734 32 Köping") must not become one number
NUMBER_KINDS = frozenset({"PERSONNUMMER", "TELEFON", "KONTONUMMER"})


def close_breaks(text: str, digits: bool) -> tuple[str, list[int], list[int], list[int]] | None:
    """The text with its line breaks inside words (and, with `digits`, numbers) closed, or
    None when it has none.

    Returns the closed text, for each of its characters (and the end) the offset in `text`,
    and the positions in the closed text where a word break and a digit break were closed.
    """
    if "\n" not in text:
        return None
    cuts: list[tuple[int, int, str, bool]] = []  # start, end in text, replacement, is digit break
    for m in _WORD_BREAK.finditer(text):
        if text[m.end()].islower():  # "Sven-⏎Olof" is a double name: the hyphen stays, so does the break
            cuts.append((m.start(), m.end(), "", False))
    for m in _DIGIT_BREAK.finditer(text) if digits else ():
        cuts.append((m.start(), m.end(), m.group(1) or " ", True))
    if digits and not any(digit for *_, digit in cuts):
        return None
    if not cuts:
        return None
    cuts.sort()
    parts: list[str] = []
    offsets: list[int] = []
    word_joins: list[int] = []
    digit_joins: list[int] = []
    pos = 0
    for start, end, repl, digit in cuts:
        parts.append(text[pos:start])
        offsets.extend(range(pos, start))
        (digit_joins if digit else word_joins).append(len(offsets))
        parts.append(repl)
        offsets.extend([start] * len(repl))
        pos = end
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(parts), offsets, word_joins, digit_joins


# a line break in the middle of a sentence: after a letter or a comma the sentence goes on in
# lowercase ("Enköpings⏎lasarett", "i Lund,⏎mottagning 2"), or after a preposition it goes on
# whatever the case ("på urologen i⏎Karlskrona")
_PREPOSITIONS = ("i", "på", "vid", "från", "till", "hos", "av")
_SOFT_WRAP = re.compile(
    r"(?:(?<=[^\W\d_],)|(?<=[^\W\d_]\d)|(?<=[^\W\d_]{2}))[ \t]*\n(?=[ \t]*[a-zåäöé])"
    r"|(?:" + "|".join(rf"(?<=[ \t]{w})" for w in _PREPOSITIONS) + r")[ \t]*\n(?=[ \t]*[A-ZÅÄÖ][a-zåäö])"
)


def soft_wraps(text: str) -> str | None:
    """The text with its mid-sentence line breaks read as spaces (same length, so the offsets
    hold), or None when it has none. A scanned letter breaks its lines where the paper ended,
    and a unit, a place or a name then stands on two lines; the recognisers read one."""
    if "\n" not in text:
        return None
    first = re.search(r"[^\W\d_]", text)
    if first is None or first.group(0).islower():
        return None  # a writer who does not capitalise starts every line in lowercase
    out = _SOFT_WRAP.sub(
        lambda m: (
            m.group(0) if _table_rows(text, m.start() + m.group(0).index("\n")) else m.group(0).replace("\n", " ")
        ),
        text,
    )
    return None if out == text else out


def _table_rows(text: str, at: int) -> bool:
    """The lines on both sides of the break at `at` are rows of a pasted table (a cell separator
    in each, "Namn;Ort⏎lindqvist, maja;Mölndal"): the break ends a row, not a wrapped line."""
    above = text[text.rfind("\n", 0, at) + 1 : at]
    below_end = text.find("\n", at + 1)
    below = text[at + 1 : below_end if below_end >= 0 else len(text)]
    return any(sep in above and sep in below for sep in ";\t|")

"""Identifiers in a pasted table's column: "Namn⇥Pnr⇥Kommentar" and under it "…⇥50125-9250⇥…".

A spreadsheet exported or pasted as text keeps its header row. What a column holds is said once,
in its header, and the cells under it may have lost the shape that would give them away: the
leading zero of a personnummer born 2000–2009 (a number column drops it: "50125-9250"), the
zero of a mobile number. A cell of digits under a header saying personnummer or telephone is
that identifier, whatever its shape ("shape wins; when unsure, replace"): only its digits (five
at least, thirteen at most) and the usual separators may stand in it.
"""

from __future__ import annotations

import re

from nlp.core import Span

_HEADERS = (
    (
        re.compile(
            r"(?i)^(?:pnr|p-nr|pers\.?\s*nr|personnr|personnummer|person-?nummer|samordningsnr|samordningsnummer)$"
        ),
        "PERSONNUMMER",
    ),
    (re.compile(r"(?i)^(?:tel|tel\.?\s*nr|telefon|telefonnr|telefonnummer|mobil|mobilnr|mobilnummer)$"), "TELEFON"),
)
# the header row is the first line or follows a title or two ("Excel-export⏎Namn⇥Pnr⇥…")
_HEADER_LINES = 3
_CELL = re.compile(r"[\d \-+()]+")
_DIGIT = re.compile(r"\d")


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's value in `line`, without spaces and quotes around it."""
    out, pos = [], 0
    for part in line.split(sep):
        start, end = pos, pos + len(part)
        while start < end and line[start] in " \"'":
            start += 1
        while end > start and line[end - 1] in " \"'\r":
            end -= 1
        out.append((start, end))
        pos += len(part) + 1
    return out


def find_column_identifiers(text: str) -> list[Span]:
    # cheap gate: a table has a tab or a semicolon and a line break
    if "\n" not in text or ("\t" not in text and ";" not in text):
        return []
    spans: list[Span] = []
    lines = text.split("\n")
    offset, columns, sep = 0, {}, ""
    for number, line in enumerate(lines):
        if not columns and number > _HEADER_LINES:
            break  # no header near the top: no table of this kind
        if not columns:
            for candidate in ("\t", ";"):
                if candidate not in line:
                    continue
                for k, (s, e) in enumerate(_cells(line, candidate)):
                    for pattern, label in _HEADERS:
                        if pattern.match(line[s:e]):
                            columns[k], sep = label, candidate
                if columns:
                    break
        else:
            cells = _cells(line, sep)
            for k, label in columns.items():
                if k >= len(cells):
                    continue
                s, e = cells[k]
                value = line[s:e]
                if value and _CELL.fullmatch(value) and 5 <= len(_DIGIT.findall(value)) <= 13:
                    spans.append(Span(offset + s, offset + e, label))
        offset += len(line) + 1
    return spans

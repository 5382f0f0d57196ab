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
    # a bank account split over two columns ("Clearing⇥Konto") is one account: merged below
    (
        re.compile(r"(?i)^(?:clearing(?:nr|nummer)?|konto|kontonr|kontonummer|bankkonto|kortnr|kortnummer)$"),
        "KONTONUMMER",
    ),
    # a date column: Excel writes its cells as serial day numbers ("46320", "46350,6" with the time)
    (
        re.compile(
            r"(?i)^(?:\w*datum|date|start|slut|starttid|sluttid|besök|inkom|inkommet|skickad|skickat|"
            r"svarad|besvarad|tidpunkt|född)$"
        ),
        "DATUM",
    ),
    (re.compile(r"(?i)^(?:ip|ip-?adress)$"), "IPADRESS"),
    (re.compile(r"(?i)^(?:postnr|postnummer)$"), "POSTNUMMER"),
    (re.compile(r"(?i)^(?:ort|postort)$"), "ORT"),
    (re.compile(r"(?i)^(?:namn|name|för-? och efternamn|efternamn,? förnamn)$"), "PERSON"),
    # a name split over two columns ("Förnamn;Efternamn"): one word in each cell
    (re.compile(r"(?i)^(?:förnamn|efternamn|tilltalsnamn|first name|last name|surname)$"), "NAME_PART"),
    (
        re.compile(
            r"(?i)^(?:patientnr|patientnummer|patient-?id|journalnr|journalnummer|klientnr|klientnummer|klient-?id)$"
        ),
        "JOURNALNUMMER",
    ),
)
# what a cell under each header may hold, and how many digits (at least, at most)
_VALUES = {
    "PERSONNUMMER": (re.compile(r"[\d \-+()]+"), 5, 13),
    "TELEFON": (re.compile(r"[\d \-+()]+"), 5, 13),
    "KONTONUMMER": (re.compile(r"[\d \-]+"), 4, 19),
    # a serial day number with or without the time, or a date with Excel's midnight
    # ("2026-09-03 00:00:00"; a real time of day stays out, datum.py reads the date before it)
    "DATUM": (re.compile(r"[1-6]\d{4}(?:[,.]\d+)?|\d{4}-\d\d-\d\d 00:00(?::00)?"), 5, 14),
    "IPADRESS": (re.compile(r"\d{1,3}(?:\.\d{1,3}){3}"), 4, 12),
    "POSTNUMMER": (re.compile(r"\d{2,3} ?\d{2,3}"), 5, 5),
    # a town or a name as written in its cell, lower case too ("eriksson, tomas"): no digits
    "ORT": (re.compile(r"[^\W\d_][^\W\d_ \-]*(?:[ \-][^\W\d_]+){0,2}"), 0, 0),
    "PERSON": (re.compile(r"[^\W\d_][^\W\d_\-]*(?:,? [^\W\d_][^\W\d_\-]*|-[^\W\d_]+){1,3}"), 0, 0),
    "JOURNALNUMMER": (re.compile(r"[A-Za-z]{0,3} ?\d[\d \-]*"), 4, 12),
    # one name, double-barrelled too ("Lind-Åström"), maybe a nickname in the CSV's doubled quotes
    "NAME_PART": (re.compile(r'[^\W\d_]+(?:-[^\W\d_]+)*(?: ""[^\W\d_]+(?:"")?)?'), 0, 0),
}
# the kind a column's cells are replaced as
_EMITTED = {"NAME_PART": "PERSON"}
# a number Excel wrote in scientific notation ("1,98504E+11"): its digits are lost, not its kind
_SCIENTIFIC = re.compile(r"\d[,.]\d+E\+\d\d")
_NUMBER_KINDS = ("PERSONNUMMER", "TELEFON", "KONTONUMMER", "JOURNALNUMMER")
_WORD_KINDS = ("ORT", "PERSON", "NAME_PART")
_HEADER_LINES = 3
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


def _holds(label: str, value: str) -> bool:
    """A cell value a column of `label` may hold."""
    if label in _NUMBER_KINDS and _SCIENTIFIC.fullmatch(value):
        return True
    shape, least, most = _VALUES[label]
    return bool(value) and bool(shape.fullmatch(value)) and least <= len(_DIGIT.findall(value)) <= most


def _header_columns(line: str) -> tuple[dict[int, str], str]:
    """The columns a header row names, and the row's separator."""
    for candidate in ("\t", ";", "|"):
        if candidate not in line:
            continue
        columns = {}
        for k, (s, e) in enumerate(_cells(line, candidate)):
            for pattern, label in _HEADERS:
                if pattern.match(line[s:e]):
                    columns[k] = label
        if columns:
            return columns, candidate
    return {}, ""


def _merged(spans: list[Span], text: str) -> list[Span]:
    """Neighbouring account cells on one row ("6152;342871556") are one account."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == span.label == "KONTONUMMER"
            and text[prev.end : span.start] in {";", "\t", "|"}
        ):
            out[-1] = Span(prev.start, span.end, span.label)
        else:
            out.append(span)
    return out


def _beside_label(line: str, offset: int) -> list[Span]:
    """A header and its value side by side on one row ("Besöksdatum⇥46320⇥Kommentar⇥…")."""
    spans = []
    for sep in ("\t", ";", "|"):
        if sep not in line:
            continue
        cells = _cells(line, sep)
        for (s0, e0), (s1, e1) in zip(cells, cells[1:]):
            for pattern, label in _HEADERS:
                # only numbers: beside "Ort" in a header row stands the next header ("Ort;Svar")
                if label not in _WORD_KINDS and pattern.match(line[s0:e0]) and _holds(label, line[s1:e1]):
                    spans.append(Span(offset + s1, offset + e1, label))
    return spans


def find_column_identifiers(text: str) -> list[Span]:
    # cheap gate: a table has a tab, a semicolon or a bar
    if "\t" not in text and ";" not in text and "|" not in text:
        return []
    spans: list[Span] = []
    lines = text.split("\n")
    offset, columns, sep = 0, {}, ""
    for number, line in enumerate(lines):
        if not columns and number > _HEADER_LINES:
            break  # no header near the top: no table of this kind
        if not columns:
            columns, sep = _header_columns(line)
            spans += _beside_label(line, offset)
        else:
            cells = _cells(line, sep)
            for k, label in columns.items():
                if k < len(cells) and _holds(label, line[cells[k][0] : cells[k][1]]):
                    spans.append(Span(offset + cells[k][0], offset + cells[k][1], _EMITTED.get(label, label)))
        offset += len(line) + 1
    return _merged(sorted(spans, key=lambda s: s.start), text)


def column_header(text: str, start: int) -> str:
    """The header of the column a cell at `start` stands in: the same column of the text's first
    line when both lines are cells split by one separator ("Fakturanummer;Belopp⏎770101-…;…")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return ""
    header = text[: text.find("\n")]
    for sep in ("\t", ";", "|"):
        if sep in header:
            cells = _cells(header, sep)
            k = text.count(sep, line_start, start)
            return header[cells[k][0] : cells[k][1]] if k < len(cells) else ""
    return ""

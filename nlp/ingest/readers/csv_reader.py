"""CSV (and tab-separated text): delimiter sniffed among ; , TAB |, Excel's "sep=;" line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from nlp.ingest.reader import TableReader
from nlp.ingest.source import Source

# The csv module's per-field limit is process-wide; raise it above our own cell limit so
# an over-long cell reaches our check (which names the column) instead of a bare csv.Error.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024
if csv.field_size_limit() < _CSV_FIELD_LIMIT:
    csv.field_size_limit(_CSV_FIELD_LIMIT)


class CsvReader(TableReader):
    key = "csv"
    name = "CSV"
    extensions = (".csv", ".txt", ".tsv")
    media_types = ("text/csv",)
    sniff_order = 1000  # anything text that is not JSON

    def looks_like(self, head: bytes) -> bool:
        return True

    def prepare(self, src: Source, text_head: str, delimiter: str | None) -> None:
        # Excel's "sep=;" hint line: it names the delimiter and is not shown as a row.
        if m := re.match(r"\ufeff?sep=(.)\r?\n", text_head):
            src.sep_line = True
            text_head = text_head[m.end() :]
            delimiter = delimiter or m[1]
        src.delimiter = delimiter or sniff_delimiter(text_head)

    def rows(self, src: Source) -> Iterator[tuple[int, list[str]]]:
        assert src.encoding is not None and src.delimiter is not None
        with open(src.path, encoding=src.encoding, errors="surrogateescape", newline="") as fh:
            if src.sep_line:
                fh.readline()
            reader = csv.reader(
                _narrow_lines(fh, src.delimiter, src.budget.limits.max_columns), delimiter=src.delimiter, strict=False
            )
            row = 0
            while True:
                bad = False
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except _WideLine:
                    src.budget.columns(src.error, src.budget.limits.max_columns + 1, row + 1)
                except csv.Error:
                    bad = True
                if bad:
                    raise src.error(
                        'Raden kan inte tolkas som CSV, oftast ett citattecken (") som aldrig '
                        "avslutas så att resten av filen hamnar i en cell.",
                        row=row + 1,
                    )
                row += 1
                src.budget.check(src.error, row, len(cells))
                if len(cells) > src.budget.limits.max_columns:
                    src.budget.columns(src.error, len(cells), row)
                if any(c.strip() for c in cells):
                    yield row, cells


READER = CsvReader()


def sniff_delimiter(text: str) -> str:
    """Choose the delimiter whose parse gives the most consistent field counts.

    csv.Sniffer is not used: free-text answers are full of commas, and it then often
    picks "," for a ";"-separated Swedish Excel export.
    """
    lines = text.splitlines(keepends=True)
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may end mid-line
    sample = "".join(lines[:200])
    best, best_score = ",", (-1.0, 0)
    for delim in (";", ",", "\t", "|"):
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        body = rows[1:] or rows
        consistent = sum(1 for r in body if len(r) == width) / len(body)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delim, score
    return best


class _WideLine(Exception):
    pass


def _narrow_lines(lines: Iterable[str], delimiter: str, max_columns: int) -> Iterator[str]:
    """The lines, refusing one with more delimiters than columns allowed before the csv
    module builds a row of millions of cells from it."""
    for line in lines:
        if len(line) > max_columns and line.count(delimiter) > max_columns:
            raise _WideLine
        yield line

"""Ingest: read a survey/forum export and yield one `Answer` per non-empty free-text cell.

Formats: CSV (delimiter sniffed among ; , TAB |; UTF-8 with or without BOM, UTF-16 with
BOM, Windows-1252), XLSX (sheet by name, else the first sheet with data), JSON (an array
of objects, or an object holding such an array) and JSON Lines. Everything streams: CSV
row by row, XLSX through openpyxl's read-only mode, JSON through ijson, JSON Lines line by
line, so memory does not grow with the file.

Row numbers are what the user sees when opening the file: the spreadsheet row for CSV and
XLSX (header = row 1, blank lines count as rows), the line number for JSON Lines, and the
element number + 1 for a JSON array (as in a spreadsheet made from it, header = row 1).

Decisions (documented here because users meet them as errors):
- Ragged rows: a row with MORE fields than the header is an error naming the row, because
  the extra cells would otherwise be lost or shifted into the wrong question; extra fields
  that are all empty (trailing separators from Excel) are tolerated. A row with FEWER
  fields is padded with empty cells (exports often drop trailing empty cells).
- Unparseable dates are an error naming file, row and column, not a silent "missing":
  a date format we misread (e.g. US month/day) would otherwise quietly empty or skew the
  time series and emerging themes. Empty date cells are fine (date None). To import a file
  with a broken date column, map the date to no column (column_map={"date": ""}).
  Slashed dates are read day first, as in Sweden (12/5/2024 = 12 May 2024).
- Unknown values in the source-type and gender columns are recorded as None and counted
  in `IngestStats.warnings`; they are categories, and one odd value should not stop an
  import. A numeric age is turned into an age band so no exact age is stored.
- Cells longer than MAX_CELL_CHARS are an error (usually an unclosed quote swallowing the
  rest of the file, or a pasted document).
- Cells with only punctuation and spaces ("-", "...", "?") count as empty answers; an
  emoji-only answer is kept (it says something).
- Text columns and metadata are chosen from the first SAMPLE_ROWS rows. A column empty
  there is not read; cells that fill it later are counted in `IngestStats.warnings`.
- The first non-blank row is the header. A date in it means the file has no header row:
  an error, since answers would otherwise become question names.
- Header names longer than MAX_HEADER_CHARS are shortened; duplicates get "(kolumn F)".

Error messages name file, row and column, never cell contents (nlp.errors.InputError).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
from collections import Counter
from contextlib import closing
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from nlp.errors import InputError
from nlp.ingest_limits import Budget, Limits, check_zip, json_line, json_objects, json_prefix
from nlp.core import Answer, Metadata

__all__ = [
    "ColumnStats",
    "ExportPreview",
    "IngestStats",
    "MAX_CELL_CHARS",
    "METADATA_FIELDS",
    "file_sha256",
    "inspect_export",
    "parse_date",
    "read_answers",
]

METADATA_FIELDS = ("respondent_id", "date", "unit", "source_type", "gender", "age_group")
MAX_CELL_CHARS = 100_000
SAMPLE_ROWS = 1000  # rows read to find text columns and metadata, and for the preview
SAMPLE_BYTES = 256 * 1024  # bytes read to find encoding and delimiter
# The csv module's per-field limit is process-wide; raise it above our own cell limit so
# an over-long cell reaches our check (which names the column) instead of a bare csv.Error.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024
if csv.field_size_limit() < _CSV_FIELD_LIMIT:
    csv.field_size_limit(_CSV_FIELD_LIMIT)

_FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel (xlsx)", "json": "JSON", "jsonl": "JSON Lines"}
_EXTENSIONS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}


# --- public types ---------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnStats:
    """Counts over the sampled rows of one column. Never holds cell contents."""

    non_empty: int
    mean_length: float
    unique_share: float  # distinct values / non-empty values
    kind: str  # fritext | datum | kategori | id | tal | tom


@dataclass(frozen=True)
class ExportPreview:
    """What `inspect_export` found: format, columns, mapping and per-column stats."""

    file_format: str  # csv | xlsx | json | jsonl
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    columns: list[str]
    text_columns: list[str]
    column_map: dict[str, str]  # metadata field -> column ("" = switched off by the caller)
    n_rows: int  # data rows (header not counted); estimated when n_rows_estimated
    column_stats: dict[str, ColumnStats]
    n_rows_estimated: bool = False
    sheets: list[str] = field(default_factory=list)
    n_sampled: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestStats:
    """Filled in while `read_answers` streams: pass one in to get counts afterwards."""

    n_rows: int = 0  # data rows seen (blank rows not counted)
    n_answers: int = 0
    # (field or column, reason) -> count, e.g. ("gender", "okänt värde") for values recorded
    # as None, or (column, "ifylld kolumn som var tom i provet och inte lästes").
    warnings: Counter[tuple[str, str]] = field(default_factory=Counter)
    text_columns: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)


# --- public functions -----------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes, read in chunks."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def inspect_export(
    path: Path,
    *,
    sheet: str | None = None,
    text_columns: Sequence[str] | None = None,
    column_map: Mapping[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    limits: Limits | None = None,
) -> ExportPreview:
    """Preview an export from a sample of rows: columns, text columns, metadata mapping.

    Within `limits` (default: from settings); the server runs it in a child process
    through nlp.ingest_limits.inspect_isolated.
    """
    plan = _plan(Path(path), sheet, text_columns, column_map, encoding, delimiter,
                 Budget.preview(limits))
    _close(plan.source)
    stats = {c: plan.column_stats[c] for c in plan.columns}
    return ExportPreview(
        file_format=plan.source.file_format,
        encoding=plan.source.encoding,
        delimiter=plan.source.delimiter,
        sheet=plan.source.sheet,
        columns=list(plan.columns),
        text_columns=list(plan.text_columns),
        column_map=dict(plan.column_map),
        n_rows=plan.n_rows,
        column_stats=stats,
        n_rows_estimated=plan.n_rows_estimated,
        sheets=list(plan.source.sheets),
        n_sampled=plan.n_sampled,
    )


def read_answers(
    path: Path,
    *,
    sheet: str | None = None,
    text_columns: Sequence[str] | None = None,
    column_map: Mapping[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Answer]:
    """Stream one `Answer` per non-empty free-text cell.

    Problems with the file as a whole (empty, unreadable, no text column, unknown column
    names, bad cells within the sample) raise InputError at call time, before anything is
    yielded; a bad row further down raises when the stream reaches it.
    """
    plan = _plan(Path(path), sheet, text_columns, column_map, encoding, delimiter, Budget.read())
    if stats is not None:
        stats.text_columns = list(plan.text_columns)
        stats.column_map = dict(plan.column_map)
    return _iter_answers(plan, stats if stats is not None else IngestStats())


# --- reading rows ---------------------------------------------------------------------


@dataclass
class _Source:
    path: Path
    file_format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    json_prefix: str = "item"
    workbook: Any = None  # open read-only openpyxl workbook (xlsx only)
    max_row: int | None = None  # the sheet's stated size (xlsx only), for the row estimate
    sep_line: bool = False  # CSV starts with Excel's "sep=;" line
    budget: Budget = field(default_factory=Budget.read)  # cells and time (nlp.ingest_limits)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> InputError:
        return InputError(message, file=self.path, row=row, column=column)


# A row as read: (row number, cells). CSV/XLSX cells are lists; JSON rows are dicts,
# matched to the columns by key in _rows_as_lists.


def _open_source(path: Path, encoding: str | None, delimiter: str | None, sheet: str | None,
                 budget: Budget) -> _Source:
    if not path.exists():
        raise InputError("Filen finns inte.", file=path)
    if path.is_dir():
        raise InputError("Det är en mapp, inte en fil.", file=path)
    with open(path, "rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    src = _Source(path=path, file_format=_EXTENSIONS.get(path.suffix.lower(), ""), budget=budget)
    if not head.strip():
        raise src.error("Filen är tom.")
    is_zip = head.startswith(b"PK\x03\x04")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise src.error(
            "Filen är i det gamla Excel-formatet (.xls) eller ett annat Office-format som "
            "inte stöds. Spara den som .xlsx eller CSV och försök igen."
        )
    if head.startswith(b"%PDF"):
        raise src.error("Filen är en PDF, inte en export med svar. Använd CSV, Excel (xlsx) eller JSON.")
    if src.file_format == "xlsx":
        if not is_zip:
            raise src.error("Filen har ändelsen .xlsx men är ingen Excel-fil.")
        check_zip(path, budget, src.error)  # a zip bomb stops here, before openpyxl
        try:
            _open_sheet(src, sheet)
        except BaseException:
            _close(src)
            raise
        return src
    if is_zip:
        kind = "en Excel-fil eller ett zip-arkiv"
        raise src.error(
            f"Filen är {kind}, inte en textfil. Är det en Excel-fil? Ge den ändelsen .xlsx; "
            "är det ett zip-arkiv, packa upp det först."
        )
    if not src.file_format:
        src.file_format = _guess_text_format(head)
    if encoding is not None and not _known_codec(encoding):
        raise src.error("Okänd teckenkodning. Använd t.ex. utf-8, cp1252 eller utf-16.")
    if delimiter is not None and len(delimiter) != 1:
        raise src.error("Avgränsaren ska vara ett enda tecken, t.ex. ; eller ,.")
    src.encoding = encoding or _detect_encoding(src, head, path.stat().st_size <= len(head))
    text_head = head.decode(src.encoding, errors="surrogateescape")
    _reject_binary(src, text_head)
    if src.file_format == "csv":
        # Excel's "sep=;" hint line: it names the delimiter and is not shown as a row.
        if m := re.match(r"\ufeff?sep=(.)\r?\n", text_head):
            src.sep_line = True
            text_head = text_head[m.end():]
            delimiter = delimiter or m[1]
        src.delimiter = delimiter or _sniff_delimiter(text_head)
    elif src.file_format == "json":
        src.json_prefix = _json_prefix(src)
    return src


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _guess_text_format(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"[":
        return "json"
    if stripped[:1] == b"{":
        first_line = stripped.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    return "csv"


def _detect_encoding(src: _Source, head: bytes, whole_file: bool) -> str:
    """Pick the encoding from a sample.

    Written by hand rather than with charset-normalizer: Swedish exports are in practice
    UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or Windows-1252,
    and a generic detector choosing among dozens of code pages on a short sample can pick
    e.g. cp1250 or mac_roman and give silent mojibake in å/ä/ö.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise src.error(
            "Filen innehåller binära data och kan inte läsas som text. "
            "Använd CSV, Excel (xlsx) eller JSON."
        )
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(head, final=whole_file)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly valid multi-byte UTF-8 with a few bad bytes: a mixed file. Read it as UTF-8 so
    # the bad cells are reported by row and column instead of turning into mojibake. In a
    # Windows-1252 file å/ä/ö (E5/E4/F6) before plain letters are almost never valid UTF-8.
    valid = len(_UTF8_SEQ.findall(head))
    high = sum(1 for b in head if b >= 0x80)
    invalid = high - sum(len(m) for m in _UTF8_SEQ.findall(head))
    if valid > invalid:
        return "utf-8"
    return "cp1252"


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BAD_BYTES = re.compile(r"[\udc80-\udcff]")  # bytes the codec could not decode


def _reject_binary(src: _Source, text: str) -> None:
    if not text:
        return
    n_control = len(_CONTROL.findall(text))
    n_bad = len(_BAD_BYTES.findall(text))
    if n_control > max(3, len(text) // 200) or n_bad > max(10, len(text) // 20):
        raise src.error(
            f"Filen ser ut att vara en binärfil, inte {_FORMAT_NAMES[src.file_format]}. "
            "Använd CSV, Excel (xlsx) eller JSON."
        )


def _sniff_delimiter(text: str) -> str:
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


def _json_prefix(src: _Source) -> str:
    """ijson prefix of the array of answers: the top-level array, or one under a key."""
    import ijson

    with open(src.path, "rb") as fh:
        if src.encoding == "utf-8-sig":
            fh.read(len(codecs.BOM_UTF8))  # ijson does not skip a BOM
        invalid = False
        try:
            prefix = json_prefix(fh, src.budget, src.error)  # depth-checked, nothing built
            if prefix is not None:
                return prefix
        except (ijson.JSONError, UnicodeDecodeError):
            invalid = True
    if invalid:  # raised outside the except block: the parser's error quotes the file
        raise src.error("Filen är inte giltig JSON.")
    raise src.error("JSON-filen innehåller ingen lista med svar (en lista av objekt).")


def _open_sheet(src: _Source, sheet: str | None) -> None:
    """Choose the sheet: by name, else the first with a header and at least one row."""
    wb = _load_workbook(src)
    if True:  # the workbook stays open for the reading that follows; see _close
        src.sheets = list(wb.sheetnames)
        if sheet is not None:
            if sheet not in src.sheets:
                matches = [s for s in src.sheets if s.strip().casefold() == sheet.strip().casefold()]
                if len(matches) != 1:
                    raise src.error(
                        f"Bladet {sheet!r} finns inte. Blad i filen: {', '.join(map(repr, src.sheets))}."
                    )
                sheet = matches[0]
            src.sheet = sheet
            return
        fallback = None
        for name in src.sheets:
            rows = 0
            wide_header = False
            for _, values in _sheet_rows(src, wb[name]):
                filled = sum(1 for v in values if v is not None and str(v).strip())
                if not filled:
                    continue
                rows += 1
                if rows == 1:
                    wide_header = filled >= 2
                if rows >= 2:
                    break
            if rows >= 2 and wide_header:
                src.sheet = name
                return
            if rows >= 1 and fallback is None:
                fallback = name
        if fallback is None:
            raise src.error("Excel-filen har inga ifyllda blad.")
        src.sheet = fallback


def _load_workbook(src: _Source) -> Any:
    """The source's workbook, opened once (read-only mode parses the shared strings)."""
    if src.workbook is not None:
        return src.workbook
    from openpyxl import load_workbook

    broken = False
    try:
        src.workbook = load_workbook(src.path, read_only=True, data_only=True)
    except Exception:  # openpyxl and zipfile raise many kinds for broken files
        broken = True
    if broken:  # raised outside the except block so no library message is chained
        raise src.error("Filen kan inte läsas som Excel-fil (xlsx); den kan vara skadad.")
    return src.workbook


def _close(src: _Source) -> None:
    if src.workbook is not None:
        src.workbook.close()
        src.workbook = None


def _raw_rows(src: _Source) -> Iterator[tuple[int, Any]]:
    """(row number, cells) with cells a list (CSV, XLSX) or dict (JSON). Skips blank rows."""
    if src.file_format == "csv":
        yield from _csv_rows(src)
    elif src.file_format == "xlsx":
        yield from _xlsx_rows(src)
    elif src.file_format == "jsonl":
        yield from _jsonl_rows(src)
    else:
        yield from _json_rows(src)


def _csv_rows(src: _Source) -> Iterator[tuple[int, list[str]]]:
    assert src.encoding is not None and src.delimiter is not None
    with open(src.path, encoding=src.encoding, errors="surrogateescape", newline="") as fh:
        if src.sep_line:
            fh.readline()
        reader = csv.reader(_narrow_lines(fh, src.delimiter, src.budget.limits.max_columns),
                            delimiter=src.delimiter, strict=False)
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
                    "Raden kan inte tolkas som CSV, oftast ett citattecken (\") som aldrig "
                    "avslutas så att resten av filen hamnar i en cell.",
                    row=row + 1,
                )
            row += 1
            src.budget.check(src.error, row, len(cells))
            if len(cells) > src.budget.limits.max_columns:
                src.budget.columns(src.error, len(cells), row)
            if any(c.strip() for c in cells):
                yield row, cells


class _WideLine(Exception):
    pass


def _narrow_lines(lines: Iterable[str], delimiter: str, max_columns: int) -> Iterator[str]:
    """The lines, refusing one with more delimiters than columns allowed before the csv
    module builds a row of millions of cells from it."""
    for line in lines:
        if len(line) > max_columns and line.count(delimiter) > max_columns:
            raise _WideLine
        yield line


def _xlsx_rows(src: _Source) -> Iterator[tuple[int, list[Any]]]:
    ws = _load_workbook(src)[src.sheet]
    ws.reset_dimensions()  # some tools write a wrong <dimension>; read what is there
    for row, values in _sheet_rows(src, ws):
        if any(v is not None and str(v).strip() for v in values):
            yield row, list(values)


def _sheet_rows(src: _Source, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(sheet row, values) within the budget; a broken sheet (bad XML, bad cell) is an
    InputError naming the row, not openpyxl's traceback."""
    # Read-only mode yields empty tuples for missing rows, so counting gives sheet rows.
    rows = ws.iter_rows(values_only=True)
    row = 0
    while True:
        broken = False
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - XML, value and type errors from a damaged sheet
            broken = True
        if broken:  # raised outside the except block so no library message is chained
            raise src.error("Bladet kan inte läsas; Excel-filen kan vara skadad.", row=row + 1)
        row += 1
        src.budget.check(src.error, row, len(values))  # blank rows cost time too
        yield row, values


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line of a UTF-8 JSON Lines file.

    A Swedish InputError names the line that is undecodable, not JSON or not an object.
    The commands that take JSON Lines with `id`/`text` (or `labels`) fields use this.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("Filen finns inte.", file=path)
    src = _Source(path=path, file_format="jsonl", encoding="utf-8-sig")
    yield from _jsonl_rows(src, keep_nested=True)  # e.g. "labels": [...]


def _jsonl_rows(src: _Source, keep_nested: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    assert src.encoding is not None
    with open(src.path, encoding=src.encoding, errors="surrogateescape") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            if _BAD_BYTES.search(line):
                raise src.error("Raden innehåller tecken som inte går att avkoda.", row=line_no)
            # Depth-checked; a line that is not an object is refused before it is built.
            obj = json_line(line, line_no, src.budget, src.error, keep_nested)
            if obj is None:
                raise src.error("Raden är inte giltig JSON.", row=line_no)
            if not isinstance(obj, dict):
                raise src.error("Raden är inte ett JSON-objekt ({...}).", row=line_no)
            src.budget.check(src.error, line_no, len(obj))
            yield line_no, obj


def _json_rows(src: _Source) -> Iterator[tuple[int, dict[str, Any]]]:
    import ijson

    with open(src.path, "rb") as fh:
        if src.encoding == "utf-8-sig":
            fh.read(len(codecs.BOM_UTF8))  # ijson does not skip a BOM
        row = 1
        failure = ""
        try:
            # Elements that are not objects, and deep nesting, stop before they are built.
            for obj in json_objects(fh, src.json_prefix, src.budget, src.error):
                row += 1
                src.budget.check(src.error, row, len(obj))
                yield row, obj
        except ijson.JSONError:
            failure = "Filen är inte giltig JSON."
        except UnicodeDecodeError:
            failure = "Filen innehåller tecken som inte går att avkoda."
    if failure:
        # Raised outside the except block (the parser's message quotes the file), naming
        # the element the parser was reading.
        raise src.error(failure, row=row + 1)


# --- header, columns, sample ----------------------------------------------------------


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


MAX_HEADER_CHARS = 250  # question names are stored (String(500)) and shown in reports


def _clip(name: str) -> str:
    return name if len(name) <= MAX_HEADER_CHARS else name[: MAX_HEADER_CHARS - 1] + "…"


def _header_names(src: _Source, raw: Sequence[Any], header_row: int) -> list[str]:
    """Clean header names; empty ones get "Kolumn F", duplicates get "(kolumn F)"."""
    names: list[str] = []
    seen: set[str] = set()
    for i, value in enumerate(raw):
        name = " ".join(str(value).split()) if value is not None else ""
        if _BAD_BYTES.search(name):
            raise src.error(
                f"Rubriken i kolumn {_column_letter(i)} innehåller tecken som inte går att "
                f"avkoda som {src.encoding}. Spara om filen som UTF-8.",
                row=header_row,
            )
        name = _clip(unicodedata.normalize("NFC", name))
        if not name:
            name = f"Kolumn {_column_letter(i)}"
        if name.casefold() in seen:
            name = f"{name} (kolumn {_column_letter(i)})"
        seen.add(name.casefold())
        names.append(name)
    return names


@dataclass
class _Plan:
    source: _Source
    columns: list[str]
    text_columns: list[str]
    column_map: dict[str, str]
    column_stats: dict[str, ColumnStats]
    n_rows: int
    n_rows_estimated: bool
    n_sampled: int
    header_row: int


def _rows_as_lists(src: _Source) -> tuple[int, list[str], Generator[tuple[int, list[Any]], None, None]]:
    """Header row number, column names, and an iterator over the data rows as lists."""
    raw = _raw_rows(src)
    if src.file_format in ("csv", "xlsx"):
        first = next(raw, None)
        if first is None:
            where = f"Bladet {src.sheet!r}" if src.sheet else "Filen"
            raise src.error(f"{where} är tomt." if src.sheet else "Filen är tom.")
        header_row, header = first
        while header and (header[-1] is None or not str(header[-1]).strip()):
            header = header[:-1]  # trailing empty header cells (Excel's extra separators)
        return header_row, _header_names(src, header, header_row), raw
    # JSON: the columns are the keys of the sampled objects, in first-seen order.
    sample: list[tuple[int, dict[str, Any]]] = []
    keys: dict[str, None] = {}
    for item in raw:
        sample.append(item)
        keys.update(dict.fromkeys(item[1]))
        if len(keys) > src.budget.limits.max_columns:
            src.budget.columns(src.error, len(keys), item[0])
        if len(sample) >= SAMPLE_ROWS:
            break
    raw_keys = list(keys)
    names = _header_names(src, raw_keys, 1)

    def as_lists() -> Generator[tuple[int, list[Any]], None, None]:
        for row, obj in _chain(sample, raw):
            yield row, [obj.get(k) for k in raw_keys]

    return 1, names, as_lists()


def _chain(first: Iterable[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _cell_text(src: _Source, value: Any, row: int, column: str) -> str:
    """A cell as clean text (NFC, stripped). Raises on undecodable bytes and huge cells."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "ja" if value else "nej"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (datetime, date)):
        text = value.isoformat()
    elif isinstance(value, (dict, list)):
        raise src.error("Cellen innehåller en lista eller ett objekt i stället för text.", row=row, column=column)
    else:
        text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise src.error(
            f"Cellen är för lång ({len(text)} tecken; högst {MAX_CELL_CHARS} tillåts). "
            "Oftast beror det på ett citattecken som aldrig avslutas.",
            row=row,
            column=column,
        )
    if _BAD_BYTES.search(text):
        raise src.error(
            f"Cellen innehåller tecken som inte går att avkoda som {src.encoding}. "
            "Filen kan ha blandad teckenkodning; spara om den som UTF-8.",
            row=row,
            column=column,
        )
    text = text.strip()
    if "\r" in text:  # one line-break form, so the same answer hashes alike from CSV and XLSX
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _fit_row(src: _Source, cells: list[Any], width: int, row: int, columns: list[str]) -> list[Any]:
    if len(cells) == width:
        return cells
    if len(cells) < width:
        return cells + [None] * (width - len(cells))
    extra = cells[width:]
    if any(v is not None and str(v).strip() for v in extra):
        raise src.error(
            f"Raden har {len(cells)} fält men rubrikraden har {width} kolumner; data skulle "
            "hamna i fel kolumn. Kontrollera avgränsare och citattecken på raden.",
            row=row,
        )
    return cells[:width]


# --- column detection -----------------------------------------------------------------


def _norm(name: str) -> str:
    """Header name folded for matching: lower case, no accents, only letters and digits."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "", folded)


_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "respondent_id": (
        "respondentid", "respondent", "respondentnr", "respondentnummer", "id", "svarsid",
        "svarid", "responseid", "participantid", "deltagarid", "deltagare", "lopnummer",
        "lopnr", "lopnr", "identitet", "userid", "personid", "brukarid", "klientid",
    ),
    "date": (
        "datum", "date", "svarsdatum", "inskickad", "inskickat", "skickad", "tidpunkt",
        "timestamp", "datumtid", "datetime", "moetesdatum", "motesdatum", "besoksdatum",
        "created", "createdat", "submitted", "submittedat", "inkommen", "inkom", "registrerad",
        "svarstid", "starttid", "sluttid", "completed", "enddate", "startdate",
    ),
    "unit": (
        "verksamhet", "enhet", "unit", "avdelning", "mottagning", "klinik", "vardenhet",
        "department", "verksamhetsomrade", "forvaltning", "boende", "team", "site",
        "organisation", "organization", "kommun",
    ),
    "source_type": (
        "kalla", "source", "kalltyp", "sourcetype", "typ", "type", "insamlingssatt",
        "kanal", "channel", "datakalla", "svarstyp",
    ),
    "gender": ("kon", "gender", "sex", "konstillhorighet", "kontillhorighet", "konsidentitet"),
    "age_group": (
        "aldersgrupp", "alder", "age", "agegroup", "aldersintervall", "agerange", "ageband",
        "aldersklass", "alderskategori",
    ),
}
_TEXT_HINTS = (
    "synpunkt", "kommentar", "fritext", "beskriv", "berat", "comment", "feedback", "forslag",
    "vadfungerar", "vadkan", "ovrig", "tillagga", "motivera", "varfor", "oppen", "fritt",
    "text", "upplevelse", "forbattra", "story", "berattelse", "ideer", "onskemal",
)


def _listing(columns: Sequence[str]) -> str:
    """Column names for an error message, each cut short."""
    names = [repr(c if len(c) <= 60 else c[:57] + "…") for c in columns[:40]]
    return ", ".join(names) + (" …" if len(columns) > 40 else "")


def _match_column(src: _Source, wanted: str, columns: Sequence[str], what: str) -> str:
    if wanted in columns:
        return wanted
    folded = _clip(" ".join(wanted.split())).casefold()
    hits = [c for c in columns if c.casefold() == folded]
    if not hits:
        hits = [c for c in columns if _norm(c) == _norm(wanted) and _norm(wanted)]
    if len(hits) == 1:
        return hits[0]
    listing = _listing(columns)
    raise src.error(
        f"{what} {wanted!r} finns inte i filen. Kolumner i filen: {listing}.", column=wanted
    )


def _auto_map(columns: Sequence[str], taken: set[str]) -> dict[str, str]:
    """Metadata fields by column name: exact folded match first, then a name starting with it."""
    mapping: dict[str, str] = {}
    normed = {c: _norm(c) for c in columns}
    for exact in (True, False):
        for fld, names in _FIELD_NAMES.items():
            if fld in mapping:
                continue
            for name in names:
                hit = next(
                    (
                        c for c in columns
                        if c not in taken and c not in mapping.values()
                        and (normed[c] == name if exact else (len(name) >= 4 and normed[c].startswith(name)))
                    ),
                    None,
                )
                if hit:
                    mapping[fld] = hit
                    break
    return mapping


_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")


def _meaningful(text: str) -> bool:
    """True unless the cell is only punctuation/space ("-", "...", "?"); emoji count as text."""
    if _ALNUM.search(text):
        return True
    return any(unicodedata.category(ch) == "So" for ch in text)


def _classify_column(values: list[str], header: str = "") -> ColumnStats:
    """Stats over a sampled column, and a guess of its kind from the content.

    An open question's answers are longer, wordier and more varied than a category's. A
    header that reads like a question or a comment field lowers the bar, because such
    columns also get many short answers ("vet ej", "inget att tillägga").
    """
    filled = [v for v in values if v]
    if not filled:
        return ColumnStats(0, 0.0, 0.0, "tom")
    n = len(filled)
    mean_len = sum(len(v) for v in filled) / n
    unique = len(set(filled)) / n
    # "-", "." and the like are empty answers; they must not pull a text column's mean down.
    answers = [v for v in filled if _meaningful(v)] or filled
    # Excel serials are left out here: a column of 5-digit ids would look like dates.
    dates = sum(1 for v in filled[:200] if _try_date(v, serials=False) is not None) / min(n, 200)
    numbers = sum(1 for v in filled[:200] if re.fullmatch(r"[-+]?\d+([.,]\d+)?", v)) / min(n, 200)
    words = sum(len(v.split()) for v in answers) / len(answers)
    answer_len = sum(len(v) for v in answers) / len(answers)
    lettered = sum(1 for v in answers if _LETTER.search(v)) / len(answers)
    hinted = header.rstrip().endswith("?") or any(h in _norm(header) for h in _TEXT_HINTS)
    few = n < 5
    distinct = len(set(filled))
    # A Likert scale ("Mycket nöjd" … "Inte alls nöjd") has a handful of distinct values.
    varied = few or (unique >= 0.3 and distinct >= 5)
    varied_hinted = few or (unique >= 0.2 and distinct >= 8)
    if dates >= 0.9:
        kind = "datum"
    elif numbers >= 0.9:
        kind = "id" if unique >= 0.9 and n >= 5 else "tal"
    elif lettered >= 0.8 and (
        (answer_len >= 15 and words >= 3 and varied)
        or (hinted and answer_len >= 8 and words >= 1.5 and varied_hinted)
    ):
        kind = "fritext"
    elif unique >= 0.9 and n >= 5 and words < 2:
        kind = "id"
    else:
        kind = "kategori"
    return ColumnStats(n, round(mean_len, 1), round(unique, 3), kind)


def _plan(
    path: Path,
    sheet: str | None,
    text_columns: Sequence[str] | None,
    column_map: Mapping[str, str] | None,
    encoding: str | None,
    delimiter: str | None,
    budget: Budget,
) -> _Plan:
    src = _Source(path=path, file_format="", budget=budget)
    try:
        src = _open_source(path, encoding, delimiter, sheet, budget)
        if src.file_format == "xlsx":
            src.max_row = _load_workbook(src)[src.sheet].max_row
        return _plan_columns(src, text_columns, column_map)
    except BaseException:
        _close(src)
        raise


def _plan_columns(
    src: _Source, text_columns: Sequence[str] | None, column_map: Mapping[str, str] | None
) -> _Plan:
    header_row, columns, rows = _rows_as_lists(src)
    if not columns:
        raise src.error("Rubrikraden är tom: filen har inga kolumnnamn.", row=header_row)
    dated = [i for i, c in enumerate(columns) if _try_date(c, serials=False) is not None]
    if dated:
        # Without a header row the first answers would become column names (and be shown
        # and stored as question names), so stop here without quoting them.
        raise src.error(
            f"Första raden ser inte ut som en rubrikrad: kolumn {_column_letter(dated[0])} "
            "innehåller ett datum. Lägg till en rad med kolumnnamn överst.",
            row=header_row,
        )
    width = len(columns)
    sample: list[list[str]] = [[] for _ in columns]
    sample_rows: list[int] = []
    n_sampled = 0
    with closing(rows):  # closes the file or workbook when the sample ends early
        for row, cells in rows:
            cells = _fit_row(src, cells, width, row, columns)
            for i, value in enumerate(cells):
                # Nested JSON values only matter (and raise) if the column is used.
                nested = isinstance(value, (dict, list))
                sample[i].append("" if nested else _cell_text(src, value, row, columns[i]))
            sample_rows.append(row)
            n_sampled += 1
            if n_sampled >= SAMPLE_ROWS:
                break
    if n_sampled == 0:
        where = f"bladet {src.sheet!r}" if src.sheet else "filen"
        raise src.error(f"Det finns bara en rubrikrad i {where}, inga svar.", row=header_row)
    stats = {c: _classify_column(sample[i], c) for i, c in enumerate(columns)}

    # Metadata: overrides first, then names; an override to "" or None means "no column".
    mapping: dict[str, str] = {}
    disabled: set[str] = set()
    for fld, col in (column_map or {}).items():
        if fld not in METADATA_FIELDS:
            raise src.error(
                f"Okänt metadatafält {fld!r}. Giltiga fält: {', '.join(METADATA_FIELDS)}."
            )
        if col is None or not str(col).strip():
            disabled.add(fld)
        else:
            mapping[fld] = _match_column(src, str(col), columns, f"Kolumnen för {fld}")
    chosen_text = [_match_column(src, c, columns, "Textkolumnen") for c in (text_columns or [])]
    auto = _auto_map(columns, set(mapping.values()) | set(chosen_text))
    for fld, col in auto.items():
        if fld not in mapping and fld not in disabled and stats[col].kind != "fritext":
            mapping[fld] = col
    if "date" not in mapping and "date" not in disabled:
        date_cols = [c for c in columns if stats[c].kind == "datum" and c not in mapping.values()]
        if len(date_cols) == 1:
            mapping["date"] = date_cols[0]

    if "date" in mapping:  # a bad date within the sample fails now, before anything is read
        values = sample[columns.index(mapping["date"])]
        for value, row in zip(values, sample_rows):
            if value and _try_date(value) is None:
                raise _bad_date(src, row, mapping["date"])

    if text_columns:
        chosen = list(dict.fromkeys(chosen_text))
    else:
        meta_cols = set(mapping.values())
        chosen = [c for c in columns if c not in meta_cols and stats[c].kind == "fritext"]
        if not chosen:
            listing = _listing(columns)
            raise src.error(
                "Hittar ingen kolumn med fritextsvar. Ange textkolumnerna själv med "
                f"--textkolumn. Kolumner i filen: {listing}."
            )

    n_rows, estimated = _count_rows(src, n_sampled)
    return _Plan(
        source=src,
        columns=columns,
        text_columns=chosen,
        # A field the caller switched off stays in the map as "", so passing the preview's
        # map back to read_answers does not auto-detect it again.
        column_map={f: mapping.get(f, "") for f in METADATA_FIELDS if f in mapping or f in disabled},
        column_stats=stats,
        n_rows=n_rows,
        n_rows_estimated=estimated,
        n_sampled=n_sampled,
        header_row=header_row,
    )


def _count_rows(src: _Source, n_sampled: int) -> tuple[int, bool]:
    """Data rows: exact if the sample was the whole file, else estimated cheaply."""
    if n_sampled < SAMPLE_ROWS:
        return n_sampled, False
    if src.file_format == "xlsx":
        if src.max_row:  # from the sheet's <dimension> tag, read before any reset
            return max(src.max_row - 1, n_sampled), True
        return n_sampled, True
    # Text formats: file size / bytes per row in the first SAMPLE_BYTES.
    size = src.path.stat().st_size
    with open(src.path, "rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    lines = max(head.count(b"\n"), 1)
    return max(int(size / (len(head) / lines)) - 1, n_sampled), True


# --- values ---------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_SV_MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "mars": 3, "apr": 4, "april": 4,
    "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augusti": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:[ T]?\d{1,2}[:.]?\d{2}(?:[:.]?\d{2})?)?")
_SERIAL = re.compile(r"(\d{5})(?:[.,]\d+)?")
_WORDS = re.compile(r"(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})")


def _try_date(value: Any, serials: bool = True) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(float(value)) if serials else None
    text = str(value).strip()
    try:
        if m := _ISO.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.fullmatch(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _COMPACT.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if serials and _SERIAL.fullmatch(text):
            return _excel_serial(float(text.replace(",", ".")))
        if m := _WORDS.fullmatch(text.casefold()):
            month = _SV_MONTHS.get(m[2])
            return date(int(m[3]), month, int(m[1])) if month else None
    except ValueError:
        return None
    return None


def _excel_serial(serial: float) -> date | None:
    # Serial days since 1899-12-30 (Excel's 1900 system); only plausible survey years.
    if 20_000 <= serial <= 80_000:
        return _EXCEL_EPOCH + timedelta(days=int(serial))
    return None


def parse_date(value: Any) -> date | None:
    """A date from the common Swedish formats, Excel serials or datetime; None if not one."""
    return _try_date(value)


_SOURCE_TYPES = {
    "enkat": "enkat", "survey": "enkat", "enkatsvar": "enkat", "formular": "enkat",
    "questionnaire": "enkat", "webbenkat": "enkat", "pappersenkat": "enkat",
    "patientforum": "patientforum", "forum": "patientforum", "brukarforum": "patientforum",
    "patientrad": "patientforum", "brukarrad": "patientforum",
    "berattelse": "berattelse", "berattelser": "berattelse", "story": "berattelse",
    "intervju": "berattelse", "interview": "berattelse", "narrativ": "berattelse",
}
_GENDERS = {
    "kvinna": "kvinna", "k": "kvinna", "kvinnor": "kvinna", "female": "kvinna", "f": "kvinna",
    "woman": "kvinna", "flicka": "kvinna", "tjej": "kvinna", "kvinnlig": "kvinna",
    "man": "man", "m": "man", "male": "man", "pojke": "man", "kille": "man",
    "manlig": "man", "men": "man",
    "annat": "annat", "annan": "annat", "other": "annat", "ickebinar": "annat",
    "nonbinary": "annat", "x": "annat", "annatkon": "annat",
}
# Answers that mean "not stated": None without a warning.
_GENDER_NONE = {
    "villejange", "villinteange", "villintesvara", "villejsvara", "vetej", "uppgiftsaknas",
    "okand", "ejangett", "ejsvar", "prefernottosay", "unknown",
}
_AGE_BANDS = ((17, "0-17"), (24, "18-24"), (34, "25-34"), (44, "35-44"), (54, "45-54"),
              (64, "55-64"), (74, "65-74"))


def _norm_source(value: str) -> tuple[str | None, bool]:
    """(normalised value, unknown?)"""
    if not value:
        return None, False
    found = _SOURCE_TYPES.get(_norm(value))
    return found, found is None


def _norm_gender(value: str) -> tuple[str | None, bool]:
    if not value:
        return None, False
    key = _norm(value)
    found = _GENDERS.get(key)
    return found, found is None and key not in _GENDER_NONE


def _norm_age(value: str) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}(\s*år)?", value):
        age = int(re.match(r"\d+", value)[0])  # type: ignore[index]
        return next((band for top, band in _AGE_BANDS if age <= top), "75+")
    return re.sub(r"\s*[–—-]\s*", "-", " ".join(value.split()))


def _norm_id(value: str) -> str | None:
    return value or None


def _norm_unit(value: str) -> str | None:
    return " ".join(value.split()) or None


# --- streaming ------------------------------------------------------------------------


def _iter_answers(plan: _Plan, stats: IngestStats) -> Iterator[Answer]:
    src, columns = plan.source, plan.columns
    index = {c: i for i, c in enumerate(columns)}
    text_idx = [(index[c], c) for c in plan.text_columns]
    meta_idx = {f: (index[c], c) for f, c in plan.column_map.items() if c}
    src.budget.cells = 0  # the stream reads the sampled rows again: count cells once
    try:
        for answer in _stream(plan, stats, text_idx, meta_idx):
            src.budget.pause()  # the consumer's time is not the reader's
            yield answer
            src.budget.resume()
    finally:
        _close(src)


def _stream(
    plan: _Plan, stats: IngestStats, text_idx: list[tuple[int, str]],
    meta_idx: dict[str, tuple[int, str]],
) -> Iterator[Answer]:
    src, columns = plan.source, plan.columns
    width = len(columns)
    cache: dict[tuple[str, Any], Any] = {}
    # Columns empty in the sample are not read; if they fill in later (a question added
    # mid-survey), say so in the stats rather than drop answers without a trace.
    used = {i for i, _ in text_idx} | {i for i, _ in meta_idx.values()}
    watch = [(i, c) for i, c in enumerate(columns) if plan.column_stats[c].kind == "tom" and i not in used]
    _, _, rows = _rows_as_lists(src)
    for row, cells in rows:
        cells = _fit_row(src, cells, width, row, columns)
        stats.n_rows += 1
        for i, c in watch:
            if cells[i] is not None and str(cells[i]).strip():
                stats.warnings[(c, "ifylld kolumn som var tom i provet och inte lästes")] += 1
        texts = [(c, _cell_text(src, cells[i], row, c)) for i, c in text_idx]
        if not any(_meaningful(t) for _, t in texts):
            continue
        meta = _metadata(src, cells, meta_idx, row, stats, cache)
        for question, text in texts:
            if _meaningful(text):
                stats.n_answers += 1
                yield Answer(row=row, question=question, text=text, meta=meta)


_MISS = object()


def _bad_date(src: _Source, row: int, column: str) -> InputError:
    return src.error(
        "Datumet kan inte tolkas. Använd t.ex. 2024-05-12, 2024-05-12 10:31, "
        "12/5/2024 eller 20240512, eller ange en annan datumkolumn eller ingen.",
        row=row,
        column=column,
    )


def _metadata(
    src: _Source, cells: list[Any], meta_idx: Mapping[str, tuple[int, str]], row: int,
    stats: IngestStats, cache: dict[tuple[str, Any], Any],
) -> Metadata:
    """Metadata of one row. `cache` lives for one read only (no raw value outlives it):
    exports repeat the same categories and dates on every row."""
    values: dict[str, Any] = {}
    for fld, (i, col) in meta_idx.items():
        raw = cells[i]
        if fld == "respondent_id" or fld == "unit":
            text = _cell_text(src, raw, row, col)
            values[fld] = _norm_id(text) if fld == "respondent_id" else _norm_unit(text)
            continue
        key = (fld, raw)
        try:
            hit = cache.get(key, _MISS)
        except TypeError:  # unhashable (a JSON list/object); _cell_text below rejects it
            hit = _MISS
        if hit is _MISS:
            hit = _meta_value(src, fld, raw, row, col)
            if len(cache) > 50_000:
                cache.clear()
            cache[key] = hit
        value, unknown = hit
        if unknown:
            stats.warnings[(fld, "okänt värde")] += 1
        values[fld] = value
    return Metadata(**values)


def _meta_value(src: _Source, fld: str, raw: Any, row: int, col: str) -> tuple[Any, bool]:
    if fld == "date":
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None, False
        parsed = _try_date(raw.strip() if isinstance(raw, str) else raw)
        if parsed is None:
            raise _bad_date(src, row, col)
        return parsed, False
    text = _cell_text(src, raw, row, col)
    if fld == "source_type":
        return _norm_source(text)
    if fld == "gender":
        return _norm_gender(text)
    return _norm_age(text), False

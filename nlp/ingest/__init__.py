"""Ingest: read a survey/forum export and yield one `Answer` per non-empty free-text cell.

Formats are readers in nlp/ingest/readers/, one module each: CSV (delimiter sniffed among
; , TAB |; UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), XLSX (sheet by name,
else the first sheet with data), JSON (an array of objects, or an object holding such an
array) and JSON Lines. Everything streams: CSV row by row, XLSX through openpyxl's
read-only mode, JSON through ijson, JSON Lines line by line, so memory does not grow with
the file.

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

Layout: read.py (the public functions) → plan.py (columns and mapping from a sample) →
stream.py (answers row by row); opening.py, encoding.py and readers/ (one module per
format, the registry) open the file; cells.py, dates.py, columns.py, metadata.py turn
cells into values; limits.py, json_events.py and isolated.py keep a hostile file cheap.
"""

from __future__ import annotations

from nlp.ingest.dates import parse_date
from nlp.ingest.documents import WHOLE_COLUMN as DOCUMENT_WHOLE_COLUMN
from nlp.ingest.documents import document_kind
from nlp.ingest.documents import text_columns as document_text_columns
from nlp.ingest.encoding import detect_encoding
from nlp.ingest.isolated import inspect_isolated
from nlp.ingest.limits import Limits
from nlp.ingest.opening import sniff_format
from nlp.ingest.read import file_sha256, inspect_export, read_answers
from nlp.ingest.readers import (
    EXTENSIONS,
    READERS,
    accept_attribute,
    accepted_extensions,
)
from nlp.ingest.readers.jsonl_reader import iter_json_lines
from nlp.ingest.types import (
    MAX_CELL_CHARS,
    METADATA_FIELDS,
    SAMPLE_ROWS,
    ColumnStats,
    ExportPreview,
    IngestStats,
    ReadOptions,
)

__all__ = [
    "DOCUMENT_WHOLE_COLUMN",
    "EXTENSIONS",
    "MAX_CELL_CHARS",
    "METADATA_FIELDS",
    "READERS",
    "SAMPLE_ROWS",
    "ColumnStats",
    "ExportPreview",
    "IngestStats",
    "Limits",
    "ReadOptions",
    "accept_attribute",
    "accepted_extensions",
    "detect_encoding",
    "document_kind",
    "document_text_columns",
    "file_sha256",
    "inspect_export",
    "inspect_isolated",
    "iter_json_lines",
    "parse_date",
    "read_answers",
    "sniff_format",
]

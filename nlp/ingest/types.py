"""What ingest hands out: the preview of an export, per-column stats, counts of a read; and
the sizes it works with."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict

METADATA_FIELDS = ("respondent_id", "date", "unit", "source_type", "gender", "age_group")
MAX_CELL_CHARS = 100_000
MAX_HEADER_CHARS = 250  # question names are stored (String(500)) and shown in reports
SAMPLE_ROWS = 1000  # rows read to find text columns and metadata, and for the preview
SAMPLE_BYTES = 256 * 1024  # bytes read to find format, encoding and delimiter


class ReadOptions(TypedDict, total=False):
    """The caller's choices where the automatic ones are not wanted (all optional)."""

    sheet: str | None  # xlsx: the sheet by name (else the first with data)
    text_columns: Sequence[str] | None  # the free-text columns (else found from the content)
    column_map: Mapping[str, str] | None  # metadata field -> column; "" or None: no column
    encoding: str | None  # text formats (else detected)
    delimiter: str | None  # csv (else sniffed)


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

    file_format: str  # a reader's key: csv | xlsx | json | jsonl
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

"""What a reader of one file format is. Each format is one module in nlp/ingest/readers/.

Two shapes of file: a table (CSV, XLSX: the first non-blank row is the header) and a
stream of records (JSON, JSON Lines: the columns are the keys of the sampled objects).
A reader says how to recognise its files, how to open them and how to yield rows.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from typing import Any

from nlp.ingest.cells import header_names
from nlp.ingest.source import Source
from nlp.ingest.types import SAMPLE_BYTES, SAMPLE_ROWS

# Data rows as (row number, cells as a list matching the columns).
Rows = Generator[tuple[int, list[Any]], None, None]


class Reader:
    """One file format. A module in nlp/ingest/readers/ assigns an instance to `READER`."""

    key: str = ""  # "csv": the preview's file_format and the upload's file suffix
    name: str = ""  # "CSV": how messages name the format
    extensions: tuple[str, ...] = ()  # file name endings, lower case with the dot
    media_types: tuple[str, ...] = ()  # for an upload form's accept list
    # A container format (e.g. a zip) is opened by `open`; a text format is decoded by
    # ingest (encoding.py) and then given to `prepare`.
    container: bool = False
    # Which reader's `looks_like` is asked first (containers before text formats).
    sniff_order: int = 100
    # Documents (stories, notes) come through their own upload form, not the export form's.
    document: bool = False

    def looks_like(self, head: bytes) -> bool:
        """True if a file with these first bytes is this format (for a text format: BOM and
        leading blanks stripped). Used when the file's ending names no format, and by the upload."""
        return False

    def open(self, src: Source, head: bytes, sheet: str | None) -> None:
        """Container formats: check and open the file, filling in `src`."""
        raise NotImplementedError

    def prepare(self, src: Source, text_head: str, delimiter: str | None) -> None:
        """Text formats: what the decoded first bytes tell (e.g. the delimiter)."""

    def rows(self, src: Source) -> Iterator[tuple[int, Any]]:
        """(row number, cells) for each non-blank row: cells a list, or a dict of a record."""
        raise NotImplementedError

    def table(self, src: Source) -> tuple[int, list[str], Rows]:
        """Header row number, column names, and the data rows as lists."""
        raise NotImplementedError

    def estimate_rows(self, src: Source, n_sampled: int) -> int:
        """Data rows in a file longer than the sample, estimated cheaply from its size."""
        size = src.path.stat().st_size
        with open(src.path, "rb") as fh:
            head = fh.read(SAMPLE_BYTES)
        lines = max(head.count(b"\n"), 1)
        return max(int(size / (len(head) / lines)) - 1, n_sampled)


class TableReader(Reader):
    """A format with a header row: the first non-blank row names the columns."""

    def table(self, src: Source) -> tuple[int, list[str], Rows]:
        raw = self.rows(src)
        first = next(raw, None)
        if first is None:
            where = f"Bladet {src.sheet!r}" if src.sheet else "Filen"
            raise src.error(f"{where} är tomt." if src.sheet else "Filen är tom.")
        header_row, header = first
        while header and (header[-1] is None or not str(header[-1]).strip()):
            header = header[:-1]  # trailing empty header cells (Excel's extra separators)
        return header_row, header_names(src, header, header_row), raw  # type: ignore[return-value]


class RecordReader(Reader):
    """A format of objects: the columns are the keys of the sampled objects, in first-seen order."""

    def table(self, src: Source) -> tuple[int, list[str], Rows]:
        raw = self.rows(src)
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
        names = header_names(src, raw_keys, 1)

        def as_lists() -> Rows:
            for row, obj in _chain(sample, raw):
                yield row, [obj.get(k) for k in raw_keys]

        return 1, names, as_lists()


def _chain(first: Iterable[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest

"""The registry of readers: one module per file format, found here by itself.

A module in this package declares one format as `READER` (a `TableReader` or
`RecordReader` from nlp/ingest/reader.py: key, name, file endings, how to recognise, open
and read it). The formats ingest accepts, the file endings it knows, the guess for an
unknown ending and the upload's accepted types all derive from `READERS`, so a new format
(ODS, Parquet …) is one new module here plus its test (tests/test_ingest_reader_<key>.py).
"""

from __future__ import annotations

from pathlib import Path

from nlp.ingest.reader import Reader
from nlp.registry import declared

__all__ = [
    "EXTENSIONS",
    "READERS",
    "accept_attribute",
    "accepted_extensions",
    "container_reader_for",
    "reader_for_path",
    "text_reader_for",
]


def _discover() -> dict[str, Reader]:
    return {r.key: r for r in declared(__name__, "READER", unique=("key",))}


READERS: dict[str, Reader] = _discover()
EXTENSIONS: dict[str, str] = {ext: r.key for r in READERS.values() for ext in r.extensions}
_CONTAINERS = sorted((r for r in READERS.values() if r.container), key=lambda r: r.sniff_order)
_TEXT_READERS = sorted((r for r in READERS.values() if not r.container), key=lambda r: r.sniff_order)


def reader_for_path(path: Path) -> Reader | None:
    """The reader named by the file's ending; None if the ending names no format."""
    key = EXTENSIONS.get(path.suffix.lower())
    return READERS[key] if key else None


def container_reader_for(head: bytes) -> Reader | None:
    """The container format (zip …) a file's first bytes show, if any."""
    return next((r for r in _CONTAINERS if r.looks_like(head)), None)


def text_reader_for(head: bytes) -> Reader:
    """The text format a file's first bytes look like (for an ending that names none)."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return next(r for r in _TEXT_READERS if r.looks_like(stripped))


def accepted_extensions() -> tuple[str, ...]:
    """Every file ending a reader takes, e.g. for an upload form's `accept` attribute."""
    return tuple(EXTENSIONS)


def accept_attribute(*, documents: bool = False) -> str:
    """The `accept` attribute of a file input: every ending, then every media type, of the
    export readers (or, with `documents`, of the document readers, plus plain .txt)."""
    chosen = [r for r in READERS.values() if r.document == documents]
    endings = [e for r in chosen for e in r.extensions] + ([".txt"] if documents else [])
    media = dict.fromkeys(m for r in chosen for m in r.media_types)
    return ",".join((*endings, *media))

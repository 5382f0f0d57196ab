"""JSON Lines: one object per line; the row number is the line number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlp.errors import InputError
from nlp.ingest.encoding import BAD_BYTES
from nlp.ingest.json_events import json_line
from nlp.ingest.reader import RecordReader
from nlp.ingest.source import Source


class JsonlReader(RecordReader):
    key = "jsonl"
    name = "JSON Lines"
    extensions = (".jsonl", ".ndjson")
    sniff_order = 10

    def looks_like(self, head: bytes) -> bool:
        # An object that closes on its first line, and another object after it: one object
        # per line. A file of one line holding one object is taken for JSON (json.dumps of
        # {"svar": [...]} writes one line).
        first, _, rest = head.partition(b"\n")
        return head[:1] == b"{" and first.strip().endswith(b"}") and rest.lstrip()[:1] == b"{"

    def rows(self, src: Source) -> Iterator[tuple[int, dict[str, Any]]]:
        return _lines(src, keep_nested=False)


READER = JsonlReader()


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line of a UTF-8 JSON Lines file.

    A Swedish InputError names the line that is undecodable, not JSON or not an object.
    The commands that take JSON Lines with `id`/`text` (or `labels`) fields use this.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("Filen finns inte.", file=path)
    src = Source(path=path, file_format=READER.key, encoding="utf-8-sig")
    yield from _lines(src, keep_nested=True)  # e.g. "labels": [...]


def _lines(src: Source, keep_nested: bool) -> Iterator[tuple[int, dict[str, Any]]]:
    assert src.encoding is not None
    with open(src.path, encoding=src.encoding, errors="surrogateescape") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            if BAD_BYTES.search(line):
                raise src.error("Raden innehåller tecken som inte går att avkoda.", row=line_no)
            # Depth-checked; a line that is not an object is refused before it is built.
            obj = json_line(line, line_no, src.budget, src.error, keep_nested)
            if obj is None:
                raise src.error("Raden är inte giltig JSON.", row=line_no)
            if not isinstance(obj, dict):
                raise src.error("Raden är inte ett JSON-objekt ({...}).", row=line_no)
            src.budget.check(src.error, line_no, len(obj))
            yield line_no, obj

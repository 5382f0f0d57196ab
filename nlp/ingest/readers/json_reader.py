"""JSON: an array of objects, or an object holding such an array; streamed through ijson.

Row numbers are element number + 1, as in a spreadsheet made from it (header = row 1)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import Any

import ijson

from nlp.ingest.json_events import json_objects, json_prefix
from nlp.ingest.reader import RecordReader
from nlp.ingest.source import Source


class JsonReader(RecordReader):
    key = "json"
    name = "JSON"
    extensions = (".json",)
    media_types = ("application/json",)
    sniff_order = 20  # after JSON Lines, which also starts with "{"

    def looks_like(self, head: bytes) -> bool:
        return head[:1] in (b"[", b"{")

    def prepare(self, src: Source, text_head: str, delimiter: str | None) -> None:
        src.json_prefix = _json_prefix(src)

    def rows(self, src: Source) -> Iterator[tuple[int, dict[str, Any]]]:
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


READER = JsonReader()


def _json_prefix(src: Source) -> str:
    """ijson prefix of the array of answers: the top-level array, or one under a key."""
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

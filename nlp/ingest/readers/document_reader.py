"""Documents: stories and interview notes as .docx, .odt or Markdown/plain text (.md), one
story per file, or a zip archive of them; read as a table of one row per story
(nlp/ingest/documents.py). Plain .txt files come to this reader through the document upload,
which saves them as .md: a .txt export is read as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nlp.ingest.documents import read_stories, story_rows
from nlp.ingest.reader import TableReader
from nlp.ingest.source import Source


class DocumentReader(TableReader):
    key = "dokument"
    name = "dokument"
    extensions = (".docx", ".odt", ".md", ".zip")
    media_types = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "text/markdown",
        "application/zip",
    )
    container = True  # opened and read here, never decoded as a table of text
    sniff_order = 1000  # never recognised by content among exports: an xlsx is a zip too
    document = True  # uploaded through the document form, not the export form

    def open(self, src: Source, head: bytes, sheet: str | None) -> None:
        src.workbook = read_stories(src)

    def rows(self, src: Source) -> Iterator[tuple[int, list[Any]]]:
        for row, cells in story_rows(src.workbook):
            if any(c is not None for c in cells):
                yield row, cells

    def estimate_rows(self, src: Source, n_sampled: int) -> int:
        return max(len(src.workbook), n_sampled)


READER = DocumentReader()

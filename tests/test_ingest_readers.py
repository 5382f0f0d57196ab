"""The registry of readers (nlp/ingest/readers/): every format declared once, tested, and the
source of what the upload accepts."""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from nlp.ingest import (
    EXTENSIONS,
    READERS,
    accept_attribute,
    accepted_extensions,
    sniff_format,
)
from nlp.ingest.reader import Reader, RecordReader, TableReader

pytestmark = pytest.mark.utan_databas

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("key", list(READERS))
def test_every_registered_reader_has_its_own_test(key: str) -> None:
    test_file = TESTS / f"test_ingest_reader_{key}.py"
    assert test_file.is_file(), f"lägg till {test_file.name} för läsaren {key!r}"
    assert re.search(r"^def test_", test_file.read_text(encoding="utf-8"), re.MULTILINE)


@pytest.mark.parametrize("key", list(READERS))
def test_every_reader_declares_what_the_registry_needs(key: str) -> None:
    reader = READERS[key]
    assert reader.key == key and reader.name and reader.extensions
    assert isinstance(reader, (TableReader, RecordReader))
    assert all(e.startswith(".") and e == e.lower() for e in reader.extensions)
    if not reader.container:  # a text format is prepared after decoding, never opened itself
        assert type(reader).open is Reader.open


def test_each_ending_belongs_to_one_reader() -> None:
    endings = [e for r in READERS.values() for e in r.extensions]
    assert len(endings) == len(set(endings)) == len(EXTENSIONS)
    assert accepted_extensions() == tuple(EXTENSIONS)


def test_the_accept_list_is_the_registry_s() -> None:
    exports = [r for r in READERS.values() if not r.document]
    accept = accept_attribute().split(",")
    assert [a for a in accept if a.startswith(".")] == [e for r in exports for e in r.extensions]
    assert {m for r in exports for m in r.media_types} == {a for a in accept if "/" in a}
    documents = accept_attribute(documents=True).split(",")
    assert {".docx", ".odt", ".txt", ".md", ".zip"} == {a for a in documents if a.startswith(".")}


def _xlsx() -> bytes:
    wb = Workbook()
    wb.active.append(["id", "svar"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"id;svar\n1;Bra\n", "csv"),
        (codecs.BOM_UTF8 + b'[{"id": 1}]', "json"),
        (b'{"svar": [{"id": 1}]}', "json"),  # one line, one object: JSON (json.dumps writes so)
        (b'{"svar": [\n{"id": 1}\n]}', "json"),
        (b'{"id": 1}\n\n{"id": 2}\n', "jsonl"),
        ("id;svar\n1;Väntetid\n".encode("utf-16"), "csv"),
        ("id;svar\n1;Väntetid för lång\n".encode("cp1252"), "csv"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, None),  # binary
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 200, None),  # old .xls
        (bytes(range(1, 32)) * 20, None),  # control characters, no NUL
    ],
)
def test_sniff_format_by_content(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_sniff_format_knows_a_container_by_its_content() -> None:
    assert sniff_format(_xlsx()[:65536]) == "xlsx"

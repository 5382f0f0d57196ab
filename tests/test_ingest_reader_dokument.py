"""The document reader: stories as .docx, .odt, .md (and .txt in an archive) or a zip of them,
read as one row per story (whole, and per paragraph), within the upload limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import Limits, document_kind, inspect_export, read_answers
from nlp.ingest.documents import MAX_DOCUMENTS
from tests.document_files import (
    ANNA,
    ODT_HEADING,
    ODT_TEXT,
    PLAIN,
    SECOND,
    bomb_docx,
    docx_bytes,
    odt_bytes,
    stories_zip,
    write,
    zip_bytes,
)

pytestmark = pytest.mark.utan_databas

DOCUMENT_MAP = {"respondent_id": "Dokument", "date": "", "unit": "", "source_type": "", "gender": "", "age_group": ""}


def _answers(path: Path) -> list[tuple[int, str, str, str | None]]:
    preview = inspect_export(path, text_columns=["Hela berättelsen"], column_map=DOCUMENT_MAP)
    texts = [c for c in preview.columns if c != "Dokument"]
    return [
        (a.row, a.question, a.text, a.meta.respondent_id)
        for a in read_answers(path, text_columns=texts, column_map=DOCUMENT_MAP)
    ]


def test_a_docx_story_is_read_whole_and_per_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path / "dokument.docx", docx_bytes(ANNA, "", SECOND))
    assert document_kind(path) == "docx"
    assert _answers(path) == [
        (2, "Hela berättelsen", f"{ANNA}\n\n{SECOND}", None),
        (2, "Stycke 1", ANNA, None),
        (2, "Stycke 2", SECOND, None),
    ]


def test_an_odt_story_keeps_its_heading_and_order(tmp_path: Path) -> None:
    path = write(tmp_path / "dokument.odt", odt_bytes(ODT_HEADING, ODT_TEXT))
    assert document_kind(path) == "odt"
    assert [(q, t) for _, q, t, _ in _answers(path)] == [
        ("Hela berättelsen", f"{ODT_HEADING}\n\n{ODT_TEXT}"),
        ("Stycke 1", ODT_HEADING),
        ("Stycke 2", ODT_TEXT),
    ]


def test_a_one_paragraph_story_is_analysed_once(tmp_path: Path) -> None:
    path = write(tmp_path / "dokument.md", "# Väntan\n".encode())
    assert document_kind(path) == "md"
    assert _answers(path) == [(2, "Hela berättelsen", "Väntan", None)]


def test_a_zip_of_stories_is_one_row_per_story_with_the_file_name_as_respondent(tmp_path: Path) -> None:
    path = write(tmp_path / "dokument.zip", stories_zip())
    assert document_kind(path) == "zip"
    got = _answers(path)
    rows = {r for r, *_ in got}
    assert rows == {2, 3, 4}  # the __MACOSX file is skipped
    names = {r: n for r, _, _, n in got}
    # In the order of their names in the archive.
    assert names == {2: "Anna Svensson 19121212-1212.docx", 3: "anteckning.txt", 4: "forum/berattelse-2.odt"}
    assert (3, "Stycke 2", PLAIN.split("\n\n")[1], "anteckning.txt") in got  # cp1252 decoded


@pytest.mark.parametrize(
    ("members", "words"),
    [
        (
            {"a.docx": docx_bytes(ANNA), "inre.zip": zip_bytes({"b.txt": b"hej"})},
            "Fil 2 i zip-arkivet är ett zip-arkiv",
        ),
        ({"Anna Svensson.pdf": b"%PDF-1.4"}, "Fil 1 i zip-arkivet är inte ett dokument"),
        ({"Anna Svensson.docx": b"inte en docx"}, "Fil 1 i zip-arkivet har ändelsen .docx"),
        ({"Anna Svensson.docx": bomb_docx(300)}, "zip-bomb"),
        ({f"{i}.txt": b"hej" for i in range(MAX_DOCUMENTS + 1)}, f"fler än {MAX_DOCUMENTS}"),
    ],
)
def test_hostile_archives_are_refused_without_naming_their_files(
    tmp_path: Path, members: dict[str, bytes], words: str
) -> None:
    path = write(tmp_path / "dokument.zip", zip_bytes(members))
    with pytest.raises(InputError) as err:
        inspect_export(path, text_columns=["Hela berättelsen"], column_map=DOCUMENT_MAP, limits=Limits())
    assert words in str(err.value)
    assert "Anna" not in str(err.value) and "Svensson" not in str(err.value)


def test_an_archive_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = write(tmp_path / "dokument.zip", zip_bytes({"a.txt": b"\0" * (50 * 1024 * 1024)}))
    limits = Limits(max_unzipped_bytes=10 * 1024 * 1024)
    with pytest.raises(InputError, match="zip-bomb"):
        inspect_export(path, text_columns=["Hela berättelsen"], limits=limits)


def test_document_kind_refuses_what_is_no_document(tmp_path: Path) -> None:
    assert document_kind(write(tmp_path / "a", b"%PDF-1.4 ...")) is None
    assert document_kind(write(tmp_path / "b", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)) is None

"""Stories and interview notes written as documents: .docx (python-docx), .odt (odfpy), plain
text (.txt, .md), one story per file, or a zip of such files.

A set of documents is read as a table so that everything after the reader (the preview,
the plan, pseudonymisation, the exports' one row per respondent) treats it as any export:
one row per document, the columns "Dokument" (the file's name inside an archive: mapped to
the respondent id, so it is stored only as a keyed HMAC and a story can be erased by its
file name), "Hela berättelsen" (the story whole) and "Stycke 1" … "Stycke N" (its
paragraphs, when it has more than one).

Limits, as for every upload (limits.py): the archive and each document in it are checked
for zip bombs before a library opens them (sizes, ratios, parts); an archive inside the
archive is refused; at most MAX_DOCUMENTS documents; every paragraph counts as a cell
against the budget. Errors name a document by its number, never by its name (a name may be
a person's).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.ingest.encoding import detect_encoding, looks_binary
from nlp.ingest.limits import ZipWords, check_zip
from nlp.ingest.source import Source

DOCUMENT_COLUMN = "Dokument"
WHOLE_COLUMN = "Hela berättelsen"
PARAGRAPH_COLUMN = "Stycke {}"
MAX_DOCUMENTS = 1000
SUFFIXES = (".docx", ".odt", ".txt", ".md")
ZIP = b"PK\x03\x04"
_ARCHIVE = ZipWords(
    noun="Zip-arkivet",
    unreadable="Zip-arkivet kan inte läsas; det kan vara skadat eller krypterat.",
    advice="Packa upp arkivet och ladda upp färre eller mindre dokument.",
    parts=f"högst {MAX_DOCUMENTS} dokument går att ladda upp på en gång.",
)
_WRONG_KIND = "är inte ett dokument som stöds: använd .docx, .odt, .txt eller .md (eller ett zip-arkiv med sådana)."
# Files that tools put into archives without anyone choosing them.
_SKIPPED = re.compile(r"(^|/)(__MACOSX/|\.|~\$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


@dataclass(frozen=True)
class Story:
    name: str  # the file's name inside an archive; "" for a single uploaded file
    paragraphs: list[str]


class Stories(list[Story]):
    """The documents of an upload, kept on the Source between opening and reading."""

    def close(self) -> None:
        self.clear()


def document_kind(path: Path) -> str | None:
    """docx | odt | zip | md for a file by its content (the upload names the saved file so),
    or None when it is none of them."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if head.startswith(ZIP):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and zf.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
        except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
            return None
        return "zip"
    if head.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        return None
    encoding = detect_encoding(head, whole_file=False)
    if encoding is None or looks_binary(head.decode(encoding, errors="surrogateescape")):
        return None
    return "md"


def read_stories(src: Source) -> Stories:
    """Every story of the file (one document, or an archive of them), checked and parsed."""
    suffix = src.path.suffix.lower()
    if suffix == ".zip":
        return _archive(src)
    data = src.path.read_bytes()
    return Stories([Story("", _paragraphs(src, suffix, data, None))])


def _archive(src: Source) -> Stories:
    check_zip(src.path, src.budget, src.error, _ARCHIVE, max_entries=MAX_DOCUMENTS * 4)
    out = Stories()
    with zipfile.ZipFile(src.path) as zf:
        infos = sorted((i for i in zf.infolist() if not i.is_dir() and not _SKIPPED.search(i.filename)), key=_name)
        if not infos:
            raise src.error("Zip-arkivet innehåller inga dokument.")
        if len(infos) > MAX_DOCUMENTS:
            raise src.error(f"Zip-arkivet innehåller fler än {MAX_DOCUMENTS} filer; dela upp det.")
        for number, info in enumerate(infos, 1):
            suffix = Path(info.filename).suffix.lower()
            if suffix == ".zip":
                raise src.error(f"Fil {number} i zip-arkivet är ett zip-arkiv; packa upp det först.")
            if suffix not in SUFFIXES:
                raise src.error(f"Fil {number} i zip-arkivet {_WRONG_KIND}")
            out.append(Story(_name(info), _paragraphs(src, suffix, zf.read(info), number)))
    return out


def _name(info: zipfile.ZipInfo) -> str:
    return info.filename


def _paragraphs(src: Source, suffix: str, data: bytes, number: int | None) -> list[str]:
    where = f"Fil {number} i zip-arkivet" if number else "Dokumentet"
    words = ZipWords(
        noun=where,
        unreadable=f"{where} kan inte läsas; det kan vara skadat.",
        advice="Spara om dokumentet och försök igen.",
        parts="ett dokument har några tiotal.",
    )
    if suffix in (".docx", ".odt"):
        if not data.startswith(ZIP):
            raise src.error(f"{where} har ändelsen {suffix} men är inget sådant dokument.")
        check_zip(io.BytesIO(data), src.budget, src.error, words)  # a bomb inside the archive too
    try:
        found = _parse(suffix, data)
    except Exception:  # noqa: BLE001 - no library message (it may quote the document) is shown
        found = None
    if found is None:
        raise src.error(words.unreadable)
    paragraphs = [p for p in (_clean(t) for t in found) if p]
    src.budget.check(src.error, cells=len(paragraphs) + 1)
    return paragraphs


def _parse(suffix: str, data: bytes) -> list[str] | None:
    if suffix == ".docx":
        return list(_docx(data))
    if suffix == ".odt":
        return list(_odt(data))
    encoding = detect_encoding(data[:65536], whole_file=len(data) <= 65536) or "utf-8"
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    if looks_binary(text[:65536]):
        return None
    return _text_paragraphs(text, markdown=suffix == ".md")


def _docx(data: bytes) -> Iterator[str]:
    import docx  # python-docx; only where documents are read

    doc = docx.Document(io.BytesIO(data))
    for p in doc.paragraphs:
        yield p.text
    for table in doc.tables:  # notes are sometimes written in a table
        for row in table.rows:
            for cell in row.cells:
                yield cell.text


def _odt(data: bytes) -> Iterator[str]:
    from odf import teletype
    from odf.opendocument import load

    doc = load(io.BytesIO(data))
    yield from _odt_blocks(doc.text, teletype)


def _odt_blocks(node: Any, teletype: Any) -> Iterator[str]:
    """Headings and paragraphs in document order (lists and tables hold paragraphs too)."""
    for child in node.childNodes:
        if getattr(child, "qname", (None, None))[1] in ("p", "h"):
            yield teletype.extractText(child)
        elif getattr(child, "childNodes", None):
            yield from _odt_blocks(child, teletype)


def _text_paragraphs(text: str, *, markdown: bool) -> list[str]:
    """Paragraphs are separated by blank lines; a Markdown heading's # marks are dropped."""
    out = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n")]
        if markdown:
            lines = [re.sub(r"^(#{1,6}\s+|[-*+]\s+|>\s?)", "", line) for line in lines]
        out.append(" ".join(line for line in lines if line))
    return out


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def story_rows(stories: Stories) -> Iterator[tuple[int, list[Any]]]:
    """The table: header row 1, then document n as row n + 1."""
    most = max((len(s.paragraphs) for s in stories if len(s.paragraphs) > 1), default=0)
    yield 1, [DOCUMENT_COLUMN, WHOLE_COLUMN, *(PARAGRAPH_COLUMN.format(i) for i in range(1, most + 1))]
    for number, story in enumerate(stories, 1):
        # One paragraph is the whole story: it is not analysed twice.
        parts = story.paragraphs if len(story.paragraphs) > 1 else []
        cells: list[Any] = [story.name or None, "\n\n".join(story.paragraphs) or None, *parts]
        yield number + 1, cells + [None] * (most + 2 - len(cells))


def text_columns(columns: list[str]) -> list[str]:
    """The columns of a document table that hold text: the story whole and its paragraphs."""
    return [c for c in columns if c != DOCUMENT_COLUMN]

"""The security review's hostile uploads, built in a second or less (tests and
benchmarks/hostile_uploads.py use them).

- `nested_json(n_bytes)`: `[[[[…]]]]`, the array that made the preview use memory
  quadratically (80 KB → 3.95 GB).
- `xlsx_bomb(path, unzipped_mb)`: a valid XLSX whose sheet XML inflates to hundreds of MB
  from a zip of about a megabyte. The deflate data is one 1 MB chunk compressed once with a
  full flush (self-contained, byte-aligned) and repeated, so nothing large is compressed.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

CHUNK = 1 << 20

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row><c t="inlineStr"><is><t>Vad kan bli bättre?</t></is></c>'
    '<c t="inlineStr"><is><t>Kommentar</t></is></c></row>'
).encode()
_SHEET_TAIL = b"</sheetData></worksheet>"
_ROW = (b'<row><c t="inlineStr"><is><t>Det tar lang tid att fa en tid</t></is></c>'
        b'<c t="inlineStr"><is><t>Inget mer</t></is></c></row>')


def nested_json(n_bytes: int) -> bytes:
    """`[[[…]]]` of n_bytes (even)."""
    depth = n_bytes // 2
    return b"[" * depth + b"]" * depth


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def xlsx_bomb(path: Path, unzipped_mb: int = 400) -> Path:
    """A valid one-sheet XLSX whose sheet XML is about `unzipped_mb` MB uncompressed."""
    chunk = _ROW * (CHUNK // len(_ROW))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)  # self-contained
    head = comp.compress(_SHEET_HEAD) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(_SHEET_TAIL) + comp.flush(zlib.Z_FINISH)
    crc = zlib.crc32(_SHEET_HEAD)
    for _ in range(unzipped_mb):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(_SHEET_TAIL, crc)
    sheet_size = len(_SHEET_HEAD) + unzipped_mb * len(chunk) + len(_SHEET_TAIL)
    sheet_packed = len(head) + unzipped_mb * len(block) + len(tail)

    members = [(name, text.encode()) for name, text in _PARTS.items()]
    central = b""
    with open(path, "wb") as fh:
        for name, raw in members:
            central += _write_member(fh, name, _deflate(raw), zlib.crc32(raw), len(raw))
        offset = fh.tell()
        fh.write(_local_header("xl/worksheets/sheet1.xml", crc, sheet_packed, sheet_size))
        fh.write(head)
        for _ in range(unzipped_mb):
            fh.write(block)
        fh.write(tail)
        central += _central_header("xl/worksheets/sheet1.xml", crc, sheet_packed, sheet_size, offset)
        start = fh.tell()
        fh.write(central)
        n = len(members) + 1
        fh.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, n, n, len(central), start, 0))
    return path


def _local_header(name: str, crc: int, packed: int, size: int) -> bytes:
    raw = name.encode()
    return struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, packed, size,
                       len(raw), 0) + raw


def _central_header(name: str, crc: int, packed: int, size: int, offset: int) -> bytes:
    raw = name.encode()
    return struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, packed, size,
                       len(raw), 0, 0, 0, 0, 0, offset) + raw


def _write_member(fh, name: str, data: bytes, crc: int, size: int) -> bytes:  # type: ignore[no-untyped-def]
    offset = fh.tell()
    fh.write(_local_header(name, crc, len(data), size))
    fh.write(data)
    return _central_header(name, crc, len(data), size, offset)

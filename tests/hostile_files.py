"""The security review's hostile uploads, built in a second or less (tests and
benchmarks/hostile_uploads.py use them).

- `nested_json(n_bytes)`: `[[[[…]]]]`, the array that made the preview use memory
  quadratically (80 KB → 3.95 GB).
- `Server`: `brukarrost serve` as a real process to upload them to, watching its RSS.
- `xlsx_bomb(path, unzipped_mb)`: a valid XLSX whose sheet XML inflates to hundreds of MB
  from a zip of about a megabyte. The deflate data is one 1 MB chunk compressed once with a
  full flush (self-contained, byte-aligned) and repeated, so nothing large is compressed.
"""

from __future__ import annotations

import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from dataclasses import dataclass
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
_ROW = (
    b'<row><c t="inlineStr"><is><t>Det tar lang tid att fa en tid</t></is></c>'
    b'<c t="inlineStr"><is><t>Inget mer</t></is></c></row>'
)


def nested_json(n_bytes: int) -> bytes:
    """`[[[…]]]` of n_bytes (even)."""
    depth = n_bytes // 2
    return b"[" * depth + b"]" * depth


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def xlsx_bomb(path: Path, unzipped_mb: int = 400, declared_size: int | None = None) -> Path:
    """A valid one-sheet XLSX whose sheet XML is about `unzipped_mb` MB uncompressed.

    declared_size: the sheet's size as written in the zip headers (a lie, to get past
    checks that trust them); default the true size."""
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
    if declared_size is not None:
        sheet_size = declared_size

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
    return struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, packed, size, len(raw), 0) + raw


def _central_header(name: str, crc: int, packed: int, size: int, offset: int) -> bytes:
    raw = name.encode()
    return (
        struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, packed, size, len(raw), 0, 0, 0, 0, 0, offset
        )
        + raw
    )


def _write_member(fh, name: str, data: bytes, crc: int, size: int) -> bytes:  # type: ignore[no-untyped-def]
    offset = fh.tell()
    fh.write(_local_header(name, crc, len(data), size))
    fh.write(data)
    return _central_header(name, crc, len(data), size, offset)


# --- a real server to send them to -------------------------------------------------------


@dataclass
class UploadResult:
    status: int
    seconds: float
    rss_before: int  # bytes
    rss_peak: int
    text: str


class Server:
    """`brukarrost serve` (uvicorn) as a real process, with an analyst signed in through the
    web form, to send uploads to and watch the server's RSS (/proc/<pid>/status)."""

    def __init__(self, env: dict[str, str], user: str = "analytiker", password: str = "ett-langt-losenord") -> None:
        self.env = dict(env, BRUKARROST_EMBEDDED_WORKER="0", BRUKARROST_NYTT_LOSENORD=password)
        self.user, self.password = user, password

    def __enter__(self) -> Server:
        import httpx

        made = subprocess.run(
            [
                sys.executable,
                "-m",
                "nlp.cli",
                "anvandare",
                "skapa",
                self.user,
                "--roll",
                "analyst",
                "--projekt",
                "demo",
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert made.returncode == 0, made.stderr
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "nlp.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)
        deadline = time.monotonic() + 90
        while True:
            try:
                if self.client.get("/logga-in").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError("servern startade inte")
            time.sleep(0.3)
        page = self.client.get("/logga-in").text
        resp = self.client.post(
            "/logga-in",
            data={"anvandarnamn": self.user, "losenord": self.password, "nasta": "/", "csrf_token": _csrf(page)},
        )
        assert resp.status_code == 303, resp.text
        self.project_id = self.client.get("/api/projects").json()[0]["id"]
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def rss(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def upload(self, name: str, content: bytes) -> UploadResult:
        """Through the web form: token as a field before the file, as a browser sends it."""
        form = self.client.get(f"/projekt/{self.project_id}/ladda-upp").text
        before = peak = self.rss()
        stop = threading.Event()

        def watch() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, self.rss())
                time.sleep(0.02)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        start = time.monotonic()
        try:
            resp = self.client.post(
                f"/projekt/{self.project_id}/ladda-upp",
                data={"csrf_token": _csrf(form)},
                files={"fil": (name, content)},
            )
        finally:
            seconds = time.monotonic() - start
            stop.set()
            watcher.join()
        return UploadResult(resp.status_code, seconds, before, max(peak, self.rss()), resp.text)


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "sidan saknar CSRF-fält"
    return m.group(1)


def hostile_uploads(workdir: Path) -> dict[str, bytes]:
    """The review's attacks as (file name → bytes), plus a normal export to compare with."""
    bomb = xlsx_bomb(workdir / "bomb.xlsx", unzipped_mb=400).read_bytes()
    normal = "id;Vad kan bli bättre?\n" + "".join(
        f"{i};Jag fick vänta länge på en tid, svar {i} om bemötandet\n" for i in range(2000)
    )
    return {
        "vanlig.csv": normal.encode(),
        "nastlad-80kb.json": nested_json(80 * 1024),
        "nastlad-400kb.json": nested_json(400 * 1024),
        "zipbomb.xlsx": bomb,
    }

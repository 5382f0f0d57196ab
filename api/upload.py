"""Streaming multipart upload straight into a private 0700 directory.

Hand-written on python-multipart's push parser because Starlette's form parsing spools
uploads into its own temporary files, and a raw export (personal data) must only ever be
written to the private upload directory. The size limit is enforced while streaming.
A web form's CSRF token comes as the field `csrf_token` before the file (never in the URL,
which access logs keep); it is checked when the file part starts, before any byte of it
is written (api.auth.verify_csrf_upload).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParser, parse_options_header

from api.auth import CSRF_FIELD, csrf_field_ok
from nlp.jobs import remove_upload
from nlp.private_files import private_dir

FIELD = "fil"
_CSRF_FAILED = "CSRF-kontrollen misslyckades: ladda om sidan och försök igen."


@dataclass
class SavedUpload:
    directory: Path
    path: Path
    size: int
    file_format: str  # csv | xlsx | json


class _TooLarge(Exception):
    pass


class _CsrfFailed(Exception):
    pass


def sniff_format(head: bytes) -> str | None:
    """File type from the content, not the name: xlsx (zip), json, csv (text) or None."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return None  # old binary .xls
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    from charset_normalizer import from_bytes

    if head and from_bytes(head).best() is None:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "json" if stripped[:1] in (b"[", b"{") else "csv"


async def receive_upload(request: Request, root: Path, max_bytes: int) -> SavedUpload:
    """Stream the multipart field `fil` to root/<private dir>/<name>; 413/415/422 in Swedish."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise HTTPException(415, "Skicka filen som multipart/form-data i fältet 'fil'.")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes + 64 * 1024:
        raise HTTPException(413, f"Filen är större än gränsen på {max_bytes // (1024 * 1024)} MB.")

    directory = Path(tempfile.mkdtemp(prefix="jobb-", dir=private_dir(root, own=True)))  # mode 0700
    state: dict[str, object] = {"header": b"", "headers": {}, "fd": None, "size": 0,
                                "head": b"", "found": False,
                                "in_csrf": False, "csrf": None}
    partial = directory / "mottas"
    sha = hashlib.sha256()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["header"] = bytes(state["header"]) + data[start:end]  # type: ignore[arg-type]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        key = bytes(state["header"]).lower()  # type: ignore[arg-type]
        headers = state["headers"]
        headers[key] = headers.get(key, b"") + data[start:end]  # type: ignore[union-attr]

    def on_header_end() -> None:
        state["header"] = b""

    def on_headers_finished() -> None:
        disp = state["headers"].get(b"content-disposition", b"")  # type: ignore[union-attr]
        _, opts = parse_options_header(disp)
        if opts.get(b"name") == CSRF_FIELD.encode() and b"filename" not in opts:
            state["in_csrf"], state["csrf"] = True, b""
        if opts.get(b"name") == FIELD.encode() and b"filename" in opts and not state["found"]:
            if not csrf_field_ok(request, state["csrf"]):  # type: ignore[arg-type]
                raise _CsrfFailed  # before the file is even created
            state["found"] = True
            state["fd"] = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if state["in_csrf"]:
            state["csrf"] = (bytes(state["csrf"]) + data[start:end])[:512]  # type: ignore[arg-type]
            return
        fd = state["fd"]
        if fd is None:
            return
        chunk = data[start:end]
        state["size"] = int(state["size"]) + len(chunk)  # type: ignore[arg-type]
        if int(state["size"]) > max_bytes:  # type: ignore[arg-type]
            raise _TooLarge
        if len(state["head"]) < 65536:  # type: ignore[arg-type]
            state["head"] = bytes(state["head"]) + chunk[:65536]  # type: ignore[arg-type]
        sha.update(chunk)
        os.write(fd, chunk)  # type: ignore[arg-type]

    def on_part_end() -> None:
        state["in_csrf"] = False
        if state["fd"] is not None:
            os.close(state["fd"])  # type: ignore[arg-type]
            state["fd"] = None
        state["headers"] = {}

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field, "on_header_value": on_header_value,
            "on_header_end": on_header_end, "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data, "on_part_end": on_part_end,
        },
    )
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except _CsrfFailed:
        remove_upload(str(directory))
        raise HTTPException(403, _CSRF_FAILED) from None
    except _TooLarge:
        remove_upload(str(directory))
        raise HTTPException(413, f"Filen är större än gränsen på {max_bytes // (1024 * 1024)} MB.") from None
    except Exception:
        remove_upload(str(directory))
        raise HTTPException(400, "Uppladdningen kunde inte läsas (trasig multipart-data).") from None
    finally:
        if state["fd"] is not None:
            os.close(state["fd"])  # type: ignore[arg-type]
    if not csrf_field_ok(request, state["csrf"]):  # type: ignore[arg-type]
        remove_upload(str(directory))
        raise HTTPException(403, _CSRF_FAILED)
    if not state["found"]:
        remove_upload(str(directory))
        raise HTTPException(422, "Ingen fil skickades: lägg filen i fältet 'fil'.")
    if int(state["size"]) == 0:  # type: ignore[arg-type]
        remove_upload(str(directory))
        raise HTTPException(422, "Filen är tom.")
    fmt = sniff_format(bytes(state["head"]))  # type: ignore[arg-type]
    if fmt is None:
        remove_upload(str(directory))
        raise HTTPException(415, "Filtypen känns inte igen: ladda upp CSV, XLSX eller JSON.")
    final = directory / f"export.{fmt}"  # not the user's name: it ends up in error messages
    partial.rename(final)
    return SavedUpload(directory=directory, path=final, size=int(state["size"]),  # type: ignore[arg-type]
                       file_format=fmt)

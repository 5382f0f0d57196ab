"""Streaming multipart upload straight into a private 0700 directory.

Hand-written on python-multipart's push parser because Starlette's form parsing spools
uploads into its own temporary files, and a raw export (personal data) must only ever be
written to the private upload directory. The size limit is enforced while streaming.
A web form's CSRF token comes as the field `csrf_token` before the file (never in the URL,
which access logs keep); it is checked when the file part starts, before any byte of it
is written (api.auth.verify_csrf_upload). Other small text fields (the document form's date,
unit, source and taxonomy) are kept, FIELD_BYTES each at most; FIELDS_MAX of them.

The user's file name is never kept: the file is saved as `export.<format>` or
`dokument.<kind>` by its content, so messages naming the file cannot carry a name.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from python_multipart.multipart import MultipartParser, parse_options_header
from sqlalchemy.orm import Session

from api.auth import CSRF_FIELD, csrf_field_ok
from api.schemas import JobOut, UploadOut
from api.services import jobs
from api.services.errors import BadRequest, Forbidden, Invalid, ServiceError, TooLarge, Unsupported
from nlp.ingest import document_kind, sniff_format
from nlp.jobs import remove_upload
from nlp.private_files import private_dir
from nlp.store.models import Project, User

FIELD = "fil"
FIELD_BYTES = 512
FIELDS_MAX = 20
_CSRF_FAILED = "CSRF-kontrollen misslyckades: ladda om sidan och försök igen."


@dataclass
class SavedUpload:
    directory: Path
    path: Path
    size: int
    file_format: str  # a reader's key (nlp.ingest's registry): csv, xlsx, json, jsonl, dokument …
    fields: dict[str, str] = field(default_factory=dict)  # the form's other (small) text fields


class UploadFailed(ServiceError):
    """A refused upload with the form's text fields as typed, so the page can keep them."""

    def __init__(self, cause: ServiceError, fields: dict[str, str]) -> None:
        super().__init__(cause.message, headers=cause.headers)
        self.status = cause.status
        self.fields = fields


class _TooLarge(Exception):
    pass


class _CsrfFailed(Exception):
    pass


def _too_large(max_bytes: int) -> TooLarge:
    return TooLarge(f"Filen är större än gränsen på {max_bytes // (1024 * 1024)} MB.")


class _Receiver:
    """python-multipart callbacks: the CSRF field is kept (512 bytes at most), the file
    field `fil` goes to `partial` (0600), everything else is ignored."""

    # The multipart parser's callbacks: each is the method of the same name.
    CALLBACKS = (
        "on_header_field",
        "on_header_value",
        "on_header_end",
        "on_headers_finished",
        "on_part_data",
        "on_part_end",
    )

    def __init__(self, request: Request, partial: Path, max_bytes: int) -> None:
        self.request, self.partial, self.max_bytes = request, partial, max_bytes
        self.header = b""
        self.headers: dict[bytes, bytes] = {}
        self.fd: int | None = None
        self.size = 0
        self.head = b""
        self.found = False
        self.in_csrf = False
        self.csrf: bytes | None = None
        self.field_name: str | None = None  # the small text field being received
        self.fields: dict[str, bytes] = {}

    def callbacks(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.CALLBACKS}

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        key = self.header.lower()
        self.headers[key] = self.headers.get(key, b"") + data[start:end]

    def on_header_end(self) -> None:
        self.header = b""

    def on_headers_finished(self) -> None:
        _, opts = parse_options_header(self.headers.get(b"content-disposition", b""))
        name = opts.get(b"name", b"")
        if name == CSRF_FIELD.encode() and b"filename" not in opts:
            self.in_csrf, self.csrf = True, b""
        elif name and name != FIELD.encode() and b"filename" not in opts and len(self.fields) < FIELDS_MAX:
            self.field_name = name.decode("utf-8", errors="replace")[:100]
            self.fields[self.field_name] = b""
        if opts.get(b"name") == FIELD.encode() and b"filename" in opts and not self.found:
            if not csrf_field_ok(self.request, self.csrf):
                raise _CsrfFailed  # before the file is even created
            self.found = True
            self.fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_csrf:
            self.csrf = (bytes(self.csrf or b"") + data[start:end])[:512]
            return
        if self.field_name is not None:
            self.fields[self.field_name] = (self.fields[self.field_name] + data[start:end])[:FIELD_BYTES]
            return
        if self.fd is None:
            return
        chunk = data[start:end]
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise _TooLarge
        if len(self.head) < 65536:
            self.head += chunk[:65536]
        os.write(self.fd, chunk)

    def on_part_end(self) -> None:
        self.in_csrf = False
        self.field_name = None
        self.close()
        self.headers = {}

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _boundary(request: Request, max_bytes: int) -> bytes:
    """The multipart boundary; refuses other content types and a declared size over the limit."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise Unsupported("Skicka filen som multipart/form-data i fältet 'fil'.")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes + 64 * 1024:
        raise _too_large(max_bytes)
    return boundary


async def _stream(request: Request, boundary: bytes, receiver: _Receiver) -> None:
    """Feed the body to the parser; any failure is a Swedish error (the caller cleans up)."""
    parser = MultipartParser(boundary, receiver.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except _CsrfFailed:
        raise Forbidden(_CSRF_FAILED) from None
    except _TooLarge:
        raise _too_large(receiver.max_bytes) from None
    except Exception:
        raise BadRequest("Uppladdningen kunde inte läsas (trasig multipart-data).") from None
    finally:
        receiver.close()


def _checked_format(request: Request, receiver: _Receiver, documents: bool) -> tuple[str, str]:
    """(reader key, file suffix) of a complete upload by its content, or why it is refused."""
    if not csrf_field_ok(request, receiver.csrf):
        raise Forbidden(_CSRF_FAILED)
    if not receiver.found:
        raise Invalid("Ingen fil skickades: välj en fil.")
    if receiver.size == 0:
        raise Invalid("Filen är tom.")
    if documents:
        kind = document_kind(receiver.partial)
        if kind is None:
            raise Unsupported(
                "Filtypen känns inte igen: ladda upp .docx, .odt, .txt, .md eller ett zip-arkiv med sådana."
            )
        return "dokument", kind
    fmt = sniff_format(receiver.head)
    if fmt is None:
        raise Unsupported("Filtypen känns inte igen: ladda upp CSV, XLSX eller JSON.")
    return fmt, fmt


async def receive_upload(request: Request, root: Path, max_bytes: int, *, documents: bool = False) -> SavedUpload:
    """Stream the multipart field `fil` to root/<private dir>/<name>; TooLarge, Unsupported,
    Forbidden (CSRF), BadRequest or Invalid in Swedish otherwise, with nothing left behind.
    `documents`: stories and notes (the document form), else an export."""
    boundary = _boundary(request, max_bytes)
    directory = Path(tempfile.mkdtemp(prefix="jobb-", dir=private_dir(root, own=True)))  # mode 0700
    receiver = _Receiver(request, directory / "mottas", max_bytes)
    try:
        await _stream(request, boundary, receiver)
        fmt, suffix = await run_in_threadpool(_checked_format, request, receiver, documents)
    except ServiceError as exc:
        remove_upload(str(directory))
        raise UploadFailed(exc, _texts(receiver.fields)) from None
    except BaseException:
        remove_upload(str(directory))
        raise
    # Not the user's name: it ends up in error messages.
    final = directory / f"{'dokument' if documents else 'export'}.{suffix}"
    receiver.partial.rename(final)
    return SavedUpload(
        directory=directory, path=final, size=receiver.size, file_format=fmt, fields=_texts(receiver.fields)
    )


def _texts(fields: dict[str, bytes]) -> dict[str, str]:
    return {k: v.decode("utf-8", errors="replace") for k, v in fields.items()}


async def accept_upload(request: Request, db: Session, user: User, project: Project) -> UploadOut:
    """Receive the request's file and make it a job (the API's upload and the upload page)."""
    settings = request.app.state.settings
    saved = await receive_upload(request, settings.uploads, settings.max_upload_bytes)
    job, columns = await run_in_threadpool(jobs.register_upload, db, user, project, saved)
    return UploadOut(job=JobOut.model_validate(job), preview=columns)


async def accept_documents(request: Request, db: Session, user: User, project: Project) -> JobOut:
    """Receive stories or notes (one document, or a zip of them) with the form's date, unit,
    source and taxonomy, and queue their analysis at once (no columns to confirm)."""
    settings = request.app.state.settings
    saved = await receive_upload(request, settings.uploads, settings.max_upload_bytes, documents=True)
    try:
        job = await run_in_threadpool(jobs.register_documents, db, user, project, saved)
    except ServiceError as exc:
        raise UploadFailed(exc, saved.fields) from None
    return JobOut.model_validate(job)

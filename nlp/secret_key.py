"""The pseudonym key: kept apart from the data, created on first use.

A core module: the pseudonymiser keys its pseudonyms with it and the embedding cache derives
its HMAC key from it, and stages do not import each other.

The key comes from BRUKARROST_KEY, else from BRUKARROST_KEY_FILE (default
~/.config/brukarrost/pseudonym.key), a 0600 file that must lie outside the data dir so a
copy of data/ alone can never recompute the mapping. The key is never logged or shown.

Messages about the key file never name its path (they may reach a web page); the path is
in `KeyFileError.admin_detail`, which the CLI prints and the server only logs. Other keys
(the embedding cache's, the fingerprint stored with each import) are derived from this
one with HMAC, so they reveal nothing about it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from nlp.config import Settings, get_settings
from nlp.errors import ConfigError

log = logging.getLogger(__name__)
_MIN_KEY_BYTES = 16


class KeyFileError(ConfigError):
    """A problem with the key file. `message` has no path; `admin_detail` has it."""

    def __init__(self, message: str, admin_detail: str) -> None:
        super().__init__(message)
        self.admin_detail = admin_detail
        log.error("Nyckelfilen: %s", admin_detail)


class KeyMissingError(ConfigError):
    """No key, and the caller may not create one (the database already holds data)."""


def derive_key(key: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose (HMAC-SHA256 of the purpose under the key)."""
    return hmac.new(key, b"brukarrost/" + purpose.encode("utf-8"), hashlib.sha256).digest()


def key_fingerprint(key: bytes) -> str:
    """A keyed fingerprint (32 hex) that tells keys apart without revealing them."""
    return derive_key(key, "fingerprint/v1").hex()[:32]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def load_key(settings: Settings | None = None) -> bytes | None:
    """Return the HMAC key from BRUKARROST_KEY or the key file; None when there is none."""
    settings = settings or get_settings()
    if settings.key:
        key = settings.key.encode("utf-8")
        if len(key) < _MIN_KEY_BYTES:
            raise ConfigError(f"Nyckeln i BRUKARROST_KEY är för kort: den måste vara minst {_MIN_KEY_BYTES} tecken.")
        return key
    key_file = _key_file(settings)
    if not key_file.exists():
        return None
    mode = stat.S_IMODE(key_file.stat().st_mode)
    if mode & 0o077:
        raise KeyFileError(
            "Nyckelfilen (BRUKARROST_KEY_FILE) kan läsas av andra användare. "
            "Be administratören göra den privat med chmod 600.",
            f"{key_file} kan läsas av andra användare. Gör den privat med: chmod 600 {key_file}",
        )
    try:
        key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    except (ValueError, UnicodeDecodeError, OSError):
        key = b""
    if len(key) < _MIN_KEY_BYTES:
        raise KeyFileError(
            "Nyckelfilen för pseudonymer är skadad och kan inte användas. Be administratören "
            "återställa den från en säkerhetskopia (eller ange nyckeln med BRUKARROST_KEY).",
            f"{key_file} är skadad (inte en giltig nyckel på minst {_MIN_KEY_BYTES} byte).",
        )
    return key


def _key_file(settings: Settings) -> Path:
    key_file = Path(settings.key_file).expanduser().resolve()
    data_dir = Path(settings.data_dir).expanduser().resolve()
    if _inside(key_file, data_dir):
        raise ConfigError(
            "Nyckelfilen får inte ligga i datamappen: den ska förvaras skild från datan. "
            "Ange en annan plats med BRUKARROST_KEY_FILE."
        )
    return key_file


MISSING_KEY_MESSAGE = (
    "Nyckeln för pseudonymer saknas, men databasen har redan importer som gjordes med en "
    "nyckel. En ny nyckel skapas inte av sig själv, eftersom tidigare svar då inte längre "
    "går att radera per respondent. Återställ nyckelfilen (BRUKARROST_KEY_FILE) från en "
    "säkerhetskopia eller ange nyckeln med BRUKARROST_KEY. Är den gamla nyckeln förlorad "
    "kan en administratör medvetet börja en ny nyckelgeneration med: brukarrost nyckel ny"
)


def load_or_create_key(settings: Settings | None = None, *, create: bool = True) -> bytes:
    """Return the HMAC key; create a random 0600 key file on first use.

    create=False raises KeyMissingError instead of creating one (callers pass it when
    the database already holds data made with a key)."""
    settings = settings or get_settings()
    key = load_key(settings)
    if key is not None:
        return key
    if not create:
        raise KeyMissingError(MISSING_KEY_MESSAGE)
    key_file = _key_file(settings)
    key = secrets.token_bytes(32)
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # O_EXCL: never overwrite a key another process created meanwhile.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load_or_create_key(settings)
    except OSError as exc:
        raise KeyFileError(
            "Nyckelfilen för pseudonymer kunde inte skapas. Be administratören ange en "
            "skrivbar plats med BRUKARROST_KEY_FILE.",
            f"Kunde inte skapa {key_file} ({exc.strerror}).",
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    log.info("En ny nyckel för pseudonymer skapades.")
    return key

"""The pseudonym key: kept apart from the data, created on first use.

The key comes from BRUKARROST_KEY, else from BRUKARROST_KEY_FILE (default
~/.config/brukarrost/pseudonym.key), a 0600 file that must lie outside the data dir so a
copy of data/ alone can never recompute the mapping. The key is never logged or shown.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from nlp.config import Settings, get_settings
from nlp.errors import ConfigError

_MIN_KEY_BYTES = 16


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def load_or_create_key(settings: Settings | None = None) -> bytes:
    """Return the HMAC key; create a random 0600 key file on first use."""
    settings = settings or get_settings()
    if settings.key:
        key = settings.key.encode("utf-8")
        if len(key) < _MIN_KEY_BYTES:
            raise ConfigError(
                f"Nyckeln i BRUKARROST_KEY är för kort: den måste vara minst {_MIN_KEY_BYTES} tecken."
            )
        return key

    key_file = Path(settings.key_file).expanduser().resolve()
    data_dir = Path(settings.data_dir).expanduser().resolve()
    if _inside(key_file, data_dir):
        raise ConfigError(
            "Nyckelfilen får inte ligga i datamappen: den ska förvaras skild från datan. "
            "Ange en annan plats med BRUKARROST_KEY_FILE."
        )
    if key_file.exists():
        mode = stat.S_IMODE(key_file.stat().st_mode)
        if mode & 0o077:
            raise ConfigError(
                f"Nyckelfilen {key_file} kan läsas av andra användare. "
                f"Gör den privat med: chmod 600 {key_file}"
            )
        try:
            key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
        except (ValueError, UnicodeDecodeError):
            raise ConfigError(f"Nyckelfilen {key_file} är skadad (inte en giltig nyckel).") from None
        if len(key) < _MIN_KEY_BYTES:
            raise ConfigError(f"Nyckelfilen {key_file} är skadad (nyckeln är för kort).")
        return key

    key = secrets.token_bytes(32)
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # O_EXCL: never overwrite a key another process created meanwhile.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load_or_create_key(settings)
    except OSError as exc:
        raise ConfigError(
            f"Kunde inte skapa nyckelfilen {key_file} ({exc.strerror}). "
            "Ange en skrivbar plats med BRUKARROST_KEY_FILE."
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    return key

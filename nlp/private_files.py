"""What the service writes under the data dir is private: files 0600, directories 0700.

The data dir holds pseudonymised answers (the database, its -wal/-shm files), the
embedding cache and trained models; nobody but the service's own user needs to read them.
Two layers: the `brukarrost` command sets the process umask to 0o077 at start (so every
file any library creates is private), and the places that create the database and cache
files create or tighten them explicitly (so an older 0644 file, or a caller that never set
the umask, is fixed too). Errors become `ConfigError` with a Swedish message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nlp.config import get_settings
from nlp.errors import ConfigError

PRIVATE_UMASK = 0o077
FILE_MODE = 0o600
DIR_MODE = 0o700
# SQLite's companion files; SQLite gives new -wal/-shm files the database file's own mode.
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def use_private_umask() -> None:
    """Make every file and directory this process creates private (called at CLI start)."""
    os.umask(PRIVATE_UMASK)


def _tighten(path: Path, mode: int) -> None:
    """chmod a path we own; never a shared directory such as /tmp (sticky bit)."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & stat.S_ISVTX:
        return
    if stat.S_IMODE(st.st_mode) != mode:
        os.chmod(path, mode)


def _inside_data_dir(path: Path) -> list[Path]:
    """The directories from the data dir down to `path`, if `path` lies inside it."""
    data_dir = get_settings().data_dir.resolve()
    path = path.resolve()
    if path != data_dir and data_dir not in path.parents:
        return []
    return [data_dir, *[p for p in reversed(path.parents) if data_dir in p.parents], path]


def private_dir(path: Path, *, own: bool = False) -> Path:
    """Create `path` and its missing parents with mode 0700. Directories under the data
    dir (and the data dir itself) are tightened to 0700 even when they already exist, and
    so is `path` when it is the service's `own` (the upload root); a user's existing
    folder (`--ut .`) keeps its mode."""
    try:
        missing = [p for p in (path, *path.parents) if not p.exists()]
        for directory in reversed(missing):
            directory.mkdir(mode=DIR_MODE, exist_ok=True)
            os.chmod(directory, DIR_MODE)  # mkdir's mode is reduced by the umask
        for directory in {*_inside_data_dir(path), *([path] if own else [])}:
            _tighten(directory, DIR_MODE)
    except OSError as exc:
        raise ConfigError(
            f"Mappen {path} kunde inte skapas eller göras privat ({_reason(exc)}). "
            "Kontrollera att den går att skriva i (datamappen anges med BRUKARROST_DATA_DIR)."
        ) from None
    return path


def private_sqlite_file(path: Path) -> Path:
    """Create an SQLite database file (empty is a valid database) with mode 0600 before
    SQLite opens it, and tighten an existing one and its -wal/-shm/-journal files."""
    private_dir(path.parent)
    try:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        for suffix in SQLITE_SUFFIXES:
            _tighten(path.with_name(path.name + suffix), FILE_MODE)
    except OSError as exc:
        raise ConfigError(
            f"Databasfilen {path} kunde inte skapas eller göras privat ({_reason(exc)}). "
            "Kontrollera att mappen går att skriva i (datamappen anges med BRUKARROST_DATA_DIR)."
        ) from None
    return path


def write_private_text(path: Path, text: str) -> Path:
    """Write a text file that only the owner can read (reports)."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    _tighten(path, FILE_MODE)  # an existing file keeps its mode through O_CREAT
    return path


def _reason(exc: OSError) -> str:
    """A short Swedish reason for the common OS errors (the English strerror otherwise)."""
    if isinstance(exc, PermissionError):
        return "saknar behörighet"
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        return "en fil står i vägen för mappen"
    if isinstance(exc, FileNotFoundError):
        return "sökvägen finns inte"
    if exc.errno is not None and exc.errno == 30:  # EROFS
        return "filsystemet är skrivskyddat"
    return exc.strerror or type(exc).__name__

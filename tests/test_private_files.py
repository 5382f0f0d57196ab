"""Everything the service writes under the data dir is private (files 0600, directories
0700), and start-up problems (database URL, data dir) give a short Swedish message.
Run through the installed `brukarrost` command, as users run it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.config import PROJECT_ROOT, get_settings
from tests.conftest import EXAMPLE_EXPORT

BRUKARROST = Path("/work/main/.venv/bin/brukarrost")
if not BRUKARROST.exists():  # another checkout: the command next to this interpreter
    BRUKARROST = Path(sys.executable).with_name("brukarrost")


def _run(*args: str, env: dict[str, str] | None = None, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), **(env or {}))
    return subprocess.run(
        [str(BRUKARROST), *args], env=full, capture_output=True, text=True, timeout=timeout, cwd=PROJECT_ROOT
    )


def _modes(root: Path) -> dict[str, int]:
    out = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        out[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return out


def _loose(root: Path) -> dict[str, str]:
    return {name: oct(mode) for name, mode in _modes(root).items() if mode & 0o077}


@pytest.mark.skipif(
    bool(os.environ.get("BRUKARROST_TEST_DATABASE_URL")),
    reason="SQLite-filerna i datamappen; med PostgreSQL finns ingen databasfil där",
)
def test_import_makes_database_and_its_folder_private_even_without_a_umask(
    isolated_settings: Path,
) -> None:
    """The explicit layer: an older 0644 database in a 0755 data dir is tightened, and new
    -wal/-shm files are private, whatever the process umask is."""
    from nlp.pipeline import import_export
    from nlp.store.db import init_db

    old = os.umask(0o022)
    try:
        isolated_settings.mkdir(parents=True, mode=0o755)
        os.chmod(isolated_settings, 0o755)
        db = isolated_settings / "brukarrost.db"
        db.touch(mode=0o644)
        os.chmod(db, 0o644)
        init_db()
        import_export(EXAMPLE_EXPORT)
    finally:
        os.umask(old)
    modes = _modes(isolated_settings)
    assert modes["."] == 0o700
    assert {"brukarrost.db", "brukarrost.db-wal", "brukarrost.db-shm"} <= set(modes)
    assert _loose(isolated_settings) == {}


def test_cli_run_writes_only_private_files(tmp_path: Path) -> None:
    """A real `brukarrost analysera`: database, WAL, embedding cache, report — nothing is
    readable by group or others."""
    if get_settings().db_url.startswith("postgresql"):
        pytest.skip("SQLite-filernas rättigheter; PostgreSQL har inga filer i datamappen")
    export = tmp_path / "liten.csv"
    export.write_bytes(b"".join(EXAMPLE_EXPORT.read_bytes().splitlines(keepends=True)[:31]))
    data_dir = get_settings().data_dir
    report = tmp_path / "rapport"
    done = _run("analysera", str(export), "--ut", str(report))
    assert done.returncode == 0, done.stderr[-3000:]
    modes = _modes(data_dir)
    assert any(name.startswith("cache/inbaddningar-") for name in modes), sorted(modes)
    assert "brukarrost.db-wal" in modes or "brukarrost.db" in modes
    assert _loose(data_dir) == {}
    assert _loose(report) == {} and (report / "rapport.html").exists()


NO_SERVER = "postgresql+psycopg://nobody:hemligt-losen@127.0.0.1:1/x"


@pytest.mark.parametrize(
    ("args", "env", "wanted"),
    [
        (["serve"], {"BRUKARROST_DATABASE_URL": NO_SERVER}, "Databasen kunde inte öppnas: postgresql på 127.0.0.1:1"),
        (
            ["anvandare", "skapa", "ny", "--losenord", "ett-langt-losenord"],
            {"BRUKARROST_DATABASE_URL": NO_SERVER},
            "Databasen kunde inte öppnas",
        ),
        (["serve"], {"BRUKARROST_DATABASE_URL": "inte en adress :hemligt-losen"}, "går inte att använda"),
        (["serve"], {"BRUKARROST_DATABASE_URL": "mysql://nobody:hemligt-losen@127.0.0.1/x"}, "drivrutin"),
        (["serve"], {"BRUKARROST_DATA_DIR": "{fil}/data"}, "kunde inte skapas"),
    ],
)
def test_start_up_errors_are_short_and_swedish(
    tmp_path: Path, args: list[str], env: dict[str, str], wanted: str
) -> None:
    blocker = tmp_path / "en-fil"
    blocker.write_text("")
    env = {k: v.replace("{fil}", str(blocker)) for k, v in env.items()}
    if "BRUKARROST_DATA_DIR" in env:
        env["BRUKARROST_DATABASE_URL"] = ""  # the default SQLite file in the data dir
    done = _run(*args, env=env, timeout=120)
    assert done.returncode != 0
    err = " ".join(done.stderr.split())  # rich wraps long lines
    assert wanted in err, done.stderr
    assert err.startswith("Fel:") and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) <= 5
    assert "hemligt-losen" not in done.stderr + done.stdout and "nobody" not in done.stderr


@pytest.mark.skipif(os.getuid() == 0, reason="root kan skriva i skrivskyddade mappar")
def test_read_only_data_dir_gives_a_swedish_message(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o500)
    try:
        done = _run("serve", env={"BRUKARROST_DATA_DIR": str(data_dir), "BRUKARROST_DATABASE_URL": ""}, timeout=120)
    finally:
        os.chmod(data_dir, 0o700)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "Databas" in done.stderr and "BRUKARROST_DATA_DIR" in " ".join(done.stderr.split())

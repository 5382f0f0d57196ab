"""Pseudonym key generations: a lost, replaced or damaged key is detected, never replaced
silently; a new generation only by an explicit admin action. Real imports, real database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from nlp.cli import app
from nlp.config import get_settings
from nlp.errors import ConfigError
from nlp.pipeline import import_export
from nlp.secret_key import KeyFileError, key_fingerprint, load_or_create_key
from nlp.store.db import session_scope
from nlp.store.models import AuditEntry, Import, KeyGeneration
from tests.conftest import EXAMPLE_EXPORT

runner = CliRunner()


def export_part(tmp_path: Path, name: str, start: int, n: int = 12) -> Path:
    """A small real export: the header and rows start..start+n of the example file."""
    lines = EXAMPLE_EXPORT.read_bytes().splitlines(keepends=True)
    path = tmp_path / name
    path.write_bytes(lines[0] + b"".join(lines[start : start + n]))
    return path


def test_each_import_records_the_fingerprint_and_the_first_key_is_registered(engine: Engine, tmp_path: Path) -> None:
    summary = import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    key = load_or_create_key()
    with session_scope(engine) as s:
        imp = s.get(Import, summary.import_id)
        assert imp.key_fingerprint == key_fingerprint(key)
        assert key.hex() not in imp.key_fingerprint and len(imp.key_fingerprint) == 32
        assert s.scalars(select(KeyGeneration.fingerprint)).all() == [imp.key_fingerprint]


def test_lost_key_file_is_not_recreated_when_imports_exist(engine: Engine, tmp_path: Path) -> None:
    import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    key_file = get_settings().key_file
    key_file.unlink()
    with pytest.raises(ConfigError) as info:
        import_export(export_part(tmp_path, "b.csv", 20), engine=engine)
    assert "Återställ nyckelfilen" in info.value.message and "brukarrost nyckel ny" in info.value.message
    assert str(key_file) not in info.value.message
    assert not key_file.exists()  # no silent new key
    with session_scope(engine) as s:
        assert s.scalar(select(Import).where(Import.filename == "b.csv")) is None


def test_replaced_key_is_detected(engine: Engine, tmp_path: Path) -> None:
    import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    key_file = get_settings().key_file
    key_file.write_text(os.urandom(32).hex() + "\n", encoding="ascii")
    with pytest.raises(ConfigError, match="stämmer inte med den nyckel"):
        import_export(export_part(tmp_path, "b.csv", 20), engine=engine)


def test_admin_starts_a_new_generation_explicitly(engine: Engine, tmp_path: Path) -> None:
    first = import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    get_settings().key_file.unlink()
    refused = runner.invoke(app, ["nyckel", "ny"])
    assert refused.exit_code != 0 and "--bekrafta" in refused.output
    assert not get_settings().key_file.exists()
    done = runner.invoke(app, ["nyckel", "ny", "--bekrafta"])
    assert done.exit_code == 0, done.output
    second = import_export(export_part(tmp_path, "b.csv", 20), engine=engine)
    with session_scope(engine) as s:
        a, b = s.get(Import, first.import_id), s.get(Import, second.import_id)
        assert a.key_fingerprint != b.key_fingerprint
        assert len(s.scalars(select(KeyGeneration)).all()) == 2
        assert "nyckel_ny_generation" in s.scalars(select(AuditEntry.action)).all()
    status = runner.invoke(app, ["nyckel", "status"])
    assert status.exit_code == 0 and "1 gjorda med en annan nyckel" in status.output
    assert load_or_create_key().hex() not in status.output


def test_imports_from_before_0004_are_adopted_by_the_first_key(engine: Engine, tmp_path: Path) -> None:
    summary = import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    with session_scope(engine) as s:  # as a database migrated from 0003 looks
        s.get(Import, summary.import_id).key_fingerprint = None
        for g in s.scalars(select(KeyGeneration)):
            s.delete(g)
    import_export(export_part(tmp_path, "b.csv", 20), engine=engine)
    with session_scope(engine) as s:
        fps = set(s.scalars(select(Import.key_fingerprint)))
    assert fps == {key_fingerprint(load_or_create_key())}


def test_damaged_key_file_error_names_no_path(tmp_path: Path) -> None:
    key_file = get_settings().key_file
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text("inte-hex\n", encoding="ascii")
    os.chmod(key_file, 0o600)
    with pytest.raises(KeyFileError) as info:
        load_or_create_key()
    assert "skadad" in info.value.message and str(key_file) not in info.value.message
    assert str(key_file) in info.value.admin_detail  # for the admin's CLI and the server log
    out = runner.invoke(app, ["nyckel", "status"])
    assert out.exit_code != 0 and str(key_file) in out.output


def test_file_commands_do_not_create_a_key_when_imports_exist(engine: Engine, tmp_path: Path) -> None:
    import_export(export_part(tmp_path, "a.csv", 1), engine=engine)
    key_file = get_settings().key_file
    key_file.unlink()
    src = tmp_path / "svar.jsonl"
    src.write_text('{"id": 1, "text": "Maten var god."}\n', encoding="utf-8")
    res = runner.invoke(app, ["pseudonymisera", str(src)])
    assert res.exit_code != 0 and "Återställ nyckelfilen" in res.output
    assert not key_file.exists()

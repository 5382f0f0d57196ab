"""Reading within limits (nlp/ingest/limits.py): the security review's hostile files stop
fast, with a Swedish error naming the file, through inspect_export, read_answers, the
child-process preview and the installed command; real files still pass."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from nlp.config import get_settings
from nlp.errors import InputError
from nlp.ingest import Limits, inspect_export, inspect_isolated, read_answers
from tests.hostile_files import nested_json, xlsx_bomb

pytestmark = pytest.mark.utan_databas

KB = 1024


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = xlsx_bomb(tmp_path_factory.mktemp("bomb") / "bomb.xlsx", unzipped_mb=400)
    assert path.stat().st_size < 4 * 1024 * KB  # a few MB at most …
    with zipfile.ZipFile(path) as zf:  # … inflating to hundreds of MB
        assert sum(i.file_size for i in zf.infolist()) > 390 * 1024 * KB
    return path


def _hostile(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name.startswith("nested80"):
        path.write_bytes(nested_json(80 * KB))
    elif name.startswith("nested400"):
        path.write_bytes(nested_json(400 * KB))
    return path


def _refused(call, *args, **kwargs) -> InputError:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        result = call(*args, **kwargs)
        if not hasattr(result, "columns"):
            list(result)
    assert time.monotonic() - start < 10
    return info.value


@pytest.mark.parametrize("name", ["nested80.json", "nested400.json"])
def test_nested_json_arrays_stop_at_once(tmp_path: Path, name: str) -> None:
    path = _hostile(tmp_path, name)
    for call in (inspect_export, read_answers):
        err = _refused(call, path)
        assert str(err).startswith(f"Fel i fil {name}, rad 2:")
        assert "inte ett JSON-objekt" in str(err)


def test_deeply_nested_objects_are_refused_naming_the_limit(tmp_path: Path) -> None:
    depth = 40 * KB
    path = tmp_path / "objekt.json"
    path.write_text('{"a":' * depth + "1" + "}" * depth)
    err = _refused(inspect_export, path)
    assert "för djupt nästlad (mer än 20 nivåer)" in str(err) and "objekt.json" in str(err)
    # … also inside an answer object of a valid export, naming its row
    path.write_text('[{"svar": "Bra bemötande"}, {"svar": ' + "[" * 5000 + "]" * 5000 + "}]")
    err = _refused(read_answers, path, text_columns=["svar"])
    assert "rad 3" in str(err) and "för djupt nästlad" in str(err)


def test_nested_json_lines_are_refused_before_json_loads_recurses(tmp_path: Path) -> None:
    path = tmp_path / "svar.jsonl"
    path.write_text('{"svar": "Bra"}\n{"svar": ' + "[" * 200_000 + "]" * 200_000 + "}\n")
    err = _refused(read_answers, path, text_columns=["svar"])
    assert "rad 2" in str(err) and "för djupt nästlad" in str(err)
    path.write_text('{"svar": "Bra"}\n[' + "1," * 100_000 + "1]\n")
    err = _refused(read_answers, path, text_columns=["svar"])
    assert "rad 2" in str(err) and "inte ett JSON-objekt" in str(err)


def test_a_huge_number_in_json_lines_is_a_swedish_error(tmp_path: Path) -> None:
    path = tmp_path / "svar.jsonl"
    path.write_text('{"svar": "Bra"}\n{"svar": "Bra", "n": ' + "9" * 5000 + "}\n")
    err = _refused(read_answers, path, text_columns=["svar"])
    assert "rad 2" in str(err) and "inte giltig JSON" in str(err)


def test_a_huge_flat_element_is_refused_when_it_starts(tmp_path: Path) -> None:
    path = tmp_path / "platt.json"
    path.write_text('[{"svar": "Bra bemötande av personalen"}, [' + "1," * 500_000 + "1]]")
    err = _refused(read_answers, path, text_columns=["svar"])
    assert "rad 3" in str(err) and "inte ett JSON-objekt" in str(err)


def test_xlsx_zip_bomb_is_refused_before_openpyxl(bomb: Path) -> None:
    for call in (inspect_export, read_answers):
        err = _refused(call, bomb)
        assert str(err).startswith("Fel i fil bomb.xlsx:") and "zip-bomb" in str(err)


def test_zip_bomb_within_the_ratio_is_stopped_by_the_unpacked_size(bomb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUKARROST_INGEST_MAX_ZIP_RATIO", "1000")
    get_settings.cache_clear()
    err = _refused(inspect_export, bomb)
    assert "MB uppackad, mer än gränsen på 200 MB" in str(err)


def test_zip_bomb_that_lies_about_its_size_is_refused(tmp_path: Path) -> None:
    # Declared small enough to pass the size and ratio checks: inflating shows the lie.
    path = xlsx_bomb(tmp_path / "lognare.xlsx", unzipped_mb=100, declared_size=1_000_000)
    for call in (inspect_export, read_answers):
        err = _refused(call, path)
        assert str(err) == "Fel i fil lognare.xlsx: Filen kan inte läsas som Excel-fil (xlsx); den kan vara skadad."


def test_a_real_xlsx_export_passes(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Svar")
    ws.append(["Respondent-ID", "Datum", "Vad kan bli bättre?"])
    for i in range(3000):
        ws.append([i, f"2024-05-{1 + i % 28:02d}", f"Jag fick vänta länge på en tid, svar {i} om bemötande"])
    wb.save(tmp_path / "export.xlsx")
    assert sum(1 for _ in read_answers(tmp_path / "export.xlsx")) == 3000
    assert inspect_isolated(tmp_path / "export.xlsx").text_columns == ["Vad kan bli bättre?"]


def test_cell_and_column_limits_come_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "id;Vad kan bli bättre?\n" + "".join(f"{i};Längre väntetider än förut, svar {i}\n" for i in range(3000))
    )
    monkeypatch.setenv("BRUKARROST_INGEST_MAX_CELLS", "5000")
    get_settings.cache_clear()
    err = _refused(read_answers, path)
    assert "fler än 5 000 celler" in str(err) and "rad 2501" in str(err)
    monkeypatch.setenv("BRUKARROST_INGEST_MAX_COLUMNS", "100")
    get_settings.cache_clear()
    wide = tmp_path / "bred.csv"
    wide.write_text("a;b\n" + ";".join(["x"] * 5000) + "\n")
    err = _refused(inspect_export, wide)
    assert "fler än 100 kolumner" in str(err) and "rad 2" in str(err)


def test_time_budget_stops_the_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id;Vad kan bli bättre?\n1;Längre väntetider än förut\n")
    monkeypatch.setenv("BRUKARROST_INGEST_MAX_SECONDS", "0")
    get_settings.cache_clear()
    err = _refused(read_answers, path)
    assert "tog för lång tid (mer än 0 sekunder)" in str(err)


@pytest.mark.parametrize("name", ["nested400.json", "bomb.xlsx"])
def test_child_process_preview_gives_the_same_swedish_error(tmp_path: Path, bomb: Path, name: str) -> None:
    path = bomb if name == "bomb.xlsx" else _hostile(tmp_path, name)
    err = _refused(inspect_isolated, path)
    assert str(err).startswith(f"Fel i fil {name}")


def test_child_process_preview_over_its_memory_limit_is_a_swedish_error(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('id;Vad kan bli bättre?\n1;"' + "lång " * 8_000_000 + '"\n')  # 40 MB cell
    err = _refused(inspect_isolated, path, limits=Limits(preview_memory_mb=64))
    assert "Förhandsgranskningen avbröts" in str(err) and "64 MB" in str(err)
    with pytest.raises(InputError, match="rad 2: "):  # in-process: a plain error
        inspect_export(path)


@pytest.mark.parametrize("name", ["nested80.json", "nested400.json", "bomb.xlsx"])
@pytest.mark.parametrize("command", ["granska", "pseudonymisera"])
def test_the_command_refuses_hostile_files_in_swedish(tmp_path: Path, bomb: Path, name: str, command: str) -> None:
    path = bomb if name == "bomb.xlsx" else _hostile(tmp_path, name)
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "nlp.cli", command, str(path)],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    # The bound is the command's CPU time, which a loaded machine does not stretch (wall time
    # under load 20 passed 50 s); it includes starting Python and, for pseudonymisera, loading
    # the pseudonymiser's lexicons; the read itself stops in < 1 s. `timeout` bounds the wall.
    end = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert (end.ru_utime + end.ru_stime) - (start.ru_utime + start.ru_stime) < 30
    assert done.returncode == 2, done.stderr
    assert f"Fel i fil {name}" in done.stderr and "Traceback" not in done.stderr


def test_json_exports_still_read_as_before(tmp_path: Path) -> None:
    rows = [{"id": i, "svar": f"Personalen lyssnade på mig, svar {i}", "extra": {"a": [1, 2]}} for i in range(50)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"meta": {"källa": "enkät"}, "svar": rows}, ensure_ascii=False))
    answers = list(read_answers(path, text_columns=["svar"]))
    assert [a.row for a in answers[:2]] == [2, 3] and answers[0].text == "Personalen lyssnade på mig, svar 0"
    with pytest.raises(InputError, match="rad 2, kolumn 'extra'.*lista eller ett objekt"):
        list(read_answers(path, text_columns=["extra"]))

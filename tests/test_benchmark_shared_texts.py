"""benchmarks/shared_texts.py: the benchmarks' one reader of the shared real texts hands back
pseudonymised texts only, and its vector cache is never the checkout's data/anonymiserad."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks import shared_texts
from nlp.config import PROJECT_ROOT, get_settings

pytestmark = pytest.mark.utan_databas

RAW = "Ring Anna Svensson om bokningen, hennes personnummer är 19121212-1212."
PLAIN = "Trevlig personal och snabb service."


def _csv(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["text", "sentiment"])
        writer.writeheader()
        writer.writerows({"text": t, "sentiment": "positive"} for t in texts)
    return path


def test_a_name_and_a_personnummer_come_out_pseudonymised(tmp_path: Path) -> None:
    path = _csv(tmp_path / "recensioner.csv", [PLAIN, RAW, ""])
    got = shared_texts.load(path, label=lambda row: "Svensson" in row["text"])
    assert got.rows == [0, 1]  # the empty text is left out
    assert got.texts[0] == PLAIN
    assert "Anna" not in got.texts[1] and "Svensson" not in got.texts[1]
    assert "19121212" not in got.texts[1] and "1212" not in got.texts[1]
    assert "[PERSON_1]" in got.texts[1] and "[PERSONNUMMER_1]" in got.texts[1]
    assert got.labels == [False, True]  # labels come from the raw rows
    assert got.changed == 1


def test_keep_and_n_choose_the_rows(tmp_path: Path) -> None:
    path = _csv(tmp_path / "recensioner.csv", [PLAIN, RAW, PLAIN + " Igen."])
    got = shared_texts.load(path, 1, keep=lambda i, row: i > 0)
    assert got.rows == [1] and "Svensson" not in got.texts[0]


def test_a_child_process_gives_the_same_texts(tmp_path: Path) -> None:
    """load_in_child (the pseudonymiser's memory outside a benchmark's peak) is load, elsewhere."""
    path = _csv(tmp_path / "recensioner.csv", [PLAIN, RAW])
    assert shared_texts.load_in_child(path) == shared_texts.load(path)


def test_the_vector_cache_is_not_under_the_checkouts_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(shared_texts.DATA_DIR_ENV)  # as a user runs a benchmark: no data dir named
    get_settings.cache_clear()
    checkout = (PROJECT_ROOT / "data" / "anonymiserad").resolve()
    assert get_settings().cache_dir.resolve().is_relative_to(checkout)  # what it would be without the helper
    cache = shared_texts.vector_cache_dir().resolve()
    assert not cache.is_relative_to(checkout)
    assert not cache.is_relative_to(PROJECT_ROOT.resolve())
    assert shared_texts.vector_cache_dir().resolve() == cache  # one scratch dir per process


def test_a_data_dir_the_user_names_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(shared_texts.DATA_DIR_ENV, str(tmp_path / "mina-data"))
    get_settings.cache_clear()
    assert shared_texts.vector_cache_dir() == tmp_path / "mina-data" / "cache"


def test_a_missing_shared_file_stops_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="Hittar inte den delade texten"):
        shared_texts.load(tmp_path / "saknas.csv")

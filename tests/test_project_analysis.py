"""`brukarrost analysera FIL --projekt P`: a second file joins the project, which is analysed
as a whole; themes keep their keys (and a name given by key) and the report says so."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from nlp.cli import app
from nlp.store import init_db, session_scope
from nlp.store.models import AnalysisRun, Import, Project, ProjectThemeRow, Theme, ThemeAssignment, ThemeEdit
from nlp.taxonomy import load_taxonomy
from nlp.themes import name_stop_words
from nlp.themes.phrases import PREPOSITIONS
from nlp.themes.tone import PAIR_JOIN
from tests.conftest import EXAMPLE_EXPORT

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_database(engine: Any) -> Any:
    return engine


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """The example export split by date: the earlier half and the later half."""
    with EXAMPLE_EXPORT.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header, rows = next(reader), list(reader)
    rows.sort(key=lambda r: r[1])
    paths = []
    for name, part in (("forsta.csv", rows[: len(rows) // 2]), ("andra.csv", rows[len(rows) // 2 :])):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(header)
            writer.writerows(part)
        paths.append(path)
    return paths[0], paths[1]


def _keys(session: Any, run_id: int) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for rid, key in session.execute(
        select(ThemeAssignment.record_id, Theme.key)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.run_id == run_id)
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc())
    ):
        out.setdefault(rid, key)
    return out


def test_analysera_projekt_adds_the_file_and_keeps_theme_keys(tmp_path: Path) -> None:
    first, second = _halves(tmp_path)
    one = runner.invoke(app, ["analysera", str(first), "--projekt", "forum", "--ut", str(tmp_path / "ut1")])
    assert one.exit_code == 0, one.output
    engine = init_db()
    with session_scope(engine) as s:
        run1 = s.scalars(select(AnalysisRun)).one()
        keys1 = _keys(s, run1.id)
        named = next(k for k in keys1.values() if k)
        project_id = s.scalar(select(Project.id).where(Project.slug == "forum"))
        # A coordinator names a theme by its key (as the theme pages now store it).
        s.add(
            ThemeEdit(
                project_id=project_id, kind="namn", member_record_ids=[], payload={"namn": "Vårt namn", "nyckel": named}
            )
        )

    two = runner.invoke(app, ["analysera", str(second), "--projekt", "forum", "--ut", str(tmp_path / "ut2")])
    assert two.exit_code == 0, two.output
    report = json.loads((tmp_path / "ut2" / "rapport.json").read_text(encoding="utf-8"))
    with session_scope(engine) as s:
        imports = list(s.scalars(select(Import.id).order_by(Import.id)))
        run2 = s.scalars(select(AnalysisRun).order_by(AnalysisRun.id.desc())).first()
        assert run2.settings["importer"] == imports and len(imports) == 2
        keys2 = _keys(s, run2.id)
        stored = {r.key for r in s.scalars(select(ProjectThemeRow).where(ProjectThemeRow.active.is_(True)))}
    # Every answer of both files is in the report; earlier answers keep their theme key.
    assert report["antal_svar"] == len(keys2) > len(keys1)
    earlier = [r for r, k in keys1.items() if k]
    assert sum(keys2.get(r) == keys1[r] for r in earlier) / len(earlier) >= 0.9
    themes = [t for t in report["teman"] if t["id"] != -1]
    assert themes and all(t["nyckel"] in stored for t in themes)
    assert all(len(t["antal_per_import"]) == 2 for t in themes)
    assert any(t["namn"] == "Vårt namn" and t["nyckel"] == named for t in themes)
    for signal in report["nya_eller_vaxande_teman"]:
        assert signal["signal"] in ("ny", "ökar") and signal["import"] and signal["nyckel"]
    # Generated names: no stop words or fillers; a preposition only between two words of the
    # name ("bemötande i receptionen"). A leading taxonomy heading ("Tidig hjälp – …") is the
    # taxonomy's own words, not the answers'.
    stops = name_stop_words()
    headings = set(load_taxonomy("samsjuklighet").name_titles().values())
    for t in themes:
        name = t["namn_fran_modellen"]
        head, dash, rest = name.partition(" – ")
        words = re.findall(r"[^\W\d_]+", (rest if dash and head in headings else name).lower())
        # … and "och" between the two phrases of a pair name ("Telefontider och aktiviteter").
        inner = [w for i, w in enumerate(words) if w in {*PREPOSITIONS, PAIR_JOIN} and 0 < i < len(words) - 1]
        assert not [w for w in words if w in stops and w not in inner], t["namn_fran_modellen"]


def test_analysera_without_projekt_analyses_the_file_alone(tmp_path: Path) -> None:
    first, second = _halves(tmp_path)
    for path in (first, second):
        result = runner.invoke(app, ["analysera", str(path), "--ut", str(tmp_path / path.stem)])
        assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "andra" / "rapport.json").read_text(encoding="utf-8"))
    with session_scope(init_db()) as s:
        n_second = len(_keys(s, s.scalars(select(AnalysisRun).order_by(AnalysisRun.id.desc())).first().id))
    assert report["antal_svar"] == n_second

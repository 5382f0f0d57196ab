"""The whole chain from the command line, on the bundled example export and on bad files.

Real files, the real SQLite (or PostgreSQL) database and the real embedding model.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from nlp.cli import app
from nlp.config import get_settings
from nlp.report import build_report, label_titles
from nlp.store import init_db, session_scope
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
)
from nlp.taxonomy import load_taxonomy, taxonomy_snapshot
from nlp.themes.tone import PAIR_JOIN, TONE_LEADS
from tests.conftest import EXAMPLE_EXPORT

PLANTED = EXAMPLE_EXPORT.parent / "planterade_personuppgifter.json"
runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_database(engine: Any) -> Any:
    """Every test here counts rows, so each starts from an empty, migrated database
    (on PostgreSQL the `engine` fixture wipes what earlier test modules stored)."""
    return engine


def _count(model: type) -> int:
    engine = init_db()
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _planted_values() -> list[str]:
    data = json.loads(PLANTED.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("planterade", data.get("items", []))
    values = [item["varde"] if "varde" in item else item["value"] for item in items]
    assert values, "exempel/planterade_personuppgifter.json lists no planted values"
    return values


def _all_written_files(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def test_analysera_example_export_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # numba's compiler debug output is large and never sees answer text.
    logging.getLogger("numba").setLevel(logging.WARNING)
    tmp_dir = tmp_path / "tmp"
    tmp_dir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_dir))  # catch temp files written during the run
    out = tmp_path / "rapport"

    result = runner.invoke(app, ["analysera", str(EXAMPLE_EXPORT), "--ut", str(out)])
    assert result.exit_code == 0, result.output

    # Stored: records, a finished run with themes, assignments and suggestions.
    n_records = _count(RecordRow)
    assert n_records > 300
    assert _count(Import) == 1
    engine = init_db()
    with session_scope(engine) as s:
        run = s.scalars(select(AnalysisRun)).one()
        assert run.status == "klar" and run.embed_model and run.classifier_version
        assert s.scalar(select(func.count()).select_from(Theme).where(Theme.run_id == run.id)) >= 2
        questions = set(s.scalars(select(RecordRow.question).distinct()))
        assert len(questions) >= 2, "every open question becomes its own records"
        dated = s.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.date.is_not(None)))
        assert dated == n_records
    assert _count(ThemeAssignment) >= n_records * 0.5
    assert _count(Classification) == n_records
    assert _count(Suggestion) >= n_records

    # The report: JSON and a self-contained HTML file (no external resources).
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert report["antal_svar"] == n_records
    assert {lab["id"] for lab in report["etiketter"]} >= {"tidig-hjalp", "natverk", "en-person"}
    assert report["teman"] and all("ki95" in t for t in report["teman"])
    _assert_named_from_their_answers()
    html = (out / "rapport.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html and "förslag" in html
    assert "http://" not in html and "https://" not in html
    assert report["personuppgifter_ersatta"], "planted personal data was found and replaced"
    # Where the minutes go: seconds per stage in report.json and in the command's output.
    times = report["tider_s"]
    assert set(times) == {"pseudonymisering", "inbaddning", "teman", "klassificering", "lagring_rapport"}
    assert all(v >= 0 for v in times.values()) and times["inbaddning"] > 0 and times["teman"] > 0
    # CPU seconds per stage beside the wall seconds: the figure that holds on a shared machine
    cpu = report["cpu_tider_s"]
    assert set(cpu) == set(times) and cpu["inbaddning"] > 0 and cpu["teman"] > 0
    said = " ".join(result.output.split())
    assert "Tid per steg: inläsning och pseudonymisering" in said and "teman" in said
    with session_scope(engine) as s:
        # the job page reads the same seconds from the run while it goes
        settings = s.scalars(select(AnalysisRun)).one().settings
        assert set(settings["tider_s"]) >= {"inbaddning", "teman"}
        assert set(settings["cpu_tider_s"]) == set(settings["tider_s"])

    # No planted personal data anywhere: database, cache, report, temp files, output, logs.
    data_dir = get_settings().data_dir
    written = _all_written_files(data_dir, out, tmp_dir)
    assert any(p.suffix == ".db" for p in written) or os.environ.get("BRUKARROST_TEST_DATABASE_URL")
    planted = _planted_values()
    for path in written:
        blob = path.read_bytes()
        for value in planted:
            assert value.encode("utf-8") not in blob, f"{value!r} found in {path.name}"
    for value in planted:
        assert value not in result.output
        assert value not in caplog.text
    with session_scope(engine) as s:
        all_text = "\n".join(s.scalars(select(RecordRow.text)))
    for value in planted:
        assert value not in all_text

    # Analysing the same export again duplicates nothing.
    again = runner.invoke(app, ["analysera", str(EXAMPLE_EXPORT), "--ut", str(out)])
    assert again.exit_code == 0, again.output
    assert "redan importerad" in again.output
    assert _count(RecordRow) == n_records
    assert _count(Import) == 1


def _assert_named_from_their_answers() -> None:
    """A single import's themes are named as a project's are: a phrase of their own answers
    (after the taxonomy label most of them carry), never a list of topic words."""
    with session_scope(init_db()) as s:
        run_id = s.scalars(select(AnalysisRun.id)).one()
        titles = set(load_taxonomy("samsjuklighet").name_titles().values())  # a name of the label alone
        for theme in s.scalars(select(Theme).where(Theme.run_id == run_id, Theme.topic >= 0)):
            answers = " ".join(
                s.scalars(
                    select(RecordRow.text)
                    .join(ThemeAssignment, ThemeAssignment.record_id == RecordRow.id)
                    .where(ThemeAssignment.theme_id == theme.id)
                )
            ).lower()
            phrase = re.sub(r" \(\d+\)$", "", theme.label.split(" – ")[-1])  # "(2)": told apart by number
            # "Missnöje med kaffet", "Tillgänglighet – missnöje med kaffet": the tone's words
            phrase = re.sub(rf"^(?:{'|'.join(TONE_LEADS)}) ", "", phrase, flags=re.IGNORECASE)
            assert "·" not in theme.label and theme.phrase.startswith(("Svar ", "Korta svar ")), theme.phrase
            # A pair ("Väntetiden och läkaren") or a phrase and its detail after a label
            # ("Tillgänglighet – läkare, väntetiden"): each part written in the answers.
            parts = re.split(rf" {PAIR_JOIN} |, ", phrase.lower())
            assert all(p in answers for p in parts) or phrase in titles or phrase in ("Blandade svar", "Korta svar"), (
                theme.label
            )


def _assert_fails_cleanly(path: Path, *extra: str, expect: str | None = None) -> str:
    before_imports, before_records = _count(Import), _count(RecordRow)
    result = runner.invoke(app, ["analysera", str(path), "--ut", str(path.parent / "ut"), *extra])
    assert result.exit_code != 0
    assert "Fel" in result.output and path.name in result.output
    if expect:
        assert expect in result.output
    assert "Traceback" not in result.output
    assert _count(Import) == before_imports and _count(RecordRow) == before_records
    return result.output


def test_empty_file_fails_cleanly(tmp_path: Path) -> None:
    f = tmp_path / "tom.csv"
    f.write_bytes(b"")
    _assert_fails_cleanly(f)


def test_no_text_column_fails_cleanly(tmp_path: Path) -> None:
    f = tmp_path / "siffror.csv"
    f.write_text("id;alder;poang\n" + "".join(f"{i};{20 + i};{i % 5}\n" for i in range(30)), encoding="utf-8")
    _assert_fails_cleanly(f)


def test_unknown_text_column_fails_cleanly(tmp_path: Path) -> None:
    f = tmp_path / "enkat.csv"
    f.write_text("id;Vad kan bli bättre?\n1;Längre öppettider på helgen vore bra\n", encoding="utf-8")
    _assert_fails_cleanly(f, "--textkolumn", "Finns inte", expect="Finns inte")


def test_binary_zip_named_csv_fails_cleanly(tmp_path: Path) -> None:
    f = tmp_path / "export.csv"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("a.txt", "hej")
    _assert_fails_cleanly(f)


def test_undecodable_bytes_fail_cleanly(tmp_path: Path) -> None:
    f = tmp_path / "trasig.csv"
    f.write_bytes(b"id;svar\n1;" + bytes(range(128, 256)) * 40 + b"\x00\x00\xff\xfe\n")
    _assert_fails_cleanly(f)


def test_failure_half_way_keeps_what_was_stored_before(tmp_path: Path) -> None:
    good = tmp_path / "bra.csv"
    good.write_text(
        "id;Vad kan bli bättre?\n"
        + "".join(f"{i};Det tar för lång tid att få en tid hos läkaren, svar nummer {i}\n" for i in range(1, 12)),
        encoding="utf-8",
    )
    from nlp.pipeline import import_export

    summary = import_export(good)
    stored = _count(RecordRow)
    assert stored == summary.n_records == 11

    bad = tmp_path / "trasig_mitt_i.csv"
    lines = ["id;Vad kan bli bättre?"]
    lines += [f"{i};Personalen lyssnar inte på mig när jag ringer, svar {i}" for i in range(1, 400)]
    lines.insert(300, "999;för;många;fält;på;den;här;raden")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = _assert_fails_cleanly(bad)
    assert "rad" in output
    assert _count(RecordRow) == stored  # the earlier import is untouched


def test_refit_carries_theme_names_and_uses_the_active_classifier_version() -> None:
    """Human work survives a new analysis; an activated classifier version is the one used."""
    from nlp.classify import Example, train_classifier
    from nlp.embed import cached_embedder
    from nlp.pipeline import analyse_import, import_export
    from nlp.store.models import ClassifierVersion, ThemeEdit
    from nlp.taxonomy import load_taxonomy

    engine = init_db()
    summary = import_export(EXAMPLE_EXPORT)
    first = analyse_import(summary.import_id, engine=engine)
    with session_scope(engine) as s:
        theme = s.scalars(
            select(Theme).where(Theme.run_id == first, Theme.topic >= 0).order_by(Theme.size.desc())
        ).first()
        members = list(s.scalars(select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id == theme.id)))
        s.add(
            ThemeEdit(
                project_id=1,
                kind="namn",
                member_record_ids=members,
                payload={"namn": "Namn från samordnaren"},
                actor="samordnare",
            )
        )
        texts = list(s.scalars(select(RecordRow.text).order_by(RecordRow.id).limit(40)))

    taxonomy = load_taxonomy("samsjuklighet")
    ids = taxonomy.label_ids
    examples = [Example(text=t, labels=(ids[i % len(ids)],)) for i, t in enumerate(texts)]
    model, _ = train_classifier(examples, taxonomy, embedder=cached_embedder(), n_folds=3)
    model.save()
    with session_scope(engine) as s:
        s.add(
            ClassifierVersion(
                project_id=1, taxonomy_id=taxonomy.id, version=model.version, active=True, n_examples=len(examples)
            )
        )

    second = analyse_import(summary.import_id, engine=engine)
    with session_scope(engine) as s:
        labels = set(s.scalars(select(Theme.label).where(Theme.run_id == second)))
        assert "Namn från samordnaren" in labels
        run = s.get(AnalysisRun, second)
        assert run.classifier_version == model.version
        versions = set(s.scalars(select(Suggestion.model_version).where(Suggestion.run_id == second)))
        assert versions == {model.version}
        first_versions = set(s.scalars(select(Suggestion.model_version).where(Suggestion.run_id == first)))
        assert model.version not in first_versions


def test_report_counts_decided_labels_and_hidden_counts_get_no_run_chart(monkeypatch) -> None:
    """One analysed export, its report built twice: with the default suppression threshold every
    shown count is the decided labels' (not the whole prediction set's), and with a threshold
    above some labels' counts those are hidden and drawn in no run chart."""
    from nlp.config import get_settings
    from nlp.pipeline import analyse_import, import_export
    from nlp.report import build_report, render_html

    engine = init_db()
    run_id = analyse_import(import_export(EXAMPLE_EXPORT).import_id, engine=engine)
    report = build_report(run_id, engine=engine)
    with session_scope(engine) as s:
        for label in report["etiketter"]:
            decided = s.scalar(
                select(func.count())
                .select_from(Suggestion)
                .where(Suggestion.run_id == run_id, Suggestion.label_id == label["id"], Suggestion.decided.is_(True))
            )
            if isinstance(label["antal"], int):
                assert label["antal"] == decided
                assert sum(label["styrdiagram"]["antal"]) <= decided
            else:
                assert decided < report["doljningsgrans"]
                # no run chart whose monthly counts would add up to the hidden count
                assert label["styrdiagram"] is None

    # a threshold above some labels' counts (the example has 34–109 per label)
    monkeypatch.setenv("BRUKARROST_SUPPRESSION_THRESHOLD", "60")
    get_settings.cache_clear()
    try:
        report = build_report(run_id, engine=engine)
    finally:
        monkeypatch.delenv("BRUKARROST_SUPPRESSION_THRESHOLD")
        get_settings.cache_clear()
    hidden = [lab for lab in report["etiketter"] if not isinstance(lab["antal"], int)]
    shown = [lab for lab in report["etiketter"] if isinstance(lab["antal"], int)]
    assert hidden and shown
    assert all(lab["styrdiagram"] is None for lab in hidden)
    assert all(lab["styrdiagram"] is not None for lab in shown)
    assert "Dolt: för få svar för ett diagram." in render_html(report)


OWN_TAXONOMY = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "taxonomi_vardupplevelse.yaml"


def test_analysera_with_a_taxonomy_file_keeps_it_for_the_report(tmp_path: Path) -> None:
    """`--taxonomi PATH`: the run is classified with the file and keeps a snapshot of it, so
    its report keeps the file's titles after the file is changed and deleted."""
    own = tmp_path / "egen.yaml"
    own.write_text(OWN_TAXONOMY.read_text(encoding="utf-8"), encoding="utf-8")
    tax = load_taxonomy(own)
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["analysera", str(EXAMPLE_EXPORT), "--ut", str(out), "--taxonomi", str(own)])
    assert result.exit_code == 0, result.output
    titles = {lab.id: lab.title for lab in tax.labels}
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert report["taxonomi"] == {"id": tax.id, "namn": tax.name}
    assert {lab["id"]: lab["titel"] for lab in report["etiketter"]} == titles
    engine = init_db()
    with session_scope(engine) as s:
        run = s.scalars(select(AnalysisRun)).one()
        assert run.taxonomy_id == tax.id and run.taxonomy_snapshot == taxonomy_snapshot(tax)
        assert set(s.scalars(select(Suggestion.label_id).where(Suggestion.run_id == run.id))) <= set(titles)
    own.write_text(own.read_text(encoding="utf-8").replace("title: ", "title: Ändrad "), encoding="utf-8")
    own.unlink()
    label_titles.cache_clear()
    rebuilt = build_report(run.id, engine=engine)
    # the same report; the written file's times also count writing it (lagring_rapport, wall and CPU)
    times = {"tider_s", "cpu_tider_s"}
    assert {k: v for k, v in rebuilt.items() if k not in times} == {k: v for k, v in report.items() if k not in times}
    assert set(rebuilt["cpu_tider_s"]) <= set(report["cpu_tider_s"])


def test_broken_taxonomy_file_fails_before_anything_is_imported(tmp_path: Path) -> None:
    broken = tmp_path / "egen.yaml"
    broken.write_text(OWN_TAXONOMY.read_text(encoding="utf-8").replace("  title:", "  titel:", 1), encoding="utf-8")
    cases = (
        (broken, "Fel i taxonomifilen egen.yaml: etikett nr 1 (id 'bemotande')"),
        (tmp_path / "saknas.yaml", "Taxonomifilen saknas.yaml finns inte"),
    )
    for taxonomy, expect in cases:
        result = runner.invoke(app, ["analysera", str(EXAMPLE_EXPORT), "--taxonomi", str(taxonomy)])
        assert result.exit_code != 0 and expect in " ".join(result.output.split()), result.output
        assert "Traceback" not in result.output
    assert _count(Import) == 0 and _count(AnalysisRun) == 0

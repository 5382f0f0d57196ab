"""An import analysed past the theme sample, streamed partition by partition (the main process
holds only the sample's answers), stores what the whole import analysed in memory gives."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Engine, select

from nlp.classify import classify_texts
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND
from nlp.embed import cached_embedder, embed_texts
from nlp.pipeline import analyse_import, analysis, import_export
from nlp.pipeline.answers import Answers
from nlp.pipeline.partitions import partition, run_folder
from nlp.store import init_db, session_scope
from nlp.store.models import Classification, Import, RecordRow, Suggestion, Theme, ThemeAssignment

SUBJECTS = [
    "Jag väntade {i} veckor på en tid hos {x} och ingen ringde tillbaka.",
    "Kaffet i väntrummet på {x} var kallt och automaten trasig, dag {i}.",
    "Sköterskan på {x} lyssnade länge och förklarade allt, besök {i}.",
    "Parkeringen vid {x} kostar {i} kronor i timmen, alldeles för dyrt.",
    "Läkaren på {x} skrev ut fel dos och apoteket fick ringa, {i} gånger.",
]
PLACES = ["vårdcentralen i norr", "barnmottagningen", "ortopeden", "hudkliniken", "psykiatrin", "tandvården"]


def _write_export(path: Path, per_subject: int, subjects: list[str] = SUBJECTS, year: int = 2025) -> Path:
    """An invented export: the subjects in varied wording, dated over nine months, some undated."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Datum", "Svar"])
        for i in range(per_subject):
            for k, pattern in enumerate(subjects):
                day = "" if (i + k) % 13 == 0 else f"{year}-{1 + (i + 2 * k) % 9:02d}-{1 + i % 28:02d}"
                writer.writerow([day, pattern.format(i=i + 1, x=PLACES[(i + k) % len(PLACES)])])
    return path


def _stored(engine: Engine, run_id: int) -> dict[str, Any]:
    with session_scope(engine) as session:
        themes = {
            t.topic: (t.label, t.phrase, t.size, tuple(t.words), tuple(t.example_record_ids), t.emerging, t.key)
            for t in session.scalars(select(Theme).where(Theme.run_id == run_id))
        }
        members = sorted(
            (a.record_id, t.topic, round(a.weight, 6))
            for a, t in session.execute(
                select(ThemeAssignment, Theme)
                .join(Theme, Theme.id == ThemeAssignment.theme_id)
                .where(Theme.run_id == run_id)
            )
        )
        classifications = {
            c.record_id: (tuple(c.prediction_set), c.unsure, c.valence)
            for c in session.scalars(select(Classification).where(Classification.run_id == run_id))
        }
        suggestions = sorted(
            (s.record_id, s.label_id, round(s.probability, 5), s.in_prediction_set, s.decided)
            for s in session.scalars(select(Suggestion).where(Suggestion.run_id == run_id))
        )
    return {"themes": themes, "members": members, "classifications": classifications, "suggestions": suggestions}


def _spy_streamed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The list each streamed theme step appends (sample answers held, answers in all) to."""
    seen: list[tuple[int, int]] = []
    original = analysis.find_themes_placed

    def placed(sample: Any, rows: Any, vectors: Any, **kw: Any) -> Any:
        seen.append((len(sample), vectors.n))
        return original(sample, rows, vectors, **kw)

    monkeypatch.setattr(analysis, "find_themes_placed", placed)
    return seen


def test_an_import_past_the_sample_stores_what_the_in_memory_analysis_gives(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tax: Any
) -> None:
    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "70")  # partitions cut through the sample
    monkeypatch.delenv("BRUKARROST_KLUSTER", raising=False)
    get_settings.cache_clear()
    monkeypatch.setattr(analysis, "SAMPLE_MAX", 160)
    import_id = import_export(
        _write_export(tmp_path / "svar.csv", 110), project="ström", text_columns=["Svar"]
    ).import_id
    seen = _spy_streamed(monkeypatch)
    run_id = analyse_import(import_id, engine=engine, taxonomy=tax, embed_model="hash")
    assert seen == [(160, 550)]  # the streamed path ran, holding the sample's answers alone
    assert not run_folder(run_id, engine).exists()  # the answers' files went with the run
    _assert_import_as_in_memory(engine, tax, import_id, run_id)


def _assert_import_as_in_memory(engine: Engine, tax: Any, import_id: int, run_id: int, edits: Any = ()) -> Any:
    """The run stored what the import analysed with every answer in memory gives (the
    project's theme `edits` applied): themes, members, classifications and suggestions.
    Returns the in-memory ThemeResult."""
    got = _stored(engine, run_id)
    # The same import analysed with every answer in memory: one matrix, one classification
    # pass, the themes fitted on the same sample with the rest assigned here.
    with session_scope(engine) as session:
        rows = session.execute(
            select(RecordRow.id, RecordRow.text, RecordRow.date)
            .where(RecordRow.import_id == import_id)
            .order_by(RecordRow.id)
        ).all()
    ids, texts, dates = [r.id for r in rows], [r.text for r in rows], [r.date for r in rows]
    embedder = cached_embedder("hash")
    matrix = embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND)
    results = classify_texts(texts, matrix, tax, embedder=embedder, model=None, kind=ANALYSIS_KIND)
    themes = analysis.find_themes(
        texts,
        matrix,
        record_ids=ids,
        dates=dates,
        labels=[r.labels for r in results],
        valence=[r.valence.label if r.valence else None for r in results],
        titles=tax.name_titles(),
        embed=lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND),
        edits=edits,
    )
    assert themes.rest is None and len(themes.assignments) == len(ids) == 550
    expected_members = sorted(
        (rid, tid, round(float(w), 6)) for rid, pairs in themes.assignments.items() for tid, w in pairs
    )
    by_id = {t.id: t for t in themes.themes}
    assert sorted(got["themes"]) == sorted(by_id) and len(by_id) > 2
    for tid, (label, phrase, size, words, examples, _, _) in got["themes"].items():
        t = by_id[tid]
        assert (label, phrase, size, words, examples) == (
            t.label,
            t.phrase,
            t.size,
            tuple(t.words),
            tuple(t.example_ids),
        )
    assert got["members"] == expected_members
    assert got["classifications"] == {
        rid: (tuple(r.prediction_set), bool(r.unsure), r.valence.label if r.valence else None)
        for rid, r in zip(ids, results)
    }
    expected = sorted(
        (rid, s.label, round(float(s.probability), 5), s.label in r.prediction_set, bool(s.decided))
        for rid, r in zip(ids, results)
        for s in r.suggestions
    )
    assert len(got["suggestions"]) == len(expected) > 0
    for a, b in zip(got["suggestions"], expected):
        # Probabilities to 1e-5: BLAS sums a partition's rows in another order than all 550.
        assert a[:2] == b[:2] and a[3:] == b[3:] and np.isclose(a[2], b[2], atol=1e-5)
    return themes


def test_an_import_with_theme_edits_stores_what_the_in_memory_analysis_gives(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tax: Any
) -> None:
    """A coordinator names, merges and splits themes of an import past the sample; analysed
    again, the run streams (the main process holds the sample's answers, never every answer's
    id, text or theme), the edits are matched and applied by partition, and the run stores
    what the in-memory analysis with the same edits gives."""
    from nlp.pipeline.partitions import PartitionedVectors
    from nlp.store.models import ThemeEdit
    from nlp.themes import vectors

    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "70")
    monkeypatch.delenv("BRUKARROST_KLUSTER", raising=False)
    get_settings.cache_clear()
    monkeypatch.setattr(analysis, "SAMPLE_MAX", 160)
    monkeypatch.setattr(vectors, "BLOCK", 64)
    imported = import_export(_write_export(tmp_path / "svar.csv", 110), project="kurerad", text_columns=["Svar"])
    first = analyse_import(imported.import_id, engine=engine, taxonomy=tax, embed_model="hash")
    main: dict[int, tuple[float, int]] = {}
    for rid, topic, weight in _stored(engine, first)["members"]:
        main[rid] = max(main.get(rid, (-1.0, 0)), (weight, topic))
    members: dict[int, list[int]] = {}
    for rid, (_, topic) in sorted(main.items()):
        members.setdefault(topic, []).append(rid)
    topics = sorted((t for t in members if t != -1), key=lambda t: -len(members[t]))
    assert len(topics) >= 4
    split, merged, named = topics[0], topics[1:3], topics[3]
    edits = [
        {"kind": "dela", "member_record_ids": members[split], "payload": {"tema": split, "antal": 2}},
        {
            "kind": "sammanfoga",
            "member_record_ids": members[merged[0]] + members[merged[1]],
            "payload": {"teman": merged, "grupper": [members[t] for t in merged], "namn": None},
        },
        {"kind": "namn", "member_record_ids": members[named], "payload": {"namn": "Väntan", "tema": named}},
    ]
    with session_scope(engine) as session:
        project_id = session.get(Import, imported.import_id).project_id  # type: ignore[union-attr]
        session.add_all(ThemeEdit(project_id=project_id, **e) for e in edits)
    held: list[str] = []
    monkeypatch.setattr(analysis, "stored_answers", lambda parts: held.append("every answer") or 1 / 0)
    seen = _spy_streamed(monkeypatch)
    read: list[int] = []
    rows_of = PartitionedVectors.rows
    monkeypatch.setattr(PartitionedVectors, "rows", lambda self, rows: read.append(len(rows)) or rows_of(self, rows))
    run_id = analyse_import(imported.import_id, engine=engine, taxonomy=tax, embed_model="hash")
    # The streamed path ran with the edits: the sample's answers held, never every answer's;
    # the vectors read are the sample's and the split theme's members', never all 550.
    assert seen == [(160, 550)] and not held
    assert read[0] == 160 and len(read) >= 2 and max(read) < 550
    labels = {label for label, *_ in _stored(engine, run_id)["themes"].values()}
    assert "Väntan" in labels
    themes = _assert_import_as_in_memory(engine, tax, imported.import_id, run_id, edits)
    assert {"dela", "sammanfoga", "namn"} <= {kind for t in themes.themes for kind in t.edited}


NEW_SUBJECTS = [
    "Appen för att boka tid hos {x} kraschade {i} gånger innan jag kom in.",
    "Sköterskan på {x} lyssnade länge och förklarade allt, besök {i}.",
    "Jag väntade {i} veckor på en tid hos {x} och ingen ringde tillbaka.",
    "Inloggningen i appen för {x} kräver ny kod var {i}:e minut.",
]


def _project_in_memory(engine: Engine, tax: Any, inputs: Any, refit: bool, bound: int) -> tuple[Any, Any, list[Any]]:
    """A project run computed with every answer in memory: one matrix, one classification pass,
    the project's themes from the same state, named from the same sample."""
    from nlp.pipeline.answers import Answers
    from nlp.pipeline.partitions import ClassifiedParts
    from nlp.pipeline.project import apply_splits, finish_themes, project_sample, update_project_themes
    from nlp.pipeline.project_state import ProjectAnswers

    with session_scope(engine) as session:
        rows = session.execute(
            select(RecordRow.id, RecordRow.text, RecordRow.date, RecordRow.import_id)
            .where(RecordRow.import_id.in_(inputs.order))
            .order_by(RecordRow.import_id, RecordRow.id)
        ).all()
    ids, texts, dates = [r.id for r in rows], [r.text for r in rows], [r.date for r in rows]
    import_of = {r.id: r.import_id for r in rows}
    embedder = cached_embedder("hash")
    matrix = embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND)
    results = classify_texts(texts, matrix, tax, embedder=embedder, model=None, kind=ANALYSIS_KIND)
    pt = update_project_themes(
        texts, matrix, ids, state=inputs.state, import_of=import_of, latest=inputs.order[-1], refit=refit,
        dates=dates, sample_max=bound,
    )  # fmt: skip
    pt, _ = apply_splits(pt, inputs.edits, matrix, ids)
    sample = project_sample(ids, dates, import_of, bound)
    picked = Answers(ids, texts, dates).pick(sample.tolist())
    classified = ClassifiedParts(
        [], [tuple(results[i].labels) for i in sample], "zero-shot",
        [results[i].valence.label if results[i].valence else None for i in sample],
    )  # fmt: skip
    answers = ProjectAnswers([], ids, dates, import_of, texts)
    embed = lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND)  # noqa: E731
    themes = finish_themes(inputs, answers, pt, picked, matrix[sample], sample, classified, tax, embed)
    return themes, pt, list(zip(ids, results))


def _streamed_project(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Project runs streamed through partitions of 70 answers, read in blocks of 64 rows (so a
    block spans two partition files), with the sample limit at 160; the list the runs' answers
    (ProjectAnswers) are appended to."""
    from nlp.pipeline import project
    from nlp.themes import vectors

    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "70")
    monkeypatch.delenv("BRUKARROST_KLUSTER", raising=False)
    get_settings.cache_clear()
    monkeypatch.setattr(project, "SAMPLE_MAX", 160)
    monkeypatch.setattr(vectors, "BLOCK", 64)
    held: list[Any] = []
    original = project.project_answers

    def streamed(*args: Any) -> Any:
        held.append(original(*args))
        return held[-1]

    monkeypatch.setattr(project, "project_answers", streamed)
    return held


def test_a_project_past_the_sample_stores_what_the_in_memory_analysis_gives(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tax: Any
) -> None:
    """Two imports analysed as a project (first fit, the second import into its themes, a refit
    warm-started from them), streamed through partition files with the sample limit at 160:
    themes, keys, members, classifications and the project's themes equal an in-memory run's."""
    from nlp.pipeline import analyse_project
    from nlp.pipeline.project_state import load_project

    held = _streamed_project(monkeypatch)
    steps = [
        (_write_export(tmp_path / "forsta.csv", 66), False),
        (_write_export(tmp_path / "andra.csv", 55, NEW_SUBJECTS, 2026), False),
        (None, True),
    ]
    for path, refit in steps:
        if path is not None:
            import_export(path, project="helhet", text_columns=["Svar"])
        inputs = load_project(engine, "helhet", tax.id)  # the state the run starts from
        run_id = analyse_project("helhet", engine=engine, taxonomy=tax, embed_model="hash", refit=refit)
        assert not run_folder(run_id, engine).exists()
        answers = held[-1]
        n = len(answers.ids)
        # This process read the texts of fewer answers than the project has (sample, pool, representatives).
        assert 160 <= len(answers.texts.read) < n
        _assert_as_in_memory(engine, tax, inputs, refit, run_id)


def _assert_as_in_memory(engine: Engine, tax: Any, inputs: Any, refit: bool, run_id: int) -> None:
    """The run stored what the in-memory run (_project_in_memory, sample limit 160) gives:
    themes, keys, members, classifications and the project's themes."""
    from nlp.store.models import ProjectThemeRow

    got = _stored(engine, run_id)
    themes, pt, results = _project_in_memory(engine, tax, inputs, refit, 160)
    by_id = {t.id: t for t in themes.themes}
    assert sorted(got["themes"]) == sorted(by_id) and len(by_id) > 2
    for tid, (label, phrase, size, words, examples, emerging, key) in got["themes"].items():
        t = by_id[tid]
        assert (label, phrase, size, words, examples, key) == (
            t.label, t.phrase, t.size, tuple(t.words), tuple(t.example_ids), t.key,
        )  # fmt: skip
        assert (emerging is not None) == any(f["theme_id"] == tid for f in themes.emerging)
    assert got["members"] == sorted(
        (rid, tid, round(float(w), 6)) for rid, pairs in themes.assignments.items() for tid, w in pairs
    )
    assert got["classifications"] == {
        rid: (tuple(r.prediction_set), bool(r.unsure), r.valence.label if r.valence else None) for rid, r in results
    }
    with session_scope(engine) as session:
        kept = {
            r.key: (r.size, r.name, r.label, r.created_import_id, tuple(r.representative_record_ids or []))
            for r in session.scalars(select(ProjectThemeRow).where(ProjectThemeRow.active.is_(True)))
        }
    assert kept == {
        t.key: (t.size, t.name, t.label or t.key, t.created_in, tuple(t.representative_ids))
        for t in pt.themes
        if t.size
    }


def test_a_project_with_theme_edits_stores_what_the_in_memory_analysis_gives(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tax: Any
) -> None:
    """A coordinator splits the largest theme and names another between two imports; the next
    run (the new import into the themes, then the split) streamed equals the in-memory run."""
    from nlp.pipeline import analyse_project
    from nlp.pipeline.project_state import load_project
    from nlp.store.models import ProjectThemeRow, ThemeEdit

    held = _streamed_project(monkeypatch)
    import_export(_write_export(tmp_path / "forsta.csv", 66), project="redigerad", text_columns=["Svar"])
    analyse_project("redigerad", engine=engine, taxonomy=tax, embed_model="hash")
    with session_scope(engine) as session:
        rows = session.scalars(select(ProjectThemeRow).order_by(ProjectThemeRow.size.desc())).all()
        largest, other = rows[0], rows[1]
        before = {r.key for r in rows}
        session.add(ThemeEdit(project_id=largest.project_id, kind="dela", payload={"nyckel": largest.key, "antal": 2}))
        session.add(
            ThemeEdit(project_id=other.project_id, kind="namn", payload={"nyckel": other.key, "namn": "Väntan"})
        )
    import_export(
        _write_export(tmp_path / "andra.csv", 55, NEW_SUBJECTS, 2026), project="redigerad", text_columns=["Svar"]
    )
    inputs = load_project(engine, "redigerad", tax.id)
    run_id = analyse_project("redigerad", engine=engine, taxonomy=tax, embed_model="hash")
    assert len(held[-1].texts.read) < len(held[-1].ids)
    _assert_as_in_memory(engine, tax, inputs, False, run_id)
    with session_scope(engine) as session:
        after = {r.key: r for r in session.scalars(select(ProjectThemeRow).where(ProjectThemeRow.active.is_(True)))}
        done = session.scalars(select(ThemeEdit).where(ThemeEdit.kind == "dela")).one()
        assert done.payload.get("utford_i_analys") == run_id
    # The split made a part with the split theme as parent, and the name stayed with its key.
    assert any(r.parent_key == largest.key and r.key not in before for r in after.values())
    assert after[other.key].name == "Väntan"


def test_an_analysis_leaves_another_databases_run_of_the_same_id_alone(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tax: Any
) -> None:
    # Another database in the same data dir (a test database beside the product's) is in the
    # middle of its runs 1-3 when this database's first analysis starts: run 1 here too.
    monkeypatch.delenv("BRUKARROST_KLUSTER", raising=False)
    other = init_db(f"sqlite:///{tmp_path / 'andra.db'}")
    theirs = Answers([1, 2], ["Ett annat svar.", "Och ett till."], [None, None])
    for run in (1, 2, 3):
        partition([theirs], run, other)
    files = {p: p.read_bytes() for run in (1, 2, 3) for p in run_folder(run, other).rglob("*") if p.is_file()}
    import_id = import_export(_write_export(tmp_path / "svar.csv", 6), project="egen", text_columns=["Svar"]).import_id
    run_id = analyse_import(import_id, engine=engine, taxonomy=tax, embed_model="hash")
    assert run_id in (1, 2, 3)  # the collision this guards against
    assert {p: p.read_bytes() for p in files if p.exists()} == files  # neither overwritten nor removed

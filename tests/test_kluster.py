"""BRUKARROST_KLUSTER: an analysis on a local 2-worker Dask cluster equals the single-process
run of the same answers, and survives a worker killed in the middle of it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from benchmarks.scale import write_answers
from nlp.config import get_settings
from nlp.kluster import close_clients, get_client, map_partitions
from nlp.pipeline import analyse_import, analysis, import_export
from nlp.pipeline.partitions import run_folder
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, Classification, RecordRow, Suggestion, Theme, ThemeAssignment

distributed = pytest.importorskip("distributed", reason="Dask (extra 'kluster') saknas")

# The cluster's workers open no database: the main process stores their results with the code
# a single-process analysis uses, which the PostgreSQL run covers (test_pipeline.py,
# test_pipeline_analysis.py). What these tests check is the analysis on the cluster, so they
# run on SQLite alone (db_incidental, Makefile).


@pytest.fixture
def cluster(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A local cluster of 2 single-threaded worker processes, named by BRUKARROST_KLUSTER as
    an address (the workers inherit this test's data dir and key file from the environment)."""
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield local
    finally:
        close_clients()
        local.close()


def _use(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    monkeypatch.setenv("BRUKARROST_KLUSTER", setting)
    get_settings.cache_clear()


def _outcome(engine: Engine, run_id: int) -> dict[str, Any]:
    """What an analyst sees of a run: its themes with their members, and every suggestion."""
    with session_scope(engine) as session:
        run = session.get(AnalysisRun, run_id)
        assert run is not None and run.status == "klar", run and run.error
        themes = {
            t.topic: (t.label, t.phrase, t.size, tuple(t.words), tuple(t.example_record_ids))
            for t in session.scalars(select(Theme).where(Theme.run_id == run_id))
        }
        members = sorted(
            (a.record_id, t.topic, round(a.weight, 4))
            for a, t in session.execute(
                select(ThemeAssignment, Theme)
                .join(Theme, Theme.id == ThemeAssignment.theme_id)
                .where(Theme.run_id == run_id)
            )
        )
        suggestions = sorted(
            (s.record_id, s.label_id, round(s.probability, 4), s.in_prediction_set, s.decided)
            for s in session.scalars(select(Suggestion).where(Suggestion.run_id == run_id))
        )
        classifications = sorted(
            (c.record_id, tuple(c.prediction_set), c.unsure, c.valence)
            for c in session.scalars(select(Classification).where(Classification.run_id == run_id))
        )
    return {"themes": themes, "members": members, "suggestions": suggestions, "classifications": classifications}


def _import(shared_dir: Path, tmp_path: Path, n: int) -> int:
    """n distinct answers built from the shared real texts (benchmarks/scale.py), imported."""
    path = write_answers(tmp_path / "svar.csv", n)
    return import_export(path, project="kluster", text_columns=["Svar"]).import_id


def _single_then_cluster(
    engine: Engine, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: Any
) -> tuple[int, int, int]:
    """2,000 answers in partitions of 250, analysed in this process and then on the cluster:
    (import id, single-process run id, cluster run id)."""
    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "250")
    get_settings.cache_clear()
    import_id = _import(shared_dir, tmp_path, 2000)
    single = analyse_import(import_id, engine=engine, embed_model="hash")
    _use(monkeypatch, cluster.scheduler_address)
    return import_id, single, analyse_import(import_id, engine=engine, embed_model="hash")


@pytest.mark.db_incidental
def test_cluster_run_equals_the_single_process_run(
    engine: Engine, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: Any
) -> None:
    _, single, on_cluster = _single_then_cluster(engine, shared_dir, tmp_path, monkeypatch, cluster)
    a, b = _outcome(engine, single), _outcome(engine, on_cluster)
    assert len({r for r, *_ in a["members"]}) > 1900 and len(a["themes"]) > 2
    assert a == b
    assert not run_folder(on_cluster, engine).exists()  # the run's vector files are gone with it


@pytest.mark.db_incidental
def test_cluster_run_past_the_theme_sample_equals_the_single_process_run(
    engine: Engine, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: Any
) -> None:
    """Past the sample the workers place the rest and send back counts only: the stored
    themes and every answer's assignment are those of the single-process run."""
    monkeypatch.setattr(analysis, "SAMPLE_MAX", 700)
    import_id, single, on_cluster = _single_then_cluster(engine, shared_dir, tmp_path, monkeypatch, cluster)
    a, b = _outcome(engine, single), _outcome(engine, on_cluster)
    with session_scope(engine) as session:
        answers = session.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == import_id))
    assert answers > 1900 and len(a["themes"]) > 2
    assert len({r for r, *_ in a["members"]}) == sum(size for _, _, size, _, _ in a["themes"].values()) == answers
    assert a == b
    assert not run_folder(on_cluster, engine).exists()  # the placements went with the run's files


@pytest.mark.db_incidental
def test_worker_killed_mid_run_is_recovered_with_nothing_lost_or_doubled(
    engine: Engine, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: Any
) -> None:
    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "100")
    get_settings.cache_clear()
    import_id = _import(shared_dir, tmp_path, 2000)
    single = analyse_import(import_id, engine=engine, embed_model="hash")
    _use(monkeypatch, cluster.scheduler_address)
    client = get_client()
    before = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(stage: str, done: int, total: int) -> None:
        # Once the first partitions are embedded, a worker still holding partitions dies.
        if stage == "inbäddning" and done > 0 and not killed:
            busy = [w for w, keys in client.processing().items() if keys]
            assert busy, "no worker had partitions left to lose"
            pid = before[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    run_id = analyse_import(import_id, engine=engine, embed_model="hash", progress=kill_a_busy_worker)
    assert killed and killed[0] not in client.run(os.getpid).values()  # the kill happened
    got = _outcome(engine, run_id)
    with session_scope(engine) as session:
        answers = session.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == import_id))
    assert len({r for r, *_ in got["classifications"]}) == len(got["classifications"]) == answers > 1900
    assert got == _outcome(engine, single)


@pytest.mark.db_incidental
def test_real_model_on_the_cluster_equals_the_single_process_run(
    engine: Engine, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cluster: Any
) -> None:
    """The default model (loaded once in each worker) gives the same suggestions, sets and
    valence as in one process. Themes are compared with `hash` above only: on e5 vectors the
    UMAP/HDBSCAN fit is not repeatable from one call to the next even in one process on
    bit-equal vectors (seen on the code before partitions too), so two runs' themes may differ
    wherever they ran."""
    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "100")
    get_settings.cache_clear()
    import_id = _import(shared_dir, tmp_path, 300)
    single = analyse_import(import_id, engine=engine)
    _use(monkeypatch, cluster.scheduler_address)
    on_cluster = analyse_import(import_id, engine=engine)
    a, b = _outcome(engine, single), _outcome(engine, on_cluster)
    assert a["suggestions"] and a["suggestions"] == b["suggestions"]
    assert a["classifications"] == b["classifications"]
    assert {r for r, *_ in a["members"]} == {r for r, *_ in b["members"]}


def _pid(x: int) -> tuple[int, int]:
    return x, os.getpid()


@pytest.mark.utan_databas
def test_local_setting_runs_partitions_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, "local")
    try:
        out = map_partitions(_pid, list(range(6)))
        assert [x for x, _ in out] == list(range(6))  # in the order given
        assert os.getpid() not in {p for _, p in out}
        assert len(get_client().scheduler_info()["workers"]) == (os.cpu_count() or 1)
    finally:
        close_clients()
    _use(monkeypatch, "")
    assert get_client() is None
    assert map_partitions(_pid, [1, 2]) == [(1, os.getpid()), (2, os.getpid())]

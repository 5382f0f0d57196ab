"""Partitioned stages: vectors and classifications stored by partition, read back by row,
written whole or not at all."""

from __future__ import annotations

import os
import re
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nlp.classify import classify_texts
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND
from nlp.embed import cached_embedder, embed_texts, get_embedder
from nlp.pipeline.analysis import find_themes, find_themes_placed
from nlp.pipeline.common import jsonable
from nlp.pipeline.partitions import (
    classify_partitions,
    embed_partitions,
    local_rows,
    read_rows,
    remove_run_files,
    run_folder,
)
from nlp.themes.sample import period_strata, stratified_sample

TEXTS = [f"Svar nummer {i}: väntetiden var {'lång' if i % 2 else 'kort'} på mottagning {i % 7}." for i in range(23)]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUKARROST_KLUSTER_DEL", "5")
    monkeypatch.delenv("BRUKARROST_KLUSTER", raising=False)
    get_settings.cache_clear()


def test_vectors_stored_by_partition_read_back_by_row(small_parts: None) -> None:
    stored = embed_partitions(TEXTS, 7, "hash:128", _quiet)
    files = sorted(run_folder(7, None).glob("vektorer/del-?????.npy"))
    files += sorted(run_folder(7, None).glob("vektorer/*.svar.json"))
    assert [p.n for p in stored.parts] == [5, 5, 5, 5, 3] and len(files) == 10
    assert [t for p in stored.parts for t in p.texts()] == TEXTS  # each partition's answers in its own file
    assert all(os.stat(f).st_mode & 0o077 == 0 for f in files)  # private, like the rest of the data dir
    whole = embed_texts(TEXTS, embedder=get_embedder("hash:128"), kind=ANALYSIS_KIND)
    np.testing.assert_array_equal(stored.all(), whole)
    rows = np.array([22, 0, 9, 10, 4, 5])  # across partitions, in any order
    np.testing.assert_array_equal(stored.rows(rows), whole[rows])
    remove_run_files(7, None)
    assert not run_folder(7, None).exists()


def test_a_partition_run_again_reuses_its_whole_file_and_replaces_a_torn_one(small_parts: None) -> None:
    stored = embed_partitions(TEXTS, 8, "hash:128", _quiet)
    first, second = Path(stored.parts[0].path), Path(stored.parts[1].path)
    before, expected = first.stat().st_mtime_ns, stored.all()
    second.write_bytes(second.read_bytes()[:40])  # a file cut short (a crash mid-write elsewhere)
    again = embed_partitions(TEXTS, 8, "hash:128", _quiet)
    assert first.stat().st_mtime_ns == before  # whole: not written again
    np.testing.assert_array_equal(again.all(), expected)  # torn: written again, whole
    assert not list(run_folder(8, None).glob("vektorer/*.tmp"))


def test_classifications_stored_by_partition_equal_one_pass_over_all_answers(small_parts: None, tax: Any) -> None:
    """What the partitions' files hold (and the labels sent back) is what classifying all the
    answers at once gives, row for row, in order; the files are private and go with the run."""
    stored = embed_partitions(TEXTS, 9, "hash:128", _quiet)
    classified = classify_partitions(stored, tax, None, "hash:128", _quiet)
    whole = classify_texts(
        TEXTS, stored.all(), tax, embedder=cached_embedder("hash:128"), model=None, kind=ANALYSIS_KIND
    )
    files = [Path(p) for p in classified.paths]
    assert len(files) == 5 and all(os.stat(f).st_mode & 0o077 == 0 for f in files)
    rows = list(classified.rows())
    assert len(rows) == len(whole) == len(classified.labels) == len(classified.valence)
    assert classified.model_version == whole[0].model_version
    for (columns, sugs), res, labels, valence in zip(rows, whole, classified.labels, classified.valence):
        assert list(labels) == res.labels
        assert valence == columns["valence"]  # sent back for the themes' names, as stored
        assert columns["prediction_set"] == list(res.prediction_set)
        assert columns["valence"] == (res.valence.label if res.valence else None)
        assert columns["evidence"] == jsonable(res.evidence)
        # Probabilities to 1e-6: BLAS sums a batch of 5 rows in another order than one of 23.
        expected = [
            [s.label, pytest.approx(s.probability, abs=1e-6), s.label in res.prediction_set, s.decided]
            for s in res.suggestions
        ]
        assert sugs == expected
    assert any(sugs for _, sugs in rows)  # the comparison is not of empty lists
    remove_run_files(9, None)
    assert not run_folder(9, None).exists()


def _topic_answers(n_per: int) -> tuple[list[str], list[date | None]]:
    """Answers on four topics in varied wording, dated over six months (some undated)."""
    patterns = [
        "Jag fick vänta {i} veckor på {x} innan någon ringde tillbaka.",
        "Maten på {x} var kall, frukosten dag {i} likaså.",
        "Personalen på {x} lyssnade och tog sig tid, besök {i}.",
        "Parkeringen vid {x} kostade för mycket, {i} kronor.",
    ]
    places = ["mottagningen", "avdelningen", "vårdcentralen", "akuten", "boendet", "kliniken"]
    texts, dates = [], []
    for i in range(n_per):
        for k, pattern in enumerate(patterns):
            texts.append(pattern.format(i=i, x=places[(i + k) % len(places)]))
            dates.append(None if (i + k) % 17 == 0 else date(2025, 1 + (i + k) % 6, 1 + i % 28))
    return texts, dates


def test_rest_placed_by_partition_equals_assigning_every_answer_in_memory(small_parts: None) -> None:
    """Past the sample, the rest is placed where the vectors are kept and only counts come
    back (the process holds the sample's answers alone); the themes, sizes, series, signals
    and every stored assignment (in answer order) are those of assigning every answer in this
    process."""
    texts, dates = _topic_answers(90)
    ids = list(range(5000, 5000 + len(texts)))
    stored = embed_partitions(texts, 11, "hash:128", _quiet, ids=ids, dates=dates)
    rows = stratified_sample(period_strata(dates, len(texts)), 150)
    stored.parts = [replace(p, sample=mine) for p, mine in local_rows(stored.parts, rows)]
    embedder = get_embedder("hash:128")
    name = lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND)  # noqa: E731
    sample = read_rows(stored.parts, rows)
    assert sample.ids == [ids[i] for i in rows] and sample.dates == [dates[i] for i in rows]
    placed = find_themes_placed(sample, rows, stored, embed=name)
    held = find_themes(texts, stored.all(), record_ids=ids, dates=dates, sample_max=150, embed=name)
    assert placed.rest is not None and held.rest is None
    assert len(placed.assignments) == 150 < len(texts)  # only the sample's held here
    assert list(placed.assignment_rows()) == list(held.assignments.items())
    assert [asdict(t) for t in placed.themes] == [asdict(t) for t in held.themes]
    assert len(held.themes) > 2 and sum(t.size for t in placed.themes) == len(texts)
    assert placed.over_time == held.over_time and placed.over_time["undated"] > 0
    assert placed.emerging == held.emerging
    assert (placed.notes, placed.settings, placed.n_texts) == (held.notes, held.settings, held.n_texts)
    files = sorted(run_folder(11, None).glob("vektorer/*.tema.npy"))
    assert len(files) == len(stored.parts) and all(os.stat(f).st_mode & 0o077 == 0 for f in files)
    remove_run_files(11, None)


def test_only_the_samples_labels_come_back_from_classifying(small_parts: None, tax: Any) -> None:
    """A partition that knows its rows in the theme sample sends back their labels and
    valence alone; its file still holds every answer's classification."""
    stored = embed_partitions(TEXTS, 12, "hash:128", _quiet)
    whole = classify_partitions(stored, tax, None, "hash:128", _quiet)
    rows = np.array([1, 4, 5, 13, 22])
    stored.parts = [replace(p, sample=mine) for p, mine in local_rows(stored.parts, rows)]
    sampled = classify_partitions(stored, tax, None, "hash:128", _quiet)
    assert sampled.labels == [whole.labels[i] for i in rows]
    assert sampled.valence == [whole.valence[i] for i in rows]
    assert len(list(sampled.rows())) == len(TEXTS) and sampled.model_version == whole.model_version
    remove_run_files(12, None)


def test_two_databases_sharing_a_data_dir_keep_their_runs_apart(tmp_path: Path) -> None:
    # Run ids count per database: the product's database and another one in the same data
    # dir both have a run 1, and their partition files must not meet.
    from nlp.store import get_engine

    first = get_engine(f"sqlite:///{tmp_path / 'a.db'}")
    second = get_engine(f"sqlite:///{tmp_path / 'b.db'}")
    same_file = get_engine(f"sqlite:///{tmp_path / 'x' / '..' / 'a.db'}")
    assert run_folder(1, first) != run_folder(1, second) != run_folder(1, None)
    assert run_folder(1, first) == run_folder(1, same_file)  # one file, however it was named
    assert run_folder(1, first).parent.parent == get_settings().data_dir / "korningar"
    assert re.fullmatch("[0-9a-f]{16}", run_folder(1, first).parent.name)  # a hash, not the URL

"""Partitioned stages: vectors and classifications stored by partition, read back by row,
written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nlp.classify import classify_texts
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND
from nlp.embed import cached_embedder, embed_texts, get_embedder
from nlp.pipeline.common import jsonable
from nlp.pipeline.partitions import classify_partitions, embed_partitions, remove_run_files, run_folder

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
    files = sorted(run_folder(7).glob("vektorer/*.npy"))
    assert [len(p.texts) for p in stored.parts] == [5, 5, 5, 5, 3] and len(files) == 5
    assert all(os.stat(f).st_mode & 0o077 == 0 for f in files)  # private, like the rest of the data dir
    whole = embed_texts(TEXTS, embedder=get_embedder("hash:128"), kind=ANALYSIS_KIND)
    np.testing.assert_array_equal(stored.all(), whole)
    rows = np.array([22, 0, 9, 10, 4, 5])  # across partitions, in any order
    np.testing.assert_array_equal(stored.rows(rows), whole[rows])
    remove_run_files(7)
    assert not run_folder(7).exists()


def test_a_partition_run_again_reuses_its_whole_file_and_replaces_a_torn_one(small_parts: None) -> None:
    stored = embed_partitions(TEXTS, 8, "hash:128", _quiet)
    first, second = Path(stored.parts[0].path), Path(stored.parts[1].path)
    before, expected = first.stat().st_mtime_ns, stored.all()
    second.write_bytes(second.read_bytes()[:40])  # a file cut short (a crash mid-write elsewhere)
    again = embed_partitions(TEXTS, 8, "hash:128", _quiet)
    assert first.stat().st_mtime_ns == before  # whole: not written again
    np.testing.assert_array_equal(again.all(), expected)  # torn: written again, whole
    assert not list(run_folder(8).glob("vektorer/*.tmp"))


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
    remove_run_files(9)
    assert not run_folder(9).exists()

"""Partitioned stages: vectors stored by partition, read back by row, written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND
from nlp.embed import embed_texts, get_embedder
from nlp.pipeline.partitions import embed_partitions, remove_run_files, run_folder

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

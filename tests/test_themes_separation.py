"""The valley test of a refit's splits (nlp.themes.separation): a part of a theme is apart from
the rest when few of the theme's answers lie between them, not when the theme is one spread."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from nlp.themes import from_fit
from nlp.themes.separation import apart_from_rest
from tests.test_project_themes import _corpus, _result_from

pytestmark = pytest.mark.utan_databas

DIM = 32


def _direction(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=DIM)
    return v / np.linalg.norm(v)


def _topic(seed: int, n: int, rng: np.random.Generator) -> np.ndarray:
    v = _direction(seed) + rng.normal(scale=0.08, size=(n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_topics_put_in_one_theme_are_each_apart_from_the_rest() -> None:
    rng = np.random.default_rng(0)
    emb = np.vstack([_topic(s, 50, rng) for s in (1, 2, 3)])
    rows = np.arange(150)
    assert apart_from_rest(emb, rows[50:], np.arange(100) < 50)  # two topics
    # Three: the third lies midway between any two, but not between one and the other two.
    for j in range(3):
        assert apart_from_rest(emb, rows, (rows // 50) == j)


def test_a_spread_cut_in_pieces_is_no_part_apart() -> None:
    # Answers spread between two directions (each a mix of both, most of them near the middle
    # mix), cut at the middle or nearer one end: one theme, whatever border a fit draws in it.
    rng = np.random.default_rng(1)
    w = rng.beta(2, 2, size=300)
    v = np.outer(1 - w, _direction(1)) + np.outer(w, _direction(2)) + rng.normal(scale=0.03, size=(300, DIM))
    emb = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    for border in (0.5, 1 / 3, 0.8):
        assert not apart_from_rest(emb, np.arange(300), w > border)


def test_no_part_or_all_of_the_theme_is_not_apart() -> None:
    emb = _topic(1, 20, np.random.default_rng(2))
    assert not apart_from_rest(emb, np.arange(20), np.zeros(20, bool))
    assert not apart_from_rest(emb, np.arange(20), np.ones(20, bool))


def test_a_refit_with_real_fits_splits_a_theme_that_holds_two_topics() -> None:
    """The old themes put B and C in one theme (as a first import with few answers may); the
    fresh fit and the fits of half the answers find them apart, and so does the valley between
    them: the refit splits the theme, each part one topic."""
    from nlp.pipeline.project import refit_project_themes

    ids, texts, vecs = _corpus([("A", 60), ("B", 60), ("C", 60)], 0, 1)
    old = from_fit(_result_from([0] * 60 + [1] * 120, ids), vecs, ids)
    refit, _ = refit_project_themes(texts, vecs, ids, state=old)
    split = [m for m in refit.mapping if m["typ"] == "delad"]
    joined = old.main[60]
    assert [m["fran"] for m in split] == [[joined]] and len(split[0]["till"]) == 2
    b, c = Counter(refit.main[r] for r in range(60, 120)), Counter(refit.main[r] for r in range(120, 180))
    assert b.most_common(1)[0][1] >= 54 and c.most_common(1)[0][1] >= 54
    assert b.most_common(1)[0][0] != c.most_common(1)[0][0]
    assert all(refit.main[r] == old.main[0] for r in range(60))

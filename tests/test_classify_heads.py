"""The linear heads with the smallest taxonomies a user may bring."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.classify.heads import Heads

pytestmark = pytest.mark.utan_databas


def test_two_labels_without_off_topic_phrases_give_real_probabilities() -> None:
    # Two training classes: scikit-learn keeps one coefficient row; the heads need one per class.
    texts = ["personalen var vänlig och lyssnade", "det tog tre veckor att få en tid"] * 4
    rng = np.random.default_rng(0)
    E = rng.normal(size=(8, 16)).astype(np.float32)
    E[1::2] += 2.0  # the second label's answers lie elsewhere
    Y = np.array([[1, 0], [0, 1]] * 4)
    heads = Heads.fit(texts, E, Y, np.ones(8))
    p = heads.predict_raw(texts, E)
    assert p.shape == (8, 3)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert (p[0::2, 0] > p[0::2, 1]).all() and (p[1::2, 1] > p[1::2, 0]).all()

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


def test_char_transform_is_scikit_learns_transform_bit_for_bit() -> None:
    # Odd white space, casing that changes length, one- and two-letter words, repeats, words
    # not in the vocabulary: the counted matrix and its weights must be exactly scikit-learn's.
    from nlp.classify.heads import char_tfidf, char_transform

    train = ["Personalen var vänlig", "Lång väntetid på telefon!!", "ok", "a b c", "İstanbul ẞ straße"]
    texts = [
        *train,
        "",
        "  ",
        "x\u00a0y\u2003z\tq\nr",
        "väntetid väntetid VÄNTETID",
        "e\u0301 ΣΑΣ ΟΔΟΣ",
        "ord utan träff xyzzy",
    ]
    vec = char_tfidf().fit(train)
    want, got = vec.transform(texts), char_transform(vec, texts)
    assert type(got) is type(want) and got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)

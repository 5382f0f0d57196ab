"""Themes of a large import: a stratified sample of bounded size, the rest assigned."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np
import pytest

from nlp.core import OTHER_THEME
from nlp.embed import get_embedder
from nlp.themes import assign, fit_themes
from nlp.themes.sample import fit_sample, period_strata, stratified_sample

pytestmark = pytest.mark.utan_databas

TOPICS = {
    "vänta": ["Jag fick vänta länge på {x} innan någon ringde tillbaka.", "Väntetiden till {x} var alldeles för lång."],
    "mat": ["Maten på {x} var kall och smaklös.", "Frukosten på {x} var god och varierad."],
    "personal": ["Personalen på {x} var vänlig och lyssnade.", "Sköterskan på {x} tog sig tid att förklara."],
}
PLACES = ["mottagningen", "avdelningen", "vårdcentralen", "akuten", "boendet", "kliniken", "enheten", "dagverksamheten"]


def _corpus(n_per: int) -> tuple[list[str], list[str]]:
    texts, topics = [], []
    for topic, patterns in TOPICS.items():
        for i in range(n_per):
            place = PLACES[i % len(PLACES)]
            texts.append(patterns[i % len(patterns)].format(x=place) + f" Besök {i}.")
            topics.append(topic)
    return texts, topics


def test_stratified_sample_is_bounded_proportional_and_repeatable() -> None:
    strata = ["a"] * 700 + ["b"] * 200 + ["c"] * 100 + ["d"] * 3
    rows = stratified_sample(strata, 100)
    assert len(rows) == 100 and len(set(rows.tolist())) == 100 and list(rows) == sorted(rows)
    counts = Counter(strata[i] for i in rows)
    assert counts["a"] == 70 and counts["b"] == 20 and counts["c"] == 10
    assert np.array_equal(rows, stratified_sample(strata, 100))
    assert np.array_equal(stratified_sample(strata, 5000), np.arange(len(strata)))


def test_period_strata_combine_import_and_month() -> None:
    dates = [date(2025, 1, 3), date(2025, 1, 30), date(2025, 2, 1), None]
    assert period_strata(dates, 4, [1, 2, 1, 1]) == [(1, "2025-01"), (2, "2025-01"), (1, "2025-02"), (1, None)]
    assert period_strata(None, 2) == [None, None]


def test_fit_on_a_sample_assigns_the_rest_like_their_twins_in_the_sample() -> None:
    distinct, topics = _corpus(60)
    texts = distinct + distinct  # every answer twice, under two ids
    emb = get_embedder("hash:512").embed(texts)
    ids = list(range(1000, 1000 + len(texts)))
    rows = stratified_sample(topics + topics, 180)
    result = fit_sample(texts, ids, rows, emb[rows], lambda themes: assign(themes, emb, floor=True))
    assert result.n_texts == len(texts) and set(result.assignments) == set(ids)
    assert result.settings["urval"] == 180 and "urval av 180 av 360" in result.notes[-1]
    assert sum(t.size for t in result.themes) == len(texts)
    main = result.main_theme()
    # An answer left out of the sample mostly goes where its twin in the sample went (not
    # always: the nearest centroid is not HDBSCAN's density membership at a theme's border;
    # at random it would be about 1 in the number of themes).
    in_sample = set(rows.tolist())
    half = len(distinct)
    pairs = [(i, (i + half) % len(texts)) for i in range(len(texts)) if i not in in_sample]
    pairs = [(i, j) for i, j in pairs if j in in_sample and main[ids[j]] != OTHER_THEME]
    assert len(pairs) > 30
    same = sum(main[ids[i]] == main[ids[j]] for i, j in pairs)
    assert same >= 0.6 * len(pairs) and len(result.themes) > 3


def test_fit_on_all_answers_when_the_sample_is_all_of_them() -> None:
    texts, _ = _corpus(40)
    emb = get_embedder("hash:512").embed(texts)
    ids = list(range(len(texts)))
    whole = fit_sample(texts, ids, np.arange(len(texts)), emb, lambda themes: [])
    direct = fit_themes(texts, emb, record_ids=ids)
    assert whole.assignments == direct.assignments and [t.label for t in whole.themes] == [
        t.label for t in direct.themes
    ]

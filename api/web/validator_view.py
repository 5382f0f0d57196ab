"""What the validator page shows about one answer, built from the queue item: the labels
to tick (the model's suggestions pre-marked, with their confidence in words), the answer
with its evidence highlighted, and the evidence in plain words. Pure functions of the data,
so the page and its tests share them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from nlp.validation_status import confidence_text

__all__ = [
    "PLAUSIBLE",
    "evidence_lines",
    "highlight",
    "label_choices",
]

# A label is offered as a suggestion to judge when the model keeps it in its prediction set
# at this probability or more; a long tail of 3–5 % labels is noise for a human judge.
PLAUSIBLE = 0.15
MAX_SUGGESTED = 4


def label_choices(suggestions: list[dict[str, Any]], titles: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """{"suggested": [...], "rest": [...]}: each {"label_id", "title", "probability",
    "confidence", "checked"}. Suggested: the best label and the plausible ones of the
    prediction set; pre-ticked: the best and every suggestion the model finds at least
    possible (≥ 50 %). The rest of the taxonomy can be ticked too, by title."""
    probs = {s["label_id"]: s for s in suggestions}
    ranked = sorted(suggestions, key=lambda s: -s["probability"])
    shown = [s for i, s in enumerate(ranked) if i == 0 or (s["in_prediction_set"] and s["probability"] >= PLAUSIBLE)][
        :MAX_SUGGESTED
    ]
    suggested = [
        {
            "label_id": s["label_id"],
            "title": titles.get(s["label_id"], s["label_id"]),
            "probability": s["probability"],
            "confidence": confidence_text(s["probability"]),
            "checked": i == 0 or s["probability"] >= 0.5,
        }
        for i, s in enumerate(shown)
    ]
    taken = {s["label_id"] for s in suggested}
    rest = [
        {
            "label_id": lid,
            "title": title,
            "probability": probs[lid]["probability"] if lid in probs else None,
            "confidence": confidence_text(probs[lid]["probability"]) if lid in probs else None,
            "checked": False,
        }
        for lid, title in sorted(titles.items(), key=lambda kv: kv[1].casefold())
        if lid not in taken
    ]
    return {"suggested": suggested, "rest": rest}


def _evidence_items(raw: Any, labels: Iterable[str]) -> list[dict[str, Any]]:
    wanted = list(labels)
    items = [i for i in (raw or []) if isinstance(i, dict) and i.get("label") in wanted]
    return sorted(items, key=lambda i: wanted.index(i["label"]))


def _spans(items: list[dict[str, Any]], text: str) -> list[tuple[int, int]]:
    """The classifier's character spans (evidence[].spans) that fit the text; else the
    evidence words found in it as whole words."""
    spans: list[tuple[int, int]] = []
    for item in items:
        for sp in item.get("spans") or []:
            if isinstance(sp, dict):
                start, end = sp.get("start"), sp.get("end")
                if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                    spans.append((start, end))
    if spans:
        return spans
    for item in items:
        for word in item.get("words") or []:
            if str(word).strip():
                pattern = rf"(?<!\w){re.escape(str(word))}(?!\w)"
                spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def highlight(text: str, raw_evidence: Any, labels: Iterable[str]) -> list[tuple[str, bool]]:
    """The answer as (piece, highlighted) pieces: the evidence of `labels` marked (overlapping
    spans merged). Rendering the pieces keeps Jinja's escaping; no HTML is built here."""
    spans = sorted(_spans(_evidence_items(raw_evidence, labels), text))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def evidence_lines(raw: Any, titles: dict[str, str], labels: Iterable[str], text: str) -> list[dict[str, Any]]:
    """Per label, what pointed the model to it: the highlighted sentences (from spans) or
    the words, and the classifier's most similar validated examples. [{"title", "kind",
    "parts", "examples"}]"""
    out = []
    for item in _evidence_items(raw, labels):
        spans = [
            (sp["start"], sp["end"])
            for sp in item.get("spans") or []
            if isinstance(sp, dict)
            and isinstance(sp.get("start"), int)
            and isinstance(sp.get("end"), int)
            and 0 <= sp["start"] < sp["end"] <= len(text)
        ]
        parts = [text[a:b].strip() for a, b in sorted(spans)] or [str(w) for w in item.get("words") or []]
        examples = [
            {"text": ex["text"], "similarity": ex.get("similarity")}
            for ex in item.get("examples") or []
            if isinstance(ex, dict) and ex.get("text")
        ]
        if parts or examples:
            out.append(
                {
                    "title": titles.get(str(item["label"]), str(item["label"])),
                    "kind": "meningar" if spans else "ord",
                    "parts": parts,
                    "examples": examples[:2],
                }
            )
    return out

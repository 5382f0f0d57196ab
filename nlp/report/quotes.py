"""Quotes for a label in the report: the sentences the classifier gave as its evidence
(`evidence[].spans`, nlp/classify/evidence.py), from the answers it is most sure about.

The texts are the stored, pseudonymised answers; a span is cut from that same text, so the
offsets are the ones the classifier wrote. Runs stored before spans existed give no quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.store.models import Classification, RecordRow

N_QUOTES = 3
MAX_CHARS = 300  # a supporting clause is short; a cut-off one says so with "…"


def span_texts(text: str, evidence: Any, label: str) -> list[str]:
    """The supporting sentences of `label` in `text`, best first (empty if none stored)."""
    out = []
    for item in evidence or []:
        if not isinstance(item, dict) or item.get("label") != label:
            continue
        for s in item.get("spans") or []:
            a, b = int(s.get("start", 0)), int(s.get("end", 0))
            if 0 <= a < b <= len(text):
                quote = text[a:b].strip()
                out.append(quote if len(quote) <= MAX_CHARS else quote[: MAX_CHARS - 1].rstrip() + "…")
    return out


def label_quotes(
    session: Session,
    run_id: int,
    counted: Mapping[str, Iterable[int]],
    probability: Mapping[tuple[int, str], float],
    limit: int = N_QUOTES,
) -> dict[str, list[str]]:
    """Per label: up to `limit` supporting sentences, from its most probable counted answers."""
    top = {
        lab: sorted(ids, key=lambda i, lab=lab: -probability.get((i, lab), 0.0))[: limit * 2]
        for lab, ids in counted.items()
    }
    wanted = sorted({i for ids in top.values() for i in ids})
    if not wanted:
        return {}
    rows = session.execute(
        select(RecordRow.id, RecordRow.text, Classification.evidence)
        .join(Classification, Classification.record_id == RecordRow.id)
        .where(Classification.run_id == run_id, RecordRow.id.in_(wanted))
    ).all()
    by_id = {r.id: (r.text, r.evidence) for r in rows}
    out: dict[str, list[str]] = {}
    for lab, ids in top.items():
        quotes = [q for i in ids if i in by_id for q in span_texts(*by_id[i], lab)[:1]]
        out[lab] = list(dict.fromkeys(quotes))[:limit]
    return out

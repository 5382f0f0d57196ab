"""Identical and near-identical answers, judged together; answers others already validated.

Identical: the same text after `answer_key` (case, punctuation, spacing and the numbers of
pseudonyms do not count: "Mer personal!" and "mer personal" are one answer).

Near-identical: character-trigram Jaccard similarity of the keys ≥ NEAR (0.8). Why this
measure: it costs one set of trigrams per answer (no model, no index), it forgives typos,
inflections and small edits in long answers ("väntetiden" / "väntetiderna" in a sentence),
and at 0.8 it keeps apart the short answers whose meaning a few letters change ("Inte bra
bemötande" / "Bra bemötande" is 0.72). Jaccard ≥ t also bounds the length ratio by t, so
candidates are first narrowed by text length in the database. Near-identical answers are
shown to the judge one by one and can be left out of the group; identical ones cannot.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.store.models import RecordRow, Suggestion, ThemeAssignment, User, ValidationEvent
from nlp.validation_status import statuses

__all__ = [
    "MAX_GROUP",
    "NEAR",
    "answer_group",
    "answer_key",
    "group_texts",
    "similar_validated",
    "similarity",
]

NEAR = 0.8
MAX_GROUP = 100  # answers judged in one go at most: a larger group is judged in several
_PSEUDONYM = re.compile(r"\[([A-ZÅÄÖ_]+?)_\d+\]")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WORD = re.compile(r"\w{3,}", re.UNICODE)


def answer_key(text: str) -> str:
    """The text as compared for grouping: NFKC, case-folded, pseudonym numbers dropped
    ([PERSON_3] → person), punctuation and spacing folded to single spaces."""
    t = unicodedata.normalize("NFKC", text or "")
    t = _PSEUDONYM.sub(lambda m: f" {m.group(1)} ", t)
    return _NON_WORD.sub(" ", t.casefold()).strip()


def _trigrams(key: str) -> frozenset[str]:
    padded = f" {key} "
    return frozenset(padded[i : i + 3] for i in range(max(len(padded) - 2, 1)))


def similarity(a: str, b: str) -> float:
    """Character-trigram Jaccard similarity of two answers' keys (1.0 for identical keys)."""
    ka, kb = answer_key(a), answer_key(b)
    if ka == kb:
        return 1.0
    ta, tb = _trigrams(ka), _trigrams(kb)
    return len(ta & tb) / len(ta | tb) if ta or tb else 0.0


def group_texts(head: str, others: Iterable[tuple[int, str]]) -> list[dict[str, Any]]:
    """The answers among `others` (id, text) identical or near-identical to `head`, as
    variants: [{"ids", "text", "identical", "similarity"}], identical first, then by
    similarity. Pure, so pages and tests share it."""
    key, grams = answer_key(head), _trigrams(answer_key(head))
    variants: dict[str, dict[str, Any]] = {}
    for rid, text in others:
        k = answer_key(text)
        if k == key:
            sim = 1.0
        else:
            g = _trigrams(k)
            sim = len(grams & g) / len(grams | g)
            if sim < NEAR:
                continue
        v = variants.setdefault(k, {"ids": [], "text": text, "identical": k == key, "similarity": sim})
        v["ids"].append(rid)
    return sorted(variants.values(), key=lambda v: (not v["identical"], -v["similarity"], v["ids"][0]))


def _judged_by(user: User, taxonomy_id: str | None) -> Any:
    return select(ValidationEvent.record_id).where(
        ValidationEvent.user_id == user.id,
        ValidationEvent.record_id.is_not(None),
        ValidationEvent.taxonomy_id == (taxonomy_id or ""),
    )


def answer_group(
    db: Session, user: User, run_id: int, taxonomy_id: str | None, head: dict[str, Any]
) -> list[dict[str, Any]]:
    """The answers of the run the user has not judged yet that are identical or
    near-identical to `head` (a record dict), as group_texts' variants; `head` is in the
    first variant. At most MAX_GROUP answers."""
    length = len(head["text"] or "")
    # Jaccard ≥ NEAR bounds the ratio of trigram counts; the raw text may carry punctuation
    # the key drops, hence the wider band.
    lo, hi = int(length * 0.6), int(length / 0.6) + 3
    in_run = select(Suggestion.record_id).where(Suggestion.run_id == run_id)
    rows = db.execute(
        select(RecordRow.id, RecordRow.text)
        .where(
            RecordRow.id.in_(in_run),
            RecordRow.id.not_in(_judged_by(user, taxonomy_id)),
            func.length(RecordRow.text).between(lo, hi),
        )
        .order_by(RecordRow.id)
    ).all()
    variants = group_texts(head["text"], [(r.id, r.text) for r in rows])
    if not variants or head["id"] not in variants[0]["ids"]:
        variants.insert(0, {"ids": [], "text": head["text"], "identical": True, "similarity": 1.0})
    # The head first, so it survives the cap.
    variants[0]["ids"] = [head["id"], *(i for i in variants[0]["ids"] if i != head["id"])]
    out, room = [], MAX_GROUP
    for v in variants:
        if ids := v["ids"][:room]:
            out.append({**v, "ids": ids})
            room -= len(ids)
    return out


def _content_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(answer_key(text)))


def similar_validated(
    db: Session, user: User, run_id: int, head: dict[str, Any], exclude: Sequence[int], limit: int = 3
) -> list[dict[str, Any]]:
    """Up to `limit` answers in the head's theme that someone else has already judged,
    most similar first by shared words (Jaccard of words of 3+ letters): [{"id", "text",
    "similarity", "labels": {label: status}}]. The theme narrows to answers about the same thing; the word overlap
    orders them without a model."""
    themes = select(ThemeAssignment.theme_id).where(ThemeAssignment.record_id == head["id"])
    members = select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id.in_(themes))
    judged_by_others = select(ValidationEvent.record_id).where(
        ValidationEvent.record_id.is_not(None),
        ValidationEvent.user_id != user.id,
        ValidationEvent.is_resolution.is_(False),
    )
    rows = db.execute(
        select(RecordRow.id, RecordRow.text)
        .where(
            RecordRow.id.in_(members),
            RecordRow.id.in_(judged_by_others),
            RecordRow.id.in_(select(Suggestion.record_id).where(Suggestion.run_id == run_id)),
            RecordRow.id.not_in(list(exclude) or [0]),
        )
        .order_by(RecordRow.id.desc())
        .limit(500)
    ).all()
    words = _content_words(head["text"])
    key = answer_key(head["text"])
    scored = []
    for r in rows:
        if answer_key(r.text) == key:
            continue  # the same answer again tells the judge nothing new
        w = _content_words(r.text)
        sim = len(words & w) / len(words | w) if words | w else 0.0
        if sim > 0:
            scored.append({"id": r.id, "text": r.text, "similarity": sim})
    scored.sort(key=lambda s: (-s["similarity"], -s["id"]))
    top = scored[:limit]
    if top:
        events = db.scalars(
            select(ValidationEvent)
            .where(ValidationEvent.record_id.in_([s["id"] for s in top]))
            .order_by(ValidationEvent.id)
        ).all()
        st = statuses(events)
        for s in top:
            s["labels"] = {lab: v for (rid, _tax, lab), v in st.items() if rid == s["id"] and v != "forslag"}
    return top

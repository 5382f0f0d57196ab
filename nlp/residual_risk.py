"""Residual risk: what the pseudonymiser KEPT that still looks like it could identify someone.

Computed at import time from the pseudonymised text only (raw text is never persisted):
per import, the kinds of risky tokens left (rare capitalised words that are not Swedish
words, long digit runs, @-signs, web addresses) are stored as positions in the
pseudonymised text (table residual_tokens), never as the tokens themselves. Analysts see
counts per kind; an administrator sees each token in its pseudonymised context on an
audited page, and decides whether the pseudonymiser needs a new rule.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.store.models import Import, RecordRow, ResidualToken

# kind -> Swedish description, in the order pages show them
KINDS: dict[str, str] = {
    "ovanligt_ord_med_versal": "ovanliga ord med stor bokstav som inte är svenska ord (kan vara namn)",
    "lang_sifferfoljd": "långa sifferföljder (sex siffror eller fler, kan vara nummer)",
    "snabel_a": "@-tecken (kan vara e-post eller användarnamn)",
    "webbadress": "webbadresser",
}
# Field of the record a token was found in -> Swedish name
FIELDS: dict[str, str] = {"text": "svar", "unit": "verksamhet", "age_group": "åldersgrupp"}
CONTEXT_CHARS = 40
_MAX_PER_IMPORT = 20_000  # positions kept for the admin view; counts are always complete

_PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ]+_\d+\]")
_WORD = re.compile(r"\b[A-ZÅÄÖÉ][a-zåäöéü]{2,}(?:-[A-ZÅÄÖa-zåäö][a-zåäöéü]+)?\b")
_DIGITS = re.compile(r"(?<!\d)\d(?:[ \-./]?\d){5,}(?!\d)")
_AT = re.compile(r"@")
_URL = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu|io|info|biz)\b(?:/\S*)?"
)


@dataclass(frozen=True)
class RiskToken:
    kind: str
    start: int
    end: int


def _blank_placeholders(text: str) -> str:
    """The pseudonyms themselves are not risks: blank them, keeping offsets."""
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


def _rare_word(word: str) -> bool:
    # The pseudonymiser's own test for "not an everyday Swedish word" (spacy-lookups-data
    # lemma table + wordfreq), so the two never disagree about what a word is. Imported on
    # first use: importing the pseudonymiser loads its categories and their libraries.
    from nlp.pseudonymise import unknown_word

    return unknown_word(word.split("-")[0])


def scan(text: str) -> list[RiskToken]:
    """Risky tokens left in a PSEUDONYMISED text, as kinds and offsets (no token text)."""
    if not text:
        return []
    clean = _blank_placeholders(text)
    found: list[RiskToken] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (("webbadress", _URL), ("snabel_a", _AT), ("lang_sifferfoljd", _DIGITS)):
        for m in pattern.finditer(clean):
            if kind != "snabel_a" and any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found.append(RiskToken(kind, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _WORD.finditer(clean):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if _rare_word(m.group(0)):
            found.append(RiskToken("ovanligt_ord_med_versal", m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


class ResidualScanner:
    """Collects risk tokens for one import while it is being stored (pseudonymised text only).

    Metadata values repeat on every row: each distinct value is scanned once and its
    tokens are stored against the first record that has it.
    """

    def __init__(self) -> None:
        self.pending: list[tuple[Any, str, RiskToken]] = []  # (record key, field, token)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._seen_meta: set[tuple[str, str]] = set()

    def add(self, key: Any, field: str, text: str | None) -> None:
        """key: anything that names the record until it has an id, e.g. (row, question)."""
        if not text:
            return
        if field != "text":
            if (field, text) in self._seen_meta:
                return
            self._seen_meta.add((field, text))
        for token in scan(text):
            self.counts[field][token.kind] += 1
            if len(self.pending) < _MAX_PER_IMPORT:
                self.pending.append((key, field, token))

    def rows(self, import_id: int, record_ids: dict[Any, int]) -> list[dict[str, Any]]:
        """Rows for residual_tokens; record_ids maps the scanner's keys to record ids."""
        return [
            {
                "import_id": import_id,
                "record_id": record_ids[k],
                "field": f,
                "kind": t.kind,
                "start": t.start,
                "end": t.end,
            }
            for k, f, t in self.pending
            if k in record_ids
        ]


def import_summary(session: Session, imp: Import) -> dict[str, Any]:
    """Counts only (no text), for analysts: replaced per category, kept risky kinds."""
    kept: dict[str, dict[str, int]] = defaultdict(dict)
    for field, kind, n in session.execute(
        select(ResidualToken.field, ResidualToken.kind, func.count())
        .where(ResidualToken.import_id == imp.id)
        .group_by(ResidualToken.field, ResidualToken.kind)
    ):
        kept[FIELDS.get(field, field)][kind] = int(n)
    replaced: dict[str, dict[str, int]] = {"svar": dict(imp.pii_counts or {})}
    for field, counts in (imp.metadata_pii_counts or {}).items():
        replaced[FIELDS.get(field, field)] = dict(counts)
    return {
        "import_id": imp.id,
        "fil": imp.filename,
        "antal_svar": imp.n_records,
        "ersatta": replaced,
        "kvar": dict(kept),
        "kvar_totalt": {k: sum(v.get(k, 0) for v in kept.values()) for k in KINDS},
        "typer": KINDS,
    }


def tokens_in_context(session: Session, import_id: int, limit: int = 500) -> list[dict[str, Any]]:
    """Each kept risky token in its PSEUDONYMISED context, for an administrator's review."""
    rows = session.execute(
        select(ResidualToken, RecordRow)
        .join(RecordRow, RecordRow.id == ResidualToken.record_id)
        .where(ResidualToken.import_id == import_id)
        .order_by(ResidualToken.kind, ResidualToken.id)
        .limit(limit)
    ).all()
    out = []
    for tok, rec in rows:
        source = getattr(rec, tok.field, None) if tok.field in FIELDS else None
        if not isinstance(source, str):
            continue
        out.append(
            {
                "record_id": rec.id,
                "rad": rec.row,
                "falt": FIELDS.get(tok.field, tok.field),
                "typ": tok.kind,
                "fore": source[max(0, tok.start - CONTEXT_CHARS) : tok.start],
                "token": source[tok.start : tok.end],
                "efter": source[tok.end : tok.end + CONTEXT_CHARS],
            }
        )
    return out


def kinds_in(tokens: Iterable[RiskToken]) -> dict[str, int]:
    return dict(Counter(t.kind for t in tokens))

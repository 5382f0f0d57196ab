"""Types shared by the pipeline stages (the only module every stage may import besides config, errors and stats).

`Answer` holds raw text and exists only in memory, between ingest and
pseudonymisation. Everything after that stage works on `Record`, whose text is
pseudonymised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:  # numpy only for the annotation: ingest's preview child imports this module
    import numpy as np


# The theme of answers that fit no theme ("övrigt"): BERTopic's outlier topic.
OTHER_THEME = -1
# The stored value of a gender or age group the respondent chose not to give ("Vill ej svara"):
# a group of its own in breakdowns and filters, never folded into the missing values ("okänt").
DECLINED = "vill ej svara"


@dataclass(frozen=True)
class Metadata:
    """Metadata of one respondent's row, mapped from the export's columns."""

    respondent_id: str | None = None
    date: date | None = None
    unit: str | None = None
    source_type: str | None = None
    gender: str | None = None
    age_group: str | None = None


@dataclass(frozen=True)
class Answer:
    """One non-empty free-text answer as read from an export. RAW TEXT: never persist."""

    row: int  # row number as a spreadsheet shows it (header is row 1)
    question: str  # the column the answer came from
    text: str
    meta: Metadata = field(default_factory=Metadata)

    def __repr__(self) -> str:  # keeps raw text out of logs and tracebacks
        return f"Answer(row={self.row}, question={self.question!r}, text=<{len(self.text)} tecken>)"


# e5's two prefixes: "query" for symmetric tasks (classification), "passage" for retrieval targets.
Kind = Literal["passage", "query"]
# The one kind of vector an analysis reads (themes, labels, valence, evidence): e5's prefix for
# symmetric tasks, so every answer goes through the model once. Figures behind the choice:
# nlp/modeller/klassificerare/README.md and benchmarks/theme_quality.py.
ANALYSIS_KIND: Kind = "query"


@runtime_checkable
class Embedder(Protocol):
    """The one embedding interface: backends in nlp/embed implement it, stages receive it."""

    model_id: str  # name + version, part of the cache key
    dim: int

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray: ...


@runtime_checkable
class SpanEmbedder(Embedder, Protocol):
    """An Embedder that also gives vectors of character spans of each text (an answer's
    sentences) from the text's own encoder pass: "late chunking" (nlp/modeller/late_chunking.py),
    so the sentences cost no second pass. Backends without token states leave it out; the
    vector cache's embedder (nlp.embed.CachedEmbedder) has it for every backend."""

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """(texts × dim vectors as `embed` gives them, per text its spans × dim vectors)."""
        ...


def span_texts(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[str]:
    """Every text's spans as texts of their own, text by text (for embedding them alone)."""
    return [t[a:b] for t, sp in zip(texts, spans) for a, b in sp]


def split_rows(flat: np.ndarray, spans: Sequence[Sequence[tuple[int, int]]]) -> list[np.ndarray]:
    """Rows of `flat` (one per span, text by text, as span_texts lists them) cut back into one
    array per text. Here rather than in a stage: embed and classify both need it."""
    out: list[np.ndarray] = []
    end = 0
    for sp in spans:
        out.append(flat[end : end + len(sp)])
        end += len(sp)
    return out


@dataclass(frozen=True)
class Span:
    """A found piece of personal data: character offsets in the ORIGINAL text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Record:
    """A pseudonymised answer: safe to embed, store, log and show."""

    row: int
    question: str
    text: str  # pseudonymised
    meta: Metadata
    spans: tuple[Span, ...] = ()


def period_key(d: date | datetime, period: str = "month") -> str:
    """The one period key of the product; every page, report and export uses it.

    '2025-11' (month), '2025-K4' (quarter), '2025-H2' (half), '2025' (year), '2025-V47'."""
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "quarter":
        return f"{d.year:04d}-K{(d.month - 1) // 3 + 1}"
    if period == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if period == "year":
        return f"{d.year:04d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-V{w:02d}"
    raise ValueError(f"Okänd period {period!r}")

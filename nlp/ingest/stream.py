"""Streaming a planned read: one `Answer` per non-empty free-text cell, row by row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nlp.core import Answer
from nlp.ingest.cells import cell_text, fit_row, meaningful
from nlp.ingest.metadata import row_metadata
from nlp.ingest.plan import Plan
from nlp.ingest.readers import READERS
from nlp.ingest.types import IngestStats


def iter_answers(plan: Plan, stats: IngestStats) -> Iterator[Answer]:
    """The answers of the planned read; closes the source when done or abandoned."""
    src, columns = plan.source, plan.columns
    index = {c: i for i, c in enumerate(columns)}
    text_idx = [(index[c], c) for c in plan.text_columns]
    meta_idx = {f: (index[c], c) for f, c in plan.column_map.items() if c}
    src.budget.cells = 0  # the stream reads the sampled rows again: count cells once
    try:
        for answer in _stream(plan, stats, text_idx, meta_idx):
            src.budget.pause()  # the consumer's time is not the reader's
            yield answer
            src.budget.resume()
    finally:
        src.close()


def _stream(
    plan: Plan,
    stats: IngestStats,
    text_idx: list[tuple[int, str]],
    meta_idx: dict[str, tuple[int, str]],
) -> Iterator[Answer]:
    src, columns = plan.source, plan.columns
    width = len(columns)
    cache: dict[tuple[str, Any], Any] = {}
    # Columns empty in the sample are not read; if they fill in later (a question added
    # mid-survey), say so in the stats rather than drop answers without a trace.
    used = {i for i, _ in text_idx} | {i for i, _ in meta_idx.values()}
    watch = [(i, c) for i, c in enumerate(columns) if plan.column_stats[c].kind == "tom" and i not in used]
    _, _, rows = READERS[src.file_format].table(src)
    for row, cells in rows:
        cells = fit_row(src, cells, width, row, columns)
        stats.n_rows += 1
        for i, c in watch:
            if cells[i] is not None and str(cells[i]).strip():
                stats.warnings[(c, "ifylld kolumn som var tom i provet och inte lästes")] += 1
        texts = [(c, cell_text(src, cells[i], row, c)) for i, c in text_idx]
        if not any(meaningful(t) for _, t in texts):
            continue
        meta = row_metadata(src, cells, meta_idx, row, stats, cache)
        for question, text in texts:
            if meaningful(text):
                stats.n_answers += 1
                yield Answer(row=row, question=question, text=text, meta=meta)

"""The ways in: preview an export (`inspect_export`) and stream its answers (`read_answers`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Unpack

from nlp.core import Answer
from nlp.ingest.limits import Budget, Limits
from nlp.ingest.plan import make_plan
from nlp.ingest.stream import iter_answers
from nlp.ingest.types import ExportPreview, IngestStats, ReadOptions


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes, read in chunks."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def inspect_export(path: Path, *, limits: Limits | None = None, **options: Unpack[ReadOptions]) -> ExportPreview:
    """Preview an export from a sample of rows: columns, text columns, metadata mapping.

    Within `limits` (default: from settings); the server runs it in a child process
    through nlp.ingest.inspect_isolated. `options`: see ReadOptions.
    """
    plan = make_plan(Path(path), Budget.preview(limits), options)
    plan.source.close()
    stats = {c: plan.column_stats[c] for c in plan.columns}
    return ExportPreview(
        file_format=plan.source.file_format,
        encoding=plan.source.encoding,
        delimiter=plan.source.delimiter,
        sheet=plan.source.sheet,
        columns=list(plan.columns),
        text_columns=list(plan.text_columns),
        column_map=dict(plan.column_map),
        n_rows=plan.n_rows,
        column_stats=stats,
        n_rows_estimated=plan.n_rows_estimated,
        sheets=list(plan.source.sheets),
        n_sampled=plan.n_sampled,
    )


def read_answers(path: Path, *, stats: IngestStats | None = None, **options: Unpack[ReadOptions]) -> Iterator[Answer]:
    """Stream one `Answer` per non-empty free-text cell (`options`: see ReadOptions).

    Problems with the file as a whole (empty, unreadable, no text column, unknown column
    names, bad cells within the sample) raise InputError at call time, before anything is
    yielded; a bad row further down raises when the stream reaches it.
    """
    plan = make_plan(Path(path), Budget.read(), options)
    if stats is not None:
        stats.text_columns = list(plan.text_columns)
        stats.column_map = dict(plan.column_map)
    return iter_answers(plan, stats if stats is not None else IngestStats())

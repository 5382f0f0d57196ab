"""An analysis's answers by partition: one private file per partition beside its vectors.

An import's pseudonymised answers (record id, text, date) are read from the database a
partition at a time and written to the run's folder (nlp.pipeline.partitions.run_folder);
every stage then reads the partition it works on from there, in this process or on a
worker. So the process that runs the analysis never holds all of an import's answers: only
the theme sample's (nlp.themes.sample) and a stratum code per answer to draw it. The files
hold pseudonymised text only (raw text is never stored) and go with the run's other files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, overload

import numpy as np
from sqlalchemy import Engine, select

from nlp.store.models import RecordRow


@dataclass
class Answers:
    """Answers in order: record ids, pseudonymised texts and dates (None without one)."""

    ids: list[Any]
    texts: list[str]
    dates: list[date | None]

    def __len__(self) -> int:
        return len(self.ids)

    def pick(self, rows: Sequence[int]) -> Answers:
        """These rows (local numbers), in the order given."""
        return Answers([self.ids[i] for i in rows], [self.texts[i] for i in rows], [self.dates[i] for i in rows])

    def extend(self, other: Answers) -> None:
        self.ids += other.ids
        self.texts += other.texts
        self.dates += other.dates


def answers_bytes(answers: Answers) -> bytes:
    """A partition file's content (one JSON document: ids, ISO dates, texts), read_answers's input."""
    doc = {
        "ids": answers.ids,
        "dates": [d.isoformat() if d is not None else None for d in answers.dates],
        "texts": answers.texts,
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def read_answers(path: str) -> Answers:
    """A partition's answers from its file (answers_bytes)."""
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    return Answers(doc["ids"], doc["texts"], [date.fromisoformat(d) if d is not None else None for d in doc["dates"]])


def import_answers(engine: Engine, import_id: int, size: int) -> Iterator[Answers]:
    """An import's answers in record order, `size` at a time, streamed from the database
    (a server-side cursor where the database has one): no more than one chunk is held."""
    query = (
        select(RecordRow.id, RecordRow.text, RecordRow.date)
        .where(RecordRow.import_id == import_id)
        .order_by(RecordRow.id)
    )
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=size).execute(query)
        for chunk in result.partitions(size):
            yield Answers([r.id for r in chunk], [r.text for r in chunk], [r.date for r in chunk])


class StoredTexts(Sequence[str]):
    """The texts of answers stored by partition (`files`: each partition's answers file and
    size, in order), read when asked for: a step that reads some rows holds theirs alone.

    Rows asked for in rising order read each partition's file once (one partition is kept);
    `pick` reads any rows so. `read` holds the row numbers handed out so far (what was held)."""

    def __init__(self, files: Sequence[tuple[str, int]]) -> None:
        self._paths = [path for path, _ in files]
        self._starts = np.cumsum([0] + [n for _, n in files])
        self._kept: tuple[int, list[str]] = (-1, [])
        self.read: set[int] = set()

    def __len__(self) -> int:
        return int(self._starts[-1])

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        row = int(i) + len(self) if int(i) < 0 else int(i)
        if not 0 <= row < len(self):
            raise IndexError(i)
        k = int(np.searchsorted(self._starts, row, side="right")) - 1
        if self._kept[0] != k:
            self._kept = (k, read_answers(self._paths[k]).texts)
        self.read.add(row)
        return self._kept[1][row - int(self._starts[k])]

    def pick(self, rows: Sequence[int] | np.ndarray) -> list[str]:
        """These rows' texts, in the order given (each partition's file read once)."""
        rows = [int(r) for r in rows]
        found = {r: self[r] for r in sorted(set(rows))}
        return [found[r] for r in rows]

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
from typing import Any

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

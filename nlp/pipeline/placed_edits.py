"""A project's theme edits (names, merges, splits) on an analysis past the theme sample.

Such an analysis holds only the theme sample's answers; every other answer's theme is in its
partition's placement file (nlp.pipeline.partitions.place_part). The edits
(nlp.themes.edits.apply_edits) read and change the answers through PartitionPlacement:

- matching an edit to the new themes counts, per partition, how many of the edit's members
  have each theme (the partition's ids and placements read where the files are): only these
  small tables come back;
- a merge rewrites the placement files with the merged theme ids (and the counts per theme
  and period that storing and the time series read);
- a split reads only the split theme's members (ids, then their vectors and the texts of its
  examples), finds the parts as in memory and writes the members' new themes back per
  partition.

Topic words of a merged or split theme come from the sample's answers, as every other
theme's words do past the sample bound. What this process holds beyond the sample is the
edits' member ids (already loaded with the edits) and, during a split, the split theme's
members' ids and vectors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from nlp.core import period_key
from nlp.kluster import map_partitions
from nlp.pipeline.answers import Answers, read_answers
from nlp.pipeline.partitions import (
    IN_SAMPLE,
    Part,
    PartitionedVectors,
    StoredPlacements,
    part_starts,
    placed_path,
    read_rows,
    save_placed,
)
from nlp.themes.edits import HeldPlacement, apply_edits
from nlp.themes.result import ThemeResult


def apply_placed_edits(
    result: ThemeResult,
    edits: Iterable[Any],
    sample: Answers,
    rows: np.ndarray,
    vectors: PartitionedVectors,
    period: str,
) -> ThemeResult:
    """apply_theme_edits for a result fitted on the sample `rows` (`sample`: their answers)
    whose rest is placed in the partitions of `vectors` (result.rest); changes `result` and
    the placement files in place. Equals apply_theme_edits on the same answers held in
    memory with the sample's answers as the words' corpus (word_ids)."""
    return apply_edits(result, edits, PartitionPlacement(result, sample, rows, vectors, period))


class PartitionPlacement:
    """nlp.themes.edits.Placement of a result whose rest is placed in partition files."""

    def __init__(
        self, res: ThemeResult, sample: Answers, rows: np.ndarray, vectors: PartitionedVectors, period: str
    ) -> None:
        if not isinstance(res.rest, StoredPlacements):
            raise TypeError("the result's rest is not placed in partition files")
        self.res = res
        self.rest = res.rest
        self.stored = vectors
        self.period = period
        self.held = HeldPlacement(res, sample.ids, sample.texts, None)
        self.starts = part_starts(vectors.parts)
        self.sample_row: dict[Any, int] = {rid: int(r) for rid, r in zip(sample.ids, rows)}
        self.row = dict(self.sample_row)  # global rows: the sample's and the split theme's members
        self.found: dict[Any, tuple[int, int, str | None]] = {}  # split member → (part, local row, period)

    def tally(self, groups: Sequence[Collection[Any]]) -> list[tuple[Counter[int], int]]:
        sets = [frozenset(g) for g in groups]
        out = self.held.tally(sets)
        for found in map_partitions(tally_part, self.stored.parts, groups=sets):
            for (counts, _), more in zip(out, found):
                counts.update(more)
        return [(counts, sum(counts.values())) for counts, _ in out]

    def merge(self, drop: set[int], keep: int) -> None:
        self.held.merge(drop, keep)
        mapping = dict.fromkeys(drop, keep)
        map_partitions(rewrite_part, self.stored.parts, mapping=mapping, moved={})
        counts: Counter[tuple[int, str | None]] = Counter()
        for (t, p), c in self.rest.counts.items():
            counts[(mapping.get(t, t), p)] += c
        self.rest.counts = dict(counts)

    def members(self, theme_id: int) -> list[Any]:
        held = [(self.sample_row[rid], rid) for rid in self.held.members(theme_id)]
        self.row, self.found = dict(self.sample_row), {}
        placed = []
        for part, found in zip(
            self.stored.parts, map_partitions(theme_rows_part, self.stored.parts, theme=theme_id, period=self.period)
        ):
            for local, rid, p in found:
                self.found[rid] = (part.index, local, p)
                self.row[rid] = int(self.starts[part.index]) + local
                placed.append((self.row[rid], rid))
        return [rid for _, rid in sorted(held + placed, key=lambda x: x[0])]

    def _rows(self, ids: Sequence[Any]) -> list[int] | None:
        return None if any(r not in self.row for r in ids) else [self.row[r] for r in ids]

    def vectors(self, ids: Sequence[Any]) -> np.ndarray | None:
        rows = self._rows(ids)
        return None if rows is None else self.stored.rows(rows)

    def texts(self, ids: Sequence[Any]) -> list[str] | None:
        rows = self._rows(ids)
        if rows is None:
            return None
        found = read_rows(self.stored.parts, np.array(sorted(set(rows)), dtype=int))
        text_of = dict(zip(found.ids, found.texts))
        return [text_of[r] for r in ids]

    def move(self, theme_id: int, moved: Mapping[Any, int]) -> None:
        self.held.move(theme_id, {r: t for r, t in moved.items() if r not in self.found})
        by_part: dict[int, dict[int, int]] = {}
        counts = Counter(self.rest.counts)
        for rid, (k, local, p) in self.found.items():
            by_part.setdefault(k, {})[local] = moved[rid]
            counts[(theme_id, p)] -= 1
            counts[(moved[rid], p)] += 1
        map_partitions(rewrite_part, self.stored.parts, mapping={}, moved=by_part)
        self.rest.counts = {key: c for key, c in counts.items() if c}
        self.found = {}

    def corpus(self) -> tuple[list[Any], list[str]] | None:
        return self.held.corpus()


def tally_part(part: Part, *, groups: Sequence[frozenset[Any]]) -> list[dict[int, int]]:
    """Per group of record ids: how many of the partition's placed answers (outside the
    sample) in it have each theme."""
    topics = np.load(placed_path(part.path)).tolist()
    ids = read_answers(part.answers).ids
    out: list[dict[int, int]] = []
    for group in groups:
        out.append(dict(Counter(t for rid, t in zip(ids, topics, strict=True) if t != IN_SAMPLE and rid in group)))
    return out


def theme_rows_part(part: Part, *, theme: int, period: str) -> list[tuple[int, Any, str | None]]:
    """The partition's placed answers (outside the sample) of a theme: (local row, record id, period)."""
    topics = np.load(placed_path(part.path))
    rows = np.flatnonzero(topics == theme).tolist()
    if not rows:
        return []
    answers = read_answers(part.answers)
    return [
        (i, answers.ids[i], period_key(answers.dates[i], period) if answers.dates[i] is not None else None)
        for i in rows
    ]


def rewrite_part(part: Part, *, mapping: Mapping[int, int], moved: Mapping[int, Mapping[int, int]]) -> None:
    """The partition's placements with the themes `mapping` renumbered (a merge) and the rows
    `moved[part.index]` (local row → theme: a split's members) set, written whole."""
    rows = moved.get(part.index, {})
    if not mapping and not rows:
        return
    topics = np.load(placed_path(part.path))
    for old, new in mapping.items():
        topics[topics == old] = new
    for local, theme in rows.items():
        topics[local] = theme
    save_placed(part, topics)

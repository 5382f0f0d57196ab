"""The theme stage's result types: ThemeInfo per theme and the ThemeResult of a fit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

OTHER_LABEL = "övrigt"


@dataclass
class ThemeInfo:
    id: int
    label: str  # what is shown: a coordinator's name if given, else the top lemmas
    phrase: str  # a short Swedish phrase built from the top words
    words: list[str]
    size: int  # texts whose main theme this is
    share: float
    ci: tuple[float, float]  # 95 % Wilson interval of the share
    example_ids: list[Any] = field(default_factory=list)
    examples: list[dict[str, Any]] = field(default_factory=list)  # {"id", "text"} pseudonymised
    auto_label: str | None = None  # the generated label when a human has renamed the theme
    edited: list[str] = field(default_factory=list)  # kinds of human edits applied
    key: str | None = None  # the project theme ("T3") it is, stable across imports and refits


Pairs = list[tuple[int, float]]  # one answer's [(theme id, weight)], main theme first


class PlacedRest(Protocol):
    """The answers of a large import outside the fitted sample, placed in their nearest theme
    where their vectors are kept (nlp.pipeline.partitions): only their counts are held here,
    their assignments are read back, in answer order, when they are stored."""

    counts: Mapping[tuple[int, str | None], int]  # (main theme id, period key) → answers

    def pairs(self, held: Mapping[Any, Pairs]) -> Iterator[tuple[Any, Pairs]]:
        """Every answer's (record id, pairs) in answer order; `held` gives the sample's."""
        ...


@dataclass
class ThemeResult:
    themes: list[ThemeInfo]
    # record id → [(theme id, weight)], main theme first, weights sum to 1
    assignments: dict[Any, list[tuple[int, float]]]
    over_time: dict[str, Any]
    emerging: list[dict[str, Any]]
    n_texts: int
    notes: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    # record id → period key (None without a date); lets edits recompute over_time
    periods: dict[Any, str | None] = field(default_factory=dict)
    view: str = "analytiker"  # "analytiker" (everything) or "delad" (suppressed)
    # Set by a fit on a sample whose rest was placed outside this process (fit_sample_placed):
    # then `assignments` and `periods` hold the sample's answers only, and sizes and series
    # count the rest from here. Only the storing of an import's run reads such a result.
    rest: PlacedRest | None = None

    def main_theme(self) -> dict[Any, int]:
        return {rid: pairs[0][0] for rid, pairs in self.assignments.items() if pairs}

    def main_counts(self) -> Counter[int]:
        """Answers per main theme, the placed rest's included."""
        sizes = Counter(self.main_theme().values())
        for (tid, _), c in (self.rest.counts if self.rest is not None else {}).items():
            sizes[tid] += c
        return sizes

    def assignment_rows(self) -> Iterator[tuple[Any, Pairs]]:
        """Every answer's (record id, pairs) in answer order, the placed rest's read back."""
        if self.rest is None:
            yield from self.assignments.items()
        else:
            yield from self.rest.pairs(self.assignments)

    def theme(self, theme_id: int) -> ThemeInfo | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def members(self, theme_id: int) -> list[Any]:
        """Record ids whose main theme is theme_id, in input order."""
        return [rid for rid, tid in self.main_theme().items() if tid == theme_id]

    def to_json(self) -> dict[str, Any]:
        """The `brukarrost teman --json` document (plain JSON types)."""
        return {
            "vy": self.view,
            "n_texts": self.n_texts,
            "notes": list(self.notes),
            "settings": dict(self.settings),
            "themes": [{**asdict(t), "ci": [t.ci[0], t.ci[1]]} for t in self.themes],
            "assignments": {
                str(rid): [{"theme": tid, "weight": round(float(w), 4)} for tid, w in pairs]
                for rid, pairs in self.assignments.items()
            },
            "over_time": self.over_time,
            "emerging": self.emerging,
        }

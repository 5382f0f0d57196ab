"""The theme stage's result types: ThemeInfo per theme and the ThemeResult of a fit."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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

    def main_theme(self) -> dict[Any, int]:
        return {rid: pairs[0][0] for rid, pairs in self.assignments.items() if pairs}

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

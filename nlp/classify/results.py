"""What the classifier takes and gives: validated examples and per-answer results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    """A validated example: pseudonymised text and its label ids (may be empty)."""

    text: str
    labels: tuple[str, ...]
    id: str | None = None

    def __repr__(self) -> str:  # keep text out of logs
        return f"Example(id={self.id!r}, labels={self.labels!r}, text=<{len(self.text)} tecken>)"


@dataclass(frozen=True)
class Suggestion:
    label: str
    probability: float
    decided: bool = True  # above the decision threshold (False: only in the prediction set)


@dataclass(frozen=True)
class Valence:
    label: str  # styrka | utmaning | blandad | neutral
    probability: float


@dataclass
class ClassificationResult:
    suggestions: list[Suggestion]
    prediction_set: list[str]
    unsure: bool
    valence: Valence | None
    evidence: list[dict[str, Any]]
    model_version: str
    # "utanför ämnet" | "tom mängd" | "ingen säker etikett" | "flera möjliga" (predict.unsure_reason);
    # runs before 2026-11-29 also stored "för stor mängd"
    unsure_reason: str | None = None
    probabilities: dict[str, float] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        """The decided labels (empty = no label)."""
        return [s.label for s in self.suggestions if s.decided]

    def to_json(self, id: Any = None) -> dict[str, Any]:
        return {
            "id": id,
            "suggestions": [
                {"label": s.label, "probability": round(s.probability, 4)} for s in self.suggestions if s.decided
            ],
            "prediction_set": list(self.prediction_set),
            "unsure": self.unsure,
            "unsure_reason": self.unsure_reason,
            "valence": asdict(self.valence) if self.valence else None,
            "evidence": self.evidence,
            "model_version": self.model_version,
        }

"""The read model of one analysis run: every figure a report shows, defined once.

The HTML file, the web page, the JSON API and the exports only render a `RunReport`
(built by `nlp.report.load.load_run_report`). Definitions:

- n: the answers (free-text records) of the run's import.
- A label is *counted* for an answer when the classifier decided on it (Suggestion.decided).
  Runs stored before decisions were kept (migration 0003) count their prediction sets
  instead, and say so (`counts_prediction_sets`).
- A theme's size is the stored size from the themes stage; its share is size / n.
- Shares carry a 95 % Wilson interval (`nlp.stats.wilson_interval`).
- The one small-cell rule (`Cell`): a count k of n is shown only when k ≥ threshold and
  n ≥ threshold (settings.suppression_threshold). A time series (run chart) is drawn only
  when its total count is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from nlp.core import DECLINED, OTHER_THEME
from nlp.report.charts import RunChart
from nlp.stats import wilson_interval

SOURCE_TEXT = {"enkat": "Enkät", "patientforum": "Patientforum", "berattelse": "Berättelse"}
# Breakdown dimensions: answer attribute (or "period": the month of the answer's date) → title.
DIMENSIONS = {
    "gender": "Kön",
    "age_group": "Åldersgrupp",
    "unit": "Verksamhet",
    "source_type": "Källa",
    "period": "Period",
}
UNKNOWN = "okänt"
# How a group's stored value reads; "Vill ej svara" is a choice the respondent made, so it is
# a group of its own, apart from answers where the value is missing ("okänt").
GROUP_TEXT = {
    **SOURCE_TEXT,
    "kvinna": "Kvinna",
    "man": "Man",
    "annat": "Annat",
    DECLINED: "Vill ej svara",
    UNKNOWN: "Uppgift saknas",
}


def group_title(key: str) -> str:
    """A breakdown group or filter value as a reader sees it."""
    return GROUP_TEXT.get(key, key)


@dataclass(frozen=True)
class Cell:
    """k of n answers under the one small-cell rule: hidden when k or n is below threshold."""

    k: int
    n: int
    threshold: int

    @property
    def hidden(self) -> bool:
        return self.k < self.threshold or self.n < self.threshold

    @property
    def count(self) -> int | None:
        return None if self.hidden else self.k

    @property
    def share(self) -> float | None:
        """k / n, or None when hidden."""
        return None if self.hidden else (self.k / self.n if self.n else 0.0)

    @property
    def ci(self) -> tuple[float, float] | None:
        """95 % Wilson interval of the share, or None when hidden."""
        return None if self.hidden else wilson_interval(self.k, self.n)

    @property
    def text(self) -> str:
        """The count as a reader sees it: the number, or "färre än N"."""
        return f"färre än {self.threshold}" if self.hidden else str(self.k)


@dataclass(frozen=True)
class Example:
    record_id: int
    text: str  # pseudonymised
    question: str
    period: str | None
    source: str | None


@dataclass(frozen=True)
class LabelFigures:
    id: str
    title: str
    counted: Cell  # answers the label is counted for (decided; old runs: prediction set)
    in_set: Cell  # answers with the label in the prediction set ("kan också handla om")
    # Mean of the classifier's probability for the label over the answers it is counted
    # for ("säkerhet i snitt"); None when the count is hidden.
    mean_probability: float | None
    valence: dict[str, Cell]  # styrka/utmaning/blandad/neutral among the counted answers
    chart: RunChart | None  # monthly share with control limits; None when `counted` is hidden
    # The classifier's evidence sentences (pseudonymised) from the answers it is surest
    # about (nlp/report/quotes.py); none when `counted` is hidden.
    quotes: list[str] = field(default_factory=list)

    @property
    def flag(self) -> str:
        """styrka | utmaning | blandad, or "få" when too few answers carry a valence."""
        good, bad = self.valence["styrka"].k, self.valence["utmaning"].k
        if good + bad < self.counted.threshold:
            return "få"
        # A clear majority either way is a flag; otherwise both are present ("blandad").
        if good >= 2 * bad:
            return "styrka"
        if bad >= 2 * good:
            return "utmaning"
        return "blandad"


@dataclass(frozen=True)
class ThemeFigures:
    id: int  # database id
    topic: int  # the model's theme number; -1 = answers outside every theme
    label: str  # the model's label
    name: str | None  # the curated name (theme edits), shown instead of the model's
    phrase: str | None
    words: list[str]
    size: int  # answers whose main theme it is (stored by the themes stage; a merge: the sum)
    n: int
    threshold: int
    emerging: dict[str, Any] | None
    examples: list[Example] = field(default_factory=list)
    over_time: list[Cell] = field(default_factory=list)  # per month of RunReport.months, by main theme
    stored_ids: tuple[int, ...] = ()  # the stored themes it is made of (several after a merge)
    key: str | None = None  # the project theme ("T3"), stable across imports and refits
    per_import: list[tuple[str, Cell]] = field(default_factory=list)  # (import, answers of it here)

    @property
    def title(self) -> str:
        return self.name or self.label

    @property
    def cell(self) -> Cell:
        return Cell(self.size, self.n, self.threshold)

    @property
    def share(self) -> float:
        return self.size / self.n if self.n else 0.0

    @property
    def ci(self) -> tuple[float, float]:
        return wilson_interval(self.size, self.n)

    @property
    def shown(self) -> bool:
        """A real theme (not "övrigt") whose size passes the small-cell rule."""
        return self.topic != OTHER_THEME and not self.cell.hidden


@dataclass(frozen=True)
class Group:
    key: str  # the stored value ("enkat", "2025-03", "okänt")
    title: str  # as a reader sees it ("Enkät")
    n: int
    cells: dict[str, Cell]  # label id → counted answers in the group


@dataclass(frozen=True)
class Breakdown:
    dimension: str
    title: str
    groups: list[Group]  # groups with at least threshold answers
    hidden_groups: int  # groups below the threshold: not even their names are shown


@dataclass(frozen=True)
class RunReport:
    run_id: int
    project_name: str
    filename: str
    finished_at: datetime | None
    embed_model: str | None
    classifier_version: str | None
    taxonomy_id: str | None
    taxonomy_name: str
    n_answers: int
    n_rows: int  # respondent rows of the export
    questions: list[str]
    period: tuple[date, date] | None
    pii_counts: dict[str, int]
    threshold: int
    months: list[str]
    labels: list[LabelFigures]  # taxonomy order, then labels outside it
    themes: list[ThemeFigures]  # largest first, "övrigt" last
    breakdowns: list[Breakdown]
    unsure: Cell
    valence: dict[str, Cell]
    counts_prediction_sets: bool  # an old run without the classifier's decisions
    # Wall seconds per stage of the run (pseudonymisering, inbaddning, teman, …); {} for old runs.
    timings: dict[str, float] = field(default_factory=dict)
    # CPU seconds per stage (the comparable figure on a shared machine); {} for old runs.
    cpu_timings: dict[str, float] = field(default_factory=dict)
    # a project run's refit: what became of the earlier themes ("Tema X delades i Y och Z.")
    theme_mapping: list[str] = field(default_factory=list)
    # Which calibration the classifier's probabilities used (AnalysisRun.settings["kalibrering"]).
    calibration: dict[str, Any] = field(default_factory=dict)

    @property
    def calibration_text(self) -> str | None:
        """What the probabilities are calibrated on, in plain Swedish (None for old runs)."""
        c = self.calibration
        if c.get("källa") == "validerade svar":
            return f"sannolikheter kalibrerade på {c.get('svar')} validerade svar"
        if c.get("källa") == "taxonomins fraser":
            return "sannolikheter kalibrerade på taxonomins fraser (inga validerade svar ännu)"
        if c.get("källa"):
            return "sannolikheter kalibrerade på den aktiverade versionens validerade exempel"
        return None

    @property
    def ranked_labels(self) -> list[LabelFigures]:
        return sorted(self.labels, key=lambda lab: -lab.counted.k)

    @property
    def shown_themes(self) -> list[ThemeFigures]:
        return [t for t in self.themes if t.shown]

    @property
    def other(self) -> Cell:
        """ "övrigt": answers outside every theme plus the themes too small to show."""
        return Cell(sum(t.size for t in self.themes if not t.shown), self.n_answers, self.threshold)

    @property
    def emerging_themes(self) -> list[ThemeFigures]:
        return [t for t in self.shown_themes if t.emerging]

    def breakdown(self, dimension: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.dimension == dimension)

"""Label status from the append-only decision events.

Each judge's latest decision on a (record, label) counts; earlier ones stay as history.
"other" rejects the label and counts as accepting each proposed other label. A decision
taken in joint analysis (is_resolution) settles the label. Otherwise: all judges accept →
"godkand"; all reject → "avvisad"; both kinds → "omstridd"; only "unsure" → "osaker";
no decision → "forslag".

Also the one wording of the model's confidence (confidence_text), used by every page that
shows a suggestion, so the same probability always reads the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["CONFIDENCE_WORDS", "confidence_text", "expand", "status_of", "statuses", "verdict"]

# (lower bound, phrase), highest first. The bounds follow the calibrated probability: above
# 0.5 the label is more likely right than wrong, so "troligen"; below it the model leans
# against the label, so it is never worded as a belief that the label holds.
CONFIDENCE_WORDS: tuple[tuple[float, str], ...] = (
    (0.9, "mycket troligt"),
    (0.7, "troligt"),
    (0.5, "möjligt"),
    (0.3, "osäkert"),
    (0.0, "mindre troligt"),
)


def confidence_text(probability: float | None) -> str:
    """The model's confidence in a label in plain Swedish: "troligt (78 %)".

    One phrase per probability band (CONFIDENCE_WORDS, lower bound inclusive) and the
    rounded percentage; the phrase and the number never disagree, since the band is chosen
    from the same rounded value that is shown."""
    if probability is None or probability != probability:  # None or NaN
        return "okänd säkerhet"
    percent = round(min(max(float(probability), 0.0), 1.0) * 100)
    phrase = next(words for bound, words in CONFIDENCE_WORDS if percent >= round(bound * 100))
    return f"{phrase} ({percent}\u00a0%)"


def verdict(decision: str) -> int | None:
    """1 = the label holds, 0 = it does not, None = no verdict (unsure)."""
    if decision == "accept":
        return 1
    if decision in ("reject", "other"):
        return 0
    return None


@dataclass(frozen=True)
class _Implied:
    """An accept implied by an "other" decision for one of its proposed labels."""

    id: int
    record_id: int | None
    taxonomy_id: str
    label_id: str
    user_id: int | None
    actor: str | None
    organisation: str | None
    decision: str = "accept"
    is_resolution: bool = False
    other_labels: tuple[str, ...] = ()


def expand(events: Iterable[Any]) -> list[Any]:
    """The events plus the accepts implied by "other" decisions, oldest first."""
    out: list[Any] = []
    for e in events:
        out.append(e)
        if e.decision == "other":
            for label in e.other_labels or []:
                if label != e.label_id:
                    out.append(_Implied(e.id, e.record_id, e.taxonomy_id, label, e.user_id, e.actor, e.organisation))
    return sorted(out, key=lambda e: e.id)


def status_of(events: list[Any]) -> str:
    """events: decision events for one (record, taxonomy, label), oldest first."""
    if not events:
        return "forslag"
    resolutions = [e for e in events if e.is_resolution]
    if resolutions:
        return "godkand" if resolutions[-1].decision == "accept" else "avvisad"
    latest: dict[Any, Any] = {}
    for e in events:
        latest[e.user_id or e.actor] = e
    verdicts = {verdict(e.decision) for e in latest.values()}
    verdicts.discard(None)
    if not verdicts:
        return "osaker"
    if len(verdicts) > 1:
        return "omstridd"
    return "godkand" if verdicts == {1} else "avvisad"


def statuses(events: Iterable[Any]) -> dict[tuple[int | None, str, str], str]:
    """(record_id, taxonomy_id, label_id) -> status, for many events at once."""
    grouped: dict[tuple[int | None, str, str], list[Any]] = defaultdict(list)
    for e in expand(events):
        grouped[(e.record_id, e.taxonomy_id, e.label_id)].append(e)
    return {key: status_of(evs) for key, evs in grouped.items()}

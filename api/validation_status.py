"""Label status from the append-only decision events.

Each judge's latest decision counts (earlier ones stay as history). A decision taken in
joint analysis (is_resolution) settles the label. Otherwise: all judges accept →
"godkand"; all reject (or propose other labels) → "avvisad"; both kinds → "omstridd";
only "unsure" → "osaker"; no decision → "forslag".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

STATUSES = ("forslag", "godkand", "avvisad", "omstridd", "osaker")


def verdict(decision: str, label_id: str, event_label: str, other_labels: Iterable[str]) -> int | None:
    """1 = label holds, 0 = it does not, None = no verdict (unsure)."""
    if decision == "accept":
        return 1
    if decision in ("reject", "other"):
        return 0
    return None


def status_of(events: list[Any]) -> str:
    """events: ValidationEvent-like rows for one (record, taxonomy, label), oldest first."""
    if not events:
        return "forslag"
    resolutions = [e for e in events if e.is_resolution]
    if resolutions:
        return "godkand" if resolutions[-1].decision == "accept" else "avvisad"
    latest: dict[Any, Any] = {}
    for e in events:
        latest[e.user_id or e.actor] = e
    verdicts = {verdict(e.decision, e.label_id, e.label_id, e.other_labels) for e in latest.values()}
    verdicts.discard(None)
    if not verdicts:
        return "osaker"
    if len(verdicts) > 1:
        return "omstridd"
    return "godkand" if verdicts == {1} else "avvisad"


def statuses(events: Iterable[Any]) -> dict[tuple[int | None, str, str], str]:
    """(record_id, taxonomy_id, label_id) -> status, for many events at once."""
    grouped: dict[tuple[int | None, str, str], list[Any]] = defaultdict(list)
    for e in sorted(events, key=lambda e: e.id):
        grouped[(e.record_id, e.taxonomy_id, e.label_id)].append(e)
    return {key: status_of(evs) for key, evs in grouped.items()}

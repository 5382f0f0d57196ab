"""The pseudonymiser against the team's annotated dev set (../shared): the brief's targets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from nlp.pseudonymise import Pseudonymiser

RECALL_TARGETS = {"PERSONNUMMER": 0.99, "TELEFON": 0.99, "EPOST": 0.99, "PERSON": 0.95,
                  "ADRESS": 0.95, "POSTNUMMER": 0.95, "VARDENHET": 0.9}


def test_dev_set_meets_targets(shared_dir: Path) -> None:
    rows = [json.loads(line) for line in
            (shared_dir / "data" / "dev" / "pii_dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    p = Pseudonymiser(b"dev-set-test-key-0123456789abcdef")
    hit, total = Counter(), Counter()
    n_pred = n_pred_ok = clean = clean_untouched = 0
    for row in rows:
        pred = p.find(row["text"])
        for g in row["spans"]:
            total[g["label"]] += 1
            hit[g["label"]] += all(any(s.start <= c < s.end and s.label == g["label"] for s in pred)
                                   for c in range(g["start"], g["end"]))
        n_pred += len(pred)
        n_pred_ok += sum(any(s.start < g["end"] and g["start"] < s.end and s.label == g["label"]
                             for g in row["spans"]) for s in pred)
        if not row["spans"]:
            clean += 1
            clean_untouched += not pred
    recall = {label: hit[label] / total[label] for label in total}
    misses = {label: r for label, r in recall.items() if r < RECALL_TARGETS.get(label, 0.0)}
    assert not misses, f"recall under target: {misses}"
    assert n_pred_ok / n_pred >= 0.90
    assert clean_untouched / clean >= 0.90

"""Helpers for the pseudonymisation tests: a test key, Luhn digits computed here (independent
of the code under test), and finds as (value, label) pairs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from nlp.config import PROJECT_ROOT
from nlp.pseudonymise import Pseudonymiser

KEY = b"test-key-0123456789abcdef-0123456789"


def blind_texts(n: int) -> list[str]:
    """The first n texts of the blind sets (benchmarks/data/pii_blind*.jsonl), in file order."""
    texts: list[str] = []
    for path in sorted((PROJECT_ROOT / "benchmarks" / "data").glob("pii_blind*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:n]


def blind_csv(path: Path, n: int) -> Path:
    """A survey export at `path` (columns id, svar) of the first n blind-set texts."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "svar"])
        writer.writerows([f"R{i}", t] for i, t in enumerate(blind_texts(n)))
    return path


def luhn_complete(nine: str) -> str:
    """Append the Luhn check digit to the nine digits YYMMDDNNN."""
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return nine + str((10 - total % 10) % 10)


def wrong_check(ten: str) -> str:
    return ten[:9] + str((int(ten[9]) + 1) % 10)


def found(p: Pseudonymiser, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in p.find(text)]


def labels_of(p: Pseudonymiser, text: str, value: str) -> set[str]:
    """Labels of the spans that cover `value` entirely."""
    start = text.index(value)
    end = start + len(value)
    return {s.label for s in p.find(text) if s.start <= start and end <= s.end}


def finds(text: str, key: bytes = KEY) -> list[tuple[str, str]]:
    """Finds as (label, value) pairs, in the order the construction-round tests write them."""
    return [(s.label, text[s.start : s.end]) for s in Pseudonymiser(key).find(text)]


def values_labelled(text: str, label: str, key: bytes = KEY) -> list[str]:
    return [v for k, v in finds(text, key) if k == label]

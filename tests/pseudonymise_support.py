"""Helpers for the pseudonymisation tests: a test key, Luhn digits computed here (independent
of the code under test), and finds as (value, label) pairs."""

from __future__ import annotations

from nlp.pseudonymise import Pseudonymiser

KEY = b"test-key-0123456789abcdef-0123456789"


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

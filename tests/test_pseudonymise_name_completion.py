"""A name found once is looked for again in the same text (recognisers/name_completion.py)."""

from __future__ import annotations

import random
import re

import pytest

from nlp.pseudonymise.recognisers.words import whole_words

pytestmark = pytest.mark.utan_databas


def _by_regex(text: str, words: set[str]) -> list[tuple[int, int]]:
    # how the step found them before: one alternation per text, longest word first
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return [m.span() for m in re.finditer(r"(?<![\w-])(" + alternation + r")(?![\w-])", text)]


def test_whole_words_are_found_where_the_regex_alternation_finds_them() -> None:
    rng = random.Random(12)
    pieces = ["Ann", "Anna", "anna", "Lind", "Lindqvist", "Ann-Marie", " ", " ", "-", "_", "s", "3", "é", ".", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        words = set(rng.sample(["Ann", "Anna", "Lind", "Lindqvist", "Ann-Marie", "anna"], rng.randint(1, 4)))
        assert whole_words(text, words) == _by_regex(text, words), (text, words)


def test_a_name_said_again_is_found_again() -> None:
    from nlp.pseudonymise import Pseudonymiser

    text = "Jag heter Kerstin Lindqvist. Lindqvist ringde i går."
    spans = Pseudonymiser(b"test-key-not-secret-0000000000000").find(text)
    assert [text[s.start : s.end] for s in spans if s.label == "PERSON"] == ["Kerstin Lindqvist", "Lindqvist"]

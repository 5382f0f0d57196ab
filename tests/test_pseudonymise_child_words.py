"""One list of words for a child (recognisers/words.py CHILD_WORDS), read by every rule that takes
a child as the one an age belongs to: alder.py's subject before an age, a half year after its
verb (predicate_ages.py), a bare age in a bracket and a baby's weeks (child_ages.py). Before round
57 each kept its own list; a child named by a word of one was no child to the others. Look-alikes
stay: a decimal or weeks without a child. Sentences invented for these tests."""

from __future__ import annotations

import re

import pytest

from nlp.pseudonymise.recognisers import child_ages, predicate_ages
from nlp.pseudonymise.recognisers.words import CHILD_WORD, CHILD_WORDS
from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-57-test-key-0123456789abcdef"


def test_one_list_of_child_words_feeds_every_age_rule() -> None:
    # the regex alternation is the list itself, and each rule's pattern is built from it
    assert all(re.fullmatch(CHILD_WORD, w) for w in CHILD_WORDS)
    assert not any(re.fullmatch(CHILD_WORD, w) for w in ("lill", "stor", "lillbarnet", "storsonen", "barn", "son"))
    for pattern in (predicate_ages._HALF_YEARS, child_ages._CHILD_WORD_BRACKET, child_ages._BABY_MONTHS):
        assert CHILD_WORD in pattern.pattern
    assert {"barnet", "sonen", "lillkillen", "storasyster", "minstingen", "bebisen"} <= CHILD_WORDS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # words the bracket rule had and the half-year rule had not, and the other way round
        ("Minstingen är 2,5 år och har feber.", "2,5 år"),
        ("Brorsan är 3,5 år nu.", "3,5 år"),
        ("Barnet (6) sover dåligt.", "6"),
        ("Ungen är bara tre veckor.", "tre veckor"),
        # alder.py's subject before "är N år": words only the bracket rule had
        ("Minstingen är 4 år och går på förskola.", "4 år"),
        ("Lillkillen är 6 år nu.", "6 år"),
    ],
)
def test_a_child_by_any_word_of_the_list(text: str, value: str) -> None:
    assert any(value in v for v in values_labelled(text, "ALDER", KEY))


@pytest.mark.parametrize(
    "text",
    [
        "Väntetiden är 1,5 år för en utredning.",  # a duration, no child
        "Barnet var tre veckor på sjukhuset.",  # a stay
        "Min bror är 3,5 år äldre än jag.",  # no child word, and a difference
    ],
)
def test_a_decimal_or_weeks_without_a_child_stay(text: str) -> None:
    assert not values_labelled(text, "ALDER", KEY)

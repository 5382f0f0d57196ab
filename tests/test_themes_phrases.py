"""Candidate names by construction (nlp/themes/phrases.py): a noun of quantity or a unit of time
says how many or how long, never of what, so it is no head; a noun of quantity stands before the
noun it counts."""

from __future__ import annotations

import pytest

from nlp.themes.naming import name_stop_words
from nlp.themes.phrases import Words, answer_phrases

pytestmark = pytest.mark.utan_databas


def _keys(text: str) -> set[tuple[str, ...]]:
    return set(answer_phrases(text, Words(name_stop_words())))


def test_a_noun_of_quantity_or_a_unit_of_time_is_never_a_head() -> None:
    # Written for this test; "Antalet och åren" named debate on how many asylum seekers came.
    keys = _keys("Antalet asylsökande ökade under de senaste åren.")
    assert ("antal",) not in keys and ("år",) not in keys, keys
    assert ("asylsökande",) in keys
    assert not {k for k in _keys("Vi väntade i två månader och tre veckor.") if k[-1] in ("månad", "vecka")}


def test_a_noun_of_quantity_stands_before_the_noun_it_counts() -> None:
    assert ("antal", "asylsökande") in _keys("Antalet asylsökande ökade.")
    assert ("andel", "invandrare") in _keys("Andelen invandrare i kommunen är hög.")
    # Other nouns still end a phrase of their own ("massören" in "massören masserade").
    assert ("massör", "rygg") not in _keys("Massören masserade ryggen.")

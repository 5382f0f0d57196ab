"""DATUM: dates as Swedes write them; fractions and versions stay.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found, labels_of

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize("date", ["3 april 2025", "2024-05-12", "15/3", "12 maj", "20230919", "1:a juni", "12.5.2024"])
def test_dates(p: Pseudonymiser, date: str) -> None:
    text = f"Jag blev inlagd den {date} och ingen ringde."
    assert labels_of(p, text, date) == {"DATUM"}


def test_not_dates(p: Pseudonymiser) -> None:
    assert found(p, "Jag tog 1/2 tablett i maj och väntade i 3 veckor.") == []
    assert found(p, "Dosen höjdes till 2.5 mg och appen till version 1.5.2.") == []

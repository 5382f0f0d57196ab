"""POSTNUMMER: postcodes next to their town or labelled; counts stay.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


def test_postcode_and_town(p: Pseudonymiser) -> None:
    text = "Adressen är Ängsvägen 9, 653 41 Karlstad."
    result = found(p, text)
    assert ("Ängsvägen 9", "ADRESS") in result
    assert ("653 41", "POSTNUMMER") in result
    assert ("Karlstad", "ORT") in result
    assert ("65341", "POSTNUMMER") in found(p, "Post till 65341 Karlstad.")


def test_counts_are_not_addresses_or_postcodes(p: Pseudonymiser) -> None:
    text = "Vi gick hela vägen 3 gånger och betalade 450 kr för 12 timmar."
    assert found(p, text) == []


def test_postcode_after_its_town(p: Pseudonymiser) -> None:
    assert ("891 33", "POSTNUMMER") in found(p, "Hon bor i Örnsköldsvik (891 33) sedan länge.")

"""ADRESS: street addresses with their house letters.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, labels_of

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "address", ["Storgatan 12B", "Kungsvägen 3 A", "Lilla Nygatan 7", "Box 1234", "Drottninggatan 55", "Björkstigen 4"]
)
def test_addresses(p: Pseudonymiser, address: str) -> None:
    text = f"Skicka brevet till {address} senast fredag."
    assert labels_of(p, text, address) == {"ADRESS"}

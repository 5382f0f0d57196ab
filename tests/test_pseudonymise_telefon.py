"""TELEFON: Swedish phone numbers in their writings, and short numbers that are not phones.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found, labels_of

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "number",
    [
        "070-123 45 67",
        "0701234567",
        "+46 70 123 45 67",
        "08-123 456 78",
        "054-19 23 40",
        "0046 73 555 12 12",
        "031-711 22 33",
        "070/5520904",
        "069-725 10 27",
    ],
)  # an area code not in use: still a phone
def test_phone_writings(p: Pseudonymiser, number: str) -> None:
    text = f"Ni når mig på {number} efter lunch."
    assert labels_of(p, text, number) == {"TELEFON"}


@pytest.mark.parametrize(
    "text",
    [
        "Ring 1177 om du blir sämre, eller 112 vid fara.",
        "Artikel 0012345678 kom aldrig fram.",
        "Huset gick för 2 450 000 kr.",
        "Jag har väntat 3 veckor på svar.",
    ],
)
def test_not_phone(p: Pseudonymiser, text: str) -> None:
    assert "TELEFON" not in {label for _, label in found(p, text)}

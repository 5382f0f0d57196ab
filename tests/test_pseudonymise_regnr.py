"""REGNR: Swedish vehicle registrations, old and new format, and capitals that are no plates.

All sentences are written for these tests (not taken from any evaluation set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "text,plate",
    [
        ("Bilen med regnr ABC 123 stod parkerad vid entrén.", "ABC 123"),
        ("Färdtjänstbilen, en vit Volvo xyz12d, kom aldrig.", "xyz12d"),
        ("Han körde GHJ 45K hela vägen.", "GHJ 45K"),
        ("wpc33u är min bil, den står på gården", "wpc33u"),
        ("Skylten var NKS820 och föraren var otrevlig.", "NKS820"),
    ],
)
def test_regnr(p: Pseudonymiser, text: str, plate: str) -> None:
    assert (plate, "REGNR") in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "Beslut enligt LSS 123 och SFS 2001:453.",
        "Vi körde med 300 kr i plånboken.",
        "Han köpte en BMW 530 i fjol.",
        "Boka bil nr 12 och reg.nr skickas senare.",
    ],
)
def test_not_regnr(p: Pseudonymiser, text: str) -> None:
    assert "REGNR" not in {label for _, label in found(p, text)}

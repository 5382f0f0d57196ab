"""JOURNALNUMMER: a patient's number in a care provider's records, after the word naming it.

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
    ("text", "value"),
    [
        ("Hennes journalnummer: RV 552-310-84.", "RV 552-310-84"),
        ("Min journal nr hos er: M-2022-661902.", "M-2022-661902"),
        ("Mitt journal-ID: SLL-403 118", "SLL-403 118"),
        ("Hans patientnummer står på armbandet: PN-00731194.", "PN-00731194"),
        ("Patientens reservnummer: 19920000-T714", "19920000-T714"),
        ("Han har journal hos BUP Alingsås med nr BUP-AL-77120 sedan", "BUP-AL-77120"),
    ],
)
def test_journal_and_patient_numbers_after_their_label(p: Pseudonymiser, text: str, value: str) -> None:
    assert (value, "JOURNALNUMMER") in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jag läste min journal från 2022 och den var fel.",
        "Journalen hade 4 fel och patienten 3 frågor.",
        "Patientnämnden svarade den 2024-03-11 på mitt brev.",
        "Mitt journalnummer har jag glömt. Ring 1177 om du vill veta mer.",
    ],
)
def test_journal_words_without_a_number_are_left(p: Pseudonymiser, text: str) -> None:
    assert not [f for f in found(p, text) if f[1] == "JOURNALNUMMER"]


def test_a_personnummer_as_the_patient_number_stays_a_personnummer(p: Pseudonymiser) -> None:
    assert found(p, "patientnummer 19850412-1234") == [("19850412-1234", "PERSONNUMMER")]


def test_one_number_written_two_ways_is_one_pseudonym() -> None:
    out = Pseudonymiser(KEY).pseudonymise("Journalnummer: KL-318 774. Journalnumret KL 318774 stämmer inte.").text
    assert out.count("[JOURNALNUMMER_1]") == 2

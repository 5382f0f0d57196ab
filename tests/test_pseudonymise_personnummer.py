"""PERSONNUMMER: every writing, samordningsnummer, mistyped ones, and numbers of that shape with another meaning.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found, labels_of, luhn_complete, wrong_check

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


PNR10 = luhn_complete("780412238")  # 7804122387 style, valid check digit
PNR_SAMORDNING = luhn_complete("910375414")  # day 15 + 60


@pytest.mark.parametrize(
    "template",
    [
        "Mitt personnummer är {d6}-{d4} om ni behöver det.",
        "Skriv in {d6}{d4} i journalen.",
        "Han har nummer 19{d6}-{d4} hos er.",
        "Registrera 19{d6}{d4} igen, tack.",
        "Pnr: {d6} {d4}",
    ],
)
def test_personnummer_all_writings(p: Pseudonymiser, template: str) -> None:
    text = template.format(d6=PNR10[:6], d4=PNR10[6:])
    assert "PERSONNUMMER" in {label for _, label in found(p, text)}
    value = [v for v, label in found(p, text) if label == "PERSONNUMMER"][0]
    assert PNR10[6:] in value.replace(" ", "")


def test_personnummer_over_100_years() -> None:
    old = luhn_complete("210305123")  # born 1921: written with '+'
    text = f"Min mormor {old[:6]}+{old[6:]} bor kvar hemma."
    assert labels_of(Pseudonymiser(KEY), text, f"{old[:6]}+{old[6:]}") == {"PERSONNUMMER"}


def test_personnummer_context_after_is_short(p: Pseudonymiser) -> None:
    text = f"Mitt personnummer är {PNR10[:6]}-{PNR10[6:]} och jag fick ingen faktura."
    assert labels_of(p, text, f"{PNR10[:6]}-{PNR10[6:]}") == {"PERSONNUMMER"}


def test_samordningsnummer(p: Pseudonymiser) -> None:
    text = f"Jag har samordningsnummer {PNR_SAMORDNING[:6]}-{PNR_SAMORDNING[6:]} sedan i våras."
    assert labels_of(p, text, f"{PNR_SAMORDNING[:6]}-{PNR_SAMORDNING[6:]}") == {"PERSONNUMMER"}


def test_mistyped_personnummer_still_caught(p: Pseudonymiser) -> None:
    bad = wrong_check(PNR10)
    with_context = f"Mitt personnr är {bad} men det blir fel i ert system."
    assert labels_of(p, with_context, bad) == {"PERSONNUMMER"}
    by_shape = f"Kolla {bad[:6]}-{bad[6:]} i journalen."
    assert labels_of(p, by_shape, f"{bad[:6]}-{bad[6:]}") == {"PERSONNUMMER"}
    spaced = f"Mitt nummer är {bad[:6]} {bad[6:]}"
    assert labels_of(p, spaced, f"{bad[:6]} {bad[6:]}") == {"PERSONNUMMER"}


@pytest.mark.parametrize(
    "text",
    [
        # Luhn-valid, yet an order number by context
        f"Ordernummer {PNR10[:6]}-{PNR10[6:]} har inte levererats.",
        "Fakturan har referens 640918-3321 och ska betalas i maj.",
        "Tidsstämpeln 20240512-0001 står i loggen.",
        "Ärende 2024-0588 är avslutat.",
        f"Paketet {PNR10[:6]}-{PNR10[6:]} kom aldrig fram.",
        "Mötet hölls 19990101 i Kil.",
    ],
)
def test_not_personnummer(p: Pseudonymiser, text: str) -> None:
    assert "PERSONNUMMER" not in {label for _, label in found(p, text)}


def test_numbers_in_pnr_shape() -> None:
    p = Pseudonymiser(KEY)
    # the full century without a separator is a personnummer even with a wrong check digit
    assert ("198507121234", "PERSONNUMMER") in found(p, "Mitt nummer 198507121234 står fel i journalen.")
    # a mobile number whose digits happen to pass Luhn is still a phone number
    assert found(p, "Nummer till mig: 0701740623.") == [("0701740623", "TELEFON")]


@pytest.mark.parametrize(
    "text,value",
    [
        # shape wins: no separator, wrong check digit, impossible date, first in the text
        (f"{wrong_check(PNR10)} står på remissen men det är fel.", wrong_check(PNR10)),
        ("Kallelsen hade 8502301234 fast det ska vara något annat.", "8502301234"),
        ("Hon skrev 910832-4451 i stället för mitt nummer.", "910832-4451"),
        ("Personnr: 560304–1129 (med tankstreck).", "560304–1129"),
    ],
)
def test_personnummer_by_shape(p: Pseudonymiser, text: str, value: str) -> None:
    assert (value, "PERSONNUMMER") in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-12 15:30:00 INFO jobb 202403121530 klart",
        "Ordernummer 8501011234 är skickad.",
        "Orgnr 556123-4567 står på fakturan.",
    ],
)
def test_pnr_shape_with_another_meaning(p: Pseudonymiser, text: str) -> None:
    assert "PERSONNUMMER" not in {label for _, label in found(p, text)}

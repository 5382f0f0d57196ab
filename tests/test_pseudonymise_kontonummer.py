"""KONTONUMMER: bank accounts, bankgiro, plusgiro, IBAN and card numbers, and numbers with
another meaning that stay.

Numbers are built here (Luhn and IBAN check digits computed by this file's own helpers), not
taken from any evaluation set."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


def luhn_append(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return digits + str((10 - total % 10) % 10)


def iban_se(bban: str) -> str:
    """An SE IBAN with correct check digits (ISO 13616 mod 97), computed here."""
    numeric = "".join(str(int(c, 36)) for c in bban + "SE00")
    return f"SE{98 - int(numeric) % 97:02d}{bban}"


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


CARD = luhn_append("453201511283036")  # 16 digits
IBAN = iban_se("50000000058398257466")


@pytest.mark.parametrize(
    "text,number",
    [
        ("Sätt in det på mitt konto 8327-9, 923 456 789-0 tack.", "8327-9, 923 456 789-0"),
        ("Kontonummer 6789 123 456 789 hos Handelsbanken.", "6789 123 456 789"),
        ("Pengarna ska till clearing 5011 konto 123 45 67 i morgon.", "5011 konto 123 45 67"),
        ("Betala till bankgiro 5050-1055 senast fredag.", "5050-1055"),
        ("Plusgiro 90 01 22-3 gäller fortfarande.", "90 01 22-3"),
        (
            f"IBAN: {IBAN[:4]} {IBAN[4:8]} {IBAN[8:12]} {IBAN[12:16]} {IBAN[16:20]} {IBAN[20:]}",
            f"{IBAN[:4]} {IBAN[4:8]} {IBAN[8:12]} {IBAN[12:16]} {IBAN[16:20]} {IBAN[20:]}",
        ),
        (f"iban {IBAN.lower()} till dottern", IBAN.lower()),
        (
            f"Kortet {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]} spärrades.",
            f"{CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]}",
        ),
        # a card word before it wins over a receipt word next to it
        (
            f"Kortnumret på kvittot var fel, mitt är {CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:]}.",
            f"{CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:]}",
        ),
    ],
)
def test_kontonummer_writings(p: Pseudonymiser, text: str, number: str) -> None:
    assert (number, "KONTONUMMER") in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "OCR-nummer 4532015112830366 ska anges vid betalning.",
        "Ordernummer 1234-5678901 har inte kommit.",
        "Mötet 2024-03-12 14 personer, pris 1 200 kr, vecka 12, ring 1177.",
    ],
)
def test_not_kontonummer(p: Pseudonymiser, text: str) -> None:
    assert "KONTONUMMER" not in {label for _, label in found(p, text)}


def test_same_account_written_twice_gets_one_pseudonym() -> None:
    p = Pseudonymiser(KEY)
    out = p.pseudonymise("Konto 8327-9, 923 456 789-0. Jag upprepar: konto 8327-9 923456789-0.").text
    assert out.count("[KONTONUMMER_1]") == 2

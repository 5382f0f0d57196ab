"""The categories declared in nlp/pseudonymise/categories/: KONTONUMMER and REGNR, and that
the category list, the overlap priority and the CLI's check all derive from the declarations.

Numbers are built here (Luhn and IBAN check digits computed by this file's own helpers), not
taken from any evaluation set."""

from __future__ import annotations

import pytest

from nlp.errors import ConfigError
from nlp.pseudonymise import CATEGORIES, Pseudonymiser
from nlp.pseudonymise.categories import PRIORITY, REGISTRY

KEY = b"test-key-kategorier-0123456789abcdef"


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


def found(p: Pseudonymiser, text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in p.find(text)]


def test_labels_priority_and_validation_derive_from_the_declarations() -> None:
    declared = [k.label for k in REGISTRY]
    assert {"KONTONUMMER", "REGNR"} <= set(declared)
    assert all(label in CATEGORIES and label in PRIORITY for label in declared)
    assert len(set(PRIORITY.values())) == len(PRIORITY) == len(CATEGORIES)
    # the priority is the declared number's order: a bank account before a phone number
    assert PRIORITY["PERSONNUMMER"] < PRIORITY["KONTONUMMER"] < PRIORITY["TELEFON"] < PRIORITY["REGNR"]
    assert Pseudonymiser(KEY, categories=["kontonummer"]).categories == frozenset({"KONTONUMMER"})
    with pytest.raises(ConfigError) as err:
        Pseudonymiser(KEY, categories=["BANKKONTO"])
    assert "KONTONUMMER" in str(err.value) and "REGNR" in str(err.value)


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
        (f"IBAN: {IBAN[:4]} {IBAN[4:8]} {IBAN[8:12]} {IBAN[12:16]} {IBAN[16:20]} {IBAN[20:]}",
         f"{IBAN[:4]} {IBAN[4:8]} {IBAN[8:12]} {IBAN[12:16]} {IBAN[16:20]} {IBAN[20:]}"),
        (f"iban {IBAN.lower()} till dottern", IBAN.lower()),
        (f"Kortet {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]} spärrades.",
         f"{CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]}"),
        # a card word before it wins over a receipt word next to it
        (f"Kortnumret på kvittot var fel, mitt är {CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:]}.",
         f"{CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:]}"),
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
    ["Beslut enligt LSS 123 och SFS 2001:453.", "Vi körde med 300 kr i plånboken.",
     "Han köpte en BMW 530 i fjol.", "Boka bil nr 12 och reg.nr skickas senare."],
)
def test_not_regnr(p: Pseudonymiser, text: str) -> None:
    assert "REGNR" not in {label for _, label in found(p, text)}


def test_same_account_written_twice_gets_one_pseudonym() -> None:
    p = Pseudonymiser(KEY)
    out = p.pseudonymise("Konto 8327-9, 923 456 789-0. Jag upprepar: konto 8327-9 923456789-0.").text
    assert out.count("[KONTONUMMER_1]") == 2

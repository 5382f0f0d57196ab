"""Round 50 kinds of construction (heart care: infarction and PCI, atrial fibrillation and
anticoagulants, pacemakers and ICDs, heart failure, cardiac rehabilitation; blind set 77): a
surname with letters outside Swedish after "c/o"; a phone label after a personnummer and its
number; a place field closing a line of several form fields. Look-alikes stay untouched: a lab
sample's number in a personnummer's shape, an implant card's serial number, a classification
code in a plate's shape on a line of diagnosis codes.
Own examples: invented names, numbers, units and codes; towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-50-test-key-0123456789abcdef"
PNR = luhn_complete("460101987")


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a surname with letters outside Swedish after "c/o": the person, not a body named by its first letters
        ("Brevet skickas c/o Kovačević, Storgatan 4, 123 45 Umeå.", "PERSON", "Kovačević"),
        ("Kallelsen går c/o Dragović, Kvarngatan 9, 652 24 Karlstad.", "PERSON", "Dragović"),
        # a phone label after a personnummer and its number: the phone label names the second
        (f"Hej, pnr {PNR} tel 0703126677 – vill flytta min tid.", "TELEFON", "0703126677"),
        (f"personnummer {PNR}, mobil 0703126677", "TELEFON", "0703126677"),
        (f"Hej, pnr {PNR} tel 0703126677 – vill flytta min tid.", "PERSONNUMMER", PNR),
        # a place field closing a line of several form fields
        ("Ålder: 71   Kön: kvinna   Ort: Hudiksvall\nHur nöjd är du?", "ORT", "Hudiksvall"),
        ("Namn: anonym | Ort: Ljusdal\nSvar: bra bemötande", "ORT", "Ljusdal"),
    ],
)
def test_round50_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a lab sample's number in a personnummer's shape
        ("Provnr 520314-1238 gäller dagens blodprov.", "PERSONNUMMER", "520314-1238"),
        ("Labbnummer 520314-1238 står på röret.", "PERSONNUMMER", "520314-1238"),
        # an implant card's serial number: the device's, not an identity card's
        ("Stent-ID-kort: Modell Flex 4, serienr RXM314159T, längd 18 mm.", "JOURNALNUMMER", "RXM314159T"),
        # a classification code in a plate's shape on a line of diagnosis codes
        ("Diagnoser: J45.9 astma, K35.8 app. Åtgärd: JEA00. GRP 214.", "REGNR", "GRP 214"),
        # a field name in running text is no form's field
        ("Jag gillar din ort: Grönt och lugnt.", "ORT", "Grönt"),
    ],
)
def test_round50_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_personnummer_and_an_identity_card_still_count() -> None:
    assert PNR in values_labelled(f"Pnr {PNR}, ring mig.", "PERSONNUMMER", KEY)
    assert "55443322" in values_labelled("ID-kort nr 55443322 visades upp.", "JOURNALNUMMER", KEY)
    assert "GRP 214" in values_labelled("Bilen GRP 214 stod på gatan.", "REGNR", KEY)

"""Round 52 kinds of construction (fees and invoices in elderly care, home help and LSS; blind
set 81): a street of a position word and a wider bare street word ("Östra Promenaden 4"); a
bank's transaction reference beside an account number's shape; a Swedish word cut short after
"-istr." on an invoice's line beside a German street abbreviation.
Look-alikes stay untouched. Own examples: invented names, numbers, units and streets; towns from
the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-52-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a position word and a wider bare street word, with its number
        ("Räkningen gick till Norra Promenaden 12 av misstag.", "ADRESS", "Norra Promenaden 12"),
        ("Vi bor numera på Södra Kajen 3 i Luleå.", "ADRESS", "Södra Kajen 3"),
        # an account number next to a payment still counts
        ("Återbetalningen går till konto 8327-9, 123 456 789-0 i morgon.", "KONTONUMMER", "8327-9, 123 456 789-0"),
        # a German street cut short after "str." is still a street
        ("Mein Sohn wohnt in der Lindenstr. 14 in Bremen.", "ADRESS", "Lindenstr. 14"),
    ],
)
def test_round52_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a position word and a street word without a number is no address
        ("Vi promenerade längs Norra Promenaden hela eftermiddagen.", "ADRESS", "Norra Promenaden"),
        # a bank's reference for one payment is no account
        ("Kvitto från banken: transaktions-ID 5531-2290-0184, 450 kr.", "KONTONUMMER", "5531-2290-0184"),
        ("Transaktionsnr 7712-4410-3321 gäller augusti.", "KONTONUMMER", "7712-4410-3321"),
        # a Swedish word cut short after "-istr." on an invoice's line is no street
        ('Rader: "Matdistr. 14 port.", "Larm 1 st".', "ADRESS", "Matdistr. 14"),
        ("Registr. 3 st enligt listan.", "ADRESS", "Registr. 3"),
    ],
)
def test_round52_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)

"""Round 15 kinds of construction (mail and web forms to a patient advisory and a municipal
contact centre; read from blind set 30): a weekday written with the date in mail headers, a
web form's place field, a clinic's word before its hospital and a ward's speciality before
"på", youth homes and youth centres by name, a landline with its area code in brackets, an
LMA card's and a passport's number after their words. Own examples, new names and places."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds

pytestmark = pytest.mark.utan_databas

KEY = b"round-fifteen-test-key-0123456789a"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Skickat: onsdag 4 juni 2025 08:15\nTill: Kundtjänst", "onsdag 4 juni 2025"),
        ("Sent: Tuesday, 9 September 2025 10:03\nTo: Team", "Tuesday, 9 September 2025"),
        ("Date: Wed, 3 Sep 2025 11:40:02 +0200", "Wed, 3 Sep 2025"),
        ("Sent: Saturday, March 8, 2025 9:14 AM", "Saturday, March 8, 2025"),
        ("Mötet blir fre 13 juni kl 14 i stora salen.", "fre 13 juni"),
        ("We arrived on 2nd May and waited for hours.", "2nd May"),
    ],
)
def test_weekday_with_the_date(text: str, date: str) -> None:
    assert ("DATUM", date) in finds(text, KEY), finds(text, KEY)


def test_a_weekday_alone_is_no_date() -> None:
    assert not [f for f in finds("Vi ses på onsdag efter lunch.", KEY) if f[0] == "DATUM"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Namn: Ivar Sjöqvist\nAdress: Björkvägen 9\nPostnr: 342 50\nOrt: Vislanda\nTelefon: 0470-123 45", "Vislanda"),
        ("Postort: Skultuna\nE-post: x@y.se", "Skultuna"),
        ("Ort: Upplands Bro\n", "Upplands Bro"),
    ],
)
def test_a_form_place_field(text: str, place: str) -> None:
    assert ("ORT", place) in finds(text, KEY), finds(text, KEY)


def test_a_country_in_the_place_field_is_left() -> None:
    assert not [f for f in finds("Ort: Sverige\n", KEY) if f[0] == "ORT"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Hon låg på akuten Karolinska hela natten.", "akuten Karolinska"),
        ("Jag är kurator på Onkologen Sahlgrenska och skriver för en patient.", "Onkologen Sahlgrenska"),
        ("Han låg på avd 21 kirurgi på Lasarettet i Ljungby i mars.", "avd 21 kirurgi på Lasarettet i Ljungby"),
        ("Sonen har rymt från SiS-hemmet Vemyra igen.", "SiS-hemmet Vemyra"),
        ("Detta är Kalle från fritidsgården Kupolen.", "fritidsgården Kupolen"),
    ],
)
def test_clinics_wards_and_youth_homes(text: str, unit: str) -> None:
    assert ("VARDENHET", unit) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    ["Greta Lund\nBjörkgatan 3\n611 32 Nyköping\n(0155) 21 43 65", "Ring oss på (054) 61 20 33."],
)
def test_area_code_in_brackets(text: str) -> None:
    assert [f for f in finds(text, KEY) if f[0] == "TELEFON" and f[1].startswith("(0")], finds(text, KEY)


def test_a_year_in_brackets_is_no_phone() -> None:
    assert not [f for f in finds("se rapporten (2019) 12 sidor", KEY) if f[0] == "TELEFON"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hans passport number is B88123401 and it expires soon.", "B88123401"),
        ("Passnummer: 91234567\nNamn: Omar", "91234567"),
    ],
)
def test_passport_numbers(text: str, number: str) -> None:
    assert ("JOURNALNUMMER", number) in finds(text, KEY), finds(text, KEY)


def test_an_lma_card_number_is_replaced() -> None:
    text = "Mitt LMA-kortnummer är 23-554120."
    assert [f for f in finds(text, KEY) if f[1] == "23-554120"], finds(text, KEY)

"""IPADRESS: IPv4 and IPv6 addresses, and dotted numbers that are sections, versions or phones.

All sentences are written for these tests (not taken from any evaluation set); the addresses
are from the documentation ranges (RFC 5737, RFC 3849) or made up."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Jag loggade in från 198.51.100.23 i går och blev utkastad.", "198.51.100.23"),
        ("Felmeddelandet sa: anslutning till 192.0.2.145 nekades.", "192.0.2.145"),
        ("Min ip-adress är 10.0.0.12, skrev supporten.", "10.0.0.12"),
        ("Servern 10.1.2.3 svarade inte.", "10.1.2.3"),
        ("Routern visar 2001:db8::8a2e:370:7334 som adress.", "2001:db8::8a2e:370:7334"),
        ("Adressen var 2001:0db8:85a3:0000:0000:8a2e:0370:7334.", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ],
)
def test_ip_addresses(p: Pseudonymiser, text: str, address: str) -> None:
    assert (address, "IPADRESS") in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "Se avsnitt 3.2.1.4 i avtalet.",
        "Appen har version 1.2.0.105 nu.",
        "Det stod 999.1.1.1 på lappen.",
        "Vi ses kl 10:30:45 vid entrén.",
        "Obs :: viktigt meddelande.",
        "Betyget blev 4.5.3.2 i de fyra delarna.",
    ],
)
def test_not_ip_addresses(p: Pseudonymiser, text: str) -> None:
    assert "IPADRESS" not in {label for _, label in found(p, text)}


def test_a_dotted_phone_number_stays_a_phone_number(p: Pseudonymiser) -> None:
    # octets with leading zeros are no IPv4 address
    assert found(p, "Ring mig på 070.174.06.38 efter fem.") == [("070.174.06.38", "TELEFON")]


def test_one_address_in_two_writings_gets_one_pseudonym() -> None:
    p = Pseudonymiser(KEY)
    out = p.pseudonymise("Först 2001:DB8:0:0:0:0:0:1, sedan 2001:db8::1 igen.").text
    assert out == "Först [IPADRESS_1], sedan [IPADRESS_1] igen."

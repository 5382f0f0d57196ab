"""Foreign identity numbers (PERSONNUMMER), international phone numbers (TELEFON) and foreign
addresses (ADRESS, POSTNUMMER, ORT). The numbers are the formats' published examples or made
with python-stdnum's check-digit functions; none comes from an evaluation set."""

import random
import string

import pytest
from stdnum.ee import ik
from stdnum.pl import pesel

from nlp.pseudonymise import Pseudonymiser

pytestmark = pytest.mark.utan_databas

_P = Pseudonymiser(b"k" * 32)


def _found(text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in _P.find(text) if s.label == label]


def _pesel(birth: str, serial: str) -> str:
    return birth + serial + pesel.calc_check_digit(birth + serial)


def _isikukood(body: str) -> str:
    return body + ik.calc_check_digit(body + "0")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # on shape and validity alone
        ("Min mammas id från Tallinn, 36805280109, stod på kortet.", "36805280109"),
        (f"Skriv {_isikukood('4920312027')} i journalen, sa jag.", _isikukood("4920312027")),
        ("Han har litauiskt personnummer 33309240064 från Vilnius.", "33309240064"),
        ("Pappa lämnade 1630615123457 i receptionen.", "1630615123457"),
        ("Hon gav 710319/2745 i receptionen.", "710319/2745"),
        ("Han lämnade RCCMNL83S18D969H i formuläret.", "RCCMNL83S18D969H"),
        ("Jag har X-2482300W sedan jag jobbade i Spanien.", "X-2482300W"),
        ("Carte vitale 2 95 10 99 126 111 93 skickades till mig.", "2 95 10 99 126 111 93"),
        ("Försäkringen i Zürich: 756.9217.0769.85.", "756.9217.0769.85"),
        ("Hennes belgiska kort: 85.07.30-033.28", "85.07.30-033.28"),
        # after a word naming the number
        ("Mitt PESEL är 44051401359 och jag har bott här i tre år.", "44051401359"),
        (f"numer PESEL: {_pesel('9207080', '362')}", _pesel("9207080", "362")),
        ("Personnummer från Polen: 44051401358", "44051401358"),  # check fails, the label says
        ("DNI 54362315K, spanskt id-nummer.", "54362315K"),
        ("El número de DNI es 54362315K.", "54362315K"),
        ("PESEL-nummer 44051401359 fanns på kortet.", "44051401359"),
        ("mitt estniska personnummer är 36805280108", "36805280108"),  # check fails, the label says
        ("burgerservicenummer (BSN): 111222333", "111222333"),
        ("NIE-nummer Y-1234567-X", "Y-1234567-X"),
        ("My NHS number is 943 476 5919.", "943 476 5919"),
        ("Mitt NHS-nummer 943 476 5919 fanns inte i systemet.", "943 476 5919"),
        ("Han har National Insurance number AB 12 34 56 C.", "AB 12 34 56 C"),
        ("Hennes BSN is 111222333.", "111222333"),
        ("Steuer-ID 36 574 261 809.", "36 574 261 809"),
        ("Kennitala: 1503450069", "1503450069"),
        ("Mitt T.C. kimlik no 17291716060.", "17291716060"),
        ("Lettiskt personnummer 161175-19997.", "161175-19997"),
        ("rodné číslo 8556121233 stod i remissen", "8556121233"),
        # the Norwegian number with a dash after the date part
        ("Han har fødselsnummer 151086-95088 sen tiden i Tromsø.", "151086-95088"),
    ],
)
def test_foreign_identity_numbers_are_found(text: str, number: str) -> None:
    assert number in _found(text, "PERSONNUMMER")


@pytest.mark.parametrize(
    "text",
    [
        # weak formats without a word naming them
        "Ring 44051401359 så svarar de.",
        "Hon sa 54362315K men det var fel.",
        "Koden 943 476 5919 fungerade inte.",
        "Beställningen 111222333 kom fram.",
        # a check that fails, no label
        "Han lämnade 36805280108 i receptionen.",
        # (a Czech woman's month, +50, is no Swedish date: with a Swedish date part the slash is a
        # personnummer's writing and replaced, tests/test_pseudonymise_constructions_shapes.py)
        "Hon gav 855612/1234 i receptionen.",
        "Pappa lämnade 1630615123458 i receptionen.",
        # order, invoice and case numbers of the same shape
        "Ordernummer 36805280109 gäller hjälpmedlet.",
        "Fakturanummer 1630615123457 betalades.",
        "Ärende 710319/2745 är avslutat.",
        "Invoice 2 95 10 99 126 111 93 is paid.",
    ],
)
def test_other_numbers_stay(text: str) -> None:
    assert _found(text, "PERSONNUMMER") == []


def test_shape_only_formats_are_rare_by_chance() -> None:
    """The docstring's rule, measured: a random string of an 11-digit or 13-digit writing
    passes a shape-only format's check far less often than one in a hundred."""
    from nlp.pseudonymise.recognisers import european_ids

    rnd = random.Random(7)
    for length in (11, 13):
        hits = 0
        for _ in range(20000):
            digits = "".join(rnd.choice(string.digits) for _ in range(length))
            hits += bool(european_ids.find_european_ids(f"Han skrev {digits} på lappen."))
        assert hits < 20000 / 200, (length, hits)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Min son i London: +44 7700 900123.", "+44 7700 900123"),
        ("Nummer: +358 (0)40 123 4567", "+358 (0)40 123 4567"),
        ("Mobil +49 171/1234567", "+49 171/1234567"),
    ],
)
def test_international_phone_numbers_are_whole(text: str, phone: str) -> None:
    assert phone in _found(text, "TELEFON")


@pytest.mark.parametrize(
    ("text", "street", "postcode", "town"),
    [
        ("Min mamma bor på Nørrebrogade 45, 2200 København N.", "Nørrebrogade 45", "2200", "København N"),
        ("Skicka till Mannerheimintie 5 A 12, 00100 Helsinki.", "Mannerheimintie 5 A 12", "00100", "Helsinki"),
        ("Adressen var ul. Długa 5/7, 00-238 Warszawa.", "ul. Długa 5/7", "00-238", "Warszawa"),
        ("Han bor på Hauptstraße 3, 10115 Berlin.", "Hauptstraße 3", "10115", "Berlin"),
        ("Vi hyrde på Calle Mayor 10, 28013 Madrid under vintern.", "Calle Mayor 10", "28013", "Madrid"),
        ("Kliniken ligger på Via Roma 22, 00184 Roma.", "Via Roma 22", "00184", "Roma"),
        ("Jag bor på Karl Johans gate 22, 0159 Oslo.", "Karl Johans gate 22", "0159", "Oslo"),
        ("Min bror bor på Nowy Świat 18, 00-373 Warszawa.", "Nowy Świat 18", "00-373", "Warszawa"),
        ("Skicka till Rue de Rivoli 15, 75001 Paris.", "Rue de Rivoli 15", "75001", "Paris"),
        ("Hon bor på 12 Baker Street, London NW1 6XE.", "12 Baker Street", "NW1 6XE", "London"),
        ("Vi bodde på Berliner Str. 45, 60311 Frankfurt am Main.", "Berliner Str. 45", "60311", "Frankfurt am Main"),
    ],
)
def test_foreign_addresses(text: str, street: str, postcode: str, town: str) -> None:
    assert street in _found(text, "ADRESS")
    assert postcode in _found(text, "POSTNUMMER")
    assert town in _found(text, "ORT")


@pytest.mark.parametrize(
    "text",
    [
        "Via Skype 3 gånger i veckan fungerade bra.",
        "Som Andersson et al. Nilsson 2019 skriver är det vanligt.",
    ],
)
def test_not_addresses(text: str) -> None:
    assert _found(text, "ADRESS") == []

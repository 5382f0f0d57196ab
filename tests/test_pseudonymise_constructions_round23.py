"""Round 23 kinds of construction (survey exports passed through spreadsheets in other locales,
read from blind set 45): phone numbers of any kind whose leading zero a number column dropped, in
whatever grouping the locale left (spaces, a thousands comma, a minus sign, the country code
without its plus), said to be a phone by a word before or after, by the cell beside it, by the
last line of an address block or by standing as the writer's contact at the end; a personnummer
with a decimal column's ".0" after its dash, or nine digits in brackets after "pnr"; a table
column headed by another kind of number; a number the writer says is no phone; a personal
alarm's number and a client number column in scientific notation. Traps that must stay: sums,
counts, order and case numbers, dates without separators, amounts with a unit, Excel's serial
day numbers and ratings. Own examples: new names, places and numbers, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-23-test-key-0123456789abcdef"
_DIRECT = {"TELEFON", "PERSONNUMMER", "KONTONUMMER", "JOURNALNUMMER"}


# -- a phone number whose zero a spreadsheet dropped ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ring min son Omar (kontaktperson) på 18 410 22 63 efter lunch", "18 410 22 63"),
        ("Vill ha återkoppling. Mitt nr: 7 2519 3380", "7 2519 3380"),
        ('"Mobil (frivilligt)";"735,882,104"', "735,882,104"),
        ('"-739221450 sms:a gärna"', "739221450"),
        ("Kontakt: Tove Rask;46 31 770 21 49;tove.rask@exempel.se", "46 31 770 21 49"),
        ("Vill bli uppringd.\nSiv Ahlgren\nTallstigen 3\n78431 Borlänge\n243182256", "243182256"),
        ("Ingen har hört av sig på tre veckor. Varför svarar ingen? 9 014 225 37", "9 014 225 37"),
        ('"Tack till alla på avdelningen. Hälsningar Vera (852219044)"', "852219044"),
        ("Bra bemötande men lång kö i telefon. /Henrik 921-174 88 02", "921-174 88 02"),
    ],
)
def test_a_phone_number_without_its_zero_in_any_grouping(text: str, value: str) -> None:
    assert value in values_labelled(text, "TELEFON", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Summa utbetalt 732 508 330 enligt årsredovisningen, det stämmer inte.",
        "Befolkningen ökade med 722 334 190 personer enligt rapporten, ett uppenbart fel.",
        "Regionens budget är 1 360 000 000 kr för nästa år",
        "Ordernr 732 114 095 levererades aldrig till mig.",
        "Antal svar: 7,32E+08 är fel i exporten",
        "Svarsvärdet 7,35E+08 var inget telefonnummer utan ett fel i kolumnen.",
        "Beslutet kom 20240611 och gäller ett år framåt.",
        "Diarienummer 2024-3318 hos nämnden, inget svar än.",
        "Kommentar: -412 kr i differens på kvittot.",
        "45391;Bra;4",
        "Medelbetyg 4,2 av 5; n=1 318; svarsfrekvens 61 %",
        "Vi har väntat 3 veckor och 2 dagar på ett svar. Summa väntetid: 23 dagar",
    ],
)
def test_sums_counts_codes_and_dates_stay(text: str) -> None:
    assert not [label for label, _ in finds(text, KEY) if label in _DIRECT]


# -- personnummer a spreadsheet changed -------------------------------------------------------------


def test_a_decimal_columns_tail_after_a_dashed_personnummer_goes_with_it() -> None:
    number = "19" + luhn_complete("481107223")[:6] + "-" + luhn_complete("481107223")[6:]
    text = f"Min far {number}.0 väntar fortfarande på sin hörapparat."
    assert values_labelled(text, "PERSONNUMMER", KEY) == [number + ".0"]


def test_nine_digits_in_brackets_after_pnr_are_a_personnummer_without_its_zero() -> None:
    nine = luhn_complete("060214338")[1:]
    text = f"Min son Ebbe (pnr {nine}) fick vänta i fyra timmar."
    labels = {label for label, value in finds(text, KEY) if value == nine}
    assert labels & {"PERSONNUMMER", "TELEFON"}


def test_a_column_headed_by_another_number_keeps_its_personnummer_shaped_cells() -> None:
    shaped = luhn_complete("810316552")
    cell = shaped[:6] + "-" + shaped[6:]
    invoice = f"Fakturanr;Belopp;Status\n{cell};3 150,00;Obetald"
    assert values_labelled(invoice, "PERSONNUMMER", KEY) == []
    person = f"Personnummer;Belopp;Status\n{cell};3 150,00;Obetald"
    assert values_labelled(person, "PERSONNUMMER", KEY) == [cell]


# -- other direct identifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mammas trygghetslarm nr LR-33817 tjuter hela nätterna", "LR-33817"),
        ("Klientnummer;Kommentar\n2.0418E+05;Handläggaren var trevlig", "2.0418E+05"),
    ],
)
def test_an_alarm_number_and_a_client_number_column(text: str, value: str) -> None:
    assert values_labelled(text, "JOURNALNUMMER", KEY) == [value]


# -- quasi-identifiers the same exports carry -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vi var på akuten hela natten. Flickan är 4 år och hade hög feber.", "4 år"),
        ("Ungdom 15 år, placerad på behandlingshem sedan i våras.", "15 år"),
        ("Sonen fyller 8 år i höst och har fortfarande ingen diagnos.", "8 år"),
    ],
)
def test_a_person_word_and_a_verb_before_an_age(text: str, value: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Barnet var 2 år sedan på BVC senast.",
        "Väntetiden är 3 år för en utredning.",
    ],
)
def test_a_duration_is_no_age(text: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == []


def test_a_birth_date_with_a_two_digit_year_and_dashes() -> None:
    text = "Pappa (f. 39-05-17) behöver tolk vid besöken."
    assert values_labelled(text, "DATUM", KEY) == ["39-05-17"]
    assert values_labelled("Formuläret har version 3.2.1 sedan i fjol.", "DATUM", KEY) == []


def test_a_name_split_over_first_and_last_name_columns() -> None:
    text = 'Förnamn;Efternamn;Kommentar\n"Runar";"Vikström";"Bra mat"\n"Elvy ""Ellan""";"Nyberg";"Trevligt"'
    persons = values_labelled(text, "PERSON", KEY)
    assert {"Runar", "Vikström", "Nyberg"} <= set(persons)
    assert any("Ellan" in p for p in persons)
    assert "Bra mat" not in persons

"""Round 22 kinds of construction (survey exports mangled by Excel and copy-paste, read from blind
set 41): numbers Excel wrote in scientific notation ("2,00107E+11"), with ".0" appended or without
their leading zero (a personnummer born 2000–2009, a landline "31-…"); Excel's serial day numbers
and a date with its midnight under a date column or beside a date label; an American date; HTML
entities ("&nbsp;", "&#64;") and zero-width characters inside identifiers; a table pasted with "|"
between its cells; a bank account split over two columns; name, postcode, town and patient number
columns; a sheet of grades out of five. Traps that must stay: formulas and Excel's errors, answer ids, order numbers in
personnummer shape, prices, clock times and ratings. Own examples: new names, places and numbers,
none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-22-test-key-0123456789abcdef"


# -- numbers Excel turned into numbers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Pnr;Kommentar\n2,00107E+11;Bra bemötande i kassan", "PERSONNUMMER", "2,00107E+11"),
        ("Svar från 1,97311E+11 om hemtjänsten", "PERSONNUMMER", "1,97311E+11"),
        ("Telefon: 4,67312E+10\nRing efter fem", "TELEFON", "4,67312E+10"),
        ("Kort 5,3121E+15 debiterades två gånger", "KONTONUMMER", "5,3121E+15"),
        ("personnr 9107233349.0 saknas i kallelsen", "PERSONNUMMER", "9107233349.0"),
        ("196211043398.0", "PERSONNUMMER", "196211043398.0"),
        (f"'0736615020;'{luhn_complete('031122456')[1:]};Min dotter fick vänta", "PERSONNUMMER", "311224562"),
        ("Kontakt\t31-7045512\tvill bli uppringd", "TELEFON", "31-7045512"),
        ("Född 11/23/1949; Kön: man; Svar: bra", "DATUM", "11/23/1949"),
    ],
)
def test_an_identifier_excel_turned_into_a_number(text: str, label: str, value: str) -> None:
    assert values_labelled(text, label, KEY) == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Inkom;Svar\n45988;Lång väntan på svar", ["45988"]),
        ("Besöksdatum\t46012,5\tKommentar\tTrevlig personal", ["46012,5"]),
        ("Start|Slut|Svar\n45301|45302|Bra", ["45301", "45302"]),
        ("Remissnr;Besök;Svar\n2211;2025-11-20 00:00:00;Kort besök", ["2025-11-20 00:00:00"]),
    ],
)
def test_excel_dates_under_a_date_column_or_beside_its_label(text: str, values: list[str]) -> None:
    assert values_labelled(text, "DATUM", KEY) == values


# -- what a web export or a copy-paste left inside the identifier --------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Ring 073\u200b-512\u200b 44\u200b 90 efter lunch", "TELEFON", "073\u200b-512\u200b 44\u200b 90"),
        ("Mejla pia.lund&#64;exempel.se om tiden", "EPOST", "pia.lund&#64;exempel.se"),
        ("Mejla\u200b b.ostlund\u200b@exempel.org", "EPOST", "b.ostlund\u200b@exempel.org"),
        ("Bor på Ekvägen&nbsp;4, 723&nbsp;41 Västerås", "POSTNUMMER", "723&nbsp;41"),
        ("personnr 19870615\u200b-4412 stod fel", "PERSONNUMMER", "19870615\u200b-4412"),
    ],
)
def test_entities_and_invisible_characters_inside_an_identifier(text: str, label: str, value: str) -> None:
    assert values_labelled(text, label, KEY) == [value]


def test_an_ampersand_between_names_is_read_as_one() -> None:
    assert ("PERSON", "Greta") in finds("Greta &amp; Olof på boendet är fantastiska", KEY)


# -- pasted tables -------------------------------------------------------------------------------


def test_a_table_with_bars_keeps_its_cells_apart() -> None:
    text = "Svars-ID|IP|Svar\n40213|83.249.7.112|Bra hjälp"
    assert finds(text, KEY) == [("IPADRESS", "83.249.7.112")]


def test_a_bank_account_split_over_two_columns_is_one() -> None:
    text = "Clearing;Kontonr\n8327;9431882\nUtbetalningen kom sent"
    assert values_labelled(text, "KONTONUMMER", KEY) == ["8327;9431882"]


def test_name_postcode_town_and_patient_columns() -> None:
    text = "Namn;Postnr;Ort;Patientnr;Svar\nlindqvist, maja;41 322;Mölndal;KH 552 190;Bra"
    found = finds(text, KEY)
    assert ("PERSON", "lindqvist, maja") in found
    assert ("POSTNUMMER", "41 322") in found
    assert ("ORT", "Mölndal") in found
    assert ("JOURNALNUMMER", "KH 552 190") in found


# -- traps: what only looks like an identifier ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=SUMMA(B2:B9)",
        "#NAMN?",
        '=OM(C3>2;"Ja";"Nej")',
        "+3 dagar extra väntan",
        "-20 % på avgiften",
        "Svars-ID;Svar\n503112345;Bra bemötande",
        "Ordernr 8504121230.0 levererades sent",
        "Faktura 1,98504E+11 betalad",
        "Pris 1 299,00 kr, moms 259,80 kr",
        "Start;Slut;Svar\n09:15;10:00;Kort möte",
        "Betyg 4/5, väntan 45 min, klockan 13:45",
        "Antal;Summa\n45988;12345",
    ],
)
def test_formulas_ids_prices_and_times_stay(text: str) -> None:
    assert finds(text, KEY) == []


@pytest.mark.parametrize(
    "text",
    ["Ärendenummer 25-004417 om nån bryr sig", "Ärendenr 1-2231447 gäller mig", "Order 31-7045512 skickad"],
)
def test_a_case_number_shaped_as_a_landline_without_its_zero_stays(text: str) -> None:
    assert values_labelled(text, "TELEFON", KEY) == []


def test_a_sheet_of_grades_holds_no_dates() -> None:
    assert finds("Omdöme 3/5. Väntetid 1/5. Information 4/5. Parkering 2/5.", KEY) == []


def test_dates_in_a_row_stay_dates() -> None:
    assert values_labelled("Jag var där 3/5, 4/5 och 5/5 utan att få tid", "DATUM", KEY) == ["3/5", "4/5", "5/5"]

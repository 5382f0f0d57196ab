"""Round 19 kinds of construction (scanned paper surveys and phone-interview notes about dental
care, pharmacies, assistive devices, transport service and meals; read from blind set 36): a
scanner's O and l inside short numbers (postcodes, house numbers, ages, date parts, a plate's
digits), a plate's digits split by a space or an O read as 0 among its letters, a form's age
field ("Ålder: 74"), an interviewer's "IP" (the person interviewed) before a name or an age, an
age in square brackets, a stray space before an e-mail's domain ending; the assistive-device,
hearing and vision centres named by their town or region, a dental practice named by its street,
a hospital named after a form's "Till:"; a transport service's or a pharmacy's firm name, an
association's initials with its district; the numbers of a transport-service permit and a care record number named by
its service (a customer number stays: a billing code). Own examples: new names,
places and numbers, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-nineteen-test-key-0123456789"


# -- a scanner's O and l inside short numbers ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Adress: Lindvägen 4   783 3l Säter\nTel: saknas", "POSTNUMMER", "783 3l"),
        ("Ekbacken 7, 57l 32 Nässjö", "POSTNUMMER", "57l 32"),
        ("Vi bor på Granstigen 2, 9O3 44 Umeå sedan länge.", "POSTNUMMER", "9O3 44"),
        ("Ekbacken 1O, 571 32 Nässjö", "ADRESS", "Ekbacken 1O"),
        ("Leverans till Ängsvägen 2l B i stället.", "ADRESS", "Ängsvägen 2l B"),
        ("Jag heter Karin Dahl och är 8l år.", "ALDER", "8l år"),
        ("Svarar för min far Nils Ek, 9O, som inte orkar skriva.", "ALDER", "9O"),
        ("Besöket var 2O23-l1-O4 på förmiddagen.", "DATUM", "2O23-l1-O4"),
        ("Vi beställde en rullstol 1l.O2.2023 och väntade länge.", "DATUM", "1l.O2.2023"),
        ("Taxin, bil FKR 5l7, kom en timme sent.", "REGNR", "FKR 5l7"),
        ("Bilen hade reg MTB 2O6 och föraren var trevlig.", "REGNR", "MTB 2O6"),
    ],
)
def test_short_numbers_with_misread_letters_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        # a litre glued to its number, a phone company, a product code among letters: no identifier
        "Hon dricker 1l vatten om dagen och får O2 på telefonen.",
        "Batteri typ lO och 3l saft, mer behövs inte.",
        "Rummet heter B1l och ligger på plan 2.",
    ],
)
def test_letters_beside_short_numbers_are_no_identifier_alone(text: str) -> None:
    assert finds(text, KEY) == []


# -- plates, an e-mail with a stray space --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sjukresetaxin hade regnr KPT 4 18 och var smutsig.", "KPT 4 18"),
        ("Reg.nr på min bil: HX0 551", "HX0 551"),
    ],
)
def test_plates_split_or_misread_after_a_vehicle_word(text: str, value: str) -> None:
    assert value in values_labelled(text, "REGNR", KEY)


def test_plate_like_codes_without_a_vehicle_word_stay() -> None:
    assert values_labelled("Artikel HX0 551 och storlek ABT 4 18 fanns inte.", "REGNR", KEY) == []


def test_an_email_with_a_space_before_its_ending_is_one_email() -> None:
    text = "E-post: maj.lindgren@example .se\nTack!"
    assert values_labelled(text, "EPOST", KEY) == ["maj.lindgren@example .se"]
    assert values_labelled(text, "PERSON", KEY) == []


# -- a form's age field, the interviewer's IP, an age in square brackets ----------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Namn: Gerd Holm   Ålder: 74\nHjälpmedel: rollator", "74"),
        ("ÅLDER: 88 år\nKön: kvinna", "88 år"),
        ("IP säger att tandläkaren var snäll. IP är 81. IP bor ensam.", "81"),
        ("IP vill bli uppringd på 031-3900 612 [68 år, änka]", "68 år"),
    ],
)
def test_ages_in_fields_notes_and_brackets(text: str, value: str) -> None:
    assert value in values_labelled(text, "ALDER", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Ålder: 75-84 [X]   85 eller äldre [ ]",
        "IP är nöjd. [ca 20 min samtal]",
        "Hur länge har du haft hemtjänst? Antal år: 6",
    ],
)
def test_age_ranges_and_durations_stay(text: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Intervju 2024-03-02, IP Hedda Lundin (83), Ludvika", "Hedda Lundin"),
        # a first name that is also a word, with a surname
        ("Samtal 2024-04-09, IP Rosa Lind (77), Hjo", "Rosa Lind"),
        ("Telefonintervju, IP Greta (dotter till brukaren) svarade.", "Greta"),
    ],
)
def test_a_name_after_ip_is_a_person(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)


# -- assistive-device, hearing and vision centres; dental practices; hospitals after "Till:" ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hon fick rullator från Hjälpmedelscentralen Västmanland förra året.", "Hjälpmedelscentralen Västmanland"),
        ("Förstoringsglas från Syncentralen Kalmar fungerar fint.", "Syncentralen Kalmar"),
        ("Hörapparat utprovad på Hörcentralen Mora i maj.", "Hörcentralen Mora"),
        ("En tekniker från Hjälpmedelscentrum Jämtland kom.", "Hjälpmedelscentrum Jämtland"),
        ("Mamma fick en säng från Hjälpmedel Västernorrland men ingen madrass.", "Hjälpmedel Västernorrland"),
        ("Tandläkare: Tandläkarhuset Kungsgatan, privat", "Tandläkarhuset Kungsgatan"),
        # a private practice by its dentist's name, with its town (one unit, the product's rule)
        ("Jag går till Tandläkare Holm & Co i Mora, dyrt men bra.", "Tandläkare Holm & Co i Mora"),
        ("Från: hemmet   Till: Länssjukhuset Kalmar, ögonmott.", "Länssjukhuset Kalmar"),
        ("Till: Länssjuk-\nhuset Kalmar, ögonmott.", "Länssjuk-\nhuset Kalmar"),
    ],
)
def test_named_service_centres_are_units(text: str, value: str) -> None:
    assert value in values_labelled(text, "VARDENHET", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Hjälpmedelscentralen har lång väntetid.",
        "Jag ringde hörcentralen men ingen svarade.",
        "Hjälpmedel Bra att ha: rollator, käpp.",
    ],
)
def test_generic_centres_stay(text: str) -> None:
    assert values_labelled(text, "VARDENHET", KEY) == []


# -- firms and associations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IP säger att resorna med Ljusdals Taxi fungerar bra.", "Ljusdals Taxi"),
        ("Jag hämtar ut på Lloyds Apotek eller på Apotek Solrosen.", "Lloyds Apotek"),
        ("Jag hämtar ut på Lloyds Apotek eller på Apotek Solrosen.", "Apotek Solrosen"),
        ("Jag har fått ledsagning via SRF Dalarna och via DHR Skåne.", "SRF Dalarna"),
    ],
)
def test_firms_and_associations_with_their_place(text: str, value: str) -> None:
    assert value in values_labelled(text, "ORGANISATION", KEY)


def test_a_pharmacy_in_general_stays() -> None:
    assert values_labelled("Apoteket var stängt så jag åkte till ett annat apotek.", "ORGANISATION", KEY) == []


# -- numbers that point at one person ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Färdtjänstkort nr: FT 2018-0533\nNamn: Elsa Berg", "FT 2018-0533"),
        ("Jag har färdtjänsttillstånd nr FTJ-2022-11873 sedan i fjol.", "FTJ-2022-11873"),
        ("Hans tandvårdsnummer: TV-6621-04", "TV-6621-04"),
    ],
)
def test_permit_customer_and_care_numbers(text: str, value: str) -> None:
    assert value in values_labelled(text, "JOURNALNUMMER", KEY)


def test_a_customer_number_is_a_billing_code() -> None:
    assert values_labelled("Mitt kundnummer hos er: KN 0071 224 5, faktura 2231.", "JOURNALNUMMER", KEY) == []


def test_order_number_in_a_personnummer_shape_stays_after_a_note() -> None:
    text = "Ordernummer enligt IP: 770923-1455. IP läste från kvittot."
    assert values_labelled(text, "PERSONNUMMER", KEY) == []


# -- more of a form's fields and a note's ends -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Underskrift: Greta Holm\nOrt och datum: Hallsberg 3/4 -24\n", "ORT", "Hallsberg"),
        ("Ort/datum: Säter 2024-05-02", "ORT", "Säter"),
        ("Tack för att ni lyssnar. /greta (79)", "PERSON", "greta"),
        ("Tack för allt. /dag (81)", "PERSON", "dag"),
        ("Dottern säger att pappa (Evert Lund, 89)\nhar fått en ny hörapparat.", "ALDER", "89"),
        ("IP Elin Borg, Skogsvägen 4 nb, 783 31 Säter.", "ADRESS", "Skogsvägen 4 nb"),
        ("Adress enl IP: Mörby Torg 7, 182 31 Danderyd", "ADRESS", "Mörby Torg 7"),
    ],
)
def test_form_places_slash_signatures_and_bracketed_ages(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        # after an interviewer's remark in square brackets a sentence begins: a capital says nothing
        "Han vill bo kvar hemma. [kort samtal] Inga övriga synpunkter.",
        # a slash between words, a stone and a count in brackets
        "Han har ont i ryggen och/eller höften (2) och en sten (3) i njuren.",
        "Ort och datum: ______ 2024",
    ],
)
def test_note_ends_and_empty_fields_stay(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == [] and values_labelled(text, "ORT", KEY) == []


def test_a_resident_of_a_town_is_no_unit() -> None:
    text = "IP: Sara Lehto, boende i Pajala\nIP säger att taxin var sen."
    assert "Pajala" in values_labelled(text, "ORT", KEY)
    assert values_labelled(text, "VARDENHET", KEY) == []


def test_a_firm_named_with_i_and_a_region() -> None:
    text = "Maten kommer från Matkassen i Norr AB varje tisdag."
    assert values_labelled(text, "ORGANISATION", KEY) == ["Matkassen i Norr AB"]

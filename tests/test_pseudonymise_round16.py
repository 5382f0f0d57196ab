"""Round 16 kinds of construction (social services and LSS answers by second-language writers,
and referrals, discharge and transitions between care providers; read from blind sets 31 and
32): foreign numbers with a phone word, codes that merely hold a phone's digits, national
services' public numbers, an identity card's number, a greeting before "jag är <namn>", a name
before a one-word street, a flat's number after the floor, a town after an address, handles on social apps, a
chat's last line with a name and an age, initials and a word signing off, a title's
abbreviation, employers in English and "ledigt från", pharmacies by
branch, schools by kind and site, clinics before their hospital with a comma, clinics and the
units' short forms before a town or a ward number, Finnish health centres in their cases, LSS
meeting places, a district's team number, dates as "den 5:e" and after "född", ages in dialect,
in weeks or months, after a kinship word and a name, and "alltså N i år". Own examples: new
names, places and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-sixteen-test-key-0123456789ab"


# -- TELEFON ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a range the numbering plan keeps for fiction: possible, not valid, still a phone here
        ("You can call me at +44 7700 900 255 after six.", "+44 7700 900 255"),
        ("Ring min son på +44 7700 900 731 om ni inte når mig.", "+44 7700 900 731"),
    ],
)
def test_a_foreign_number_with_a_phone_word(text: str, phone: str) -> None:
    assert ("TELEFON", phone) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Kvittonr 0046 7310 2294 gäller för besöket.",
        "OCR-nummer 4410 0047 9921 553 stod på avin.",
        "Beslutet har diarienummer 2.4.1-07733/2025 hos nämnden.",
        "Jag fick ett sms från 0771-11 77 00 om min tid.",
    ],
)
def test_codes_and_public_numbers_are_no_phone(text: str) -> None:
    assert not values_labelled(text, "TELEFON", KEY), finds(text, KEY)


def test_a_patient_board_number_is_still_a_phone() -> None:
    text = "Jag ringde nämnden på 0771-48 22 10 i går."
    assert ("TELEFON", "0771-48 22 10") in finds(text, KEY), finds(text, KEY)


# -- identity documents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hon har ID-kort från Eritrea nr E7731902 men inget pass.", "E7731902"),
        ("Mitt id-kortsnummer är 55019346.", "55019346"),
    ],
)
def test_an_identity_card_number(text: str, number: str) -> None:
    assert any(v == number for _, v in finds(text, KEY)), finds(text, KEY)


def test_an_identity_card_and_a_year_is_no_number() -> None:
    assert not finds("Jag förnyade mitt ID-kort 2021 på polisen.", KEY)


# -- PERSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hej jag är Sompong bor på Lindvägen 4.", "Sompong"),
        ("hej jag är Mirsad, från boendet.", "Mirsad"),
    ],
)
def test_a_greeting_then_jag_ar_a_name(text: str, name: str) -> None:
    assert ("PERSON", name) in finds(text, KEY), finds(text, KEY)


def test_a_greeting_then_jag_ar_a_word() -> None:
    assert not values_labelled("Hej jag är Glad. bor här nu", "PERSON", KEY)


def test_a_name_before_a_one_word_street() -> None:
    found = finds("Larmet kom sent. Greta Holmberg Skeppargatan 14", KEY)
    assert ("PERSON", "Greta Holmberg") in found and ("ADRESS", "Skeppargatan 14") in found, found


def test_a_two_word_street_after_a_preposition_stays_one() -> None:
    assert ("ADRESS", "Övre Kvarngatan 6") in finds("Jag bor på Övre Kvarngatan 6 sedan i fjol.", KEY)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("skriv till mig på snap lina_k03 istället", "lina_k03"),
        ("min insta: @tove.berglund", "@tove.berglund"),
        ("jag finns på discord som ghost_99", None),  # "som" between: no handle read
    ],
)
def test_a_handle_on_a_social_app(text: str, handle: str | None) -> None:
    people = values_labelled(text, "PERSON", KEY)
    if handle is None:
        assert not people, people
    else:
        assert handle in people, finds(text, KEY)


def test_words_after_an_app_are_no_handle() -> None:
    assert not values_labelled("Sprid det på Instagram mm.dela med alla", "PERSON", KEY)


def test_a_chat_signed_with_a_lowercase_name_and_an_age() -> None:
    found = finds("varför fick jag vänta så länge?\nelin 17", KEY)
    assert ("PERSON", "elin") in found and ("ALDER", "17") in found, found


def test_initials_and_a_word_signing_off() -> None:
    text = "Tiden är flyttad till tisdag kl 9. K. Asp"
    assert ("PERSON", "K. Asp") in finds(text, KEY), finds(text, KEY)


def test_a_title_abbreviation_is_no_name() -> None:
    found = finds("Ansvarig läkare Dr. Bergqvist på mottagningen.", KEY)
    assert ("PERSON", "Dr") not in found and ("PERSON", "Bergqvist") in found, found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("På fredagar spelar vi Yatzy och Kalaha i dagrummet.", "Yatzy"),
        ("Receptet på Eliquis kom aldrig fram till apoteket.", "Eliquis"),
        ("Jeg heter Sigrid Aune og bor i Trondheim.", "Jeg"),
    ],
)
def test_games_drugs_and_a_neighbour_pronoun_are_no_names(text: str, word: str) -> None:
    assert word not in values_labelled(text, "PERSON", KEY), finds(text, KEY)


def test_playing_with_someone_keeps_the_name() -> None:
    assert "Ronja" in values_labelled("Jag spelar kort med Ronja varje kväll.", "PERSON", KEY)


# -- ADRESS and ORT --------------------------------------------------------------------------


def test_the_flat_after_the_floor() -> None:
    text = "Skicka det till Granvägen 7, 3 tr, lgh 1304, tack."
    assert ("ADRESS", "Granvägen 7, 3 tr, lgh 1304") in finds(text, KEY), finds(text, KEY)


def test_a_flat_number_alone_stays() -> None:
    # the product's rule (and most sets'): an address needs its street; "lgh 1203" alone names
    # no building
    assert not values_labelled("Det luktar rök från lgh 1203 varje natt.", "ADRESS", KEY)


def test_a_home_by_its_street_stays_a_unit() -> None:
    text = "Min bror bor på gruppbostaden på Tallstigen sedan 2020."
    assert ("VARDENHET", "gruppbostaden på Tallstigen") in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Jag heter Vera Lind, Sjöstigen 3, Sala", "Sala"),
        ("Jag heter Omar Nur 880214-3317. Borås", "Borås"),
        ("det var inte okej.\n/Leyla Demir, 64, Rinkeby", "Rinkeby"),
        ("Tack för hjälpen med bostaden i Skogås!", "Skogås"),
        ("I work at Volvo in Torslanda and my son lives with me.", "Torslanda"),
    ],
)
def test_a_town_after_an_address_an_age_or_a_home(text: str, town: str) -> None:
    assert ("ORT", town) in finds(text, KEY), finds(text, KEY)


def test_a_street_after_a_flat_word_is_no_town() -> None:
    found = finds("Vi sålde lägenheten på Ekbacks vägen i våras.", KEY)
    assert not [v for k, v in found if k == "ORT" and v.startswith("Ekback")], found


# -- ORGANISATION ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("I work at Scania and cannot take more days off.", "Scania"),
        ("Jag hade tagit ledigt från Bring hela dagen.", "Bring"),
        ("Hon hämtar sina mediciner på Apoteket Svanen Luleå varje månad.", "Apoteket Svanen Luleå"),
        ("Fel påse på Kronans Apotek Väla i lördags.", "Kronans Apotek Väla"),
        ("Han läser svenska på Komvux Lärkan.", "Komvux Lärkan"),
        ("Min dotter går på Internationalskolan Hjorthagen nu.", "Internationalskolan Hjorthagen"),
    ],
)
def test_employers_banks_pharmacies_and_schools(text: str, org: str) -> None:
    assert ("ORGANISATION", org) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Handelsbanken har stängt kontoret i centrum.",
        "Apoteket har bra öppettider.",
        "Han arbetar från Umeå två dagar i veckan.",
    ],
)
def test_a_bank_or_a_chain_alone_is_no_organisation(text: str) -> None:
    assert not values_labelled(text, "ORGANISATION", KEY), finds(text, KEY)


# -- VARDENHET -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Remissen gick till Ögonkliniken, Skaraborgs sjukhus i mars.", "Ögonkliniken, Skaraborgs sjukhus"),
        ("Jag opererades på Handkirurgen, Sahlgrenska i somras.", "Handkirurgen, Sahlgrenska"),
        ("Hon skrevs ut från Medicinkliniken på Lycksele lasarett igår.", "Medicinkliniken på Lycksele lasarett"),
        ("Han låg på avd 3 Ortopeden Skellefteå en vecka.", "avd 3 Ortopeden Skellefteå"),
        ("Tack till Kardiologen avd 12 för allt.", "Kardiologen avd 12"),
        ("Kontakt: HSV Eksjö, sjuksköterska Ulla.", "HSV Eksjö"),
        ("Påminnelse om din tid på UM Sollentuna tisdag.", "UM Sollentuna"),
        ("jag fick en tid på vc Täby Centrum till slut", "vc Täby Centrum"),
        ("Vårdplanen från Hemsjukvården Västra kom i dag.", "Hemsjukvården Västra"),
        ("Min tid var på Fysioterapin Majorna.", "Fysioterapin Majorna"),
        ("Äitini oli Kemin terveyskeskuksessa viikon.", "Kemin terveyskeskuksessa"),
        ("Vi ses på Träffpunkt Tärnan på fredag.", "Träffpunkt Tärnan"),
        ("Jag jobbar på Verkstaden Smedjan tre dagar.", "Verkstaden Smedjan"),
        ("Hon trivs på Gläntans aktivitetshus.", "Gläntans aktivitetshus"),
        ("Personalen i hemtjänst Öster 3 har ingen tid.", "hemtjänst Öster 3"),
        ("Jag har tid hos Tandläkarna i Lerum nästa vecka.", "Tandläkarna i Lerum"),
        ("Tandhygienisten på Ljus Tandvård Haga var snäll.", "Ljus Tandvård Haga"),
    ],
)
def test_named_care_units(text: str, unit: str) -> None:
    assert ("VARDENHET", unit) in finds(text, KEY), finds(text, KEY)


def test_a_team_number_needs_a_district_word() -> None:
    assert ("VARDENHET", "Hemsjukvården Västra 3") not in finds("Hemsjukvården Västra 3 år har gått.", KEY)


def test_a_ward_number_alone_stays() -> None:
    assert not values_labelled("Han flyttades från avd 14 till en annan.", "VARDENHET", KEY)


# -- DATUM and ALDER -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Min son har tid den 14:e och appen visar inget.", "14:e"),
        ("Tolken kom inte till samtalet den 3:e. Ingen ringde.", "3:e"),
        ("Välkommen lilla Ines (född 7/10)", "7/10"),
    ],
)
def test_day_ordinals_and_a_birth_with_a_slash(text: str, date: str) -> None:
    assert ("DATUM", date) in finds(text, KEY), finds(text, KEY)


def test_an_ordinal_before_what_is_counted_is_no_date() -> None:
    assert not values_labelled("Det var den 2:a gången de ringde.", "DATUM", KEY)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("ja ä 14 o ingen lyssnar på mig", "14"),
        ("ja ä åtti fyra o ser dåligt", "åtti fyra"),
        ("min mormor Britta 91 blev liggande på golvet", "91"),
        ("Hei! Isäni Veikko Salo (79 v) pääsi kotiin.", "79 v"),
        ("tack för att ni tog hand om lillan (5 mån) så fint", "5 mån"),
        ("Pappa är född -38, alltså 86 i år.", "86"),
    ],
)
def test_ages_in_speech_units_and_after_names(text: str, age: str) -> None:
    assert any(k == "ALDER" and age in v for k, v in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Behandlingen (2 v) var tuff.",
        "ja e 3 st kvar i kön",
        "Vi har haft avtalet i 12 i år nu.",
    ],
)
def test_stays_and_counts_are_no_ages(text: str) -> None:
    assert not values_labelled(text, "ALDER", KEY), finds(text, KEY)


def test_a_square_after_a_position_word_is_no_town() -> None:
    assert not values_labelled("Vi tog bussen till Lilla torget och fikade.", "ORT", KEY)


def test_an_organisation_account_is_no_handle() -> None:
    assert not values_labelled("Följ oss på Instagram @seniorerna_syd för nyheter.", "PERSON", KEY)


def test_a_monthly_payday_is_no_date() -> None:
    assert not values_labelled("Halva summan betalas nu och resten kommer den 27:e.", "DATUM", KEY)

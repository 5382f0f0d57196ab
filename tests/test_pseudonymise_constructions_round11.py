"""Round 11 kinds of construction (scanned complaint letters, parent forums): numbers a
scanner misread or spaced, patient numbers after their label, lines broken mid-sentence,
wards after their hospital, birth dates in a letter's phrasing. Own examples, new names and
numbers throughout."""

from __future__ import annotations

import pytest

from nlp.pseudonymise.recognisers.line_breaks import soft_wraps
from nlp.pseudonymise.recognisers.ocr_digits import ocr_digits
from tests.pseudonymise_support import finds

pytestmark = pytest.mark.utan_databas

KEY = b"round-eleven-test-key-0123456789ab"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Min bror Tobias (86O417-2291) bor på ett boende.", "86O417-2291"),
        ("Patient: Hedvig Lans, 19720lO9-4415", "19720lO9-4415"),
        ("Undertecknad Sture Falk 4l1203-7726", "4l1203-7726"),
        ("Pnr 2OO3O611-I152 gäller min dotter.", "2OO3O611-I152"),
        ("Min mor (1944-O2-17-3308) dog i mars.", "1944-O2-17-3308"),
    ],
)
def test_personnummer_with_letters_read_for_digits(text: str, value: str) -> None:
    assert ("PERSONNUMMER", value) in finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nås på O73-55l 20 08 efter fem.", "O73-55l 20 08"),
        ("Tfn: O46-2O 11 34", "O46-2O 11 34"),
    ],
)
def test_phone_numbers_with_letters_read_for_digits(text: str, value: str) -> None:
    assert ("TELEFON", value) in finds(text, KEY)


def test_letters_of_words_are_not_read_as_digits() -> None:
    assert ocr_digits("Ola och Ilona kom kl 10 till lO-gruppen") is None
    # a short number is read as digits too since round 19 (postcodes, house numbers, ages and
    # date parts are short), but a room number stays no identifier
    assert ocr_digits("rum 1O4") == "rum 104"
    assert finds("Mamma ligger i rum 1O4 på plan 2.", KEY) == []
    fixed = ocr_digits("ring O70-3l2 45 67 i dag")
    assert fixed == "ring 070-312 45 67 i dag"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("för min svåger Ivar Brink, 19810322-5 7 1 9. Han", "19810322-5 7 1 9"),
        ("Hennes pnr: 560913-2 48 1", "560913-2 48 1"),
        ("Undertecknad, 198206 14-5530, begär", "198206 14-5530"),
        ("Patient: Mirza Halilović, 9107 25-3318", "9107 25-3318"),
        ("Ang. min mor Dora Ekh (1934 0611 2207) som", "1934 0611 2207"),
        ("Min moster Lis Berg 41 07 22-63 18 har flyttat", "41 07 22-63 18"),
    ],
)
def test_personnummer_spaced_anywhere(text: str, value: str) -> None:
    assert ("PERSONNUMMER", value) in finds(text, KEY)


def test_spaced_digits_that_are_no_personnummer_stay() -> None:
    # a phone number's pairs and a count with a year are no personnummer
    assert not [f for f in finds("ring 08 12 34-56 78 i morgon", KEY) if f[0] == "PERSONNUMMER"]
    assert not [f for f in finds("vi var 12 14 st och 2019 08 12 34 56", KEY) if f[0] == "PERSONNUMMER"]
    assert not [f for f in finds("Ordernummer 1930 0918 3397 gäller rullatorn", KEY) if f[0] == "PERSONNUMMER"]


def test_mid_sentence_line_breaks_read_as_spaces() -> None:
    assert soft_wraps("Han vårdades på Ljusdals\nlasarett i maj") == "Han vårdades på Ljusdals lasarett i maj"
    assert soft_wraps("Läkaren på kirurgen i\nKarlshamn sa") == "Läkaren på kirurgen i Karlshamn sa"
    # a writer who never capitalises starts every line in lowercase: lines are lines
    assert soft_wraps("närvarande: eva, janne\njanne tog upp maten") is None
    # a sentence's end, a list and a signature keep their lines
    assert soft_wraps("Det var fel.\nvi vill ha svar") is None
    assert soft_wraps("Med vänliga hälsningar\nAgneta Roos") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Min far låg på Ystads lasarett, avd 7 i två veckor.", "Ystads lasarett, avd 7"),
        ("Hon vårdades på avd 12 på Mora lasarett efter fallet.", "avd 12 på Mora lasarett"),
        ("Klagomålet gäller Kungälvs sjukhus, barnakuten.", "Kungälvs sjukhus, barnakuten"),
        ("Vi var på Karlstads sjukhus,\nortopedavdelning 9 i maj.", "Karlstads sjukhus,\nortopedavdelning 9"),
        ("Han flyttades till Västerviks sjukhus akutvårdsavdelning i natt.", "Västerviks sjukhus akutvårdsavdelning"),
    ],
)
def test_a_ward_written_with_its_hospital_is_part_of_the_unit(text: str, value: str) -> None:
    assert ("VARDENHET", value) in finds(text, KEY)


def test_a_ward_alone_or_a_count_after_a_hospital_is_not_grown() -> None:
    found = finds("Ystads lasarett har 7 avdelningar, avd 3 är ny.", KEY)
    assert ("VARDENHET", "Ystads lasarett") in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ang. min far Ove Dahl f. 7/5 1929", "7/5 1929"),
        ("Han dog den 3/12 2022.", "3/12 2022"),
        ("Min son Nils f. 110523 behöver en ny utredning.", "110523"),
    ],
)
def test_dates_in_a_letters_phrasing(text: str, value: str) -> None:
    assert ("DATUM", value) in finds(text, KEY)


def test_a_six_digit_birth_date_with_its_last_four_stays_a_personnummer() -> None:
    assert finds("född 850412-1234", KEY) == [("PERSONNUMMER", "850412-1234")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Skicka till Norra Storg. 12, Mora", "Norra Storg. 12"),
        ("Kalle Holm\nV. Kyrkogatan 8, 123 45 Ort", "V. Kyrkogatan 8"),
        ("Vi bor på Fjällgatan 3, 2 tr, 116 28 Stockholm.", "Fjällgatan 3, 2 tr"),
    ],
)
def test_addresses_written_short_or_with_their_floor(text: str, value: str) -> None:
    assert ("ADRESS", value) in finds(text, KEY)


def test_abbreviations_that_are_no_street_stay() -> None:
    assert finds("Han tog ca 3 g. 10 min, se s. 4 och kap. 3", KEY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@Maja_Lindqvist har du kvar numret till kuratorn?", "Maja_Lindqvist"),
        ("Till @StinaBergman_mamma: skicka ett pm", "StinaBergman_mamma"),
        ("@farsanFredrik vi har samma handläggare", "farsanFredrik"),
        ("vet inte vem du är /Helena_K", "Helena_K"),
    ],
)
def test_handles_and_signatures_built_on_a_name(text: str, value: str) -> None:
    assert ("PERSON", value) in finds(text, KEY)


def test_handles_without_a_name_stay() -> None:
    for text in ("@snusmumriken_92 håller med", "@Admin kan du ta bort", "@Mamma_till_3 ja", "tack /Admin_2"):
        assert finds(text, KEY) == [], text


def test_a_compound_habilitation_with_its_town_is_a_unit() -> None:
    assert ("VARDENHET", "Vuxenhabiliteringen Härnösand") in finds("Vi går till Vuxenhabiliteringen Härnösand nu", KEY)
    assert finds("Habiliteringen är bra", KEY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("han ligger på IVA Karolinska Solna sen i går", "IVA Karolinska Solna"),
        ("vid akutintaget Sahlgrenska stod bilen", "akutintaget Sahlgrenska"),
        ("väntat ett år på Hörselvården Gävle. Han", "Hörselvården Gävle"),
    ],
)
def test_a_clinic_word_before_its_hospital_and_a_care_compound_with_its_town(text: str, value: str) -> None:
    assert ("VARDENHET", value) in finds(text, KEY)


def test_care_in_general_is_no_unit() -> None:
    assert finds("Tandvården i Sverige är dyr", KEY) == []

"""Round 12 kinds of construction (transcribed interviews and focus groups in social services,
addiction care and migrant health): places named with their country or a year of moving,
places and homes said again, a name's other form given by the speaker, two spellings of one
name, the place that answers "var bor du?". Own examples, new names and places throughout."""

from __future__ import annotations

import pytest

from nlp.pseudonymise.recognisers.said_again import _fold, _variant
from tests.pseudonymise_support import finds

pytestmark = pytest.mark.utan_databas

KEY = b"round-twelve-test-key-0123456789abc"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("IP: Jag är från Bihac i Bosnien men bor här nu.", "Bihac"),
        ("Jag heter Eino, född 1951 i Kuopio, Finland.", "Kuopio"),
        ("Min pappa kom -89 från Tuzla.", "Tuzla"),
        ("Hon placerades i Ydre när hon var tolv.", "Ydre"),
        ("Två barn här och en kvar i Kunduz med farmor.", "Kunduz"),
        ("[Tolk]: En by nära Baidoa, säger hon.", "Baidoa"),
        ("Han säger att systern är kvar i lägret i Mai Aini.", "Mai"),
    ],
)
def test_place_in_spoken_account(text: str, place: str) -> None:
    assert any(label == "ORT" and place in value for label, value in finds(text, KEY)), finds(text, KEY)


def test_place_said_again_in_a_correction() -> None:
    text = "IP1: Han kom -92 från Tuzla.\nIP2: Nej, Tuzla, inte Mostar."
    assert [v for lab, v in finds(text, KEY) if lab == "ORT"].count("Tuzla") == 2


def test_answer_to_where_do_you_live() -> None:
    text = "[I]: Och var bor du nu?\n[Tolk]: Fagersta.\n[I]: Tack."
    assert ("ORT", "Fagersta") in finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("IP: Min svärmor, Faadumo. Faadumo säger vi, Fadumo på passet.", "Fadumo"),
        ("IP: Han hette Ismail. Ismo kallade vi honom.", "Ismo"),
        ("IP: Min kontaktperson var Lennart. L-G kallade vi honom.", "L-G"),
        ("IP: Jag heter Vahid. Vahed på svenska papper.", "Vahed"),
        ("[Tolk]: Hennes namn är Mebrat. Mebrahtu säger de hemma... nej. Hon kallade sig Mimi.", "Mebrat"),
        ("Kontaktpersonen, hon hette Vera. Vera kallade hon sig i alla fall.", "Vera"),
    ],
)
def test_other_form_of_a_name(text: str, other: str) -> None:
    assert ("PERSON", other) in finds(text, KEY), finds(text, KEY)


def test_two_spellings_in_one_text() -> None:
    text = "IP: Min fru heter Tsegereda Haile. Tolken skriver Tsegerada, det är samma."
    assert ("PERSON", "Tsegerada") in finds(text, KEY)


def test_bare_home_name_after_the_full_one() -> None:
    text = "IP: Sen kom jag till HVB Lönnbacken i Nässjö. Lönnbacken var bra, faktiskt."
    found = finds(text, KEY)
    assert [v for lab, v in found if lab == "VARDENHET"].count("Lönnbacken") == 1, found
    assert any(lab == "VARDENHET" and "HVB Lönnbacken" in v for lab, v in found), found


def test_spelling_key() -> None:
    assert _fold("Kovačević") == _fold("Kovacevic")
    assert _variant("Rahimi", "Rahimy")
    assert _variant("Hawa", "Hawo")
    assert not _variant("Hawa", "Hasse")
    assert not _variant("Ali", "Alf")  # one letter in three is too little to go on


@pytest.mark.parametrize(
    "text",
    [
        "IP: Vi bodde i Sverige då. Sverige säger vi ju.",
        "I: Var bor du nu?\nIP: Ja.",
        "IP: Det var bra. Bra kallade vi det i alla fall.",
        "IP: Jag ringde 1177 och sen Stadsmissionen. Region Skåne svarade aldrig.",
    ],
)
def test_spoken_traps_stay_untouched(text: str) -> None:
    assert [(lab, v) for lab, v in finds(text, KEY) if lab in {"PERSON", "ORT", "VARDENHET"}] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("IP: Jag bodde på SiS-hemmet Ekbacka i ett år.", "SiS-hemmet Ekbacka"),
        ("[Tolk]: Hon bodde på Skyddat boende Tallen i tre veckor.", "Skyddat boende Tallen"),
        ("Härbärget Ljuset i Gävle tog emot mig.", "Härbärget Ljuset"),
        ("Hon jobbar på Boendestödet Norr.", "Boendestödet Norr"),
        ("Sen blev det Behandlingshemmet Lyran.", "Behandlingshemmet Lyran"),
    ],
)
def test_named_home_in_speech(text: str, unit: str) -> None:
    assert any(lab == "VARDENHET" and unit in v for lab, v in finds(text, KEY)), finds(text, KEY)


def test_home_word_before_a_sentence_word_is_no_unit() -> None:
    assert not [v for lab, v in finds("Vi pratade om skyddat boende Men det var fullt.", KEY) if lab == "VARDENHET"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IP: Bara LMA-kort. LMA-nummer 551 208 734-2 står där.", "551 208 734-2"),
        ("Hon har LMA-kortet, nr 442 118 903-1.", "442 118 903-1"),
    ],
)
def test_lma_number(text: str, value: str) -> None:
    assert ("JOURNALNUMMER", value) in finds(text, KEY)


def test_lma_card_with_a_year_is_no_number() -> None:
    assert finds("Jag fick LMA-kort 2019 och sen ingenting.", KEY) == []


def test_flat_number_after_a_comma() -> None:
    assert ("ADRESS", "Lindvägen 4C, lgh 1203") in finds(
        "Jag fick en lägenhet på Lindvägen 4C, lgh 1203, i Kumla.", KEY
    )


def test_first_form_before_eller_and_the_found_name() -> None:
    assert ("PERSON", "T-J") in finds("IP2: Min kompis T-J, eller Tor-Jonny, han bor på ett stödboende.", KEY)


def test_no_name_before_eller_when_the_word_is_everyday() -> None:
    assert [v for lab, v in finds("IP: Nej, eller Mikael sa det.", KEY) if lab == "PERSON"] == ["Mikael"]


def test_place_again_only_where_it_stands_alone() -> None:
    # a firm's name wrongly read as a place once must not spread through running text
    text = "Vi bor i Tuzla. Jag skrev till Tuzla om fakturan, men Tuzla svarade inte."
    assert [v for lab, v in finds(text, KEY) if lab == "ORT"].count("Tuzla") == 1


@pytest.mark.parametrize(
    "text", ["IP: Jag fick bistånd enligt 4 kap. 1 § SoL till boendet.", "Beslut enligt 9 § Lss kom i mars."]
)
def test_law_after_a_paragraph_sign_is_no_name(text: str) -> None:
    assert [v for lab, v in finds(text, KEY) if lab == "PERSON"] == []


def test_died_in_a_town_but_not_at_a_hospital() -> None:
    assert ("ORT", "Kirkuk") in finds("[Tolk]: Hans bror dog i Kirkuk 2015.", KEY)
    assert [v for lab, v in finds("Min mor dog på Ryhov förra året.", KEY) if lab == "ORT"] == []

"""Round 26 kinds of construction (LSS in easy Swedish, dictated answers, god man letters and
transport service from blind set 44; violence in close relationships and protected identities
from blind set 50): a relative or a role in brackets after a name ("Dino (bror)"), a person by
the role they have ("med Bamse som ledsagare"), a form's role field with a qualifier ("Handläggare
soc: Rut,"), a friend named so ("Stig är min bästa kompis"), a first name that is also a word
named again once the text has called it someone ("… heter Stig. Stig är …"), a unit's compound
head with its own name ("Cafégruppen Ekorren", "Regionsjukhuset Norrlid", "Fritids Solstrålen"),
a court by its seat with the court's word after it ("Norrvik tingsrätt"), an authority with a
two-word region ("Polisen Norra Stockholm"), a jour's own name ("Tjejjouren Siri."), a capitalised
firm role word ("Hyresvärden Bostadsbolaget X"), "via" before a named firm, a user's id in the
municipality's system ("brukar-ID LSS-20417"), the day as an ordinal before a verb ("den 17:e
ringde hon"), an age in words in brackets after a name ("Elvin (sex år)"), a street without a
street word after a town ("bor i Ludvika på Promenaden 4"), and a ten-digit personnummer of
someone born in 2008 that phonenumbers reads as a Stockholm number with a subscriber part
starting with 0. Look-alikes stay: a café's or a car's name, a numbered list item's first word,
counted ordinals ("den 3:e veckan"), durations in brackets, and real phone numbers.
Own examples: invented names, units and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-26-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a relative or a role in brackets after a name no list has
        ("Kontakt: Tawanda (bror) 0731-22 45 19", "PERSON", "Tawanda"),
        ("Kontakt: Liv (syster) 0731-22 45 19", "PERSON", "Liv"),
        # the person holding a role
        ("Det blev bättre med Bamse som ledsagare. Han är lugn.", "PERSON", "Bamse"),
        # a form's role field with a qualifier before its colon, a first name that is a word
        ("Beslut fattat. Handläggare soc: Rut, tel 054-540 11 20.", "PERSON", "Rut"),
        # a friend named so
        ("Stig är min bästa kompis. Vi spelar bowling.", "PERSON", "Stig"),
        # a unit's compound head with its own name
        ("Jag jobbar på Cafégruppen Ekorren två dagar i veckan.", "VARDENHET", "Cafégruppen Ekorren"),
        ("Hon blev inlagd på Regionsjukhuset Norrlid i natt.", "VARDENHET", "Regionsjukhuset Norrlid"),
        ("Hälsningar från personalen på Fritids Solstrålen", "VARDENHET", "Fritids Solstrålen"),
        ("Vi bodde tre veckor på Kvinnohuset Ronja förra våren.", "ORGANISATION", "Kvinnohuset Ronja"),
        # a court by its seat with the court's word after it, an authority with a two-word region
        ("Målet avgjordes i Norrvik tingsrätt i våras.", "ORGANISATION", "Norrvik tingsrätt"),
        ("Vi har möte med Polisen Norra Stockholm på torsdag.", "ORGANISATION", "Polisen Norra Stockholm"),
        # a jour's own name closing the phrase
        ("Jag fick hjälp av Tjejjouren Siri.", "ORGANISATION", "Tjejjouren Siri"),
        # a capitalised firm role word inside a sentence belongs to the name
        ("Hela flytten strulade eftersom Elbolaget Voltia skickade fel papper.", "ORGANISATION", "Elbolaget Voltia"),
        # "via" opens a named firm with its town
        ("Hon fick ett kontrakt via Bostadsbolaget Hemtrygg i Sala.", "ORGANISATION", "Bostadsbolaget Hemtrygg i Sala"),
        # a user's id in the municipality's system
        ("Min son har brukar-ID LSS-20417 hos kommunen.", "JOURNALNUMMER", "LSS-20417"),
        # the day as an ordinal before a verb
        ("den 17:e ringde hon till mig igen", "DATUM", "17:e"),
        # an age in words in brackets after a name
        ("Jag är farmor till Elvin (sex år) och han bor hos mig.", "ALDER", "(sex år)"),
        # a street without a street word, the town first
        ("vi bor i Ludvika på Promenaden 4 sen i somras", "ADRESS", "Promenaden 4"),
    ],
)
def test_round26_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


def test_a_word_name_found_once_is_the_person_again() -> None:
    text = "I min grupp finns en kille som heter Stig. Stig är bäst på att baka."
    assert values_labelled(text, "PERSON", KEY) == ["Stig", "Stig"]


def test_a_word_name_again_before_anything_else_stays_the_word() -> None:
    text = "Min kontakt heter Stig. Stig efter stig gick vi."
    assert values_labelled(text, "PERSON", KEY) == ["Stig"]


def test_a_personnummer_with_an_impossible_subscriber_part_is_no_phone() -> None:
    # born 2008; read as 08-0… a Stockholm number whose subscriber part starts with 0
    pnr = "080517" + "3946"
    text = f"Sökande: Lova Bergqvist, {pnr}\nVårdnadshavare: Kim Bergqvist, 08-545 102 33"
    assert values_labelled(text, "PERSONNUMMER", KEY) == [pnr]
    assert values_labelled(text, "TELEFON", KEY) == ["08-545 102 33"]


@pytest.mark.parametrize("number", ["0812345678", "0313900644", "0701740623"])
def test_real_phone_numbers_stay_phones(number: str) -> None:
    assert values_labelled(f"Ring mig på {number} efter fem.", "TELEFON", KEY) == [number]


def test_a_luhn_valid_personnummer_of_2008_stays_one() -> None:
    pnr = luhn_complete("080412331")
    assert values_labelled(f"Barnet, {pnr}, behöver plats.", "PERSONNUMMER", KEY) == [pnr]


@pytest.mark.parametrize(
    "text",
    [
        # a café's or a restaurant's name is no person
        "Vi fikar på Café Vera varje fredag. Café Vera har god paj.",
        "Maten på Pizzeria Stella var kall.",
        # a car's make and model after its colour
        "Han kör en grå Skoda Fabia nu.",
        # a numbered list item's first word opens a sentence
        "Regler: 1) Inga mobiler i matsalen 2) Inga skor inne",
        # a friend named by an everyday word is no one
        "Kaffe är min bästa vän på morgonen.",
        # a definite noun before a bracketed role is a description
        "Boendet (personal) har ringt.",
    ],
)
def test_look_alikes_are_no_persons(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Det var den 3:e veckan på rad som bussen var sen.",
        "Hon fick den 2:a dosen i går.",
        "Det var den 4:e gången.",
    ],
)
def test_counted_ordinals_are_no_dates(text: str) -> None:
    assert values_labelled(text, "DATUM", KEY) == []


def test_a_duration_in_brackets_is_no_age() -> None:
    assert values_labelled("Vi väntade (två år) på beslutet.", "ALDER", KEY) == []


def test_lookalike_units_stay() -> None:
    # a group online is no place of care, a first name after a house who acts is a person
    text = "Jag skrev i Facebookgruppen Mammor om det. På Kulturhuset Anna sa att det var stängt."
    labels = {v: lbl for lbl, v in finds(text, KEY)}
    assert "Facebookgruppen Mammor" not in labels
    assert labels.get("Anna") == "PERSON"


def test_bare_court_word_stays() -> None:
    assert values_labelled("Tingsrätten beslutade att avslå.", "ORGANISATION", KEY) == []

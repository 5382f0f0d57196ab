"""Round 17 kinds of construction (SMS, chat and "Mina meddelanden" to home care and personal
assistance; read from blind set 33): a non-breaking hyphen or a minus sign inside a number, a
phone number with "+46" glued to the area code and a dash (not a bank account), a personnummer's
twelve digits split oddly by one space; a forwarded message's sender before a colon, a relative
"till" a lowercase name, a name that is also a word before a body's or a mood's state, a
capitalised genitive before a kinship word or a medicine, dotted initials signing off; a named
unit in lower case, a service flat home, an emergency department by quarter, a hospital's initials
after "inlagd på", a town as the first part of a compound. Own examples: new names, places and
numbers, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-seventeen-test-key-0123456789"


# -- TELEFON and PERSONNUMMER: odd characters and groupings ----------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a phone's non-breaking hyphen (U+2011), a hyphen (U+2010), a minus sign (U+2212)
        ("Ny kontakt:\nGun Ek\n073\u2011190 22 41\n", "TELEFON", "073\u2011190 22 41"),
        ("ring mig på 031\u2010 71 22 08 efter lunch", "TELEFON", "031\u2010 71 22 08"),
        ("Pnr 520817\u22125514 står på kallelsen.", "PERSONNUMMER", "520817\u22125514"),
        # "+46" glued to the area code, then a dash: a phone, not clearing + account
        ("byt till mitt nya nr +4673-1902241 tack", "TELEFON", "+4673-1902241"),
        # twelve digits split oddly by one space: the check digit holds ...
        ("I listan står 1955031228 05, stämmer det?", "PERSONNUMMER", "1955031228 05"),
        # ... or a personnummer was named shortly before (a copy with a slip)
        (
            "hans pnr är 19 52 08 17 - 55 14 men på papperet från er står 1952081755 41, fel!",
            "PERSONNUMMER",
            "1952081755 41",
        ),
    ],
)
def test_odd_dashes_and_groupings_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        # the same shapes as codes: no century, a failing check digit without a personnummer word,
        # an order word, a time range with a non-breaking hyphen
        "Ordernummer 1955031228 06 gäller leveransen.",
        "Koden till nyckelboxen är 4711 och larmets serienummer 1955031228 06.",
        "Hemtjänsten kommer kl 10\u201112 på fredag.",
    ],
)
def test_code_shapes_stay(text: str) -> None:
    assert not [v for k, v in finds(text, KEY) if k in {"PERSONNUMMER", "TELEFON", "KONTONUMMER"}], finds(text, KEY)


# -- PERSON -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a forwarded message's sender before its colon keeps the surname
        ("Sms från Liv Kowalska-Berg: kan ni ringa i eftermiddag?", "Liv Kowalska-Berg"),
        ("Meddelande från Jovana Marković: jag blir sen idag.", "Jovana Marković"),
        # a child, sibling or spouse "till" a lowercase name
        ("hej det är lina dotter till aarne i pitea, ring mig", "aarne"),
        ("jag är syster till veikko och undrar om tiden", "veikko"),
        # a first name that is also a word, opening a sentence before a body's or a mood's state
        ("hej! Bo har feber sedan i morse.", "Bo"),
        ("tack för idag. Dag var så glad efter promenaden.", "Dag"),
        ("hej!! björn har ont i ryggen idag", "björn"),
        # a capitalised genitive before a kinship word, also inside brackets, or before medicine
        ("hej Amina här (Tariqs fru). han sover dåligt", "Tariqs"),
        ("det var jag som frågade om Majs tabletter igår", "Majs"),
        # dotted initials signing a note off
        ("Tid bokad till torsdag kl 9. /K.S.", "K.S."),
        ("Ok, vi kommer. mvh A.B.", "A.B."),
    ],
)
def test_names_in_messages(text: str, name: str) -> None:
    assert name in values_labelled(text, "PERSON", KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Maj har varit kall i år.",  # a month: no state of a body after it
        "Dag för dag blir det bättre.",
        "Sol har vi haft hela veckan.",
        "Kungens dotter var på besök i stan.",  # an everyday genitive
        "Dags för medicin nu.",
        "/ST betyder sjuktransport",  # capitals without dots after a slash
    ],
)
def test_words_stay(text: str) -> None:
    assert not values_labelled(text, "PERSON", KEY), finds(text, KEY)


# -- VARDENHET and ORT ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("hon har tid på vårdcentralen sundet på fredag", "vårdcentralen sundet"),
        ("Han bor på Ekbackens servicehus, rum 3.", "Ekbackens servicehus"),
        ("pappa är inlagd på NUS Umeå sedan i går", "NUS Umeå"),
        ("MORMOR ÄR PÅ AKUTEN VÄSTRA. RING MIG", "AKUTEN VÄSTRA"),
    ],
)
def test_units_in_messages(text: str, unit: str) -> None:
    assert any(unit in v for v in values_labelled(text, "VARDENHET", KEY)), finds(text, KEY)


def test_unit_word_before_an_ordinary_word_stays() -> None:
    assert not values_labelled("boendet hade stängt idag", "VARDENHET", KEY)


def test_town_as_the_first_part_of_a_compound() -> None:
    assert values_labelled("Har ni tagit bort min Kalix-adress ur systemet?", "ORT", KEY) == ["Kalix"]
    assert not values_labelled("Anna-Karin och Mora-Nisse kom", "ORT", KEY)

"""Round 55 kinds of construction (dental care for adults and children; blind set 86): a mobile
number in four-two-two-two groups after the writer's personnummer, its phone word a word or two
before it; a dental practice named by the street it stands on; the county's orthodontic clinic by
its everyday name and its town; a dental title written without å/ä/ö before a person and the town.
Look-alikes stay untouched: a personnummer named by its label and written in the same groups, a
dental practice by a street with its number (an address), the orthodontics of a whole country, a
capitalised private practice by its dentist's name. Own examples: invented names and numbers,
towns from the place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-55-test-key-0123456789abcdef"
PNR = luhn_complete("880412553")


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a mobile number in 4-2-2-2 after the writer's personnummer: the phone word names it
        (f"Mitt personnummer är {PNR}. Ring gärna 0708 12 44 90 efter fem.", "TELEFON", "0708 12 44 90"),
        (f"Pnr {PNR}, nås säkrast på 0736 40 21 77 på kvällen.", "TELEFON", "0736 40 21 77"),
        (f"Mitt personnummer är {PNR}. Ring gärna 0708 12 44 90 efter fem.", "PERSONNUMMER", PNR),
        # a dental practice named by the street it stands on
        ("Vi var på Tandläkarna Kungsgatan i fredags.", "VARDENHET", "Tandläkarna Kungsgatan"),
        ("Bytte till Tandvårdskliniken Storgatan förra året.", "VARDENHET", "Tandvårdskliniken Storgatan"),
        # the orthodontic clinic by its everyday name and its town
        ("Remissen till tandregleringen i Umeå har dröjt.", "VARDENHET", "tandregleringen i Umeå"),
        ("Kön till ortodontin i Luleå är ett år.", "VARDENHET", "ortodontin i Luleå"),
        # a dental title without å/ä/ö before a person and the town: the person, not a firm
        ("Nan som varit hos tandlakare Per Holmberg i Kil?", "PERSON", "Per Holmberg"),
        ("Vi gick till tandhygienist Eva Strömberg i Mora.", "PERSON", "Eva Strömberg"),
    ],
)
def test_round55_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a personnummer named by its label in the same groups is no phone
        ("Personnummer 8804 12 55 36 står på remissen.", "TELEFON", "8804 12 55 36"),
        # a dental practice by a street with its number is the address
        ("Tandläkarna Kungsgatan 4 har öppet till fem.", "VARDENHET", "Tandläkarna Kungsgatan"),
        # the orthodontics of a whole country names no clinic
        ("Tandregleringen i Sverige är gratis för barn.", "VARDENHET", "Tandregleringen i Sverige"),
        # a title before a person keeps no firm "tandlakare <Namn> i <Ort>"
        ("Nan som varit hos tandlakare Per Holmberg i Kil?", "ORGANISATION", "tandlakare Per Holmberg i Kil"),
    ],
)
def test_round55_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_capitalised_practice_by_its_dentist_still_counts() -> None:
    assert "Tandläkare Berg & Co i Mora" in values_labelled(
        "Vi går till Tandläkare Berg & Co i Mora.", "VARDENHET", KEY
    )

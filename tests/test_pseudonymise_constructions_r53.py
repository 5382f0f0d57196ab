"""Round 53 kinds of construction (type 1 diabetes in children and teenagers: pumps and sensors,
school nurses, camps, parents' forums, Försäkringskassan's decisions; blind set 84): a child's
personnummer of ten bare digits led by 0 after the child's name, where phonenumbers reads a
landline; a switch between two devices said with the noun ("byte från X till Y"); a supplier
before its customer desk and after what it delivered; a trip's route of two towns joined by a
dash; a person word's genitive before "skola" in a form's field; an age after "ar hon" and "barnet
ar" in text without å/ä/ö; a chat speaker of two words after a clock time, the surname an everyday
word or an initial; a span of days in one month with its year. A ratio named by a compound
("<x>kvot 1:12") is no property designation.
Look-alikes stay untouched: a mobile number or a landline after a name with a phone word before,
a parcel from a person, a verb before a desk word, two first names after a trip word, a duration
after "ar", a child's weight, a place before a colon after a clock time. Still found: a journey
between two towns, a school named in the genitive, a property designation. Own examples: invented names, numbers, units and codes; towns from
the place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import luhn_complete, values_labelled, wrong_check

pytestmark = pytest.mark.utan_databas

KEY = b"round-53-test-key-0123456789abcdef"
# born 2005-11-28, check digit wrong; as ten bare digits phonenumbers reads 051-128 33 4x
CHILD = wrong_check(luhn_complete("051128334"))


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a child's personnummer of ten bare digits led by 0, in brackets or after a comma closing
        # the field, right after the child's name: the person's number, not a landline
        (
            f"Du har ansökt om vårdbidrag för Elvin Granqvist ({CHILD}). Beslutet gäller från maj.",
            "PERSONNUMMER",
            CHILD,
        ),
        (f"Barn: Elvin Granqvist, {CHILD}\nDiagnos: typ 1-diabetes", "PERSONNUMMER", CHILD),
        # a supplier before its customer desk, and after what it delivered or billed: a firm
        ("Hej Glukomed kundtjänst, var är min order?", "ORGANISATION", "Glukomed"),
        ("Leveransen från Sensaria kom en vecka sent.", "ORGANISATION", "Sensaria"),
        # a trip's route, two towns joined by a dash, on a travel claim or said there and back
        ("Resa: Hultsfred - Vimmerby t/r, 2 x 30 km", "ORT", "Hultsfred"),
        ("Resa: Hultsfred - Vimmerby t/r, 2 x 30 km", "ORT", "Vimmerby"),
        ("Vi körde Nybro–Hultsfred tur och retur.", "ORT", "Nybro"),
        # the school's own name after a form's field "Barnets skola:"
        ("Barnets skola: Granbackeskolan, Vimmerby", "ORGANISATION", "Granbackeskolan"),
        # an age after "ar hon" and after a child's word and "ar", in text without å/ä/ö
        ("min son fick det nar han var 4, nu ar han 9 och klarar sig sjalv", "ALDER", "9"),
        ("det blir svart nar barnet ar 7.", "ALDER", "7"),
        # a chat speaker of two words after a clock time: a surname that is an everyday word, an initial
        ("[07:55] Sara Lund: bussen är sen\n[07:58] johan k: ok, tack", "PERSON", "Sara Lund"),
        ("[07:55] Sara Lund: bussen är sen\n[07:58] johan k: ok, tack", "PERSON", "johan k"),
        # a span of days in one month with its year is one date
        ("Kursen hålls 14–16 mars 2026 i Vimmerby.", "DATUM", "14–16 mars 2026"),
    ],
)
def test_round53_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # after a name, a mobile number is a phone, and so is a landline with a phone word before
        ("Kontakta Elvin Granqvist (0703126677) om något.", "PERSONNUMMER", "0703126677"),
        (f"Ring kontaktpersonen Elvin Granqvist, {CHILD}", "PERSONNUMMER", CHILD),
        # a switch between two devices or medicines said with the noun is no journey
        ("Mamma önskar byte från Glukomat till Sensari inför hösten.", "ORT", "Glukomat"),
        ("Övergången från Glukomat till Sensari gick bra.", "ORT", "Sensari"),
        # a parcel from a person, and a desk word alone, name no firm
        ("Paketet från Anna kom i går.", "ORGANISATION", "Anna"),
        ("Leveransen från Anna Berg kom i går.", "ORGANISATION", "Anna Berg"),
        # a verb opening the sentence before the desk word is no firm
        ("Frågor? Ring kundtjänst vardagar 8–16.", "ORGANISATION", "Ring"),
        # two first names joined by a dash after a trip word are no route
        ("Resa: Anna - Berit", "ORT", "Anna"),
        # a person word's genitive before "skola" says whose school, no name
        ("Barnets skola: Granbackeskolan, Vimmerby", "ORGANISATION", "Barnets skola"),
        ("Dotterns förskola har stängt i sommar.", "ORGANISATION", "Dotterns förskola"),
        # a duration after "ar" and a child's weight are no age
        ("Tiden ar 5 minuter per dos.", "ALDER", "5"),
        ("Barnet är 3 kg tyngre nu.", "ALDER", "3"),
        # a clock time and a place's name before a colon are no speaker
        ("[09:00] Stora Torget: stängt för marknad\n[09:30] Nya Torget: öppet", "PERSON", "Stora Torget"),
        # a ratio named by a compound is no property designation
        ("Insulinkvot 1:10 till lunch, korrektion 2,5.", "ADRESS", "Insulinkvot 1:10"),
    ],
)
def test_round53_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_property_designation_still_counts() -> None:
    assert "Kvotbacka 1:12" in values_labelled("Vi bor på Kvotbacka 1:12 sedan i våras.", "ADRESS", KEY)


def test_a_school_named_in_the_genitive_still_counts() -> None:
    assert "Ängens skola" in values_labelled("Vi går på Ängens skola sedan i höstas.", "ORGANISATION", KEY)


def test_a_journey_and_a_phone_after_a_name_still_count() -> None:
    assert "Ystad" in values_labelled("Vi flyttade från Ystad till Luleå i fjol.", "ORT", KEY)
    assert "0703126677" in values_labelled("Kontakta Elvin Granqvist (0703126677) om något.", "TELEFON", KEY)

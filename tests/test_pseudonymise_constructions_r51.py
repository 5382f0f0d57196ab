"""Round 51 kinds of construction (health care in prisons, remand prisons and probation; blind
set 85): a probation office named by its town is the office (ORGANISATION), never a care unit;
a prison's place in lower case after "anstalten"; a part of a
prison after its place; a state agency's regional division; the children's ages in a bracket
after them, an age in a bracket with the day it is reached, a birthday in a month after "blir";
a span of days with the month in digits; grades after what they grade ("-den" is no "den");
a compound written with a hyphen before an everyday word is no name before what people say.
Look-alikes stay untouched: an everyday word after "anstalten", a first name after an agency's
"region", a bracket of hours or of rooms, a sentence's time left, a fraction of a measure, a
grade between two marks.
Own examples: invented names, numbers and units; towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-51-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a probation office named by its town is the office, not a care unit
        ("Min kontaktperson på Frivården Mora har varit bra.", "ORGANISATION", "Frivården Mora"),
        ("Jag ska till frivården Ludvika på tisdag.", "ORGANISATION", "frivården Ludvika"),
        # a prison's place in lower case: a town, or a word only a name explains
        ("han sitter pa anstalten hudiksvall och far inga tabletter", "ORGANISATION", "anstalten hudiksvall"),
        ("min son sitter på anstalten granmora sen i våras", "ORGANISATION", "anstalten granmora"),
        ("hon flyttades till häktet sundsvall igår", "ORGANISATION", "häktet sundsvall"),
        # a part of the prison after its place
        ("Verksamhet: Anstalten Ljusdal Södra\nSynpunkt: för lite tandvård", "ORGANISATION", "Anstalten Ljusdal Södra"),
        # a state agency's regional division by its compass point or its region
        (
            "Till sjukvårdschefen, Kriminalvården region Väst\n\nJag vill klaga.",
            "ORGANISATION",
            "Kriminalvården region Väst",
        ),
        ("Polisen region Bergslagen har inte svarat.", "ORGANISATION", "Polisen region Bergslagen"),
        # the children's ages in a bracket right after them, "år" or not
        ("Barnen (6 och 9) grät hela vägen hem.", "ALDER", "6"),
        ("Hon säger att barnen (11 och 14) inte fått stöd.", "ALDER", "14"),
        ("Sönerna (5, 8 och 13 år) saknar honom.", "ALDER", "13 år"),
        # an age in a bracket after a name with the day it is reached
        ("Pussar från Maja och Elis (3 år idag!)", "ALDER", "3 år"),
        ("Kram från Vera (7 år i morgon)", "ALDER", "7 år"),
        # a birthday in a month after "blir"
        ("Jag blir 81 i maj, så vi får se om jag orkar.", "ALDER", "81"),
        # a span of days with the month in digits, one date
        ("Hon uteblev tre dagar i rad (4–6/3). Ring oss.", "DATUM", "4–6/3"),
        ("Jag är ledig 12-14/9 och sen igen.", "DATUM", "12-14/9"),
    ],
)
def test_round51_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a probation office named by its town is never a care unit
        ("Min kontaktperson på Frivården Mora har varit bra.", "VARDENHET", "Frivården Mora"),
        # an everyday word or a first name after "anstalten" names no prison
        ("han sitter på anstalten idag igen och väntar", "ORGANISATION", "anstalten idag"),
        ("jag ringde anstalten asap men ingen svarade", "ORGANISATION", "anstalten asap"),
        ("vi besökte anstalten anna och jag", "ORGANISATION", "anstalten anna"),
        # a first name after an agency's "region" is a person there
        ("Skatteverket region Anna sa att det var fel.", "ORGANISATION", "Skatteverket region Anna"),
        # a bracket of hours or rooms after the children is no list of ages
        ("Barnen (2 och 3 tim per dag) är på förskolan.", "ALDER", "2"),
        ("Rummen (4 och 5) är stängda för barnen.", "ALDER", "4"),
        # a sentence's time left in a bracket after a name, a sentence after "blir" with no person
        ("Hälsa Viktor (3 år kvar) från oss.", "ALDER", "3 år"),
        ("Straffet blir 2 år i maj.", "ALDER", "2 år"),
        # a fraction of a measure and a grade between two marks are no span of days
        ("Dosen är 2-3/4 tablett på kvällen.", "DATUM", "2-3/4"),
        ("Betyg: 3-4/5 ungefär.", "DATUM", "3-4/5"),
        ("Personalen får 7-8/10 av mig.", "DATUM", "7-8/10"),
        # grades after what they grade, after a verb of grading ("-den" ends a word, it is not "den")
        ("Jag ger sjukvården 3/5, bemötandet 2/5.", "DATUM", "3/5"),
        ("Vi gav väntetiden 1/5 och maten 4/5", "DATUM", "1/5"),
        # a compound written with a hyphen before an everyday word opens no name
        ("Kö-nummer 12 sa de på telefon.", "PERSON", "Kö-nummer"),
        ("Mat-lådan kom aldrig sa hon.", "PERSON", "Mat-lådan"),
    ],
)
def test_round51_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_double_first_name_in_lower_case_still_counts() -> None:
    assert "Eva-lena" in values_labelled("Eva-lena ringde igår och sa att det var ok.", "PERSON", KEY)


def test_a_date_after_a_verb_of_giving_still_counts() -> None:
    assert "4/5" in values_labelled("Sköterskan ger vaccinet 4/5, ring innan.", "DATUM", KEY)
    assert "3/5" in values_labelled("Tiden den 3/5 passar bra.", "DATUM", KEY)
    assert "4-5/5" in values_labelled("Vi är bortresta den 4-5/5.", "DATUM", KEY)


def test_a_prison_by_its_capitalised_place_still_counts() -> None:
    assert "anstalten Ljusdal" in values_labelled("Han sitter på anstalten Ljusdal.", "ORGANISATION", KEY)
    assert "Falun" in values_labelled("Han satt på häktet i Falun.", "ORT", KEY)

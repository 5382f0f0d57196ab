"""Round 56 (issue 12, precision): kinds of construction read as personal data in clean texts,
each with invented examples that failed before the round and a look-alike that must still be
found. Kinds: a fraction that counts pages or grades read as a date (a page of pages, a result
"fick 7/10 på provet", a grade as a sentence of its own, a diary card of grades by weekday); an
age that is a rule's limit ("det år man fyller 20", "tills barnet fyller 8 år"); a room's number
after a preposition read as a plate ("till sal 217"); a taxi fare read as a taxi firm ("Taxi
540 kr"); English "My" opening a sentence read as the Swedish name My; a staff as a whole signing
or greeted ("/Helgpersonalen") read as a person; a short sentence in another language ("Czekałam 3
tygodnie.") read alone, its first word taken for a name; an app named after its kind ("appen
Vera") read as a person."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


def _finds(p: Pseudonymiser, text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in p.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Blankett B-12, sida 3/4",
        "Utskrift från portalen. Sid 1/3",
        "Dottern fick 8/10 på läsförståelsen och var så glad.",
        "Kort väntan, snälla sköterskor. 4/5.\nParkeringen var dyr.",
        "Bemötande i kassan. 9/10. Kommer igen.",
        "Vecka 14\nMån: oro 3/5, sov dåligt\nTis: 1/5, bra dag\nOns: 4/5, gråtit\nTors: 2/5",
    ],
)
def test_counted_fractions_are_no_dates(p: Pseudonymiser, text: str) -> None:
    assert [f for f in _finds(p, text) if f[0] == "DATUM"] == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("Vi har tid den 4/5 på morgonen.", "4/5"),
        ("Hon fick tid 2/5 på ögonkliniken.", "2/5"),
        ("Sidan uppdaterades 3/4 och ingen sa något.", "3/4"),
        # a week's days in a row: dates that go up one a day
        ("Mån: 6/5 tandläkare\nTis: 7/5 frisör\nOns: 8/5 vila", "7/5"),
    ],
)
def test_dates_beside_them_stay_dates(p: Pseudonymiser, text: str, value: str) -> None:
    assert ("DATUM", value) in _finds(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kortet gäller till och med det år man fyller 20.",
        "Bidraget betalas tills barnet fyller 8 år, ibland längre.",
        "Det blir dyrare när man blir 67, har jag läst.",
    ],
)
def test_age_limits_of_a_rule_are_no_ages(p: Pseudonymiser, text: str) -> None:
    assert [f for f in _finds(p, text) if f[0] == "ALDER"] == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("Min farmor fyller 93 år på fredag.", "93 år"),
        ("Vi fick vänta tills barnet fyllde 3 år.", "3 år"),
        ("Personalen är trygg, det betyder mycket när man är 88.", "88"),
    ],
)
def test_a_persons_age_beside_them_stays(p: Pseudonymiser, text: str, value: str) -> None:
    assert ("ALDER", value) in _finds(p, text)


def test_a_room_after_a_preposition_is_no_plate(p: Pseudonymiser) -> None:
    text = "Följ de gröna skyltarna till sal 217 på plan 2."
    assert [f for f in _finds(p, text) if f[0] == "REGNR"] == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("Bilen som backade hade reg sal 217.", "sal 217"),
        ("En röd bil, skylten kmp 482, stod kvar.", "kmp 482"),
    ],
)
def test_plates_beside_it_stay(p: Pseudonymiser, text: str, value: str) -> None:
    assert ("REGNR", value) in _finds(p, text)


def test_a_taxi_fare_is_no_firm(p: Pseudonymiser) -> None:
    text = "Sista bussen hade gått. Taxi 540 kr, och ingen ersättning."
    assert [f for f in _finds(p, text) if f[0] == "ORGANISATION"] == []


def test_a_taxi_firm_by_number_stays(p: Pseudonymiser) -> None:
    text = "Taxi 020 kom aldrig fast vi väntade en timme."
    assert ("ORGANISATION", "Taxi 020") in _finds(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "My Finnish is bad, sorry, I write short.",
        "My English is better than my Swedish, sorry.",
    ],
)
def test_english_my_is_no_name(p: Pseudonymiser, text: str) -> None:
    assert [f for f in _finds(p, text) if f[0] == "PERSON"] == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("My Lindqvist is my daughter and she needs help.", "My Lindqvist"),
        ("Jag och My väntade länge. My grät.", "My"),
    ],
)
def test_the_name_my_stays(p: Pseudonymiser, text: str, value: str) -> None:
    assert ("PERSON", value) in _finds(p, text)


@pytest.mark.parametrize("text", ["Allt lugnt i natt. /Helgpersonalen", "Hej helgpersonal, glöm inte larmet."])
def test_a_staff_as_a_whole_is_no_person(p: Pseudonymiser, text: str) -> None:
    assert [f for f in _finds(p, text) if f[0] == "PERSON"] == []


def test_a_name_signing_stays(p: Pseudonymiser) -> None:
    text = "Tack för en lugn helg. /Gunilla"
    assert ("PERSON", "Gunilla") in _finds(p, text)


@pytest.mark.parametrize(
    "text",
    [
        "Czekałam 3 tygodnie. Nikt nie zadzwonił, lekarz był miły.",
        "Mutlu olmadım. 2 hafta bekledim ve kimse aramadı.",
    ],
)
def test_a_short_foreign_sentence_is_read_with_the_next(p: Pseudonymiser, text: str) -> None:
    assert [f for f in _finds(p, text) if f[0] == "PERSON"] == []


def test_a_name_before_a_swedish_sentence_stays(p: Pseudonymiser) -> None:
    text = "Mutlu ringde 3 gånger. Hon fick inget svar."
    assert ("PERSON", "Mutlu") in _finds(p, text)


def test_an_app_named_after_its_kind_is_no_person(p: Pseudonymiser) -> None:
    text = "Hej! Jag har en fråga om Vera. Alltså appen Vera som mottagningen använder för att boka tid."
    assert [f for f in _finds(p, text) if f[0] == "PERSON"] == []


def test_a_name_beside_an_app_stays(p: Pseudonymiser) -> None:
    text = "Jag bokade via tjänsten Kivra och Anna ringde sen."
    assert ("PERSON", "Anna") in _finds(p, text)

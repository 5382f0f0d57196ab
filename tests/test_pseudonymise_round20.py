"""Round 20 kinds of construction (addiction care and children's and young people's care, read
from blind sets 35 and 37): a bare ten-digit personnummer of someone born 2000–2009 that
phonenumbers also reads as a landline; a day and month with a point after an appointment word, a
form's six-digit date field, and what is no date (a combination product's doses, "24/7", full
marks with an emoji); a child's age first in a bracket with more after a comma, a writer's age
after their name in a self-introduction, an age group ("2-åringar") that is no one's age; a
Discord tag, a handle given after a colon; names by what the
sentence says ("X är min dotter", a role before a first name that is a word, "X här,", a role
before a lowercase surname, an epithet before a nickname); addiction programmes and homes named
by their place (LARO, mini-Maria, avgiftningen, LVM-hem, "X HVB"), "Familjens hus X", a
hospital named after a person, a clinic "för barn, <ort>"; prisons and probation offices named
by their place, social-services units with their municipality, schools named by a part of town
or two words; an addiction programme's client numbers; generic homes and services opening a
sentence. Own examples: new names, places and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled, wrong_check

pytestmark = pytest.mark.utan_databas

KEY = b"round-twenty-test-key-0123456789ab"


# -- a personnummer of someone born 2000–2009 that also reads as a landline -------------------


@pytest.mark.parametrize("nine", ["080517243", "041122318", "090304771"])
def test_a_bare_zero_led_personnummer_after_a_name_is_one(nine: str) -> None:
    number = luhn_complete(nine)
    text = f"Gäller min son Otto Berglin {number} som väntar på BUP."
    assert values_labelled(text, "PERSONNUMMER", KEY) == [number]
    assert values_labelled(text, "TELEFON", KEY) == []


@pytest.mark.parametrize(
    "text",
    [
        # a phone word before it: the writer's landline, whatever its digits
        "Ring mig på {n} efter fem.",
        "Tel {n}",
    ],
)
def test_a_zero_led_number_after_a_phone_word_stays_a_phone(text: str) -> None:
    number = luhn_complete("080517243")
    assert values_labelled(text.format(n=number), "PERSONNUMMER", KEY) == []


def test_a_mobile_number_or_a_failed_check_digit_stays_a_phone() -> None:
    mobile = luhn_complete("070212345")  # 07x: a mobile number, never a personnummer here
    landline = wrong_check(luhn_complete("080517243"))
    for number in (mobile, landline):
        text = f"Otto Berglin {number} svarar på kvällarna."
        assert values_labelled(text, "PERSONNUMMER", KEY) == []


# -- dates, and what is no date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hon har tid 27.4 på mottagningen", "27.4"),
        ("Vi fick tid 3.6 hos kuratorn.", "3.6"),
        ("Inskr.datum: 240917\nKommentar: ny", "240917"),
    ],
)
def test_day_and_month_after_an_appointment_word_and_a_date_field(text: str, value: str) -> None:
    assert value in values_labelled(text, "DATUM", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "hon har tid 13.20 på mottagningen",  # a clock time
        "vi fick tid 10.10 imorgon",
        "Dosen är 8/2 mg, ta under tungan.",  # a combination product's doses
        "Dom borde ha chatt typ 24/7 tycker jag.",  # round the clock
        "Kuratorn 10/10 🔥 verkligen bäst",  # full marks
        "tid 28.5 grader i rummet",
    ],
)
def test_times_doses_round_the_clock_and_full_marks_are_no_dates(text: str) -> None:
    assert values_labelled(text, "DATUM", KEY) == []


@pytest.mark.parametrize("text", ["Vi kom hem den 24/7 sent.", "Fönstren är inte levererade (24/7) ännu."])
def test_the_day_24_july_with_a_date_word_or_in_brackets_is_a_date(text: str) -> None:
    assert values_labelled(text, "DATUM", KEY) == ["24/7"]


# -- ages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vår son Oskar (9 år, klass 3A) har ont i magen.", "9 år"),
        ("jag e Kenan 15 bor i Tensta o har ingen kurator", "15"),
        ("hej från Moa 13 igen, tack för hjälpen", "13"),
    ],
)
def test_ages_first_in_a_bracket_and_after_a_writers_name(text: str, value: str) -> None:
    assert value in values_labelled(text, "ALDER", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "hej från Moa 14 dagar senare",
        "jag heter Kenan 3 gånger har jag ringt",
        "Hon pratar inte som andra 3-åringar.",
        "Tonåringarna på boendet är snälla.",
        "Det finns många 80-åringar här.",
    ],
)
def test_counts_after_a_name_and_age_groups_are_no_age(text: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == []


# -- handles --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("discord: vargen#0917 om nån vill snacka", "vargen#0917"),
        ("adda mig på snap om du har frågor om boendet: tuffis_09 👻", "tuffis_09"),
    ],
)
def test_social_handles_are_persons(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Jag skriver detta på insta: helt sjukt",
        "kolla snap om du vill: helt sjukt bra",
        # a signature's handle without a name stays (round 11's rule): no app says it is an account
        "alla hade samma upplevelse /xXkattXx",
    ],
)
def test_words_after_an_app_and_signatures_without_a_name_are_no_handles(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


# -- names by what the sentence says ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Saga är min dotter och hon är sju.", "Saga"),
        ("Min behandlare Ville ringde igår.", "Ville"),
        ("Hej brukarrådet. Jocko här, sextio år, bor på stan.", "Jocko"),
        ("Hej alla. Ebbo här, nykter sen i våras.", "Ebbo"),
        ("min psykiatriker jovanovic sa att jag måste vänta", "jovanovic"),
        ("Hörde av Lilla Jonte att boendet stänger.", "Lilla Jonte"),
    ],
)
def test_names_the_sentence_says_are_persons(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Hopp är min drivkraft.",
        "Tjejen är min dotter.",
        "Här är min son.",
        "Familjehemmet här. Vi har två barn.",
        "min läkare typ sa att det var lugnt",
        "Stora Torget var fullt.",
    ],
)
def test_words_in_the_same_places_stay(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


# -- care units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jag har tid på LARO Sundsvall nästa vecka.", "LARO Sundsvall"),
        ("Vi var på mini-Maria Göteborg igår.", "mini-Maria Göteborg"),
        ("Personalen på Avgiftningen Danderyd är bäst.", "Avgiftningen Danderyd"),
        ("Hon satt på LVM-hemmet Sundbyberg i tre månader.", "LVM-hemmet Sundbyberg"),
        ("Han bor på Tallmon HVB sedan maj.", "Tallmon HVB"),
        ("Pia på Familjens hus Tensta såg det först.", "Familjens hus Tensta"),
        ("Han låg på Karin Bergs barnsjukhus i en vecka.", "Karin Bergs barnsjukhus"),
        (
            "Inget svar från Neuropsykiatriska mottagningen för barn, Kalmar. Remissen gick i maj.",
            "Neuropsykiatriska mottagningen för barn, Kalmar",
        ),
    ],
)
def test_programmes_homes_and_named_hospitals_are_units(text: str, value: str) -> None:
    assert value in values_labelled(text, "VARDENHET", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Jag går på LARO sedan två år.",
        "Avgiftningen var hemsk men nödvändig.",
        "Familjehemmet fick besök två gånger per år.",
        "Vi hälsade på hos Karin Bergs mamma.",
        "Vi ringde mottagningen för unga, men ingen svarade.",
    ],
)
def test_programme_words_alone_and_generic_homes_are_no_units(text: str) -> None:
    assert values_labelled(text, "VARDENHET", KEY) == []


# -- prisons, social services, schools ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Han satt på anstalten Tidaholm i tre år.", "anstalten Tidaholm"),
        ("Min kille sitter på Kriminalvården Hällby och får inga besök.", "Kriminalvården Hällby"),
        ("Till Kriminalvården, frivården Gävle\nHandläggaren svarar inte.", "frivården Gävle"),
        ("Utbildningen från Familjehemsenheten Västerbotten var bra.", "Familjehemsenheten Västerbotten"),
        (
            "Vi fick kontakt via Individ- och familjeomsorgen i Vindeln i fjol.",
            "Individ- och familjeomsorgen i Vindeln",
        ),
        ("Till Barn- och familjeenheten, Lunds kommun. Jag vill klaga.", "Barn- och familjeenheten, Lunds kommun"),
        ("Han går i 9C på Tallbackens grundskola i år.", "Tallbackens grundskola"),
        ("Tack till kuratorn på Västra skolan som hjälpte oss.", "Västra skolan"),
        ("Till rektor på Lilla Ekeby skola: vi klagar.", "Lilla Ekeby skola"),
        ("Hon går på Stora Mossens skola.", "Stora Mossens skola"),
    ],
)
def test_institutions_offices_and_schools_with_their_place_are_organisations(text: str, value: str) -> None:
    assert value in values_labelled(text, "ORGANISATION", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Han satt på häktet och mådde dåligt.",
        "Frivården Kalle sa att det var lugnt.",
        "Familjehemsenheten ringde inte tillbaka.",
        "Socialjouren lovade att ringa.",
        "Hon går på Svensk skola nu.",
        "Den västra skolan är gammal.",
    ],
)
def test_generic_offices_and_school_kinds_stay(text: str) -> None:
    assert values_labelled(text, "ORGANISATION", KEY) == []


def test_a_prison_written_with_i_keeps_its_town_apart() -> None:
    """The product's rule for state agencies' local offices and lowercase words before "i <ort>"."""
    assert finds("Han satt på häktet i Kalmar.", KEY) == [("ORT", "Kalmar")]


# -- an addiction programme's client numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mitt LARO-nr är UPS-3391. Jag har fått fel dos.", "UPS-3391"),
        ("Sprutbyteskortet mitt (SX-4410) har gått ut.", "SX-4410"),
    ],
)
def test_programme_client_numbers_are_journal_numbers(text: str, value: str) -> None:
    assert values_labelled(text, "JOURNALNUMMER", KEY) == [value]


def test_programme_words_before_a_year_are_no_number() -> None:
    assert finds("Sprutbyteskortet gick ut 2024 och LARO i 2025.", KEY) == []

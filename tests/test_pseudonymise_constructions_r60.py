"""Round 60 kinds of construction (health care for asylum seekers and newly arrived, through
interpreters; blind set 90): a care unit named by whom it is for with its town or district
("<X>hälsan för nyanlända i <Ort>", "<X>teamet för asylsökande på <Stadsdel>"), a "-hälsan"
compound with its town, an organisation's treatment centre with its town, a centre named by an
adjective capitalised mid-sentence, the agency an interpreter came from, a birth date after its
label in another calendar or miswritten, the town a person comes from after their age or their
flight, an age assessed by an authority or said in English after a name, a name signed before
its own e-mail address and a closing initial before the next sentence's noun. Taken back: a word
glossed as a word of another language, a greeting opening the message on its own, an English
"said" before a quotation. Look-alikes stay untouched: a reason after "för", an agency after
"på", an association, a sentence's opening adjective, an interpreter's country or town, a case
number in a date's shape, a country of origin, an assessed waiting time, "years ago", a name
given as a name before "betyder", a greeting to a named person, a middle initial and a surname.
Own examples: invented names, firms and numbers, towns from the place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-60-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a unit named by whom it is for, a coordinated compound, and its town or district
        (
            "Vi fick tid hos Barn- och ungdomshälsan för nyanlända i Sundbyberg.",
            "VARDENHET",
            "Barn- och ungdomshälsan för nyanlända i Sundbyberg",
        ),
        (
            "Hälsoteamet för studerande på Navestad svarar aldrig.",
            "VARDENHET",
            "Hälsoteamet för studerande på Navestad",
        ),
        # a "-hälsan" compound with its town is a care unit, not an organisation
        ("Remissen gick till Migranthälsan i Falun i maj.", "VARDENHET", "Migranthälsan i Falun"),
        # an organisation's treatment centre, whom it is for, and its town: one unit
        (
            "Hon fick remiss till Stadsmissionens behandlingscenter för krigs- och flyktskadade i Falun.",
            "VARDENHET",
            "Stadsmissionens behandlingscenter för krigs- och flyktskadade i Falun",
        ),
        ("Vi väntar på Diakonins mottagning i Sundbyberg.", "VARDENHET", "Diakonins mottagning i Sundbyberg"),
        # a centre named by an adjective, capitalised mid-sentence
        ("Hej Psykosocialt centrum! Tack för sist.", "VARDENHET", "Psykosocialt centrum"),
        # the interpreting agency after "tolk … från/via"
        ("Tolken från Tolkia kom aldrig till mottagningen.", "ORGANISATION", "Tolkia"),
        ("Videotolken Leyla via Lingvista var jättebra.", "ORGANISATION", "Lingvista"),
        # a birth date after its label: another calendar's year, a month that does not exist
        ("Han är född 1352-04-10 enligt tazkiran.", "DATUM", "1352-04-10"),
        ("F.d. 1991-14-02 (fel på kortet)", "DATUM", "1991-14-02"),
        # the town a person comes from, after their age or their flight
        ("Intervju: man, 52 år, från Basra, bor här sedan 2015.", "ORT", "Basra"),
        ("Jag är god man för en pojke, ensamkommande från Herat.", "ORT", "Herat"),
        ("I am Nisrin Warfa, 31 years, from Kismayo.", "ORT", "Kismayo"),
        # an age assessed by an authority, an age in English after a name
        ("Myndigheten bedömde honom till 19 år fast han var yngre.", "ALDER", "19 år"),
        ("I am Nisrin Warfa, 31 years, from Kismayo.", "ALDER", "31 years"),
        # a name no list has, signed right before its own e-mail address
        ("Tack för hjälpen! /Dilnaz, dilnaz.tolk@example.se", "PERSON", "Dilnaz"),
        # a closing initial before the next sentence's opening noun
        ("Tolk: Farida K. Avbokning görs senast dagen innan.", "PERSON", "Farida K."),
    ],
)
def test_round60_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a reason after "för", an agency after "på": no unit's name
        ("Det är bra för hälsan för alla i Falun.", "VARDENHET", "hälsan för alla i Falun"),
        (
            "Teamet för asylsökande på Migrationsverket svarar inte.",
            "VARDENHET",
            "Teamet för asylsökande på Migrationsverket",
        ),
        # an association named "-hälsan", and a country after it
        ("Folkhälsan i Finland ordnar kurser.", "VARDENHET", "Folkhälsan i Finland"),
        # an adjective opening a sentence, a town's centre
        ("Nytt centrum byggs i Falun.", "VARDENHET", "Nytt centrum"),
        # the interpreter's country or town after "från"
        ("Tolken från Syrien kom aldrig.", "ORGANISATION", "Syrien"),
        ("Tolken från Falun kom för sent.", "ORGANISATION", "Falun"),
        # a case number in a date's shape, without a birth label
        ("Dnr 2024-13-05 gäller ditt ärende.", "DATUM", "2024-13-05"),
        # a country of origin is no town
        ("Jag är god man för en pojke, ensamkommande från Afghanistan.", "ORT", "Afghanistan"),
        # a waiting time assessed, a time ago in English
        ("De bedömde väntetiden till 2 år.", "ALDER", "2 år"),
        ("I lived in Sweden, 3 years ago.", "ALDER", "3 years"),
        # a word glossed as a word of another language is no name
        ("Det blåste – nour, säger vi på arabiska – hela dagen.", "PERSON", "nour"),
        ("Nour betyder ljus på arabiska. Det behövs här.", "PERSON", "Nour"),
        # a greeting opening the message on its own
        ("Selam! Ville bara tacka för tolken i går.", "PERSON", "Selam"),
        # an English verb before a quotation
        ("Läkaren på Vårdcentralen Sundbyberg said 'no' och gick.", "PERSON", "said"),
        # an ordinary word signed before a function address
        ("Skriv till Info, info.kontor@example.se", "PERSON", "Info"),
    ],
)
def test_round60_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jag heter Hayat, det betyder liv på arabiska.", "Hayat"),  # a name given as a name
        ("Hej Selam! Tack för igår.", "Selam"),  # a greeting to a person by name
        ("IP: Ja, Fadumo. Faduma säger vi på somaliska.", "Faduma"),  # a name spelled again, no gloss
        ("Abdullahi M. Farah ringde igår.", "Abdullahi M. Farah"),  # a middle initial and a surname
    ],
)
def test_round60_names_stay_names(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)

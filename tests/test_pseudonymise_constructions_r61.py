"""Round r61 kinds of construction (school health, youth clinics and student health; blind set 89):
a school named after a person, by an adjective or a genitive before "gymnasiet"/"samskola", as a
hyphenated compound of two names and in capitals; a verb before a school "i <Ort>" is no part of
its name; a school is no hospital ("-ianska gymnasiet") and no care home ("på <X>skolan"); a
university "tekniska universitet" and the student health service at a university as one unit; a
pupil before a class code, a first name that is also a word before "som" and a role, an initial
with a surname that is also a word, a lower-case name field whose first name is a pronoun, a
parent's child by a name no list has; the writer's own age in brackets after "Jag". Falsklarm:
a grade out of ten with what it grades; a verb that is also a lower-case name before its subject.
Look-alikes stay untouched. Own examples: invented names, schools and numbers, towns from the
place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-r61-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a school named after a person: the first name is the school's, no one's
        ("Min son går på Greta Lindmarkskolan sedan i höstas.", "ORGANISATION", "Greta Lindmarkskolan"),
        ("Kuratorn på Olof Rudinggymnasiet var bra.", "ORGANISATION", "Olof Rudinggymnasiet"),
        # an adjective or a genitive before the school word
        ("Hon går på Tornbergska gymnasiet i tvåan.", "ORGANISATION", "Tornbergska gymnasiet"),
        ("Skolsköterskan på Sollentunas samskola ringde.", "ORGANISATION", "Sollentunas samskola"),
        # two names joined by a hyphen; in capitals in a form
        ("Vi pratade om Vretsta-Eklundagymnasiet igår.", "ORGANISATION", "Vretsta-Eklundagymnasiet"),
        ("NAMN: ELIN BERG SKOLA: LÖNNBACKASKOLAN ÄRENDE: syn", "ORGANISATION", "LÖNNBACKASKOLAN"),
        # the verb before a school "i <Ort>" is no part of it
        ("Vi ska anmäla Granbackaskolan i Mora till Skolinspektionen.", "ORGANISATION", "Granbackaskolan i Mora"),
        # a university named "tekniska universitet"; the student health at a university as one unit
        ("Jag läser på Kiruna tekniska universitet.", "ORGANISATION", "Kiruna tekniska universitet"),
        ("Studenthälsan på Lunds universitet ringde upp.", "VARDENHET", "Studenthälsan på Lunds universitet"),
        # a pupil before the class code, a word-name or in lower case
        ("Bo i 7C har ont i magen igen.", "PERSON", "Bo"),
        ("lisa i 8B har varit hos mig tre gånger.", "PERSON", "lisa"),
        # a word-name before "som" and a role
        ("Hon har Dina som kurator sedan i våras.", "PERSON", "Dina"),
        # an initial and a surname that is also a word
        ("Tack K. Holm för att du lyssnade.", "PERSON", "K. Holm"),
        # a form's name field in lower case, the first name a pronoun
        ("Namn: mina lindqvist Telefon: 070-111 22 33", "PERSON", "mina lindqvist"),
        # a parent's child by a name no list has
        ("Jag är mamma till Koras (8) i 2B.", "PERSON", "Koras"),
        # the writer's own age in brackets after "Jag"
        ("Jag (student, 23) har väntat i två månader.", "ALDER", "23"),
        ("Jag (19) vill boka en tid.", "ALDER", "19"),
    ],
)
def test_round61_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a possessive and a language are no school's name
        ("Hans gymnasium var stökigt.", "ORGANISATION", "Hans gymnasium"),
        ("Svenska skolan har bra mat.", "ORGANISATION", "Svenska skolan"),
        # the kinds in capitals
        ("HAN GÅR I GRUNDSKOLAN NU.", "ORGANISATION", "GRUNDSKOLAN"),
        # a pronoun before a class; a word-name at a sentence's start before "som"
        ("Vi i 9B ska på klassresa.", "PERSON", "Vi"),
        ("Dina lärare som mentor är bra.", "PERSON", "Dina"),
        ("Mina tankar är att de borde prata.", "PERSON", "Mina"),
        # a letter after a word that takes one
        ("Jag tar vitamin D. Berg och dal hela vintern.", "PERSON", "D. Berg"),
        # a name field with an everyday phrase
        ("Namn: mina böcker", "PERSON", "mina böcker"),
        # a parent "till" a word
        ("Jag är mamma till Skolan också, känns det som.", "PERSON", "Skolan"),
        # a count in brackets after "Jag"
        ("Jag (2 barn) hinner inte.", "ALDER", "2"),
        # a grade out of ten with what it grades
        ("Fick komma samma dag. 10/10 bemötande.", "DATUM", "10/10"),
        # "ville" before its subject is the verb
        ("när jag ringde ville de ha mitt personnummer", "PERSON", "ville"),
    ],
)
def test_round61_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_hospital_on_ska_stays_a_hospital() -> None:
    assert "Sahlgrenska" in values_labelled("Han ligger på Sahlgrenska sedan i går.", "VARDENHET", KEY)


def test_a_date_with_a_time_of_day_after_it_stays_a_date() -> None:
    assert "10/10" in values_labelled("Ny tid. 10/10 eftermiddag.", "DATUM", KEY)


def test_a_lower_case_name_after_med_and_a_full_stop_stays_a_name() -> None:
    assert "nova" in values_labelled("får inte va med nova. dom säger nej", "PERSON", KEY)


def test_a_school_in_a_town_keeps_the_town_in_the_product() -> None:
    # "<skola> i <Ort>" is one ORGANISATION span in the product (the set splits it)
    assert "Granbackaskolan i Mora" in values_labelled("Han går på Granbackaskolan i Mora.", "ORGANISATION", KEY)

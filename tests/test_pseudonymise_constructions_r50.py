"""Round 50 kinds of construction (heart care: infarction and PCI, atrial fibrillation and
anticoagulants, pacemakers and ICDs, heart failure, cardiac rehabilitation; blind set 77): a
surname with letters outside Swedish after "c/o"; a phone label after a personnummer and its
number; a place field closing a line of several form fields; an acronym ward where a patient lies,
a lab with its town, a unit and its hospital's own name after a comma, a hospital by its town in
lower case or by its acronym and town; an association in camel case, its local branch, a fund of
two hyphenated parts, a listed association's branch by its town in the genitive, the town after a
hospital abroad. Look-alikes stay untouched: a lab sample's number in a personnummer's shape,
an implant card's serial number, a classification code in a plate's shape on a line of diagnosis
codes, a syndrome's eponym of three names and a name listed with it, an employer's acronym, a
score's band of ages, a switch from one medicine to another, a month after a hospital abroad.
Own examples: invented names, numbers, units and codes; towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-50-test-key-0123456789abcdef"
PNR = luhn_complete("460101987")


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a surname with letters outside Swedish after "c/o": the person, not a body named by its first letters
        ("Brevet skickas c/o Kovačević, Storgatan 4, 123 45 Umeå.", "PERSON", "Kovačević"),
        ("Kallelsen går c/o Dragović, Kvarngatan 9, 652 24 Karlstad.", "PERSON", "Dragović"),
        # a phone label after a personnummer and its number: the phone label names the second
        (f"Hej, pnr {PNR} tel 0703126677 – vill flytta min tid.", "TELEFON", "0703126677"),
        (f"personnummer {PNR}, mobil 0703126677", "TELEFON", "0703126677"),
        (f"Hej, pnr {PNR} tel 0703126677 – vill flytta min tid.", "PERSONNUMMER", PNR),
        # a place field closing a line of several form fields
        ("Ålder: 71   Kön: kvinna   Ort: Hudiksvall\nHur nöjd är du?", "ORT", "Hudiksvall"),
        ("Namn: anonym | Ort: Ljusdal\nSvar: bra bemötande", "ORT", "Ljusdal"),
        # an acronym ward where a patient lies or its staff works, with its town
        ("Vi vill tacka personalen på KAVA i Västerås för allt.", "VARDENHET", "KAVA i Västerås"),
        ("Han var inlagd på THIA i Kalmar i tre dygn.", "VARDENHET", "THIA i Kalmar"),
        # a lab where patients are examined, capitalised or not, with its town
        ("Tack till hela gänget på sömnlabbet i Örebro!", "VARDENHET", "sömnlabbet i Örebro"),
        ("Undersökningen gjordes på Kateterlabbet i Umeå.", "VARDENHET", "Kateterlabbet i Umeå"),
        # a unit and its hospital after a comma, the hospital's own name after its definite word
        (
            "Du har tid på Hjärtmottagningen, Länssjukhuset Vävaren. Välkommen.",
            "VARDENHET",
            "Hjärtmottagningen, Länssjukhuset Vävaren",
        ),
        # a hospital by its town in lower case, and by its acronym and town in a text about care
        ("doktorn på kalix lasarett vill operera nästa vecka", "VARDENHET", "kalix lasarett"),
        ("Min far ligger på NÄS Borås nu, de ska operera i morgon.", "VARDENHET", "NÄS Borås"),
        # an association named in camel case: after "Riksförbundet", and its local branch by its region
        ("Jag blev medlem i Riksförbundet NjurLiv i fjol.", "ORGANISATION", "Riksförbundet NjurLiv"),
        ("Stort tack NjurLiv Dalarna för stödet i vintras.", "ORGANISATION", "NjurLiv Dalarna"),
        # a fund or an association named by two capitalised parts joined by a hyphen
        ("Läs mer hos Njur-Leverfonden om det.", "ORGANISATION", "Njur-Leverfonden"),
        # a listed association's local branch by its town in the genitive, the -s outside
        ("Jag delade ut broschyren på PRO Ludvikas träff.", "ORGANISATION", "PRO Ludvika"),
        # the town after a hospital abroad, a place no list has, apart from the unit (as in round 40)
        ("Akuten: Hospital San Rafael i Alicante. Ring oss.", "ORT", "Alicante"),
    ],
)
def test_round50_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a lab sample's number in a personnummer's shape
        ("Provnr 520314-1238 gäller dagens blodprov.", "PERSONNUMMER", "520314-1238"),
        ("Labbnummer 520314-1238 står på röret.", "PERSONNUMMER", "520314-1238"),
        # an implant card's serial number: the device's, not an identity card's
        ("Stent-ID-kort: Modell Flex 4, serienr RXM314159T, längd 18 mm.", "JOURNALNUMMER", "RXM314159T"),
        # a classification code in a plate's shape on a line of diagnosis codes
        ("Diagnoser: J45.9 astma, K35.8 app. Åtgärd: JEA00. GRP 214.", "REGNR", "GRP 214"),
        # three names joined by hyphens are a syndrome's eponym, and so is a name listed with one
        ("Är Jervell-Lange-Nielsen ärftligt?", "PERSON", "Jervell-Lange-Nielsen"),
        ("Lown-Ganong-Levine och Romano, är de ärftliga?", "PERSON", "Romano"),
        # an employer by its acronym and town; a describing word before a hospital
        ("Hon jobbar på SVT Umeå sedan i höstas.", "VARDENHET", "SVT Umeå"),
        ("Jag är från PRO Ljusdal och vi klagar på vårdcentralen.", "VARDENHET", "PRO Ljusdal"),
        ("Han jobbar på LKAB i Kiruna.", "VARDENHET", "LKAB i Kiruna"),
        ("Vi åkte till stora sjukhuset i stan.", "VARDENHET", "stora sjukhuset"),
        # a camel-case name is not a person's before a town: "McKay" stays out of the branch rule
        ("Vi ringde McKay Umeå igen.", "ORGANISATION", "McKay Umeå"),
        # a score's band of ages is no one's age
        ("CHADS-poäng 4 p (ålder 75–84, diabetes, man).", "ALDER", "75"),
        # a switch between two medicines is no journey between places
        ("Jag vill byta från Trombyl till Plavix, går det?", "ORT", "Trombyl"),
        ("Vi bytte medicin från Trombyl till Plavix i maj.", "ORT", "Plavix"),
        # a month after a hospital abroad is no town
        ("Hon låg på Hospital Vithas i Augusti.", "ORT", "Augusti"),
        # a field name in running text is no form's field
        ("Jag gillar din ort: Grönt och lugnt.", "ORT", "Grönt"),
    ],
)
def test_round50_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_an_age_a_journey_and_a_listed_town_still_count() -> None:
    assert "77" in values_labelled("Patient, ålder 77, inkommer med bröstsmärta.", "ALDER", KEY)
    assert "Kummelnäs" in values_labelled("Vi flyttade från Kummelnäs till Boo.", "ORT", KEY)
    assert "Luleå" in values_labelled("Han bytte från Umeå till Luleå i jobbet.", "ORT", KEY)


def test_a_person_with_a_double_name_still_counts() -> None:
    assert "Anna-Lena Berg-Ek" in values_labelled("Anna-Lena Berg-Ek ringde i går.", "PERSON", KEY)


def test_a_personnummer_and_an_identity_card_still_count() -> None:
    assert PNR in values_labelled(f"Pnr {PNR}, ring mig.", "PERSONNUMMER", KEY)
    assert "55443322" in values_labelled("ID-kort nr 55443322 visades upp.", "JOURNALNUMMER", KEY)
    assert "GRP 214" in values_labelled("Bilen GRP 214 stod på gatan.", "REGNR", KEY)

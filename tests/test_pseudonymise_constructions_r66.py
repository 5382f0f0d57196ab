"""Round 66 kinds of construction (long-term pain, ME/CFS, post-covid and fibromyalgia; blind set
96): a foreign number with its bracketed trunk zero whose national part looks like a personnummer
("+49 (0)…"); a switchboard's number with its extension; an address whose at sign is cut to "[a]"
or "(a)"; a date written day-month-year with dashes, which read as a phone number; a symptom's
score out of ten after where it hurts, after another score in the same clause, after a diary
line's date or after a diary's word for the day's energy; a care team in its town; a unit named by
a place-like word before "vårdcentral" or "äldreboende" at a form field's start; a unit's section
before it with a comma, its company form after it and an abbreviation pair before its compound.
Look-alikes stay untouched: a personnummer reading of a foreign phone, a dash date read as a
phone, a bracketed letter in a list, a date after "sedan", a care team in no town, a generic
unit before a comma, a form's number, a thing's age, a name in a list of people. Also: an agency's
abbreviation before the date of its decision; a name after an insurance form's field; the postal
town after a foreign postcode; English "years old" said of a person; a body part that is also a
first name in a list of body parts; a German letter's closing; one-word chat speakers after a
clock time that are all listed first names (a role's or a tag's line keeps them words); an
association named by an illness's acronym; the writer's town in a forum greeting in English or
Norwegian ("Hi from", "jeg er fra"); a letter's place and date line. Own examples: invented names, places from the place
list or invented, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-66-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a foreign number with "(0)" whose national part has a personnummer's shape
        ("Praxis Dr. Vogel, Tel. +49 (0)711 280-4436", "TELEFON", "+49 (0)711 280-4436"),
        ("Rufen Sie an: +43 (0)660 120-4471.", "TELEFON", "+43 (0)660 120-4471"),
        # a switchboard's number with the extension that reaches one desk
        ("Nås på 031-712 40 00 ankn 215 efter lunch.", "TELEFON", "031-712 40 00 ankn 215"),
        ("tfn 0150-38 20 00, anknytning 44.", "TELEFON", "0150-38 20 00, anknytning 44"),
        # the at sign cut to its letter in brackets
        ("Skriv till ola.nyberg[a]smartforbundet.se om du vill vara med.", "EPOST", "ola.nyberg[a]smartforbundet.se"),
        ("kontakt: maja.ek(a)example.org", "EPOST", "maja.ek(a)example.org"),
        # day, month and year parted by dashes, one per diary line
        ("Dagbok\n11-03-2025 – vilodag\n12-03-2025 – kort promenad", "DATUM", "11-03-2025"),
        ("Dagbok\n11-03-2025 – vilodag\n12-03-2025 – kort promenad", "DATUM", "12-03-2025"),
        ("Besök 23-09-2024 hos fysioterapeuten.", "DATUM", "23-09-2024"),
        # a care team in its town
        ("Förra året lade regionen ner smärtteamet i Kiruna.", "VARDENHET", "smärtteamet i Kiruna"),
        ("Postcovidteamet i Gävle ringde mig.", "VARDENHET", "Postcovidteamet i Gävle"),
        # a place-like name before "vårdcentral"/"äldreboende" opening a form's field
        ("Från: Tallbo vårdcentral, dr Ek", "VARDENHET", "Tallbo vårdcentral"),
        ("Boende: Lindhaga äldreboende", "VARDENHET", "Lindhaga äldreboende"),
        # the section before its hospital or clinic, with a comma
        ("Välkommen till Långtidsteamet, Norrbyns sjukhus!", "VARDENHET", "Långtidsteamet, Norrbyns sjukhus"),
        (
            "Remiss till Ryggrehabiliteringen, Ortopediska kliniken, Ekstads lasarett i morgon.",
            "VARDENHET",
            "Ryggrehabiliteringen, Ortopediska kliniken, Ekstads lasarett",
        ),
        # a private clinic's company form
        ("Faktura från Ryggkliniken Ekbacken AB, Umeå", "VARDENHET", "Ryggkliniken Ekbacken AB"),
        # an abbreviation pair glued before the unit's compound
        ("Jag har fått tid på POTS/ME-mottagningen i Lund.", "VARDENHET", "POTS/ME-mottagningen i Lund"),
        # an agency's abbreviation before the date of its decision
        ("Fick avslag fran FK 2025-01-14 trots intyget.", "ORGANISATION", "FK"),
        # a name in capitals after an insurance form's field
        ("Försäkringstagare: JONNA ÅKESSON\nPersonnr: 19880101-0000", "PERSON", "JONNA ÅKESSON"),
        ("Försäkrad: Linnea Berg", "PERSON", "Linnea Berg"),
        # the postal town after a foreign postcode, with a letter the place rules do not read
        ("Adres: ul. Polna 5, 00-950 Gdańsk", "ORT", "Gdańsk"),
        # English "years old" after a name in brackets or after "she is"
        ("My son Oliver Grant (17 years old) is bedbound.", "ALDER", "17 years old"),
        ("She is 23 years old and cannot work.", "ALDER", "23 years old"),
        # a chat between people: one-word speakers after a clock time, a first name that is a word too
        ("[08:02] Sten: kan du handla åt mig?\n[08:10] Lova: ja, efter jobbet", "PERSON", "Sten"),
        ("[08:02] Sten: kan du handla åt mig?\n[08:10] Lova: ja, efter jobbet", "PERSON", "Lova"),
        # an association named by an illness's acronym, with its district
        ("Styrelsen, POTS-föreningen Skåne", "ORGANISATION", "POTS-föreningen Skåne"),
        ("Jag gick med i ME/CFS-förbundet förra året.", "ORGANISATION", "ME/CFS-förbundet"),
        # the writer's town in a forum greeting in English or Norwegian
        ("Hi from Leeds! Anyone else with POTS here?", "ORT", "Leeds"),
        ("Hei! Jeg er fra Tromsø men bor i Sverige nå", "ORT", "Tromsø"),
        # a letter's place and date line
        ("Med vänlig hälsning\nUmeå den 4 maj 2025\nKarin Ek", "ORT", "Umeå"),
        ("Mora, den 12/3\nHej!", "ORT", "Mora"),
    ],
)
def test_round66_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a symptom's score out of ten, not the day of October
        ("Värken i knät och höften är 7/10 i dag.", "DATUM", "7/10"),
        ("Värken låg på 5/10 vid lunch och 8/10 på kvällen.", "DATUM", "8/10"),
        ("Logg\nlör 8/3: energi 4/10, vilade\nsön 9/3: 2/10, sov mest", "DATUM", "4/10"),
        ("Logg\nlör 8/3: energi 4/10, vilade\nsön 9/3: 2/10, sov mest", "DATUM", "2/10"),
        # a Swedish personnummer is no foreign phone's rest
        ("Tel. +49 (0)711 280-4436", "PERSONNUMMER", "711 280-4436"),
        # a bracketed letter in a list is no at sign
        ("Välj (a) eller [a]. Läs mer på example.se", "EPOST", "[a]. Läs mer på example.se"),
        # the dash date is no phone number
        ("Besök 23-09-2024 hos fysioterapeuten.", "TELEFON", "23-09-2024"),
        # a care team in no town, a generic unit before a comma
        ("Jag ringde smärtteamet i måndags.", "VARDENHET", "smärtteamet i måndags"),
        (
            "jag var på smärtmottagningen, Danderyds sjukhus skickade hem mig",
            "VARDENHET",
            "smärtmottagningen, Danderyds sjukhus",
        ),
        ("Mottagningen, Danderyds sjukhus, ringde.", "VARDENHET", "Mottagningen, Danderyds sjukhus"),
        # an everyday word before "vårdcentral" at a start stays no unit
        ("Bästa vårdcentral i stan!", "VARDENHET", "Bästa vårdcentral"),
        # a name no list has before "på vårdcentralen" at a start, no form field before it
        ("Zlatimira på vårdcentralen var snäll.", "VARDENHET", "Zlatimira på vårdcentralen"),
        # a form's number after the agency's abbreviation stays a form
        ("Blankett FK 7263 ska fyllas i.", "ORGANISATION", "FK"),
        # a thing's age in English
        ("The house is 100 years old.", "ALDER", "100 years old"),
        # the shoulder in a list of body parts, a German letter's closing
        ("Axel, knä och höft värker i dag.", "PERSON", "Axel"),
        ("Ont i rygg, Axel och nacke sedan i fredags.", "PERSON", "Axel"),
        ("Mit freundlichen Grüßen\nDr. Anna Weber", "PERSON", "Grüßen"),
        # a chat with a role's or a tag's line keeps its word-names as words
        ("[09:01] Info: stängt i dag\n[09:02] Max: antal 3", "PERSON", "Max"),
        ("[09:01] Sten: hej\n[09:02] Sjuksköterska: hej", "PERSON", "Sten"),
        # a country after "Hi from", a weekday before "den" and the date
        ("Hi from Sweden!", "ORT", "Sweden"),
        ("Fredag den 4 maj var jag där", "ORT", "Fredag"),
    ],
)
def test_round66_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Vi ses 8/10 på mottagningen.",  # a date, no symptom before
        "Ont sedan 8/10 i ryggen.",  # a date after "sedan"
    ],
)
def test_round66_dates_beside_scores_stay_dates(text: str) -> None:
    assert "8/10" in values_labelled(text, "DATUM", KEY)


def test_round66_phone_without_extension_word_keeps_its_end() -> None:
    text = "ring 031-712 40 00 anknytningen är trasig"
    assert values_labelled(text, "TELEFON", KEY) == ["031-712 40 00"]


def test_round66_a_name_in_a_list_of_people_stays_a_name() -> None:
    assert "Axel" in values_labelled("Axel, Stina och Nils kom på besök.", "PERSON", KEY)


def test_round66_a_name_on_the_line_after_a_postcode_stays_a_name() -> None:
    assert "Anna Berg" in values_labelled("Box 12, 123 45 Solna\nAnna Berg", "PERSON", KEY)

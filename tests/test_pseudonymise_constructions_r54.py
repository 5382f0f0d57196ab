"""Round 54 kinds of construction (ear, nose and throat care, hearing and sleep; blind set 82):
ear, nose and throat care by its letters as a unit with its town, before its town or hospital and
after its provider; hearing care's centres with their town wherever they stand; an audiologist's
firm named by its trade before its town; the interviewee's sex and age in interview notes; an age
as the second half of what someone is; a child's age to the half year; a bare age in a bracket
after a word for a child; a day and month in a fraction's shape before a cause; a word-name
opening a sentence before a compound workplace word; a word-name again before what a participant
says; a full name's first name alone again.
Look-alikes stay untouched: the letters alone or before a month, an interpreting agency's centre,
an ordinary firm, the hard of hearing's own association; an order number labelled with what it is
for in two words, goods as packed; "man" the pronoun, spans of time, a body part's diminutive, a
thing's age referred back to; fractions of a measure or a group; a story's characters, a word-name
after "ett" and a describing word; an infinitive opening a sentence.
Own examples: invented names, numbers, units and codes; towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-54-test-key-0123456789abcdef"
PNR = luhn_complete("520611123")
PNR_DASH = f"{PNR[:6]}-{PNR[6:]}"
PNR_PLUS = f"{PNR[:6]}+{PNR[6:]}"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # ear, nose and throat care by its letters with its town, compounded or typed without dots
        ("Dottern fick rör på Barn-ÖNH i Falun förra året.", "VARDENHET", "Barn-ÖNH i Falun"),
        ("vi har en tid på onh i västerås imorgon", "VARDENHET", "onh i västerås"),
        ("Remissen gick till ÖNH Sundsvall i höstas.", "VARDENHET", "ÖNH Sundsvall"),
        # after the private provider that runs it, and before its hospital
        ("Jag gick privat till Aleris ÖNH Uppsala till slut.", "VARDENHET", "Aleris ÖNH Uppsala"),
        ("Hon låg två dygn på ÖNH Danderyds sjukhus i våras.", "VARDENHET", "ÖNH Danderyds sjukhus"),
        # hearing care's centres with their town, also as the subject of a clause
        ("Jag tycker att hörcentralen i Falun borde svara.", "VARDENHET", "hörcentralen i Falun"),
        ("Vet någon om syncentralen i Gävle har öppet?", "VARDENHET", "syncentralen i Gävle"),
        # an audiologist's firm named by its trade, with its town
        ("Jag köpte filter via Hörselhuset i Borås.", "VARDENHET", "Hörselhuset i Borås"),
        ("Batterierna kom från Hörselbolaget i Umeå.", "VARDENHET", "Hörselbolaget i Umeå"),
        # the interviewee's sex and age in an interview's notes, "man" too
        ("Intervju 4 maj, ip man 66 år, bor ensam.", "ALDER", "66 år"),
        # an age as the second half of what someone is
        ("Jag är busschaufför och 47 år. Jag sover dåligt.", "ALDER", "47 år"),
        ("Hon är änka och 81 år, och hör allt sämre.", "ALDER", "81 år"),
        # a child's age to the half year, after a pronoun or a first name
        ("Elvira är 2,5 år nu och snarkar varje natt.", "ALDER", "2,5 år"),
        ("Han är 4,5 år och har haft rör två gånger.", "ALDER", "4,5 år"),
        # a bare age in a bracket after a word for a child
        ("Vi kom in med lillkillen (4) mitt i natten.", "ALDER", "4"),
        ("Storasyster (sju) följde med till mottagningen.", "ALDER", "sju"),
        # a day and month in a fraction's shape before a cause or a conjunction
        ("Vi fick ställa in operationen 3/4 pga feber.", "DATUM", "3/4"),
        ("Hon skulle opereras 2/3 eftersom kön var kort.", "DATUM", "2/3"),
        # a word-name opening a sentence before "på" and a compound workplace word
        ("Max på hörselverkstaden bytte slangen direkt.", "PERSON", "Max"),
        ("Sten på barnakuten tog emot oss.", "PERSON", "Sten"),
        # a word-name again after a participants' list, before what a participant says
        ("Deltagare: Ingrid (63), Dag (70). Dag beskriver att det susar.", "PERSON", "Dag"),
        # a full name's first name, a word too, alone again
        ("Jag är god man för Tor Lindahl. Tor har svårt att höra.", "PERSON", "Tor"),
    ],
)
def test_round54_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the letters alone are the specialty, any clinic; a month after them is no town
        ("Jag fick remiss till ÖNH i maj.", "VARDENHET", "ÖNH i maj"),
        ("Remiss till ÖNH. Falun har kö.", "VARDENHET", "ÖNH. Falun"),
        # an interpreting agency's centre is no hearing centre
        ("Jag tycker att tolkcentralen i Falun borde svara.", "VARDENHET", "tolkcentralen i Falun"),
        # an ordinary firm and the hard of hearing's own association stay bodies
        ("Jag beställde via Byggbolaget i Umeå.", "VARDENHET", "Byggbolaget i Umeå"),
        ("Jag är med i Hörselskadades förening i Umeå.", "VARDENHET", "Hörselskadades förening i Umeå"),
        # an order's number labelled with what it is for, a describing word and its noun; goods
        # as they are packed
        (f"Ordernr på nya masken: {PNR_DASH}.", "PERSONNUMMER", PNR_DASH),
        (f"Beställningsnummer för gamla filtren {PNR_DASH}", "PERSONNUMMER", PNR_DASH),
        (f"Kartong nr {PNR_DASH} var trasig vid leveransen.", "PERSONNUMMER", PNR_DASH),
        (f"Förpackning nr {PNR_PLUS} saknade domer.", "PERSONNUMMER", PNR_PLUS),
        # "man" the pronoun before a span of time
        ("Sen fick man 2 år till.", "ALDER", "2 år"),
        # a span of time after what someone was, and a decimal that is a duration
        ("Jag var arbetslös och 3 år senare fick jag jobb.", "ALDER", "3 år"),
        ("Väntetiden är 1,5 år nu.", "ALDER", "1,5 år"),
        ("Jag är 4,5 år från pension.", "ALDER", "4,5 år"),
        # a diminutive of a body part before a bracket
        ("Jag klämde lillfingret (2) i dörren.", "ALDER", "2"),
        # a thing's age, referred back to by a describing word after a comma
        ("Remiss för ny hörapparat, nuvarande är 7 år gammal.", "ALDER", "7 år"),
        # a fraction of a measure or of a group
        ("Bara 3/4 timme pga kön.", "DATUM", "3/4"),
        ("3/4 av patienterna var nöjda.", "DATUM", "3/4"),
        # a story's characters by one name each, and one listed after them
        ("Leksakerna och filmen om Alfons och Milla hjälpte.", "PERSON", "Alfons"),
        ("Leksakerna och filmen om Alfons och Milla hjälpte.", "PERSON", "Milla"),
        ("Vi läste boken om Totte hela kvällen.", "PERSON", "Totte"),
        # a word-name after the neuter article and a describing word is the noun written large
        ("Med rören är det som ett nytt Liv, ja verkligen.", "PERSON", "Liv"),
        # an infinitive opening a sentence before a home's compound
        ("Bo på äldreboendet är tråkigt.", "PERSON", "Bo"),
        # a full name's first name again before no verb of a person
        ("Vi gick till Sten Ek. Sten för sten byggdes muren.", "PERSON", "Sten"),
    ],
)
def test_round54_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_personnummer_after_a_possessive_and_a_person_still_counts() -> None:
    assert PNR_DASH in values_labelled(f"Ordernummer för min pappa {PNR_DASH}", "PERSONNUMMER", KEY)
    assert PNR_DASH in values_labelled(f"Pnr: {PNR_DASH}, kartongen kom i dag.", "PERSONNUMMER", KEY)


def test_a_person_after_a_thing_keeps_her_age() -> None:
    assert "90 år" in values_labelled("Mamma fick ny hörapparat, hon är 90 år gammal.", "ALDER", KEY)


def test_people_spoken_of_and_a_person_with_an_adjective_still_count() -> None:
    assert "Anna" in values_labelled("Vi pratade om Anna och Per hela kvällen.", "PERSON", KEY)
    assert "Björn" in values_labelled("Det var en trevlig Björn som hjälpte oss.", "PERSON", KEY)
    assert "Liv" in values_labelled("Vi fick ett nytt besked av Liv på mottagningen.", "PERSON", KEY)
    assert "Max" in values_labelled("Jag hade ett samtal med Max igår.", "PERSON", KEY)
    assert "Max" in values_labelled("Det var ett test Max gjorde med oss.", "PERSON", KEY)

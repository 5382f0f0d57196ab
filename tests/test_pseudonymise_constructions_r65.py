"""Round r65 kinds of construction (adult psychiatry; blind set 95): a personnummer named by its
own word in brackets after it, whatever label stands before ("ID: … (samordningsnummer)"); a
department and its hospital or psychiatric division joined by a comma, in either order, as one
unit; a region's psychiatric division by its town or its specialty ("Psykiatri <Ort>",
"Psykiatri <Adjektiv>"), and a unit's district after its town ("… <Ort> Nord"); a county
hospital's own name after "Länssjukhuset"; a day and month (or a short year's date) right before
the clock time; a mail header's English short month with its year; the municipality field of a
form; the writer's sex and age opening an answer ("M, 52, …"); a name no list has after a
nurse's short title. False alarms taken back: one of a numbered series of treatments read as a
date ("Behandling 3/8"), a contact line's label read as a name ("Tel 0…"), a letter's closing
and an English contraction read as names, the generic "Patientföreningen". Look-alikes stay
untouched beside each. Own examples: invented names, places from the place list or invented,
none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-r65-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a personnummer named by its own word in brackets after it, after a label that names others
        (
            "Protokoll dialys\nID: 19790467-2384 (samordningsnummer)\nNamn: Vera Lidholm",
            "PERSONNUMMER",
            "19790467-2384",
        ),
        ("Kod: 611203-2281 (personnummer), inskriven 3 maj.", "PERSONNUMMER", "611203-2281"),
        # a department and its hospital or division joined by a comma, in either order
        (
            "Remiss till Geriatriska akutmottagningen, Centralsjukhuset Växjö.",
            "VARDENHET",
            "Geriatriska akutmottagningen, Centralsjukhuset Växjö",
        ),
        (
            "Kallad till Ätstörningsmottagningen, Psykiatri Umeå i maj.",
            "VARDENHET",
            "Ätstörningsmottagningen, Psykiatri Umeå",
        ),
        (
            "Svar från Beroendepsykiatrin, Psykiatri Nordost kom i dag.",
            "VARDENHET",
            "Beroendepsykiatrin, Psykiatri Nordost",
        ),
        (
            "Psykiatri Geriatriska, Akademiska sjukhuset har lång kö.",
            "VARDENHET",
            "Psykiatri Geriatriska, Akademiska sjukhuset",
        ),
        (
            "Med vänlig hälsning\nSkaraborgs sjukhus Skövde, Beroendemottagningen",
            "VARDENHET",
            "Skaraborgs sjukhus Skövde, Beroendemottagningen",
        ),
        # a region's psychiatric division by its town or specialty, and a district after the town
        ("Han fick till slut tid på Psykiatri Norra Uppsala efter ett år.", "VARDENHET", "Psykiatri Norra Uppsala"),
        ("Remissen gick till Psykiatri Psykotiska Väst i april.", "VARDENHET", "Psykiatri Psykotiska Väst"),
        ("Kontakt: Vuxenpsykiatrimottagning Gävle Syd", "VARDENHET", "Vuxenpsykiatrimottagning Gävle Syd"),
        # a county hospital's own name after the hospital word
        ("Hon vårdades på Länssjukhuset Sörbyvik i två veckor.", "VARDENHET", "Länssjukhuset Sörbyvik"),
        # a day and month, or a short year's date, right before the clock time
        ("Hej! Vi ses på fredag 16.5 kl 14 i entrén.", "DATUM", "16.5"),
        ("Påminnelse: EKG 24-10-07 kl 09:20, kom fastande.", "DATUM", "24-10-07"),
        # a mail header's English short month with its year (the weekday with it, as the product writes it)
        ("From: a.b@exempel.se\nDate: Thu, 9 Oct 2025 14:02:11 +0200\nSubject: tid", "DATUM", "Thu, 9 Oct 2025"),
        # the municipality field of a form
        ("Namn: Vera Lidholm\nHemkommun: Gällivare\nTelefon: 070-318 22 90", "ORT", "Gällivare"),
        # the writer's sex and age opening an answer
        ("K, 47, Luleå. Fick vänta länge på samtal.", "ALDER", "47"),
        ("M, 33: bra bemötande i receptionen", "ALDER", "33"),
        # a name no list has after a nurse's short title
        ("Närvarande: ssk Tarnjit Oyelaran, kurator", "PERSON", "Tarnjit Oyelaran"),
    ],
)
def test_round_r65_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # an order number with its own word after it stays no personnummer
        ("Order-ID: 19850412-1121 (ordernummer)", "PERSONNUMMER", "19850412-1121"),
        # a capitalised word after "Psykiatri" that is no town and no specialty
        ("Psykiatri Jag vet inte vad jag ska tro.", "VARDENHET", "Psykiatri Jag"),
        # a capital after the hospital word that opens the next sentence
        ("Hon låg på Länssjukhuset Jag minns inte hur länge.", "VARDENHET", "Länssjukhuset Jag"),
        # a day and month without the clock time stays a clock time or a number
        ("Mellan 14.30 kl 15 var det tyst.", "DATUM", "14.30"),
        ("Artikel 24-10-07 finns i katalogen.", "DATUM", "24-10-07"),
        # a sex and a count, not an age
        ("M, 5 st kvar i lådan", "ALDER", "5"),
        ("K, 12 veckor", "ALDER", "12"),
        # a nurse's short title before an everyday word
        ("Ring ssk Bra tider finns.", "PERSON", "Bra"),
    ],
)
def test_round_r65_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # one of a numbered series of treatments, sessions or modules is no date
        ("Behandling 5/10, bilateral, 0,5 ms.", "DATUM", "5/10"),
        ("Session 2/6 klar, nästa vecka.", "DATUM", "2/6"),
        ("Modul nr 3/8 öppnad.", "DATUM", "3/8"),
        # a contact line's label before its number is no name
        ("Med vänlig hälsning\nMaja Lindqvist, kurator\nTel 0571-123 45", "PERSON", "Tel"),
        ("Karin Åström, enhetschef\nMobil: 070-655 43 21", "PERSON", "Mobil"),
        # a letter's closing in another language, an English contraction
        ("Mit freundlichen Grüßen\nUrsula Kemper", "PERSON", "Grüßen"),
        ("Med venlig hilsen\nJens", "PERSON", "hilsen"),
        ("Hi, I'm a student at the university and I've got questions.", "PERSON", "I'm"),
        # the generic patients' association of the text
        ("Patientföreningen har öppet hus på torsdag.", "ORGANISATION", "Patientföreningen"),
    ],
)
def test_round_r65_false_alarms_are_gone(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a date after the same series word with "den" stays a date, and in the definite form
        ("Ny behandling den 4/12.", "DATUM", "4/12"),
        # the signer under a closing stays a name, and so does a name with an apostrophe
        ("Mit freundlichen Grüßen\nUrsula Kemper", "PERSON", "Ursula Kemper"),
        ("Hon pratade med Liam O'Brien i telefon.", "PERSON", "Liam O'Brien"),
        # a phone number after its label stays a phone number
        ("Karin Åström, enhetschef\nMobil: 070-655 43 21", "TELEFON", "070-655 43 21"),
        # an association with its town stays an organisation
        ("Patientföreningen Gävle har öppet hus.", "ORGANISATION", "Patientföreningen Gävle"),
    ],
)
def test_round_r65_neighbours_stay_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)

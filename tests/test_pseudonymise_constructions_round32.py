"""Round 32 kinds of construction (formal complaints and their answers: patient boards, IVO, JO,
social boards, decisions, guardians; blind set 60): a ward by its specialty and number, a unit
named by what it treats ("Enheten för <x>"), a ward number and specialty before the hospital, an
emergency unit or housing support by its district, a named home's kind in the genitive ("<X>s
LSS-boende", "<X>s korttids"), a municipality's part after its town ("Hemtjänsten <Ort> norra");
a firm by its partners ("<X> & Co Advokatbyrå"), a newspaper after "tidningen", a region's
service with its region, an authority's full name before its short form in brackets, a board
"i <X> kommun" with a town no list has, a body's name after the verb that contacted it; a
nickname in quotes inside a full name, a first name that is also a word after "god man"; a
street of one letter and its suffix ("Ågatan 2"). Look-alikes stay untouched: a title before a
name ("Ombudsmannen"), anyone's home of a kind ("Mammas korttids"), a unit word opening a
sentence, a town after a unit and a comma (a town of its own, as the older sets read it), a
person after "tidningen", a medical term before its abbreviation.
Own examples: invented names, units and firms, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-32-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a ward by its specialty and number, a unit by what it treats (a town after a comma
        # stays a town, as the older sets read it)
        ("Han skrevs ut från Geriatrisk avdelning 14, Västerås den 3 maj.", "VARDENHET", "Geriatrisk avdelning 14"),
        ("Han skrevs ut från Geriatrisk avdelning 14, Västerås den 3 maj.", "ORT", "Västerås"),
        ("Hon låg på Geriatrisk avdelning 3 Karlstad i en vecka.", "VARDENHET", "Geriatrisk avdelning 3 Karlstad"),
        ("Vi på Enheten för smärtbehandling, Örebro har bokat in dig.", "VARDENHET", "Enheten för smärtbehandling"),
        # a ward number and its specialty before the hospital
        ("Pappa låg på Avd 12 Kirurgi Köpings sjukhus i tre veckor.", "VARDENHET", "Avd 12 Kirurgi Köpings sjukhus"),
        # an emergency unit by a district no list has, housing support by its town
        ("Den 3 maj kom jag till Närakuten Kvarnbyn med min son.", "VARDENHET", "Närakuten Kvarnbyn"),
        ("Jag anmäler att Boendestödet Köping inte har kommit.", "VARDENHET", "Boendestödet Köping"),
        # a named home's kind in the genitive, also said short
        ("Jag vill klaga på Björklidens LSS-boende. Min bror får inte gå ut.", "VARDENHET", "Björklidens LSS-boende"),
        ("Hon flyttades till Solhagens korttids utan att vi fick veta.", "VARDENHET", "Solhagens korttids"),
        # a municipality's part after its town
        ("Vårdgivare: Hemtjänsten Sala södra\nBeskrivning: ingen kom.", "VARDENHET", "Hemtjänsten Sala södra"),
        # a firm by its partners and kind
        ("Ombud: advokat Per Lind, Lind & Co Advokatbyrå", "ORGANISATION", "Lind & Co Advokatbyrå"),
        # a newspaper after "tidningen"
        ("Ingen lyssnar, nu går jag till tidningen VLT.", "ORGANISATION", "VLT"),
        # a region's service with its region
        (
            "Tolken från Tolkförmedlingen Region Västmanland län kom aldrig.",
            "ORGANISATION",
            "Tolkförmedlingen Region Västmanland län",
        ),
        # an authority's full name before its short form
        ("Till Statens servicenämnd (SSN)\nJag klagar.", "ORGANISATION", "Statens servicenämnd"),
        # a board with a municipality no list has, and after the verb that contacted it
        ("Till registrator, Kommunstyrelsen i Ramsele kommun", "ORGANISATION", "Kommunstyrelsen i Ramsele kommun"),
        ("Jag kontaktade Socialnämnden i Sala kommun igen.", "ORGANISATION", "Socialnämnden i Sala kommun"),
        # a nickname in quotes inside a full name, one person
        ('Jag heter Karin "Kajsa" Holm och är 80 år.', "PERSON", 'Karin "Kajsa" Holm'),
        # a first name that is also a word, after "god man"
        ("Min gode man Rune hjälper mig skriva.", "PERSON", "Rune"),
        # a street of one letter and its suffix
        ("Kom hem till oss på Ågatan 7.", "ADRESS", "Ågatan 7"),
    ],
)
def test_round32_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a title before a name is no organisation
        ("Ombudsmannen Eva Lund på Patientnämnden sa att hon skulle ringa.", "ORGANISATION", "Ombudsmannen"),
        # anyone's home of a kind
        ("Mammas korttids är stängt i sommar.", "VARDENHET", "Mammas korttids"),
        ("Kommunens LSS-boende har fått ny chef.", "VARDENHET", "Kommunens LSS-boende"),
        # a unit named by what it treats, at a sentence start: any clinic's kind
        ("Enheten för smärtbehandling finns på alla sjukhus.", "VARDENHET", "Enheten för smärtbehandling"),
        # the municipality's office is no care unit
        ("Vi fick brev från Enheten för ekonomiskt bistånd igen.", "VARDENHET", "Enheten för ekonomiskt bistånd"),
        # a person after "tidningen", a person after an emergency unit
        ("Jag läste i tidningen Anna skrev om det.", "ORGANISATION", "Anna"),
        ("Vi ringde Barnakuten Anna svarade direkt.", "VARDENHET", "Barnakuten Anna"),
        # a medical term before its abbreviation
        ("Han har kronisk obstruktiv lungsjukdom (KOL) sedan länge.", "ORGANISATION", "kronisk obstruktiv lungsjukdom"),
    ],
)
def test_round32_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_town_after_a_comma_stays_a_town() -> None:
    text = "Jag begär journalen från Hemtjänstgrupp Norr, Västerås. Tack."
    assert "Hemtjänstgrupp Norr" in values_labelled(text, "VARDENHET", KEY)
    assert "Västerås" in values_labelled(text, "ORT", KEY)

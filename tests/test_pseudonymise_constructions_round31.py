"""Round 31 kinds of construction (contacts with the social insurance agency, the employment
service, social services and rehab coordinators, blind set 57): the agencies' abbreviations
("FK", and "AF", "fk", "af" where a text deals with an agency), a lowercase authority in the
genitive, a municipal board with its municipality and no "i", the organisation on a meeting
participant's line ("<Namn>, <roll>, <Organisation>"), a union named by its own e-mail domain or
after a union representative, an employer after "anställning hos" or in brackets after
"arbetsgivaren"; ages: "från N års ålder" in a sentence with its subject left out, an age as a
sentence of its own after "<Namn> heter jag.", a bare later age ("sedan 13", "vid 30") in a text
that states an age.
Look-alikes stay untouched: a form number after "FK", a breathing rate "AF 24", atrial
fibrillation ("har AF"), the noble particle "af", a day of a sick leave after a word that is also
a name ("Dag 180 kom"), a fraction said again ("1/4 sjukpenning … Varför 1/4 när"), and (guards that hold on main too) clock times after "sedan" in a text
without an age.
Own examples: invented names, towns from the place list and numbers, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-31-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the agencies' abbreviations
        ("Jag har väntat i sju veckor på att FK ska läsa intyget.", "ORGANISATION", "FK"),
        ("Jag har varit inskriven hos AF i två år.", "ORGANISATION", "AF"),
        ("skickade papper till fk igen idag", "ORGANISATION", "fk"),
        ("ingen svarar. af skyller på kassan.", "ORGANISATION", "af"),
        ("Bra om FK och AF kunde prata med varandra.", "ORGANISATION", "AF"),
        ("läkaren säger af, af säger läkaren", "ORGANISATION", "af"),
        ("trött idag.\naf: bra möte.\nsoc: inget.", "ORGANISATION", "af"),
        # a lowercase authority in the genitive
        ("Väntat länge på försäkringskassans beslut om sjukpenning.", "ORGANISATION", "försäkringskassans"),
        # a municipal board with its municipality, no "i"
        (
            "Till Socialförvaltningen Lidköpings kommun\nAngående hemtjänsten",
            "ORGANISATION",
            "Socialförvaltningen Lidköpings kommun",
        ),
        # a participant's line: name, role, organisation
        (
            "Närvarande:\nKerstin Ahl, rehabsamordnare, Region Norrbotten\nTomas Lind, facklig företrädare, Byggnads Norr",
            "ORGANISATION",
            "Byggnads Norr",
        ),
        ("Deltagare:\nSara Nyqvist, HR-partner, Boliden Mineral\nOla Berg, chef", "ORGANISATION", "Boliden Mineral"),
        # a union named by its own e-mail domain
        ("Ombud: Lena Falk, Seko, lena.falk@seko.se, 010-123 45 67", "ORGANISATION", "Seko"),
        # a union after the representative
        ("Min fackliga företrädare Jonas Wik från Handels var med hela tiden.", "ORGANISATION", "Handels"),
        # an employer after "anställning hos" or in brackets after "arbetsgivaren"
        ("Min anställning hos Skellefteå Kraft avslutades i maj.", "ORGANISATION", "Skellefteå Kraft"),
        ("Arbetsgivaren (COOP Forum Luleå) har inte erbjudit något annat.", "ORGANISATION", "COOP Forum Luleå"),
        # an age in a sentence whose subject is left out
        ("Fick diagnosen från 9 års ålder. Inget stöd sedan dess.", "ALDER", "9 års"),
        # an age as a sentence of its own after the introduction
        ("Min dotter skriver åt mig. Gunnel heter jag. 72. Orkar inte ringa.", "ALDER", "72"),
        # a later age said bare in a text that states an age
        ("Min son Elias (16). Han har haft ångest sedan 11. Ingen lyssnar.", "ALDER", "11"),
        ("Har haft ersättning sedan jag var 20. Nu tar den slut vid 29 och sen vet jag inte.", "ALDER", "29"),
    ],
)
def test_round31_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dag 180 kom och ingen hörde av sig.", "Dag"),  # a day of the sick leave, not a name
        # a fraction said again: the benefit's level, not the first of April
        ("Beslutet gäller 1/4 sjukpenning från mars. Varför 1/4 när jag inte orkar något?", "1/4"),
    ],
)
def test_round31_look_alikes_are_not_found(text: str, value: str) -> None:
    assert value not in [v for _, v in finds(text, KEY)]


# guards for the new rules (these hold on main too): what they must leave alone
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Fyll i blanketten FK 5446 och skicka in den.", "FK"),  # a form's number
        ("Pat vaken, AF 24, saturation 95 %.", "AF"),  # breathing rate
        ("Pappa har AF och tar blodförtunnande.", "AF"),  # atrial fibrillation
        ("Vi pratade med Johan af Sandeberg om saken.", "af"),  # a noble particle
        ("Mottagningen har varit stängd sedan 13 idag.", "13"),  # a clock time, no age in the text
        ("Hon är 34 år. Vi ses vid 14, sa hon.", "14"),  # a clock time in a text with an age
    ],
)
def test_round31_new_rules_leave_look_alikes(text: str, value: str) -> None:
    assert value not in [v for _, v in finds(text, KEY)]

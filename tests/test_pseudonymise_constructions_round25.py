"""Round 25 kinds of construction (social media and open forums, read from blind set 49): what
in a post looks like a name but is not – an account handle made of everyday words under an app's
name ("Instagram @kaffeochkaos"), a law's short name written with small letters inside ("enligt
HsL"), a group's role signing a post ("/Moderatorn"); and a capitalised compound ending in a
care unit's head noun read as a name before "heter" ("på Nätpsykiatrin heter …"), which is a
unit; a symptom's strength out of ten ("Värken ligger på 7/10"), which is no date; a court named
without its seat ("Kammarrätten tog ett år"), which is the court system, not one court. Found:
the writer in a comment's or a reply's header ("Kommentar från Ada Obi:", "↳ Ada Obi: …") and
an envelope's town in capitals after two spaces ("702 15  VÄXJÖ"). Handles built from a name, names beside a role word and look-alike traps (doses, case and
order numbers, dates, prices, years) must stay what they are. Own examples: new names, handles
and units, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-25-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    "text",
    [
        # a feed's title made of words under the app's name
        "Instagram @kaffeochkaos\nVecka 3 med nya schemat. Trött men glad.",
        "TikTok @livetpaavdelningen\nNattpass igen, 3 av 4 den här veckan.",
        "Följ gärna på instagram @mammamedadhd där skriver jag mer.",
        # a law's short name with small letters inside
        "Insatsen beviljades enligt HsL och inte enligt LSS.",
        "Upphandlingen gjordes enligt LoU och LoV, sa kommunen.",
        "Bostad kan ges enligt SoL eller LoV. Fråga handläggaren.",
        # a role signing a post
        "Påminnelse: inga namn på personal i trådarna, tack. /Moderatorn",
        "Tråden är låst nu.\n/Admins",
        "Tänk på tonen i gruppen. /Admin",
    ],
)
def test_handles_laws_and_roles_are_no_names(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a unit-headed compound before "heter" is a unit, the name after it a person
        ("Kuratorn på Nätpsykiatrin heter Oskar Lindvall och är bra.", "VARDENHET", "Nätpsykiatrin"),
        ("Läkaren på Strokekliniken heter Mira Nyqvist.", "VARDENHET", "Strokekliniken"),
        # the writer in a comment's or a reply's header, a name no list knows
        ("Kommentar från Adaeze Obi:\nJag håller med dig.", "PERSON", "Adaeze Obi"),
        ("Bra skrivet!\n  ↳ Ifeoma Nwosu: Tack, det värmer.", "PERSON", "Ifeoma Nwosu"),
        # an envelope's town in capitals after two spaces
        ("Kuvertet:\nLindvägen 8\n352 46  VÄXJÖ", "ORT", "VÄXJÖ"),
        # a court with its seat is one court
        ("Domen från Kammarrätten i Sundsvall kom i dag.", "ORGANISATION", "Kammarrätten i Sundsvall"),
        # a date after a symptom keeps its verb or preposition of time
        ("Ont sedan 9/10, fick tid hos läkaren.", "DATUM", "9/10"),
        ("Värken började 3/10 och nu är den värre.", "DATUM", "3/10"),
        ("Kuratorn på Nätpsykiatrin heter Oskar Lindvall och är bra.", "PERSON", "Oskar Lindvall"),
        # a handle built from a name or with digits stays the person's handle
        ("Skriv till mig på insta @linneaberg så svarar jag.", "PERSON", "@linneaberg"),
        ("Min snap är tove_2009 om någon vill prata.", "PERSON", "tove_2009"),
    ],
)
def test_units_and_real_handles_stay_what_they_are(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


def test_a_name_beside_a_role_word_stays_a_name() -> None:
    text = "Tack för att ni är med i gruppen! /Admin Greta Holmqvist"
    assert any("Greta Holmqvist" in v for v in values_labelled(text, "PERSON", KEY))


def test_unit_headed_compound_is_no_person() -> None:
    text = "Kuratorn på Nätpsykiatrin heter Oskar Lindvall och är bra."
    assert "Nätpsykiatrin" not in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Litium 0,8 mmol/l och 300 mg morgon och kväll, ärende 2025-0412.",
        "Ordernummer 771204-3318 kom aldrig fram, kostade 1 249 kr.",
        "Tiden flyttades till vecka 14 och sedan till 2026.",
        "Enligt SFS 2001:453 ska beslutet komma inom 4 månader.",
        "Instagram @\nInget här.",
        # a symptom's strength on the pain scale
        "Värken ligger på 7/10 hela tiden, sover dåligt.",
        "Ångesten är typ 9/10 på kvällarna.",
        "Smärta: 6/10 efter operationen.",
        # a court without its seat
        "Vi överklagade och Kammarrätten tog ett år på sig.",
        "Tingsrätten och Hovrätten dömer, inte vården.",
        # a reply header that names a region or a unit is no person
        "Svar från Regionens kundtjänst:\nVi beklagar det inträffade.",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert finds(text, KEY) == []

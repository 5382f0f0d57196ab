"""Round 59 kinds of construction (digital care and pharmacies; blind set 91): a surname after two
particles in a row; a chat speaker's handle built from a first name and a role, and the date of a
chat line's bracketed timestamp; an authority's name with a letter and a hyphen before it, or
ending in "-societeten", and before a hyphenated compound; a score as a sentence of its own after an
exclamation; a prescription's, a dose bag's and a parcel's numbers; a pharmacy chain's group with
its branch as the chain (ORGANISATION); a home-care group by its district in lower case; a care
provider the unit rules know named alone, a firm by its web address, before its staff in a
compound and by its channel; a unit word, its provider and its site as one unit; a name that is
also a word praised at a workplace; an acronym coordinated with an authority; software tried on a
device; a pharmacy with its district after "i", and in lower case with its town.
Look-alikes stay untouched. Own examples: invented names, firms and numbers, towns from the place
list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-59-test-key-0123456789abcdef"

CHAT = (
    "[2024-05-11 08:12] farm.Oskar: Hej, hur kan jag hjälpa?\n"
    "[2024-05-11 08:13] gäst_44: har ni ipren för barn\n"
    "<Sara_apotekare> Ja, i två styrkor."
)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # two particles before the surname
        ("Kontaktuppgifter: Joost van der Meer, Mora.", "PERSON", "Joost van der Meer"),
        ("Hälsningar Lucía de la Fuente", "PERSON", "Lucía de la Fuente"),
        # a chat's handles built from a first name, and the date of its bracketed timestamps
        (CHAT, "PERSON", "farm.Oskar"),
        (CHAT, "PERSON", "Sara_apotekare"),
        (CHAT, "DATUM", "2024-05-11"),
        # an authority with a letter and a hyphen before it; a society; before a compound
        ("Hej E-tjänstmyndigheten. Jag har frågor om loggar.", "ORGANISATION", "E-tjänstmyndigheten"),
        ("Möte med Tandläkarsocieteten i går.", "ORGANISATION", "Tandläkarsocieteten"),
        ("Rapport från Tandläkarsocieteten-mötet: kön växer.", "ORGANISATION", "Tandläkarsocieteten"),
        # a pharmacy chain's group with its branch is the chain's pharmacy
        ("Leg. apotekare, Apoteksgruppen Mora", "ORGANISATION", "Apoteksgruppen Mora"),
        # a home-care group by its district in lower case
        ("det är ju jag som är hemtjänsten västra...", "VARDENHET", "hemtjänsten västra"),
        # a provider the unit rules know, named alone
        ("Läkaren på Achima Care lyssnade inte alls.", "ORGANISATION", "Achima Care"),
        ("Tack för snabb hjälp Kry!", "ORGANISATION", "Kry"),
        # a firm by its web address, before its staff, by its channel
        ("Vårdhjälpen.se hjälpte min dotter en söndag.", "ORGANISATION", "Vårdhjälpen.se"),
        ("Terapifix-psykologen räddade min vinter.", "ORGANISATION", "Terapifix"),
        ("Hemsidan till Medicinkungen säger leverans på två dagar.", "ORGANISATION", "Medicinkungen"),
        ("Ingen svarar i chatten hos Pillerbudet efter kl 18.", "ORGANISATION", "Pillerbudet"),
        # a unit word, its provider and its site
        ("dr Berg på Närakuten Aleris Lundby sa så.", "VARDENHET", "Närakuten Aleris Lundby"),
        # a word-name praised at a workplace
        ("Ros på apoteket vid torget i Mora är en ängel.", "PERSON", "Ros"),
        ("Tack. Frid i receptionen är en pärla.", "PERSON", "Frid"),
        # an acronym beside an authority
        ("Ta det med NKV och Läkemedelsverket.", "ORGANISATION", "NKV"),
        # a pharmacy with its district after "i"; in lower case with its town
        ("Ringde Kronans Apotek i Storvallen, slut där med.", "ORGANISATION", "Kronans Apotek i Storvallen"),
        ("apotek solrosen i mora säger slut", "ORGANISATION", "apotek solrosen i mora"),
    ],
)
def test_round59_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a particle before a common word is no surname
        ("Ring Lisa om de Andra", "PERSON", "Lisa om de Andra"),
        # a handle without a name; a system log's bare timestamp
        ("<user_12> hej\n<Apoteksbot> Vill du prata med en farmaceut?", "PERSON", "user_12"),
        ("2025-01-19 07:12:44 user_id=88213 action=LOGIN", "DATUM", "2025-01-19"),
        # a plain capitalised word and "myndigheten"/"sällskapet" alone
        ("Sällskapet var trevligt.", "ORGANISATION", "Sällskapet"),
        # a rating after an exclamation, and a date that goes on after it
        ("Bra app! 4/5. Svar inom tio minuter.", "DATUM", "4/5"),
        # labelled numbers that are no phone
        ("E-recept nr 31-5522-0917 syns inte under Mina recept.", "TELEFON", "31-5522-0917"),
        ("Påsnummer 0317-04-22. Har sparat påsen.", "TELEFON", "0317-04-22"),
        ("Kollinr 0317-04-22 enligt sms:et.", "TELEFON", "0317-04-22"),
        # a house of care keeps its label; a part of a place after "hemtjänsten"
        ("hemtjänsten östra delen av stan är bra", "VARDENHET", "hemtjänsten östra"),
        # the everyday words behind a provider's name
        ("Jag är pigg och kry igen.", "ORGANISATION", "kry"),
        ("Min doktor sa att det var lugnt.", "ORGANISATION", "Min doktor"),
        # a web address and a kind of care before a hyphen
        ("Läs på 1177.se om feber.", "ORGANISATION", "1177.se"),
        ("KBT-psykologen var bra.", "ORGANISATION", "KBT"),
        ("Glukofix-appen körs på lektionerna.", "ORGANISATION", "Glukofix"),
        ("chatten med Anna gick bra", "ORGANISATION", "Anna"),
        # no name and no person's noun; praise "till"
        ("Kön på apoteket är en katastrof.", "PERSON", "Kön"),
        ("Ros till personalen på apoteket, ni är en pärla.", "PERSON", "Ros"),
        # a common acronym beside an authority
        ("ADHD och Försäkringskassan har inget med saken att göra.", "ORGANISATION", "ADHD"),
        ("MVC och Försäkringskassan har olika besked.", "ORGANISATION", "MVC"),
        # a pharmacy "i" a country or a month; "apoteket idag i <ort>"
        ("Lloyds Apotek i Sverige har brist.", "ORGANISATION", "Lloyds Apotek i Sverige"),
        ("var på apoteket idag i mora", "ORGANISATION", "apoteket idag i mora"),
    ],
)
def test_round59_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_date_that_goes_on_after_an_exclamation_stays_a_date() -> None:
    assert "4/5" in values_labelled("Hej! 4/5 kl 10 passar?", "DATUM", KEY)


def test_a_person_tried_with_med_stays_a_person() -> None:
    assert "Anna Berg" in values_labelled("Har provat med Anna Berg på mottagningen.", "PERSON", KEY)


@pytest.mark.parametrize("text", ["Provat både Opera och Vivaldi.", "Installerade Vivaldi igår."])
def test_software_tried_is_no_person(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []

"""Round r63 kinds of construction (harm reduction and addiction care; blind set 92): an LVM, SiS
or treatment home named by its bare name after a verb or a noun of a stay ("har suttit på <X>",
"placerad på <X>", "kom till <X> på LVM", "programmet på <X>"); a kin word in lower case after
thanks ("tack bror") as a way of address; a verb opening a message after a role's header line
("anhörig:⏎Ring mig"); an everyday word after "föräldrar till" ("till unga vuxna"); LARO beside
an authority as a form of care; an age in dialect ("va ja <tal>", "<Namn> e <tal>") and a second
age in words after "och" ("fjorton … och sexton när …"); the Maria clinics' full name; a sobering-up
unit by its abbreviation and town ("TNE <Ort>"); the town of a certificate's dateline ("<Ort>
2025-01-31."). Look-alikes stay untouched. Own examples: invented homes and names, towns from
the place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-r63-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a home by its bare name after a stay
        ("Min bror har suttit på Lövsjöholm sedan i maj och vi får inte hälsa på.", "VARDENHET", "Lövsjöholm"),
        ("Hon sitter på Tyresta nu, placerad enligt LVM i höstas.", "VARDENHET", "Tyresta"),
        ("Efter domen var han placerad på Granvreta i fyra månader.", "VARDENHET", "Granvreta"),
        ("Soc säger att min dotter ska transporteras till Brännvik på torsdag.", "VARDENHET", "Brännvik"),
        ("Han kom till Hälleberga på LVM strax före jul.", "VARDENHET", "Hälleberga"),
        ("Jag går i dagprogrammet på Ankaret, en del av öppenvårdsprogrammet.", "VARDENHET", "Ankaret"),
        # a kin word after thanks is no name, but a capitalised Bror after thanks stays one
        ("Tack Bror för all hjälp med flytten!", "PERSON", "Bror"),
        # a name on the line after a role's header stays a name
        ("Kontaktperson:\nRosa Lind", "PERSON", "Rosa Lind"),
        # a first name in lower case after "mamma till" stays a name
        ("Jag är mamma till elsa och vi bor i Mora.", "PERSON", "elsa"),
        # ages in dialect and a second age in words
        ("andra gången va ja nitton å då fatta ja ingenting", "ALDER", "nitton"),
        ("min sambo Oskar e 47 o jobbar natt", "ALDER", "47"),
        ("Jag var femton första gången jag rökte och sjutton när jag började dricka.", "ALDER", "sjutton"),
        # a clinic's full name, a sobering-up unit by abbreviation and town
        ("Jag har gått på Maria Beroendecentrum sedan i våras.", "VARDENHET", "Maria Beroendecentrum"),
        ("Vi fick ligga på TNE Kalmar över natten.", "VARDENHET", "TNE Kalmar"),
        # a certificate's dateline
        ("Härmed intygas att klienten deltagit. Sundsvall 2024-11-05. Eva Lund, kurator", "ORT", "Sundsvall"),
        ("Intyget utfärdades efter samtal.\nÖrebro den 3 mars 2025", "ORT", "Örebro"),
    ],
)
def test_round63_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a stay needs a home: an everyday word, a person's name, a town after "till", an island,
        # a place on holiday in a text about nothing of care
        ("Vi har suttit på Facebook hela kvällen.", "VARDENHET", "Facebook"),
        ("Jag var placerad på Anna i två år.", "VARDENHET", "Anna"),
        ("Efter LVM-beslutet flyttades han till Västerås.", "VARDENHET", "Västerås"),
        ("Han sitter på Gotland i sommar och fiskar.", "VARDENHET", "Gotland"),
        ("Vi har varit på Hälleberga på semester.", "VARDENHET", "Hälleberga"),
        # a kin word after thanks in a chat
        ("[21:02] nora_b: tack bror", "PERSON", "bror"),
        # a verb opening the message after the role's header line
        ("Från Helga Strand, anhörig:\nSkriv gärna till mig om det blir ändringar.", "PERSON", "Skriv"),
        # whom parents parent: an adjective and a plural
        ("Vi är föräldrar till små barn och behöver avlastning.", "PERSON", "små"),
        ("Vi är föräldrar till unga vuxna med missbruk.", "PERSON", "unga"),
        # a form of care beside an authority
        ("Vi samarbetar med socialtjänsten, Kronofogden och LARO.", "ORGANISATION", "LARO"),
        # a second count after "och", a thing's age in dialect
        ("Jag var femton första gången och två gånger till efter det.", "ALDER", "två"),
        ("Bilen e 12 år gammal.", "ALDER", "12 år"),
        # the abbreviation alone
        ("Vi åkte med TNE på morgonen.", "VARDENHET", "TNE"),
        # no town before the date: a closing, a meeting
        ("Hälsningar 2024-11-05", "ORT", "Hälsningar"),
        ("Mötet 3 mars 2025 blev inställt.", "ORT", "Mötet"),
    ],
)
def test_round63_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_rare_definite_noun_after_a_stay_needs_a_text_about_care() -> None:
    assert values_labelled("Vi satt på Lyktgubben hela kvällen och drack öl.", "VARDENHET", KEY) == []
    found = values_labelled("Efter LVM-beslutet har han suttit på Lyktgubben i två månader.", "VARDENHET", KEY)
    assert "Lyktgubben" in found

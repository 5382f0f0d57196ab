"""Round 13 kinds of construction (life stories and care plans in elderly care; deviation
reports and logs): farms, villages and form lines, nicknames and maiden names, pets, kings and
authors that are no one to identify, employers after a trade, signatures and user names, log
dates, client numbers and HSA-ids, estimated ages. Own examples, new names and places throughout."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds

pytestmark = pytest.mark.utan_databas

KEY = b"round-thirteen-test-key-0123456789a"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Far föddes 1922 på gården Nedre Hult utanför byn.", "Nedre Hult"),
        ("Hon växte upp i byn Grävlingsnäs med fyra syskon.", "Grävlingsnäs"),
        ("De hyrde ett torp som hette Myrbacken.", "Myrbacken"),
        ("Jag föddes på Björnekulla gård strax söder om stan.", "Björnekulla gård"),
        ("Han konfirmerades i Tvärsele socken.", "Tvärsele"),
        ("Född: 1934-05-17 i Gnosjöholm\nYrke: smed", "Gnosjöholm"),
        ("Uppvuxen i: Övre Tjärnliden\nSyskon: två", "Övre Tjärnliden"),
        ("Patient: Karl Berg, hemort Tczew\nHändelse: fall", "Tczew"),
        ("Mor var småskollärarinna i Kvarntorp i många år.", "Kvarntorp"),
        ("Han körde mjölk åt mejeriet i Ulvsäter.", "Ulvsäter"),
        ("Hon hälsar på grannen i Lövnäs varje vecka.", "Lövnäs"),
    ],
)
def test_farm_village_and_form_line_places(text: str, place: str) -> None:
    assert ("ORT", place) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Allt dokumenterades i Melior och i Cosmic.",  # systems, not places
        "Han jobbar i Teams hela dagen.",
        "Avvikelsen skickades till Söderbuss i Hallunda.",  # a firm with its place, no lone ORT
        "Vi köpte bilen från Bilmark förra veckan.",  # a firm after "från", with a place's ending
        "Han var säljare från Hemtrygg och ringde hem till oss.",
    ],
)
def test_no_place_after_systems_and_firms(text: str) -> None:
    assert not any(
        label == "ORT" and value in {"Melior", "Cosmic", "Teams", "Hallunda", "Bilmark", "Hemtrygg"}
        for label, value in finds(text, KEY)
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I skolan kallades hon Pysen.", "Pysen"),
        ("Bröderna kallade honom alltid Knatten.", "Knatten"),
        ("Jag vill att ni kallar mig Gullan.", "Gullan"),
        ("Hon heter Gunvor men alla säger Gunnan.", "Gunnan"),
        ("Han vill bli kallad Putte.", "Putte"),
        ("Kontakt sker med Ragnhild Ek (Ragge) varje vecka.", "Ragge"),
        ("Elsa Nordin, född Vikander, flyttade hit 1960.", "Vikander"),
    ],
)
def test_nicknames_and_maiden_names(text: str, name: str) -> None:
    assert ("PERSON", name) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "en tidning som kallas Kuriren",  # a thing named, not a person
        "i det så kallade Rosengård",
    ],
)
def test_things_called_something_stay(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Hon har katten Majken, som sover i hennes säng.",
        "Hunden heter Rufus och är en gammal beagle.",
        "Fåren hette Stina och Britta, och hästen hette Bamsen.",
        "Han har en jämthund som heter Arvid. Arvid är elva år.",
        "Han läser gärna om Erik XIV och Johan III.",
        "Hon tycker om Astrid Lindgrens böcker och Evert Taubes visor.",
        "Favoritsångare: Cornelis Vreeswijk och Sven-Bertil Taube.",
        "Musse Pigg på julafton.",
        "Kyrkan bredvid är över 700 år gammal.",
        "Vikt 61 kg. MNA 19 poäng, Braden 16, MMSE 22/30.",
        "Ingen bedömning enligt Braden/MNA gjordes.",
        "Vaccinet (Lot K7P22) gavs i vänster arm.",
    ],
)
def test_pets_kings_authors_are_no_one(text: str) -> None:
    assert not any(label in {"PERSON", "ALDER"} for label, _ in finds(text, KEY)), finds(text, KEY)


def test_pet_name_as_a_nickname_in_quotes_stays_a_person() -> None:
    text = 'Farfar Bengt Holm ("Bengan") har en hund som heter Bengan. Visa bilder på Bengan.'
    found = finds(text, KEY)
    assert ("PERSON", "Bengan") in found
    assert found.count(("PERSON", "Bengan")) == 1, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jag gick ut med hunden, Lisa och Per.", "Lisa"),
        ("Hoppas att ni får Wojciech (snickare) nästa gång.", "Wojciech"),  # "får" the verb, no sheep
        ("Tack för hjälpen! Marita/KBV", "Marita"),  # a first name signing for a firm, no scale
    ],
)
def test_people_next_to_pet_and_scale_words_stay(text: str, name: str) -> None:
    assert ("PERSON", name) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Han var svetsare på Kockums i trettio år.", "Kockums"),
        ("Hon fick jobb på Elektrolux och flyttade till stan.", "Elektrolux"),
        ("Han arbetade på Scania hela livet.", "Scania"),
    ],
)
def test_employer_after_a_trade(text: str, org: str) -> None:
    assert ("ORGANISATION", org) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Hon var undersköterska på Akuten i natt.",
        "Det var betydligt dyrare hos Båtdelen än hos andra.",  # a comparative, no trade
        "Frisyren blev mysigare på Söder.",
    ],
)
def test_workplace_words_and_comparatives_stay(text: str) -> None:
    assert not any(label == "ORGANISATION" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ny bädd beställd.\nsign. LT", ["LT"]),
        ("Prov taget igen. sign. EB/KN", ["EB", "KN"]),
        ("Rapporterad av: /Usk Maria T\nTid: 03.10", ["Maria T"]),
        ("2025-03-01 10:02:11 INFO login ok user=britt.sandgren ip=10.2.3.4", ["britt.sandgren"]),
        ("Rapporterad av: kg.lindahl (Melior)", ["kg.lindahl"]),
        ("access journal user=pethol ip=10.1.1.9", ["pethol"]),
    ],
)
def test_signatures_and_user_names(text: str, names: list[str]) -> None:
    found = finds(text, KEY)
    assert all(("PERSON", n) in found for n in names), found


@pytest.mark.parametrize(
    "text",
    [
        "Se t.ex. rutinen, bl.a. om p.g.a. och www.kommunen.se",
        "Vi fick prova en bil.sen kom säljaren",  # two words typed without a space
        "2025-01-19 07:12:44 user_id=4412 action=LOGIN ok",  # a numeric id and its timestamp stay
        "2025-02-03 08:00:01 user=kw07 action=export",  # a staff code, no name written out
        "Designen är bra, sign: OK",
    ],
)
def test_codes_and_abbreviations_stay(text: str) -> None:
    assert finds(text, KEY) == [], finds(text, KEY)


def test_log_dates_of_a_persons_log() -> None:
    text = "2025-05-02 22:10:05 auth success pnr=194512240000\n2025-05-02 22:11:40 ERROR timeout"
    dates = [v for label, v in finds(text, KEY) if label == "DATUM"]
    assert dates == ["2025-05-02", "2025-05-02"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Klientnr: S-0071234\nAdress: …", "S-0071234"),
        ("Klientnummer: 2023-A-55102.", "2023-A-55102"),
        ("Läkare Jon Ek (HSA-id SE2321000099-4XY2) signerade.", "SE2321000099-4XY2"),
        ("registrerad med reservnummer RN 2024-000977 i väntan på pnr", "RN 2024-000977"),
    ],
)
def test_client_numbers_and_hsa_ids(text: str, value: str) -> None:
    assert ("JOURNALNUMMER", value) in finds(text, KEY), finds(text, KEY)


def test_account_number_with_a_receipt_in_the_next_sentence() -> None:
    text = "Pengarna sätts in på Nordea 3001 221 446 118. Kvitton sparas i pärmen."
    assert ("KONTONUMMER", "3001 221 446 118") in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Han uppger trettio men bedöms vara omkring 80.", "80"),
        ("Patient: okänd kvinna, ca 55 år, vaken", "55 år"),
        ("Morfar dog i våras. Han fick 88 år.", "88 år"),
    ],
)
def test_estimated_and_reached_ages(text: str, age: str) -> None:
    assert ("ALDER", age) in finds(text, KEY), finds(text, KEY)

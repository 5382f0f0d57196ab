"""Kinds of construction blind set 67 (sexual and reproductive health) showed failing: a unit word
compounded with an acronym ("HIV-mottagningen", "PrEP-kliniken") before its name or its hospital;
a unit named by whom or what it is for ("kliniken för infektionssjukdomar på …"); a health or
assessment unit, or a centre named by an adjective, before its town without "i"; a unit's
acronym written in lowercase before "i <Ort>"; an association's name of a genitive or an
adjective and its noun ("Stiftelsen Gula Huset"), or ending in a capitalised "Gruppen"; an age
answered in a chat log whose lines open with a time. Each is tried with sentences written for
these tests (not the set's strings), together with the look-alikes that must stay."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "text,value,label",
    [
        # an acronym and a hyphen before the unit word, then the hospital or the unit's name
        (
            "Min bror fick ett brev från HIV-mottagningen på Karolinska universitetssjukhuset i juni.",
            "HIV-mottagningen på Karolinska universitetssjukhuset",
            "VARDENHET",
        ),
        (
            "Remissen gick till ADHD-mottagningen vid Karolinska i januari.",
            "ADHD-mottagningen vid Karolinska",
            "VARDENHET",
        ),
        ("Vi har bokat tid på IVF-kliniken Nordstjärnan i höst.", "IVF-kliniken Nordstjärnan", "VARDENHET"),
        ("Kallelse från KBT-mottagningen Solrosen: välkommen på tisdag.", "KBT-mottagningen Solrosen", "VARDENHET"),
        # a unit named by its purpose, with its hospital or town, or capitalised on its own
        (
            "Pappa remitterades till kliniken för infektionssjukdomar på Danderyds sjukhus.",
            "kliniken för infektionssjukdomar på Danderyds sjukhus",
            "VARDENHET",
        ),
        (
            "Jag har gått på Mottagningen för ätstörningar vid Akademiska i två år.",
            "Mottagningen för ätstörningar vid Akademiska",
            "VARDENHET",
        ),
        (
            "Vi gick till mottagningen för sexuell hälsa vid Sahlgrenska.",
            "mottagningen för sexuell hälsa vid Sahlgrenska",
            "VARDENHET",
        ),
        (
            "Efter olyckan ringde vi Akutmottagningen för barn och unga direkt.",
            "Akutmottagningen för barn och unga",
            "VARDENHET",
        ),
        ("Min mormor fick hjälp av Teamet för anhöriga i fjol.", "Teamet för anhöriga", "VARDENHET"),
        # a health or assessment unit, or a centre named by an adjective, right before its town
        ("Hon har tid på Kvinnohälsan Växjö nästa vecka.", "Kvinnohälsan Växjö", "VARDENHET"),
        ("Brevet kom från Minnesutredningen Kalmar i går.", "Minnesutredningen Kalmar", "VARDENHET"),
        ("Skicka remissen till Neurologiskt centrum Uppsala snarast.", "Neurologiskt centrum Uppsala", "VARDENHET"),
        # a unit's acronym in lowercase before its capitalised town
        ("min kompis ringde umo i Sundsvall och frågade om tider", "umo i Sundsvall", "VARDENHET"),
        # an association's name: a genitive or an adjective and its noun, or "… Gruppen"
        ("Stiftelsen Gula Huset ordnar sommarläger för barnen.", "Stiftelsen Gula Huset", "ORGANISATION"),
        ("Tack till Föreningen Bergets Stuga för kaffet!", "Föreningen Bergets Stuga", "ORGANISATION"),
        ("Vi fick stöd av Regnbågs Gruppen i flera år.", "Regnbågs Gruppen", "ORGANISATION"),
        # an age in a chat log whose lines open with a time
        ("Rådgivare: Hej! Hur gammal är du?\n[21:14] Anonym: 16\n[21:15] Rådgivare: okej", "16", "ALDER"),
        ("Hur gammal är du?\n21.14 Gäst: 15 år\n21.15 Rådgivare: Tack.", "15 år", "ALDER"),
    ],
)
def test_round41_constructions_are_found(p: Pseudonymiser, text: str, value: str, label: str) -> None:
    assert (value, label) in found(p, text)


@pytest.mark.parametrize(
    "text,value",
    [
        # a reason after "för", not what the unit is for
        ("Jag ringde teamet för hjälp i Umeå.", "teamet för hjälp i Umeå"),
        ("Jag ringde kliniken för att få tid på Karolinska.", "kliniken för att få tid på Karolinska"),
        ("Jag ringde Akutmottagningen för hjälp.", "Akutmottagningen för hjälp"),
        # a first name after the association's first word starts the next part of the sentence
        ("Föreningen Livets Anna ringde i morse.", "Föreningen Livets Anna"),
        # an IT role is no unit
        ("Hon jobbar som IT-konsult på Karolinska.", "IT-konsult på Karolinska"),
    ],
)
def test_round41_look_alikes_stay(p: Pseudonymiser, text: str, value: str) -> None:
    assert value not in [v for v, _ in found(p, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Hela Gruppen var med på resan.",
        "jag ringde umo i morse men ingen svarade",
        "Medicinskt centrum är ett bra ställe att börja på.",
        "Mottagningen för vuxna öppnar klockan åtta.",
        "Hur gammal är du?\n[21:14] Anonym: vet inte",
    ],
)
def test_round41_clean_texts_stay(p: Pseudonymiser, text: str) -> None:
    assert found(p, text) == []

"""ORGANISATION: authorities, user organisations, schools and employers, with or without their town.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found, labels_of

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


def test_organisations(p: Pseudonymiser) -> None:
    text = "Försäkringskassan, Region Värmland och Karlstads kommun skickar mig runt."
    orgs = {v for v, label in found(p, text) if label == "ORGANISATION"}
    assert orgs == {"Försäkringskassan", "Region Värmland", "Karlstads kommun"}
    lower = "jag ringde försäkringskassan tre gånger"
    assert found(p, lower) == [("försäkringskassan", "ORGANISATION")]
    office = "Socialtjänsten i Hammarö har inte hört av sig."
    assert labels_of(p, office, "Socialtjänsten i Hammarö") == {"ORGANISATION"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Jag fick stöd från Riksförbundet FUB.", "Riksförbundet FUB"),
        ("Kristina på RFSL var till stor hjälp.", "RFSL"),
        ("Vi kontaktade Kvinnojouren direkt.", "Kvinnojouren"),
        ("Han ringde från socialförvaltningen i Motala i går.", "socialförvaltningen i Motala"),
    ],
)
def test_organisations_people_name(p: Pseudonymiser, text: str, org: str) -> None:
    assert (org, "ORGANISATION") in found(p, text)


@pytest.mark.parametrize(
    "text,org,label",
    [
        ("Min son går på Ekbackeskolan i Kil sedan i höstas.", "Ekbackeskolan i Kil", "ORGANISATION"),
        ("Hon har plats på förskolan Humlan i Vetlanda nu.", "förskolan Humlan i Vetlanda", "ORGANISATION"),
        ("Jag jobbade på Bruksmekano AB i Olofström i tio år.", "Bruksmekano AB i Olofström", "ORGANISATION"),
        ("Vi bor på Äldreboendet Lärkan i Köping sedan maj.", "Äldreboendet Lärkan i Köping", "VARDENHET"),
        ("Han har daglig verksamhet på Snickeriet i Eksjö.", "Snickeriet i Eksjö", "VARDENHET"),
    ],
)
def test_schools_employers_and_units_with_their_town(p: Pseudonymiser, text: str, org: str, label: str) -> None:
    assert (org, label) in found(p, text)


def test_state_agencies_keep_their_town_apart_and_kinds_of_school_stay(p: Pseudonymiser) -> None:
    result = found(p, "Min handläggare på Försäkringskassan i Torsby ringde. Förskolan har varit bra.")
    assert ("Försäkringskassan", "ORGANISATION") in result and ("Torsby", "ORT") in result
    assert all(v != "Förskolan" for v, _ in result)

"""Kinds of construction blind set 75 (eye care and sight) showed failing in round 47: a chain's
clinic or shop by its town in a sentence about a visit ("hos <Kedja> <Ort>"); an optician's or
eye clinic's practice in its name ("Optikhuset i <Ort>", "Optiker <Namn> i <Ort>",
"<X>centrum <Ort>", "<X>läkarna <Ort>"); a text message's short clinic word before a hospital
named by its town ("<X>mott <Ort> lasarett"); a first name at a desk ("<Namn> i växeln");
dotted initials after a word for a person or after "initialerna"; an association's name of
several words joined to "-förbundet" by a hyphen; a day and month each closed by a point with
the sentence going on in lowercase ("3.4. på"); a town alone on the line under a street
address; and, as a false alarm, "vid N års ålder" about children in general. Each is tried
with sentences written for these tests, together with the look-alikes that must stay."""

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
        # a chain's own name and its town, in a sentence about a visit
        ("Påminnelse: synundersökning hos Linsbolaget Västerås fre 14/3.", "Linsbolaget Västerås", "VARDENHET"),
        ("Jag jobbar som optiker på Brillkedjan Uppsala sedan 2019.", "Brillkedjan Uppsala", "VARDENHET"),
        ("Åkte till Glasögonmagasinet Örebro för synintyg till körkortet.", "Glasögonmagasinet Örebro", "VARDENHET"),
        # an optician's or eye clinic's practice in the name
        ("Tack för bokningen hos Optiker Bergström i Nässjö på måndag.", "Optiker Bergström i Nässjö", "VARDENHET"),
        ("Vi fick bra hjälp på Ögonhuset i Falun.", "Ögonhuset i Falun", "VARDENHET"),
        ("Starroperationen gjordes på Ögoncentrum Västerås i maj.", "Ögoncentrum Västerås", "VARDENHET"),
        ("Med vänlig hälsning\nSara Ek\nHudläkarna Umeå", "Hudläkarna Umeå", "VARDENHET"),
        # a short clinic word before a hospital, also one named by its town alone
        ("Kallelse: Hudmott Varbergs sjukhus 12/4 kl 08.30.", "Hudmott Varbergs sjukhus", "VARDENHET"),
        ("Ny tid: Barnklin Gävle sjukhus, svara JA.", "Barnklin Gävle sjukhus", "VARDENHET"),
        # a first name that is also a word, at a desk
        ("Bo i kassan var jättetrevlig mot mamma.", "Bo", "PERSON"),
        ("Dag i växeln kopplade mig rätt direkt.", "Dag", "PERSON"),
        # dotted initials after a word for a person or "initialerna"
        ("Undersköterskan, som hade initialerna B.L. på skylten, var snabb.", "B.L.", "PERSON"),
        ("Patienten S.T. kom in i morse med rött öga.", "S.T.", "PERSON"),
        # an association's name of several words hyphened to its word
        ("Hej från Grön Starr-förbundet! Välkomna på träff.", "Grön Starr-förbundet", "ORGANISATION"),
        # day and month each closed by a point, the sentence going on
        ("Vi ses 3.4. på mottagningen, skriver sköterskan.", "3.4.", "DATUM"),
        ("Återbesöket flyttas till 28.11. enligt brevet.", "28.11.", "DATUM"),
        # a town alone under the street line of an address block
        ("Karin Holm\nLjungvägen 3\nBrännsjöhult", "Brännsjöhult", "ORT"),
    ],
)
def test_constructions_found(p: Pseudonymiser, text: str, value: str, label: str) -> None:
    assert (value, label) in found(p, text)


@pytest.mark.parametrize(
    "text,value,label",
    [
        # a firm and its town with no visit, and a person whose surname is a town
        ("Jag åkte till Ikea Uppsala och köpte en soffa.", "Ikea Uppsala", "VARDENHET"),
        ("Vi var hos Anna Lund i går.", "Anna Lund", "VARDENHET"),
        # an employer's or an association's name after "från", with a care word near
        ("Jag har läkarintyg och ett intyg från Brillkedjan Uppsala.", "Brillkedjan Uppsala", "VARDENHET"),
        # the practitioner is no practice; a house that is no clinic; a centre of no care
        ("Optikern i Nora sa att jag behöver nya glas.", "Optikern i Nora", "VARDENHET"),
        ("Vi var på Kulturhuset i Falun i lördags.", "Kulturhuset i Falun", "VARDENHET"),
        ("Konserten var på Kulturcentrum Västerås.", "Kulturcentrum Västerås", "VARDENHET"),
        # "Bo i <Ort>" is living there
        ("Bo i Lund är dyrt.", "Bo", "PERSON"),
    ],
)
def test_constructions_not_found(p: Pseudonymiser, text: str, value: str, label: str) -> None:
    assert (value, label) not in found(p, text)


@pytest.mark.parametrize(
    "text",
    [
        # children in general at an age: no one's age
        "Hörselkontroll för barn görs vid 5 års ålder på vårdcentralen.",
        # a point after a version, a clock time or closing a sentence
        "Version 2.1. och sedan kom 3.0.",
        "Vi ses kl 10.12. och sen går vi.",
        "ringde jouren 22.05. ingen fara.",
        "Det var 2.5. Sen gick vi hem.",
        # dotted abbreviations and a price per month
        "Det var t.ex. bra att komma i tid.",
        "Per i månaden betalar jag 300 kr.",
    ],
)
def test_clean_texts_stay(p: Pseudonymiser, text: str) -> None:
    assert found(p, text) == []

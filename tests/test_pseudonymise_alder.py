"""ALDER: ages in their writings; durations stay.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found, labels_of

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "text,age",
    [
        ("Pappa är 82 år gammal och bor ensam.", "82 år"),
        ("En 17-åring ska inte behöva vänta så länge.", "17-åring"),
        ("Jag fyllde 61 i mars.", "61"),
        ("Min mamma, 78 år, fick ingen plats.", "78 år"),
        ("Dottern (9 år) förstår inte varför.", "9 år"),
        ("Jag är 34 år och har väntat länge.", "34 år"),
        ("Min son Oskar är 14 och har ADHD.", "14"),
        ("Min mamma är 82 år och bor ensam.", "82 år"),
        ("Hon är tjugofem år gammal.", "tjugofem år"),
        ("En man i 40-årsåldern satt bredvid.", "40-årsåldern"),
    ],
)
def test_ages(p: Pseudonymiser, text: str, age: str) -> None:
    assert labels_of(p, text, age) == {"ALDER"}


@pytest.mark.parametrize(
    "text",
    [
        "Det hände 4 gånger under 2 år.",
        "Jag har bott här i 5 år.",
        "Det är 3 år sedan sist.",
        "Jag var 100 procent säker.",
        "Klockan är 14.",
        "Det är 14 dagar kvar.",
        "De har städat hos oss i ca 1,5 år nu.",
        "Väntetiden var 2 år.",
        "Huset är nu 1 år och 4 månader gammalt.",
        "Skivorna som är 2,5 meter långa.",
    ],
)
def test_durations_are_not_ages(p: Pseudonymiser, text: str) -> None:
    assert "ALDER" not in {label for _, label in found(p, text)}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Nu är jag 45.", "45"),
        ("Mormor Ulla-Britt (91) bor kvar hemma.", "(91)"),
        ("Min dotter Elsa, 12, har väntat i ett år.", "12"),
        ("Nils är sju och går i ettan.", "sju"),
    ],
)
def test_more_ways_to_write_an_age(p: Pseudonymiser, text: str, age: str) -> None:
    assert (age, "ALDER") in found(p, text)

"""VARDENHET: named care units; generic unit words stay.

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
    "text,unit",
    [
        ("Jag fick hjälp på BUP Karlstad efter lång väntan.", "BUP Karlstad"),
        ("Jag ringde vårdcentralen Ekorren tre gånger.", "vårdcentralen Ekorren"),
        ("Jag låg på Psykiatriska kliniken i Karlstad i fem veckor.", "Psykiatriska kliniken i Karlstad"),
        ("Mormor bor på Björkgårdens äldreboende nu.", "Björkgårdens äldreboende"),
        ("Solhemmet är ett bra boende.", "Solhemmet"),
        ("Jag blev skickad till Centralsjukhuset i Karlstad.", "Centralsjukhuset i Karlstad"),
        ("Tre veckor på Centralsjukhuset Karlstad räckte.", "Centralsjukhuset Karlstad"),
        ("Jag opererades på Karolinska i våras.", "Karolinska"),
        ("Personalen på Gläntan är underbar.", "Gläntan"),
        ("Jag fick hjälp på beroendemottagningen i Arvika.", "beroendemottagningen i Arvika"),
        ("Akuten i Karlstad var full hela natten.", "Akuten i Karlstad"),
        ("Min bror var inlagd på Lärkan hela våren.", "Lärkan"),
    ],
)
def test_care_units(p: Pseudonymiser, text: str, unit: str) -> None:
    assert labels_of(p, text, unit) == {"VARDENHET"}


def test_generic_unit_words_are_not_units(p: Pseudonymiser) -> None:
    text = "Hela avdelningen var stökig och på mottagningen fanns ingen. Barnkliniken var bra."
    assert found(p, text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Min bror bor på Gruppbostaden Linden sedan i våras.", "Gruppbostaden Linden"),
        ("Hon fick komma till Hospice Ljuset i slutet.", "Hospice Ljuset"),
        ("Jag går på Maria Ungdom varje vecka.", "Maria Ungdom"),
        ("Kön till Mini-Maria Borlänge är lång.", "Mini-Maria Borlänge"),
        ("Vi ringde Beroendecentrum Malmö flera gånger.", "Beroendecentrum Malmö"),
        ("Han väntar på Neuropsykiatriska enheten i Lund.", "Neuropsykiatriska enheten i Lund"),
        ("Remissen gick till Barn- och ungdomshabiliteringen i Falun.", "Barn- och ungdomshabiliteringen i Falun"),
        ("Farfar flyttade till Ekbackens vård- och omsorgsboende i maj.", "Ekbackens vård- och omsorgsboende"),
        ("Ögonmottagningen på Lycksele lasarett var bra.", "Ögonmottagningen på Lycksele lasarett"),
        ("Vi bytte till Aleris vårdcentral Odenplan.", "Aleris vårdcentral Odenplan"),
        ("Hon bor på LSS-boendet på Björkvägen nu.", "LSS-boendet på Björkvägen"),
    ],
)
def test_more_kinds_of_named_units(p: Pseudonymiser, text: str, unit: str) -> None:
    assert (unit, "VARDENHET") in found(p, text)


def test_generic_units_and_countries_are_not_personal_data(p: Pseudonymiser) -> None:
    assert found(p, "Dom sa ring vårdcentralen. Vårdcentralen sa ring 1177.") == []
    assert found(p, "Vi kom till Sverige för tio år sedan.") == []
    assert [x for x in found(p, "Min pappa har Parkinson och Aspergers syndrom.") if x[1] == "PERSON"] == []


def test_a_unit_word_before_a_first_name_is_not_a_unit_name(p: Pseudonymiser) -> None:
    res = found(p, "Jag ringde barnmottagningen Anna svarade direkt.")
    assert ("Anna", "PERSON") in res and not any(label == "VARDENHET" for _, label in res)

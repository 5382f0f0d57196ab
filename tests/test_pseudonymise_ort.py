"""ORT: towns and places after a place word; countries stay.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


def test_places(p: Pseudonymiser) -> None:
    text = "Jag bor i Karlstad men flyttade från Arvika till Kil."
    assert {v for v, label in found(p, text) if label == "ORT"} == {"Karlstad", "Arvika", "Kil"}
    lower = "jag bor i karlstad och jobbar i hela kommunen"
    assert [v for v, label in found(p, lower) if label == "ORT"] == ["karlstad"]
    unknown = "Jag flyttade från Rudsberget till Våxnäs förra året."
    assert {v for v, label in found(p, unknown) if label == "ORT"} == {"Rudsberget", "Våxnäs"}


def test_municipalities_that_are_no_tatort(p: Pseudonymiser) -> None:
    # A municipality is not always a town of its own name ("Järfälla", "Tyresö", "Orust"): the
    # place list holds SCB's municipalities beside the tätorter, so no place word is needed.
    text = "Bästa bilfirman, Tyresö har tur. Värmdö och Orust har fina vårdcentraler, Tjörn också."
    assert {v for v, label in found(p, text) if label == "ORT"} == {"Tyresö", "Orust", "Tjörn"}
    assert found(p, "BVC i Tyresö var toppen.") == [("BVC i Tyresö", "VARDENHET")]
    assert found(p, "Biståndsenheten i Järfälla svarade aldrig.") == [("Biståndsenheten i Järfälla", "VARDENHET")]

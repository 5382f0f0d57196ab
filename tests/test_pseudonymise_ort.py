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

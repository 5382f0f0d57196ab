"""EPOST: a whole address is one find.

All sentences are written for these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, found

pytestmark = pytest.mark.utan_databas


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


def test_email_whole_address(p: Pseudonymiser) -> None:
    text = "Svara till greta.lindholm+vard@exempel.nu så snart ni kan."
    assert found(p, text) == [("greta.lindholm+vard@exempel.nu", "EPOST")]
    dodged = "Mejla bosse.k(at)exempel.se om tiden."
    assert found(p, dodged) == [("bosse.k(at)exempel.se", "EPOST")]

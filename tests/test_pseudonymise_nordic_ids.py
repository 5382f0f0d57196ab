"""Finnish, Norwegian and Danish identity numbers are PERSONNUMMER (invented numbers; the
valid ones were made with python-stdnum's check-character functions)."""

import pytest

from nlp.pseudonymise import Pseudonymiser

pytestmark = pytest.mark.utan_databas


def _pnr(text: str) -> list[str]:
    return [text[s.start : s.end] for s in Pseudonymiser(b"k" * 32).find(text) if s.label == "PERSONNUMMER"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mammas finska hetu är 030489-412D, står i gamla papperen.", "030489-412D"),
        ("Pojken är född 2017 i Haparanda men har ett finskt nummer 220717A0871 från Torneå.", "220717A0871"),
        ("hon har bara henkilötunnus 030489-412X från tiden i Uleåborg", "030489-412X"),  # check fails, label says
        ("Mitt norske fødselsnummer er 23037441430 om dere trenger det.", "23037441430"),
        ("Han fick vård i Tromsø, nummer 071293 52285 på remissen.", "071293 52285"),
        ("Dansk personnummer (CPR-nr) 150375-1234 till försäkringsbolaget.", "150375-1234"),
    ],
)
def test_neighbours_identity_numbers_are_found(text: str, number: str) -> None:
    assert number in _pnr(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ordernummer 23037441430 gäller sängen som kom i tisdags.",  # checks pass, the sentence says order
        "Beställning 030489-412E avbröts av leverantören.",  # no valid check character, no label
        "Referens 12345678901 i fakturan från hjälpmedelscentralen.",
        "Vi träffades 150375 gånger... nej, skämt, men kön var lång: 1234 personer före.",
    ],
)
def test_lookalikes_are_not_identity_numbers(text: str) -> None:
    assert _pnr(text) == []

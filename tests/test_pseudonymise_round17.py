"""Round 17 kinds of construction (SMS, chat and "Mina meddelanden" to home care and personal
assistance; read from blind set 33): a non-breaking hyphen or a minus sign inside a number, a
phone number with "+46" glued to the area code and a dash (not a bank account), a personnummer's
twelve digits split oddly by one space, names in messages written without capitals or with only
capitals, and units written in lower case. Own examples: new names, places and numbers, none from
the set."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser

KEY = b"round-seventeen-test-key-0123456789"


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in Pseudonymiser(KEY).find(text)]


def _labels(text: str, label: str) -> list[str]:
    return [v for k, v in _found(text) if k == label]


# -- TELEFON and PERSONNUMMER: odd characters and groupings ----------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a phone's non-breaking hyphen (U+2011), a hyphen (U+2010), a minus sign (U+2212)
        ("Ny kontakt:\nGun Ek\n073\u2011190 22 41\n", "TELEFON", "073\u2011190 22 41"),
        ("ring mig på 031\u2010 71 22 08 efter lunch", "TELEFON", "031\u2010 71 22 08"),
        ("Pnr 520817\u22125514 står på kallelsen.", "PERSONNUMMER", "520817\u22125514"),
        # "+46" glued to the area code, then a dash: a phone, not clearing + account
        ("byt till mitt nya nr +4673-1902241 tack", "TELEFON", "+4673-1902241"),
        # twelve digits split oddly by one space: the check digit holds ...
        ("I listan står 1955031228 05, stämmer det?", "PERSONNUMMER", "1955031228 05"),
        # ... or a personnummer was named shortly before (a copy with a slip)
        (
            "hans pnr är 19 52 08 17 - 55 14 men på papperet från er står 1952081755 41, fel!",
            "PERSONNUMMER",
            "1952081755 41",
        ),
    ],
)
def test_odd_dashes_and_groupings_are_found(text: str, label: str, value: str) -> None:
    assert value in _labels(text, label)


@pytest.mark.parametrize(
    "text",
    [
        # the same shapes as codes: no century, a failing check digit without a personnummer word,
        # an order word, a time range with a non-breaking hyphen
        "Ordernummer 1955031228 06 gäller leveransen.",
        "Koden till nyckelboxen är 4711 och larmets serienummer 1955031228 06.",
        "Hemtjänsten kommer kl 10\u201112 på fredag.",
    ],
)
def test_code_shapes_stay(text: str) -> None:
    assert not [v for k, v in _found(text) if k in {"PERSONNUMMER", "TELEFON", "KONTONUMMER"}], _found(text)

"""Kinds of shape the direct identifier matrix (benchmarks/direct_identifier_shapes.py) found
leaking: odd dashes and spaces between a number's groups (an em dash, a thin or narrow space);
a personnummer parted by a dot, a slash or several spaces; a foreign phone number parted by
" - ", dots or several spaces; a number after a country code read as a personnummer; accounts
and cards parted by several spaces, " - " or dashes throughout, in quotes or brackets after
their word, over a line break after the clearing number; a number written part in digits,
part in words. Each with values invented for these tests, and the look-alikes that must stay."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import KEY, labels_of, luhn_complete

pytestmark = pytest.mark.utan_databas

_DIRECT = {"PERSONNUMMER", "TELEFON", "EPOST", "KONTONUMMER"}
_PNR = luhn_complete("670309512")  # an invented personnummer with its check digit


@pytest.fixture(scope="module")
def p() -> Pseudonymiser:
    return Pseudonymiser(KEY)


@pytest.mark.parametrize(
    "text,value,label",
    [
        (
            f"Mitt personnummer är {_PNR[:6]}\u2014{_PNR[6:]} om ni undrar.",
            f"{_PNR[:6]}\u2014{_PNR[6:]}",
            "PERSONNUMMER",
        ),
        (f"pnr {_PNR[:6]}\u2009{_PNR[6:]}", f"{_PNR[:6]}\u2009{_PNR[6:]}", "PERSONNUMMER"),
        ("Ring mig på 070\u2014174\u201406\u201411, tack.", "070\u2014174\u201406\u201411", "TELEFON"),
        ("Tel: 031\u202f390\u202f06\u202f17", "031\u202f390\u202f06\u202f17", "TELEFON"),
    ],
)
def test_odd_dashes_and_spaces_between_groups(p: Pseudonymiser, text: str, value: str, label: str) -> None:
    assert label in labels_of(p, text, value)


@pytest.mark.parametrize("sep", [".", "/", "   "])
def test_personnummer_parted_by_a_dot_a_slash_or_several_spaces(p: Pseudonymiser, sep: str) -> None:
    value = f"{_PNR[:6]}{sep}{_PNR[6:]}"
    assert "PERSONNUMMER" in labels_of(p, f"Jag ringde om min mamma, {value}, i förra veckan.", value)


@pytest.mark.parametrize("value", ["+47 931 - 22 - 418", "+45 31.42.17.09", "+358 44   216   3370"])
def test_foreign_phone_numbers_parted_as_swedish_ones_are(p: Pseudonymiser, value: str) -> None:
    assert "TELEFON" in labels_of(p, f"Min dotter bor i utlandet, nås på {value} kvällstid.", value)


@pytest.mark.parametrize("value", ["+49 1710234567", "+46 701123457"])
def test_a_number_after_a_country_code_is_a_phone(p: Pseudonymiser, value: str) -> None:
    assert labels_of(p, f"hej ring {value} ikväll", value) == {"TELEFON"}


@pytest.mark.parametrize(
    "text,value",
    [
        ("Betala till bankgiro (5622 - 4718) senast fredag.", "5622 - 4718"),
        ('Ange plusgiro "37-21-44-9" på inbetalningen.', "37-21-44-9"),
        ("Pengarna ska in på konto 9021   441   208   775 hos oss.", "9021   441   208   775"),
        ("Kortnr: 4024\u00a00071\u00a05530\u00a09217", "4024\u00a00071\u00a05530\u00a09217"),
        ("kortet 5391 – 0788 – 2145 – 6610 drogs två gånger", "5391 – 0788 – 2145 – 6610"),
        ("IBAN SE12   3000   0000   0312   4567   8901", "SE12   3000   0000   0312   4567   8901"),
    ],
)
def test_accounts_parted_by_several_spaces_dashes_or_in_brackets(p: Pseudonymiser, text: str, value: str) -> None:
    assert "KONTONUMMER" in labels_of(p, text, value)


def test_clearing_number_then_a_line_break(p: Pseudonymiser) -> None:
    text = "Sätt in ersättningen på 8214-3,\n902 117 334-1 tack"
    assert "KONTONUMMER" in labels_of(p, text, "8214-3,\n902 117 334-1")


@pytest.mark.parametrize(
    "text,value,label",
    [
        (f"mitt personnummer är {_PNR[:6]} fem ett två åtta", f"{_PNR[:6]} fem ett två åtta", "PERSONNUMMER"),
        ("ring 073-218 44 noll nio efter fem", "073-218 44 noll nio", "TELEFON"),
        ("Tel 0046 8-465 003 sjuttiotvå", "0046 8-465 003 sjuttiotvå", "TELEFON"),
        ("betala till bankgiro 6120 fyra fyra åtta sju", "6120 fyra fyra åtta sju", "KONTONUMMER"),
    ],
)
def test_numbers_part_in_digits_part_in_words(p: Pseudonymiser, text: str, value: str, label: str) -> None:
    labels = labels_of(p, text, value)
    assert label in labels, labels


@pytest.mark.parametrize(
    "text,value",
    [
        ("Jag ringde 08-465 004 19 två gånger utan svar.", "08-465 004 19"),
        ("Betala till plusgiro 4833-6 – 12 mars senast.", "4833-6"),
        ("Hon nås på +47 912 40 118 – 14 till 16 varje dag.", "+47 912 40 118"),
    ],
)
def test_a_number_ends_before_a_count_or_a_range(p: Pseudonymiser, text: str, value: str) -> None:
    assert [text[s.start : s.end] for s in p.find(text) if s.label in _DIRECT] == [value]


@pytest.mark.parametrize(
    "text,value",
    [
        ("Besöket var kl 10.15\u201411.00 och det gick bra.", "10.15\u201411.00"),
        ("Vi bokade vecka 18 \u2014 vecka 20 för växelvård.", "18 \u2014 vecka 20"),
        ("Hon fick två tabletter tre gånger om dagen i 10 dagar.", "tre gånger om dagen i 10"),
        ("Beställning 670309/5128 kom aldrig fram.", "670309/5128"),
        ("Det kostade 14\u202f990 kr i månaden.", "14\u202f990"),
        ("Vikten gick från 81,4 – 80,2 – 79,8 på en månad.", "81,4 – 80,2 – 79,8"),
        ("Rum 21, 23 och tjugofem fick nya sängar.", "21, 23 och tjugofem"),
    ],
)
def test_lookalikes_stay(p: Pseudonymiser, text: str, value: str) -> None:
    start = text.index(value)
    end = start + len(value)
    assert not [s for s in p.find(text) if s.label in _DIRECT and s.start < end and start < s.end]

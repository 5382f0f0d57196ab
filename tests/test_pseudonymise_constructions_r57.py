"""Round 57: the last four holes of the direct identifier matrix, all accounts. An account's last
digit read "O" by a scanner after its dash; a card's or an IBAN's group of four cut by a line
break; a bankgiro or plusgiro said in four number words, or ending in one number word, right after
its name. Look-alikes stay: number words in prose, a scanned "O" in a word or after a short
number, a line break between two groups of two, a count after a giro number. Values invented for
these tests."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-57-test-key-0123456789abcdef"
_DIRECT = {"PERSONNUMMER", "TELEFON", "EPOST", "KONTONUMMER"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the account's check digit read as a letter after its dash
        ("Sätt in det på 8214-7, 903 412 778-O tack.", "8214-7, 903 412 778-O"),
        ("Konto: 6123-4, 556 210 934-l\nMvh", "6123-4, 556 210 934-l"),
        # a group of four cut by a narrow field's line break, in a card and an IBAN
        ("Kortnummer 4916 31\n02 7788 1234 drogs två gånger.", "4916 31\n02 7788 1234"),
        ("IBAN SE72 80\n00 0000 0812 3456 7890 för återbetalningen", "SE72 80\n00 0000 0812 3456 7890"),
        # a giro number in four number words, tens and all, after its name
        ("Betala till bankgiro sextiotvå fyrtioett, arton nittiotre.", "sextiotvå fyrtioett, arton nittiotre"),
        ("Plusgiro: nittioett, femtiofem, tjugo, fyra", "nittioett, femtiofem, tjugo, fyra"),
        # its last digit alone in a word
        ("Gåvan går till plusgiro 91 55 20 fyra i år igen.", "91 55 20 fyra"),
    ],
)
def test_the_last_account_shapes_are_read_whole(text: str, value: str) -> None:
    assert value in values_labelled(text, "KONTONUMMER", KEY)


@pytest.mark.parametrize(
    "text",
    [
        # number words in ordinary prose, after a giro's name or not
        "Vi var tre fyra fem stycken som väntade i kön.",
        "Det tog tjugo trettio minuter, sen fyrtio femtio till.",
        "Bankgiro femtiofyra trettioett står på fakturan, resten fattas.",
        "Jag har betalat till deras bankgiro, fyra fem sex gånger!",
        # a scanned O in a word or after a short number
        "Rum 4-O och sal 123-O på plan två.",
        "Ring 1234567-Olle om något.",
        # two groups of two on two lines: no group of four cut
        "Poäng: 12 34\n56 78 på testet.",
        # a card-shaped series broken over a line, without a card's word or check digit
        "Serie 1203 11\n25 2210 4418 klar.",
    ],
)
def test_look_alikes_keep_their_numbers(text: str) -> None:
    assert not [(label, value) for label, value in finds(text, KEY) if label in _DIRECT]


@pytest.mark.parametrize(
    ("text", "value", "outside"),
    [
        # one number word after a giro number that counts: the number is read without it
        ("Plusgiro 91 55 20 två gånger, sedan gav jag upp.", "91 55 20", "två"),
        # a letter apart from the dash is the sentence's, not the number's
        ("Kontonr 903 412 778 - O vet jag inte.", "903 412 778", "O"),
    ],
)
def test_a_labelled_number_ends_where_its_digits_do(text: str, value: str, outside: str) -> None:
    values = values_labelled(text, "KONTONUMMER", KEY)
    assert value in values
    assert not [v for v in values if outside in v]

"""Round 18 kinds of construction (interviews and focus groups in elder care, dementia care and
psychiatry; read from blind set 34): ages said in speech (spoken tens, "va" for "var", an age
said again as a sentence of its own, corrected after a full stop); a pet named before what it
is ("Sixten, det var katten"); a name that is also a word said to be someone's name, a
"lill-" pet form, a capitalised genitive of such a name before a noun, initials after "Pat.";
a unit by a saint's name, a ward "på" its hospital, a named ward after its home; where someone
"är från". Own examples: new names, places and numbers, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-eighteen-test-key-0123456789"


# -- ALDER: ages in speech ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # "va" for "var", spoken tens written as said
        ("IP: Morfar bodde kvar i huset tills han va nittitvå, sen flyttade han.", ["nittitvå"]),
        ("IP: jag va sextiåtta när jag slutade jobba", ["sextiåtta"]),
        # an age said again as a sentence of its own
        ("I: Hur gammal var du när ni flyttade?\nIP: Fjorton. Fjorton. Sen bodde vi kvar.", ["Fjorton", "Fjorton"]),
        ("IP: Farmor var nittio år när hon dog. Nittio! Och hon stickade ändå.", ["nittio år", "Nittio"]),
        # corrected after a full stop, into a spoken form
        (
            "I: Och din mamma, hur gammal var hon?\nIP: Åttiofem. Nej, åttisex. Hon föddes i maj.",
            ["Åttiofem", "åttisex"],
        ),
        ("IP: Han var 63. Nej förresten, 64.", ["63", "64"]),
        ("IP: Mormor blev hundra år. Hundra! Tänk dig.", ["hundra år", "Hundra"]),
    ],
)
def test_spoken_ages(text: str, ages: list[str]) -> None:
    assert values_labelled(text, "ALDER", KEY) == ages, finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "IP: Va? Nej, det var nittitvå procent som svarade.",
        "IP: Vi var fjorton stycken. Fjorton! Det var trångt.",  # a count said again
        "IP: Bussen kom 14.10. Nej, 14.20.",
        "IP: Det var 63. Nej, inte alls så många.",
    ],
)
def test_counts_and_times_stay(text: str) -> None:
    assert not values_labelled(text, "ALDER", KEY), finds(text, KEY)


# -- PERSON ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name that is also a word, said to be the name, then with the surname
        ("IP: Bo var hans namn. Bo Lindqvist. Han var snäll.", "Bo"),
        ("IP: Stig hette han, Stig Falk, och han bodde granne.", "Stig"),
        # a "lill-" or "stor-" pet form before a name
        ("IP: det var på lill-Kalles kalas, han fyllde sex.", "lill-Kalles"),
        ("IP: Stor-Greta kom alltid på söndagarna.", "Stor-Greta"),
        # a capitalised genitive of a name that is also a word, before a noun
        ("IP: En hel hylla med Rosas böcker stod kvar i rummet.", "Rosas"),
        ("IP: Vi har kvar Ritas stickade koftor.", "Ritas"),
        # a pet name as what someone was: a word in its definite form, capitalised
        ("IP: och jag var fortfarande Lillan i familjen.", "Lillan"),
        ("IP: Han var alltid Gubben för oss.", "Gubben"),
        # initials after a journal's "Pat." or before the birth date
        ('IP: Det stod i journalen: "Pat. B.N., f. 521103-4417, remitteras för bedömning."', "B.N."),
    ],
)
def test_names_in_speech(text: str, name: str) -> None:
    assert name in values_labelled(text, "PERSON", KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        # a pet named before what it is
        "IP: Nej, Sixten, det var katten. Vi hade ingen som hette Sixten. Sixten var en perser.",
        "IP: Doris var vår hund, en tax som levde i sexton år.",
        # a file, a note's word, a saint
        "Anmärkning från projektledare: Intervjufil ip07 spelades in på distans.",
        "IP: Ja. Ulleråker på sjuttiotalet, sen Sankt Lars, sen fick jag egen lägenhet.",
        # words that stay words
        "IP: Bo i egen lägenhet var hans dröm.",
        "IP: Det var rosa böcker och blå böcker.",
        "IP: Pat. inkom akut via ambulans.",
        "IP: Han var alltid i Köpingen.",
        "IP: Det var Tomten som kom.",
    ],
)
def test_not_persons(text: str) -> None:
    assert not values_labelled(text, "PERSON", KEY), finds(text, KEY)


# -- VARDENHET and ORT ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("IP: Ja. Ulleråker på sjuttiotalet, sen Sankt Lars, sen fick jag egen lägenhet.", "Sankt Lars"),
        ("IP: Hon låg på S:t Olof i tre veckor.", "S:t Olof"),
        ("IP: Jag har legat på avdelning 12 på Sidsjön i två år.", "Sidsjön"),
        (
            "IP: Sen blev det Ekhagens vårdboende, avdelning Björken. Vi väntade länge.",
            "Ekhagens vårdboende, avdelning Björken",
        ),
    ],
)
def test_units_in_speech(text: str, unit: str) -> None:
    assert any(unit in v for v in values_labelled(text, "VARDENHET", KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "IP: Vi åkte till Sankt Petersburg på semester.",
        "IP: Vi gifte oss i Sankt Olofs kyrka.",
        "IP: Hon låg på avdelning 12 på eftermiddagarna.",
        "IP: Det var avdelning 3 på Måndagar hette lappen.",
    ],
)
def test_saints_and_wards_that_are_no_units(text: str) -> None:
    assert not values_labelled(text, "VARDENHET", KEY), finds(text, KEY)


def test_a_ward_on_a_hospital_with_its_own_unit_word_stays_one_unit() -> None:
    text = "Hon lades in på avdelning 4 på Länssjukhuset Kalmar i natt."
    assert values_labelled(text, "VARDENHET", KEY) == ["avdelning 4 på Länssjukhuset Kalmar"], finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("IP: hon är finlandssvensk, från Borgå.", "Borgå"),
        ("IP: Han var från Kovikshamn, det hörde man.", "Kovikshamn"),
    ],
)
def test_where_someone_is_from(text: str, place: str) -> None:
    assert place in values_labelled(text, "ORT", KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place put right by another that is also a word
        ("IP: Nä, det var inte Nässjö utan Skara.", "Skara"),
        # a district before its town with a comma
        ("IP: Det var på Ekesjön, i Jönköping, som vi bodde.", "Ekesjön"),
    ],
)
def test_places_corrected_and_placed(text: str, place: str) -> None:
    assert place in values_labelled(text, "ORT", KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "IP: Det var inte Sverige utan Norge.",
        "IP: Vi satt på Konsum, i Mora, och väntade.",
        "IP: Det var inte Anna utan Karin.",
    ],
)
def test_countries_shops_and_people_are_no_districts(text: str) -> None:
    assert not [v for v in values_labelled(text, "ORT", KEY) if v in {"Sverige", "Norge", "Konsum", "Anna", "Karin"}], (
        finds(text, KEY)
    )


def test_where_something_is_from_stays() -> None:
    assert not values_labelled("IP: Brevet var från Försäkringskassan.", "ORT", KEY)


# -- KONTONUMMER ---------------------------------------------------------------------------


def test_plusgiro_after_a_comma_in_speech() -> None:
    text = "IP: Vi betalade till deras plusgiro, 52 71 03-8, varje kvartal."
    assert values_labelled(text, "KONTONUMMER", KEY) == ["52 71 03-8"], finds(text, KEY)


def test_plusgiro_word_then_count_stays() -> None:
    assert not values_labelled("IP: Plusgiro, 3 gånger om året fick vi betala.", "KONTONUMMER", KEY)

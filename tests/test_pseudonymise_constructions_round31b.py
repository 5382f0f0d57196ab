"""Round 31b kinds of construction (special housing for the elderly, short-term and dementia
units, municipal home health care; blind set 56): a home named like a hamlet after "på" in a text
about care or after an old relative ("bor på <X>backen", "min far <Namn> på <X>kullen"), a named
home's ward by its genitive ("<X>gårdens demensavdelning"); a contact book's entries each signed
with initials, a relative's initials with the relation in brackets, first names with the shift's
letter in a rota (also one that is an everyday word), a nickname before "(så kallas han"; a
municipality's body with its municipality in the genitive ("<X>nämnden i <Ort>s kommun") and an
association named after its kind ("<X>föreningen <Namn>"); a double first name after a trade's
"för" ("förvaltare för <Förnamn-Förnamn> <Efternamn>") is a person, no firm.
Look-alikes stay untouched: a landscape word's compound in a text about no care, a street with
its number, a pet named in a clause after the animal, a note's abbreviation after a slash.
Own examples: invented names, homes and towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-31b-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a named home after "på" in a text about care, also one in the place list
        ("Mormor har bott på Aspkullen sedan i våras och personalen är snälla.", "VARDENHET", "Aspkullen"),
        ("maten på Videhöjden är bra säger farfar men han saknar sin trädgård", "VARDENHET", "Videhöjden"),
        ("Pappa flyttade till Lönnvallen i mars, hemtjänsten hade slutat räcka.", "VARDENHET", "Lönnvallen"),
        # an old relative right before it, with or without a name
        ("Vi hälsade på min far Ingvar på Hasselbacken i söndags.", "VARDENHET", "Hasselbacken"),
        ("Jag ringde mamma på Ekliden men ingen svarade.", "VARDENHET", "Ekliden"),
        # the ward of a named home by its genitive
        ("Jag tycker att Aspgårdens demensavdelning har blivit lugnare.", "VARDENHET", "Aspgårdens demensavdelning"),
        # a contact book: each entry signed, the next entry's day on the next line
        ("Kontaktbok\nmån: Sov gott hela natten. /TB\ntis: Åt lite till frukost. /EJ\n", "PERSON", "TB"),
        ("Kontaktbok\nmån: Sov gott. /TB\ntis: Åt lite till frukost. /EJ\nons: Dusch. /TB", "PERSON", "EJ"),
        ("7/3 – Promenad i solen. /MK\n8/3 – Trött efter lunch. /PG", "PERSON", "MK"),
        # a relative's initials with the relation after them, closing the text
        ("Elementet i rummet läcker fortfarande. / GH (dottern)", "PERSON", "GH"),
        # a rota: first names with the shift's letter, one of them an everyday word
        ("Vecka 12\nMån: Bo D, Sara K, Nils N\nTis: Eva D, Ulf K, Karin N", "PERSON", "Bo"),
        # a nickname before the bracket that says so
        ("Putte (så kallas han, egentligen Per Lund) vill ha kaffe på morgonen.", "PERSON", "Putte"),
        # a municipality's body with its municipality in the genitive, one find
        (
            "Till Omsorgsnämnden i Lerums kommun\nJag överklagar beslutet.",
            "ORGANISATION",
            "Omsorgsnämnden i Lerums kommun",
        ),
        ("Äldreomsorgen i Mora kommun svarar aldrig på mejl.", "ORGANISATION", "Äldreomsorgen i Mora kommun"),
        # a coordinated body in lower case
        (
            "Vi har skrivit till kultur- och fritidsförvaltningen två gånger.",
            "ORGANISATION",
            "kultur- och fritidsförvaltningen",
        ),
        # an association named after its kind
        ("Vi har startat Pensionärsföreningen Solstrålen i huset.", "ORGANISATION", "Pensionärsföreningen Solstrålen"),
        # a double first name after a trade's "för"
        ("Som förvaltare för Stig-Olof Lind har jag fått en faktura.", "PERSON", "Stig-Olof Lind"),
    ],
)
def test_round31b_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a landscape compound in a text about no care is a place, no home
        ("Vi åkte skidor på Tallbacken hela dagen.", "Tallbacken"),
        # a street with its number is an address
        ("Mormor bor på Aspkullen 4 sedan i våras.", "Aspkullen"),
        # a note's abbreviation after the slash is no one
        ("Kontaktbok\nmån: Allt lugnt. /OK\ntis: Bra dag.", "OK"),
    ],
)
def test_round31b_look_alikes_are_not_units_or_persons(text: str, value: str) -> None:
    assert "VARDENHET" not in [k for k, v in finds(text, KEY) if v == value] and "PERSON" not in [
        k for k, v in finds(text, KEY) if v == value
    ]


def test_a_pet_named_in_a_clause_after_the_animal_is_no_person() -> None:
    text = "Får vi ta med katten nästa gång, hon heter Tussi och är lugn. //Maja"
    assert "Tussi" not in values_labelled(text, "PERSON", KEY)
    assert "Maja" in values_labelled(text, "PERSON", KEY)

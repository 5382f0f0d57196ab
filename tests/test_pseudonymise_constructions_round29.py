"""Round 29 kinds of construction (pharmacies, prescriptions, dental care, vaccinations and
aids, blind set 53): a personnummer on a receipt with its date part masked and its last four
kept ("19XXXXXX-1234"); a clinic named by what it does and its town with no preposition
("Vaccinationscentralen <Ort>", "<X>tandläkarna <Ort>", "Specialisttandvården <Gren> <Ort>",
"Rehab <Väderstreck> <Ort>"); a regional provider with its site ("Närhälsan <Stadsdel>"); a
receipt's number before its till ("Kvitto nr 12345 Kassa 2") is no postcode and town; an
everyday word that is also a name before a masked card number or a dose ("Kort ****1234",
"Max 3 tabletter") labels the amount.
Look-alikes stay untouched: a fully masked template, a card's last four, a clinic word before an
ordinary word, order and article numbers, doses.
Own examples: invented names, towns from the place list and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-29-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a masked personnummer: the date hidden, the last four (birth number, check digit) kept
        ("Kvitto 311 | Pnr: 19XXXXXX-7731 | Summa 88,00", "PERSONNUMMER", "19XXXXXX-7731"),
        ("Patient XXXXXX-5120 hämtade ut sitt läkemedel.", "PERSONNUMMER", "XXXXXX-5120"),
        ("Kund 1972XXXX-0418, Lena Berg", "PERSONNUMMER", "1972XXXX-0418"),
        ("Personnr ******-6642 står på lappen.", "PERSONNUMMER", "******-6642"),
        # a clinic word and its town, with qualifiers between
        ("Jag vaccinerade mig på Vaccinationscentralen Luleå i fredags.", "VARDENHET", "Vaccinationscentralen Luleå"),
        ("Bokade tid hos Björkängstandläkarna Växjö.", "VARDENHET", "Björkängstandläkarna Växjö"),
        ("Remissen gick till Specialisttandvården Endodonti Umeå.", "VARDENHET", "Specialisttandvården Endodonti Umeå"),
        ("Sjukgymnasten på Rehab Norr Sundsvall ordinerade det.", "VARDENHET", "Rehab Norr Sundsvall"),
        ("Ring Tandvårdskliniken Väster Gävle om tiden.", "VARDENHET", "Tandvårdskliniken Väster Gävle"),
        # a regional provider with its site
        ("Min läkare på Närhälsan Lundby har skrivit receptet.", "VARDENHET", "Närhälsan Lundby"),
    ],
)
def test_round29_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Skriv personnumret som XXXXXX-XXXX i fältet.",  # a template: nothing left to reveal
        "Betalade med Kort ****-4471 i kassan.",  # a card's last four
        "Koden är XXXX-2210 för skåpet.",  # four masked positions are no date part
        "Kvitto nr 55123 Kassa 2 | Ipren 400 mg 20 st 42,00",  # a receipt's number and till
        "Kvitto 40718 Kassa 4, Summa 120,00 kr.",
        "Hos Vaccinationscentralen Sen kom beskedet.",  # a clinic word before an ordinary word, no town
        "Ordernummer 5566778899 gäller rollatorn, artikel 440-221.",
        "Ta 2 tabletter 500 mg högst 4 gånger per dygn.",
        "Summa 64,00 | Kort ****5521 | Vill ha ett nytt kvitto.",  # a receipt's card field
        "På förpackningen står Max 4 tabletter per dygn.",  # a dose's limit, not the name Max
    ],
)
def test_look_alikes_stay_untouched(text: str) -> None:
    assert finds(text, KEY) == []


def test_a_name_before_a_count_without_a_unit_stays_a_name() -> None:
    # "gånger" counts meetings as often as doses: the name is kept
    assert values_labelled("Vi träffade Max 2 gånger i våras.", "PERSON", KEY) == ["Max"]

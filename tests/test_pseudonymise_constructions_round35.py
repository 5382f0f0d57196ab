"""Round 35 kinds of construction (emergency care seen by the public: 112, 1177, ambulances,
emergency departments; blind set 65): a children's hospital named after a royal, with the unit
before it; a unit of coordinated compounds and its hospital; an ambulance service with its
region; a hospital's acronym after a unit's word; a first name that is also a word, opening a
sentence with a fever reading, a state of the body after an adverb or an illness, or at an
ambulance; a baby's age in months or weeks after its name or a word for it; a small child's
years in words; a mission number shaped like a personnummer. Look-alikes stay untouched: a
coordinated unit with no hospital, a care unit's acronym after "akuten på", a region alone, a
stay of months, a wait, a child in a comparison, a plural age group, a guardian's assignment.
Own examples: invented names, hospitals from public knowledge, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-35-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a children's hospital named after a royal, with the unit before it
        (
            "Vi skickades vidare till Kronprinsessan Victorias barnsjukhus i natt.",
            "VARDENHET",
            "Kronprinsessan Victorias barnsjukhus",
        ),
        (
            "Vi satt på Barnakuten Prinsessan Estelles barnsjukhus i sju timmar.",
            "VARDENHET",
            "Barnakuten Prinsessan Estelles barnsjukhus",
        ),
        # a unit of coordinated compounds and its hospital, no preposition
        (
            "Besöket på Barn- och ungdomsakuten Östra sjukhuset 3/4 var en mardröm.",
            "VARDENHET",
            "Barn- och ungdomsakuten Östra sjukhuset",
        ),
        (
            "Vi remitterades till Öron-, näs- och halskliniken Sunderby sjukhus.",
            "VARDENHET",
            "Öron-, näs- och halskliniken Sunderby sjukhus",
        ),
        # an ambulance service with its region
        (
            "Med vänliga hälsningar\nLena Holm, verksamhetschef\nAmbulanssjukvården Region Jämtland",
            "VARDENHET",
            "Ambulanssjukvården Region Jämtland",
        ),
        ("Klagomålet gäller Ambulansen i Region Kronoberg.", "VARDENHET", "Ambulansen i Region Kronoberg"),
        # a hospital's acronym after a unit's word
        ("Vi fick vänta fem timmar på akuten på SÄS.", "VARDENHET", "SÄS"),
        ("Han flyttades till IVA vid CSK efter två dagar.", "VARDENHET", "CSK"),
        # a first name that is also a word: a fever reading, a state after an adverb or an illness
        ("Max hade 40,2 och ville inte dricka.", "PERSON", "Max"),
        ("Vi är kvar på barnakuten. Liv har fortfarande 39 grader.", "PERSON", "Liv"),
        ("Sten hade njursten för andra gången i år.", "PERSON", "Sten"),
        ("Bo hade svårt att andas när vi kom in.", "PERSON", "Bo"),
        # a first name that is also a word, at an ambulance
        ("Per på ambulansen lugnade oss hela vägen.", "PERSON", "Per"),
        # a baby's age after its name or a word for it
        ("Alva var 9 månader och hade hög feber.", "ALDER", "9 månader"),
        ("Vi ringde 1177 tre gånger. Vår son var 5 veckor.", "ALDER", "5 veckor"),
        ("Mitt barn var tio månader när det hände.", "ALDER", "tio månader"),
        # a small child's years in words
        ("Vi satt i väntrummet med en femåring som hade ont.", "ALDER", "femåring"),
        ("Tre timmar för ett brutet finger på en sexåring.", "ALDER", "sexåring"),
    ],
)
def test_round35_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a mission number shaped like a personnummer
        ("Ambulansuppdrag nr 240611-0419 står på kvittot.", "PERSONNUMMER", "240611-0419"),
        ("Uppdragsnummer 240611-0419 stod på papperet.", "PERSONNUMMER", "240611-0419"),
        # a coordinated unit with no hospital is any such unit
        ("Vi åkte till Barn- och ungdomsakuten igen.", "VARDENHET", "Barn- och ungdomsakuten"),
        # a care unit's acronym after "akuten på" is no hospital
        ("Sen var vi på akuten på BUP igen.", "VARDENHET", "BUP"),
        # a stay of months, a wait, a child in a comparison, a plural age group
        ("Anna var 6 månader sjukskriven efter olyckan.", "ALDER", "6 månader"),
        ("Elsa var 3 veckor på IVA.", "ALDER", "3 veckor"),
        ("Vi väntade i 8 månader på en tid.", "ALDER", "8 månader"),
        ("En treåring hade skött det bättre.", "ALDER", "treåring"),
        ("Det begriper även en femåring.", "ALDER", "femåring"),
        ("Han betedde sig som en fyraåring.", "ALDER", "fyraåring"),
        ("Lekplatsen är byggd för treåringar.", "ALDER", "treåringar"),
        # a month that is a name, with weather
        ("Maj har varit kall i år.", "PERSON", "Maj"),
    ],
)
def test_round35_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_guardians_assignment_keeps_the_personnummer() -> None:
    text = "Uppdrag: god man för Karl Ek, 19410923-5512, sedan 2019."
    assert "19410923-5512" in values_labelled(text, "PERSONNUMMER", KEY)

"""Round 42 kinds of construction (children in hospital seen by their parents: paediatric clinics,
neonatal follow-up, hospital school; blind set 68): a small child's age to the month after its
years, a newborn's age in days or weeks ("gammal", or "när …" after it), a corrected age, a name's
role and age in brackets, a baby's age in months after a name, a number word after an inverted
"är han"; a clinic and its hospital after a comma when the clinic is coordinated, a numbered ward
or a centre, a clinic by its speciality and its town after a comma, a hospital named after a
person with its site after it, a hospital and its part of the city after a slash, an intensive
care unit with its town; a preschool by its name after "förskolan". Taken back: an adverb of
"här"/"där" and a preposition opening a line, a pet with its kind in brackets.
Look-alikes stay untouched: a corrected age in weeks (a stage of pregnancy), a thing's age in months, a stay in days, a wait of years and months, a list of towns, a bare
"Kliniken, <ort>", a word after "förskolan" that opens the next sentence, a person with a role in
brackets. Own examples: invented names, clinics and towns from the place list, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-42-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a small child's age to the month, after the years
        ("Patientuppgifter\nÅlder: 2 år 3 mån\nVikt: 13 kg", "ALDER", "2 år 3 mån"),
        ("Vår son är 1 år och 4 månader och har feber igen.", "ALDER", "1 år och 4 månader"),
        ("Min brorson Oskar (2 år och 5 månader) har astma.", "ALDER", "(2 år och 5 månader)"),
        # a newborn's age in days or weeks
        ("Dottern var fyra dagar gammal när vi fick åka hem.", "ALDER", "fyra dagar"),
        ("Vi fick veta att hon var bara 4 dagar när hon fick gulsot.", "ALDER", "4 dagar"),
        ("Sonen var knappt två veckor då hjärtfelet upptäcktes.", "ALDER", "två veckor"),
        # a corrected age
        ("Återbesök vid 18 månader korrigerad ålder på barnmottagningen.", "ALDER", "18 månader"),
        ("Bedömning gjord vid korrigerad ålder 6 mån, utvecklingen följer kurvan.", "ALDER", "6 mån"),
        # a name's role and age in brackets; a baby's age in months after a name
        ("Hanna (lillasyster, 7) följde med till tandläkaren.", "ALDER", "7"),
        ("Jag är pappa till Wilma 4 mån och hon sover dåligt.", "ALDER", "4 mån"),
        # a number word after an inverted "är han"
        ("Han fick diagnosen som liten. Nu är han sju och går i skolan.", "ALDER", "sju"),
        # a clinic and its hospital after a comma: coordinated, a numbered ward, a centre
        (
            "Vi låg på Öron- och näsmottagningen, Ljungby lasarett i två nätter.",
            "VARDENHET",
            "Öron- och näsmottagningen, Ljungby lasarett",
        ),
        (
            "Remiss till Ortopediska avdelningen 12, Mälarsjukhuset i Eskilstuna.",
            "VARDENHET",
            "Ortopediska avdelningen 12, Mälarsjukhuset i Eskilstuna",
        ),
        ("Hon arbetar på Strokecentrum, Karlstads sjukhus.", "VARDENHET", "Strokecentrum, Karlstads sjukhus"),
        # a clinic by its speciality and its town after a comma
        ("Han följs på Reumatologen, Uppsala sedan i fjol.", "VARDENHET", "Reumatologen, Uppsala"),
        ("Tack till alla på Kardiologen, Lund för gott bemötande.", "VARDENHET", "Kardiologen, Lund"),
        # a hospital named after a person, with its site after it
        ("Mottagare: Karin Bergs barnsjukhus Solna", "VARDENHET", "Karin Bergs barnsjukhus Solna"),
        # a hospital and its part of the city after a slash
        (
            "Vi flyttades till Skånes universitetssjukhus/Västra på natten.",
            "VARDENHET",
            "Skånes universitetssjukhus/Västra",
        ),
        # an intensive care unit with its town
        ("Han låg på Barnintensiven i Göteborg i fem dygn.", "VARDENHET", "Barnintensiven i Göteborg"),
        ("Tack till teamet på NIVA i Linköping.", "VARDENHET", "NIVA i Linköping"),
        # a preschool by its name after "förskolan"
        ("Barnen på förskolan Myrstacken har fått löss igen.", "ORGANISATION", "förskolan Myrstacken"),
    ],
)
def test_round42_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # "här"/"där" and a preposition opening a line after a heading
        ("Ansökan om stöd för barn\nHärmed ansöker vi om bidrag.", "PERSON", "Härmed"),
        ("Protokoll från möte med barn\nHärigenom bekräftas att mötet hölls.", "PERSON", "Härigenom"),
        # a pet with its kind in brackets
        ("Vi tog med Zorro (vår hund) till stugan.", "PERSON", "Zorro"),
        ("Hemma igen med mormor och Leo (kattungen).", "PERSON", "Leo"),
        # a corrected age in weeks is weeks since conception, no age
        ("Ögonundersökning vid 36 veckor korrigerad ålder enligt rutin.", "ALDER", "36 veckor"),
        # a thing's age in months
        ("Fakturan gällde vår 3 månader gamla värmepump som redan gått sönder.", "ALDER", "3 månader"),
        ("Posten kommer sent och tidningen är ofta 3 dagar gammal.", "ALDER", "3 dagar"),
        # a stay in days, a wait of years and months
        ("Han var 3 dagar på IVA efter operationen.", "ALDER", "3 dagar"),
        ("Vi väntade 1 år och 2 månader på operation.", "ALDER", "1 år och 2 månader"),
        ("Kalle 8 veckor i Spanien var skönt.", "ALDER", "8 veckor"),
        # a bare "Kliniken" before a town, and a plain hospital word before a slash and a direction
        ("Kliniken, Lund och Malmö samarbetar.", "VARDENHET", "Kliniken, Lund"),
        ("Vi bodde på sjukhuset/Norra i en vecka.", "VARDENHET", "sjukhuset/Norra"),
        # a word after "förskolan" that opens the next sentence
        ("Vi pratade med förskolan Sen åkte vi hem.", "ORGANISATION", "förskolan Sen"),
    ],
)
def test_round42_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_person_with_a_role_in_brackets_stays_a_person() -> None:
    assert "Anna" in values_labelled("Vi tog med Anna (vår granne) till stugan.", "PERSON", KEY)

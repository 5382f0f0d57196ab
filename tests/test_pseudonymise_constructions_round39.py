"""Round 39 kinds of construction (neuropsychiatric assessment and support for children and adults:
private assessment firms, child and adult psychiatry, schools, employers, parents' threads; blind
set 69): a unit of coordinated compounds before its kind of care and its town, an indefinite
clinic with its town, a centre, team or unit by its part of the country or its own name, a clinic
for children or adults, a clinic for a specialty and its hospital after a comma, a town's centre
for a kind of care, the firm where an assessment or a diagnosis was made, a royal children's and
young people's hospital; an association named by a diagnosis and its region, an association with its acronym and town, a school after "heter"; a
small age in words before "år gammal", a hedged age in brackets, a lowercase first name's age
now; a boyfriend's name that is also a verb, a parent's username built on the child's name.
Taken back: "Elevhälsan" alone, a book's hero read with his home. Look-alikes stay untouched: a
thing's age, a time of day after "vid", the age everyone moves to adult care at, the time now, a
shopping centre by its part of town, a person after "diagnos hos", a team before a person's
name, a diagnosis in a region; a husband's age and a person met in a town stay.
Own examples: invented names, clinics and firms, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-39-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a unit of coordinated compounds before its kind of care and its town
        (
            "Hon skrevs ut från Barn- och ungdomspsykiatrisk slutenvård Västerås i mars.",
            "VARDENHET",
            "Barn- och ungdomspsykiatrisk slutenvård Västerås",
        ),
        # an indefinite clinic with its town
        ("Kallelse till Psykiatrimottagning Sundbyberg den 4 maj.", "VARDENHET", "Psykiatrimottagning Sundbyberg"),
        ("Ny tid hos Beroendemottagning Kalmar på fredag.", "VARDENHET", "Beroendemottagning Kalmar"),
        # a centre, team or unit by its part of the country or its own name
        ("Vi fick ett brev från Neurocentrum Syd i går.", "VARDENHET", "Neurocentrum Syd"),
        ("Ringde Utredningsteamet Bergslagen fem gånger.", "VARDENHET", "Utredningsteamet Bergslagen"),
        ("Journalen från Utredningsenheten Fyrtornet kom i dag.", "VARDENHET", "Utredningsenheten Fyrtornet"),
        # a clinic for children or adults
        (
            "Ett år senare stängde Neuropsykiatriska Kliniken Vuxen sin kö.",
            "VARDENHET",
            "Neuropsykiatriska Kliniken Vuxen",
        ),
        # a clinic for a specialty and its hospital after a comma
        (
            "Hej, det här är Lena på Mottagningen för beroende, Danderyds sjukhus. Tiden är flyttad.",
            "VARDENHET",
            "Mottagningen för beroende, Danderyds sjukhus",
        ),
        (
            "Tack till Mottagningen för ätstörningar, Akademiska. Ni var bra.",
            "VARDENHET",
            "Mottagningen för ätstörningar, Akademiska",
        ),
        # a town's centre for a kind of care
        ("Tack till Olle på Göteborgs ätstörningscentrum som lyssnade.", "VARDENHET", "Göteborgs ätstörningscentrum"),
        ("Vi fick hjälp av Uppsala sömncentrum till slut.", "VARDENHET", "Uppsala sömncentrum"),
        # the firm where an assessment or a diagnosis was made
        ("Min sambo fick diagnos hos Psykrona via appen.", "VARDENHET", "Psykrona"),
        ("Vår utredning hos Hjärnbalans Norr i Borås startar snart.", "VARDENHET", "Hjärnbalans Norr i Borås"),
        ("Jag fick min diagnos hos Psykia i Uppsala.", "VARDENHET", "Psykia i Uppsala"),
        # a royal children's and young people's hospital
        (
            "Logopeden på Kronprinsessan Victorias barn- och ungdomssjukhus var bra.",
            "VARDENHET",
            "Kronprinsessan Victorias barn- och ungdomssjukhus",
        ),
        # an association named by a diagnosis and its region, one with its acronym and town
        ("Lägret som Autism Värmland ordnar är bra.", "ORGANISATION", "Autism Värmland"),
        ("Hälsningar från Anhörigföreningen ADHD Kalmar!", "ORGANISATION", "Anhörigföreningen ADHD Kalmar"),
        # a school after "heter": the kind before the verb is no part of its name
        ("Skolan heter Björkskolan i Tranås.", "ORGANISATION", "Björkskolan i Tranås"),
        # a small age in words before "år gammal", a hedged age in brackets
        ("Han fick diagnosen sex år gammal och nu går det bättre.", "ALDER", "sex år"),
        ("Vår Elvira (nästan 9) har tics.", "ALDER", "9"),
        # a lowercase first name and its age now
        ("ringer till bup gävle och får samma svar. ture är 9 nu och har väntat länge.", "ALDER", "9"),
        # a boyfriend's name that is also a verb, a parent's username built on the child's name
        ("Hennes pojkvän Ville har ADHD.", "PERSON", "Ville"),
        ("Inlägg från användare pappa_till_Sixten:\nVi väntar fortfarande.", "PERSON", "pappa_till_Sixten"),
    ],
)
def test_round39_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # "Elevhälsan" alone; a book's hero read with his home
        ("Elevhälsan har haft två möten om honom.", "VARDENHET", "Elevhälsan"),
        ("Vi läser om Pelle i Skogen varje kväll.", "PERSON", "Pelle"),
        # a thing's age, a time of day after "vid", the time now
        ("Vi köpte en tre år gammal bil.", "ALDER", "tre år"),
        ("Vi ses vid 18 på torget.", "ALDER", "18"),
        # the age everyone moves to adult care at is a rule, no one's age
        ("Barn flyttas till vuxenvården vid 18 års ålder.", "ALDER", "18"),
        ("klockan är 11 nu.", "PERSON", "klockan"),
        ("det är 11 nu.", "ALDER", "11"),
        # a shopping centre by its part of town
        ("Vi möttes vid Köpcentrum Syd i lördags.", "VARDENHET", "Köpcentrum Syd"),
        # a person after "diagnos hos", a team before a person's name
        ("Han fick diagnos hos Anna i Lund.", "VARDENHET", "Anna i Lund"),
        ("Skickade mejl till Utredningsteamet Anna Berg.", "VARDENHET", "Utredningsteamet Anna"),
        # a diagnosis in a region
        ("Autism i Värmland är vanligt.", "ORGANISATION", "Autism i Värmland"),
    ],
)
def test_round39_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_husbands_age_and_a_person_met_in_a_town_stay() -> None:
    assert "54" in values_labelled("Min man är 54 och trött.", "ALDER", KEY)
    assert "Pelle" in values_labelled("Vi träffade Pelle i Skogen.", "PERSON", KEY)

"""Round 34 kinds of construction (pregnancy, birth and newborn care: maternity and midwives'
clinics, birth stories, texts to the midwife, pasted discharge notes, fertility clinics; blind
set 58): a ward compound with its number and its hospital, a unit and its hospital after a
comma, a centre named by a neuter adjective with its town, a care centre with its town, a
fertility clinic by its own name, the midwives' clinic's short form with its name, a maternity
ward's name of two words, the newborn ward with its town, a clinic named after a person with a
particle; an office after the municipality's genitive; a first name signing a message before
its phone number at the end. Taken back: a care unit's acronym after "kom till" (no town) or
after a greeting (no person), a mail header's label written without å. Look-alikes stay
untouched: a ward number without a hospital, a treatment in a town, an everyday word before
"IVF", a shopping centre with its town, a municipality's web page, a verb before a phone
number, a name in a header's field.
Own examples: invented names, clinics and firms, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-34-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a ward compound with its number and its hospital
        (
            "Vi låg på Neonatalavdelning 21 på Norra sjukhuset i två veckor.",
            "VARDENHET",
            "Neonatalavdelning 21 på Norra sjukhuset",
        ),
        (
            "Hon vårdades på Förlossningsavdelning 4 vid Ljungby lasarett.",
            "VARDENHET",
            "Förlossningsavdelning 4 vid Ljungby lasarett",
        ),
        # a unit and its hospital (and town) after a comma
        (
            "Utskriven från BB-avdelningen, Sunderby sjukhus Luleå 2024-01-02.",
            "VARDENHET",
            "BB-avdelningen, Sunderby sjukhus Luleå",
        ),
        (
            "Plats: Specialistmödravården, Danderyds sjukhus, plan 3",
            "VARDENHET",
            "Specialistmödravården, Danderyds sjukhus",
        ),
        # a centre named by a neuter adjective, with its town
        (
            "Vi har gått på Reproduktionsmedicinskt centrum i Umeå i ett år.",
            "VARDENHET",
            "Reproduktionsmedicinskt centrum i Umeå",
        ),
        # a care centre with its town, a fertility clinic by its own name
        ("Remissen till Fertilitetscentrum Karlstad skickades i maj.", "VARDENHET", "Fertilitetscentrum Karlstad"),
        ("Tack till alla på Solvik IVF i Umeå!", "VARDENHET", "Solvik IVF i Umeå"),
        # the midwives' clinic's short form with its name
        ("Uppföljning på BMM Norr om sex veckor.", "VARDENHET", "BMM Norr"),
        ("Vi vill tacka alla på BMM Blåklinten för stödet.", "VARDENHET", "BMM Blåklinten"),
        # a maternity ward's name of two words, the newborn ward with its town
        ("Födelsebeviset från BB Värmland Karlstad kom aldrig fram.", "VARDENHET", "BB Värmland Karlstad"),
        ("Jag skrevs ut från BB Umeå Family dagen efter.", "VARDENHET", "BB Umeå Family"),
        ("Han låg på Neonatalen Karlstad i en vecka.", "VARDENHET", "Neonatalen Karlstad"),
        # a clinic named after a person with a particle
        ("Din tid är bokad 19/5. /Anna von Rosenkliniken", "VARDENHET", "Anna von Rosenkliniken"),
        # an office after the municipality's genitive
        ("Det måste göras via Sala kommuns familjerätt.", "ORGANISATION", "Sala kommuns familjerätt"),
        ("Enligt Lerums kommuns överförmyndare är det klart.", "ORGANISATION", "Lerums kommuns överförmyndare"),
        # a first name that is also a word, signing before the phone number at the end
        ("Varför har ingen ringt tillbaka? Sanna 0739-112233", "PERSON", "Sanna"),
    ],
)
def test_round34_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a care unit's acronym after "kom till" is no town, after a greeting no person
        ("Allt gick bra tills vi kom till BB. Salen var smutsig.", "ORT", "BB"),
        ("Varje gång jag kommer till MVC blir det strul i kassan.", "ORT", "MVC"),
        ("Hej BVC! Lillen har feber sen i morse.", "PERSON", "BVC"),
        # a mail header's label written without å
        ("Fran: kajsa.bm@example.com\nTill: mig\nAmne: SV: tid", "PERSON", "Fran"),
        # a ward number without a hospital, a treatment in a town
        ("Vi låg på Neonatalavdelning 21 i två veckor.", "VARDENHET", "Neonatalavdelning 21"),
        ("Vi gjorde IVF i Umeå till slut.", "VARDENHET", "IVF i Umeå"),
        # an everyday word before "IVF"
        ("Första IVF gick inte alls.", "VARDENHET", "Första IVF"),
        ("Vi fick en lyckad IVF till slut.", "VARDENHET", "lyckad IVF"),
        # a shopping centre with its town
        ("Vi möttes vid Köpcentrum Karlstad i lördags.", "VARDENHET", "Köpcentrum Karlstad"),
        # a municipality's web page
        ("Läs mer på Sala kommuns hemsida.", "ORGANISATION", "Sala kommuns hemsida"),
        # a verb before a phone number, a maternity ward before a first name and a verb
        ("Har ni frågor? Ring 0739-112233", "PERSON", "Ring"),
        ("Vi var på BB Sophia Anna sa att allt var bra.", "VARDENHET", "BB Sophia Anna"),
    ],
)
def test_round34_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_name_in_a_header_without_diacritics_stays_a_name() -> None:
    text = "Fran: Karin Berg\nTill: mig\nAmne: tider"
    assert "Karin Berg" in values_labelled(text, "PERSON", KEY)

"""Round 33 kinds of construction (planned surgery and waiting lists: care guarantee letters,
queues, care in another region, private clinics bought by the region, health insurance, booking
texts, coordinators' answers; blind set 61): a private clinic with an English head word and its
town, a specialty with a name of its own before or after it, a specialist clinic with its town,
a clinic's town and its part of town, a health centre's lowercase abbreviation with its town or
name, a hospital and its site after a slash, a hospital named by an adjective in "-ska"; an
insurer before a capitalised insurance word, an insurer compound in the plural, the company a
health insurance is held with or a company in brackets after "bolag", the company after a
signature's title; an age set off by commas after a name, a writer's age after "här,"; a name
in brackets after a role, a reply's addressee before a colon, a first name after the definite
"sjukgymnasten". Look-alikes stay untouched: a shopping centre, a specialty alone, a specialty
before a first name, a language after "på", a form's label "Försäkring:", a kind of insurance
as a heading, a claim number after its label, a form's label ending in "nr", a unit word after
"kom till", a pain score falling to nought, a number after a name that no age reaches, a description
in brackets after a role, "svar till alla:".
Own examples: invented names, clinics and firms, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-33-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a private clinic with an English head word, with its town before or after it
        ("Har någon gått på Nova Knee Center Uppsala? Kön är kort.", "VARDENHET", "Nova Knee Center Uppsala"),
        ("Vi remitterar dig till vår vårdgivare Malmö Hip Center. Du blir uppringd.", "VARDENHET", "Malmö Hip Center"),
        ("Välkommen!\nNova Clinic Södermalm", "VARDENHET", "Nova Clinic Södermalm"),
        # a specialty with its own name after or before it
        ("Jag valde Ortopedi Väst och fick tid på en månad.", "VARDENHET", "Ortopedi Väst"),
        ("3. Balder Ortopedi – privat, 3 mån kö.", "VARDENHET", "Balder Ortopedi"),
        ("1. Kirurgi Fjällbygden – regionen köper där.", "VARDENHET", "Kirurgi Fjällbygden"),
        # a specialist clinic with its town, a clinic's town and its part of town
        ("Vårdgivare: Ryggspecialisten Umeå\nBokad tid: 3 juni", "VARDENHET", "Ryggspecialisten Umeå"),
        ("Hälsningar\nPatientkoordinator\nÖgonkliniken Växjö City\n", "VARDENHET", "Ögonkliniken Växjö City"),
        # a health centre's lowercase abbreviation with its town or its own name
        ("remissen skickades från vc i mora i mars", "VARDENHET", "vc i mora"),
        ("tog prover på vc Gamlestan för en månad sen", "VARDENHET", "vc Gamlestan"),
        # a hospital and its site after a slash, the clinic and a comma before it
        (
            "Välkommen till Ögonkliniken, Skånes universitetssjukhus/Lund tisdag kl 8.",
            "VARDENHET",
            "Ögonkliniken, Skånes universitetssjukhus/Lund",
        ),
        # a hospital named by an adjective in "-ska", with its town or after a preposition
        ("Vi betalade själva på Bergerska i Kalmar till slut.", "VARDENHET", "Bergerska i Kalmar"),
        ("Han opererades på Lindqvistska förra våren.", "VARDENHET", "Lindqvistska"),
        # an insurer before a capitalised insurance word, in the plural, held with, in brackets
        ("Handläggare: Eva Holm, Trygg Skadeförsäkring", "ORGANISATION", "Trygg Skadeförsäkring"),
        ("Med vänlig hälsning\nSkadeservice\nBygdeförsäkringar", "ORGANISATION", "Bygdeförsäkringar"),
        ("Jag har sjukvårdsförsäkring hos Vardia via jobbet.", "ORGANISATION", "Vardia"),
        ("Mitt bolag (Atlantica) sa nej till operationen.", "ORGANISATION", "Atlantica"),
        # the company after a signature's title and a comma
        ("Vänliga hälsningar\nEva Holm\nVårdkoordinator, Nordic Assist\n08-123 45 67", "ORGANISATION", "Nordic Assist"),
        # an age set off by commas after a name, a writer's age after "här,"
        ("Operationen gick bra. Gunnar Pekkari, 71, tackar alla.", "ALDER", "71"),
        ("Birgitta Lund här, 82 år i maj. Jag väntar på en höft.", "ALDER", "82 år"),
        # a name in brackets after a role, a reply's addressee, a first name after "sjukgymnasten"
        ("Bra kirurg (Lundin) men lång väntan.", "PERSON", "Lundin"),
        ("svar till lisa: du måste ringa själv", "PERSON", "lisa"),
        ("tack till sjukgymnasten stig som peppade mig", "PERSON", "stig"),
    ],
)
def test_round33_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a shopping centre, a specialty alone, a specialty before a first name
        ("Vi träffades på Kista Shopping Center i lördags.", "VARDENHET", "Kista Shopping Center"),
        ("Ortopedi är ett stort ämne.", "VARDENHET", "Ortopedi"),
        ("Hon jobbar inom Ortopedi Anna sa det igår.", "VARDENHET", "Ortopedi Anna"),
        # a language after "på"
        ("Informationen fanns bara på Engelska tyvärr.", "VARDENHET", "Engelska"),
        # a form's label, a kind of insurance as a heading
        ("Försäkring: Privat sjukvård via arbetsgivare", "ORGANISATION", "Försäkring"),
        ("Sjukvårdsförsäkringar\nHär jämför vi olika.", "ORGANISATION", "Sjukvårdsförsäkringar"),
        # a claim number after its label, a form's label ending in "nr"
        ("Skadeanmälan nr 40-229113", "TELEFON", "40-229113"),
        ("Ärende: 23-114 / Kundnr K-0012", "PERSON", "Kundnr"),
        # a unit word after "kom till"
        ("Kom till Dagkirurgen, plan 2, kl 7.", "ORT", "Dagkirurgen"),
        # a pain score falling to nought
        ("Gick från 6/10 till 0/10 i värk efter operationen.", "DATUM", "6/10"),
        # a number after a name that no age reaches (a place in the queue)
        ("Lisa Holm, 140, stod före mig i kön.", "ALDER", "140"),
        # a description in brackets after a role, a reply to everyone
        ("Vi träffade läkaren (Specialisten) i går.", "PERSON", "Specialisten"),
        ("svar till alla: ring själva", "PERSON", "alla"),
    ],
)
def test_round33_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_a_hospital_with_its_site_is_one_unit() -> None:
    text = "Kallelse till Ortopedkliniken, Västra sjukhuset/Kungälv den 4 maj."
    assert "Ortopedkliniken, Västra sjukhuset/Kungälv" in values_labelled(text, "VARDENHET", KEY)
    assert "Kungälv" not in values_labelled(text, "ORT", KEY)

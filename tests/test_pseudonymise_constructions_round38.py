"""Round 38 kinds of construction (work injuries, occupational health and return to work:
employers, insurers, trade unions and the social insurance's rehabilitation chain; blind set
66): an occupational health service by its kind word and its own name, before or after, with
its district and town; the firm a named carer works at; a specialty in "-medicin" with its
town; a ward's short form before its hospital; a trade union in brackets after "facket", a
union's region or branch after its name, a firm by its kind, name and district, an insurer's
short form as the other party of a claim, an employer after "jobbat åt"; a first name that is
also a word after a workplace role, before "på <telefonnummer>" after "ring", or before "på"
and a workplace's department. Taken back: a product's model after "modell", a case number
whose label says where it is kept ("Ärendenummer hos <X>:"), a rating scale named after a
hospital in English. Look-alikes stay untouched or keep their label.
Own examples: invented names, firms and unions, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from nlp.pseudonymise import Pseudonymiser
from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-38-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # an occupational health service by its kind word and its own name, district and town
        (
            "Vi hade möte hos Företagshälsan Hälsokraft Syd i Växjö förra veckan.",
            "VARDENHET",
            "Företagshälsan Hälsokraft Syd i Växjö",
        ),
        ("Nästa tid är hos Företagshälsan Medhelp på måndag.", "VARDENHET", "Företagshälsan Medhelp"),
        ("Bokat hos Vitamina Företagshälsa Gävle kl 13.", "VARDENHET", "Vitamina Företagshälsa Gävle"),
        # the firm a named carer works at
        ("Tack till psykologen Linnea på Vitalica i Kalmar!", "VARDENHET", "Vitalica i Kalmar"),
        ("Fysioterapeuten Jonas på Rörelsia hjälpte mig tillbaka.", "VARDENHET", "Rörelsia"),
        # a specialty in "-medicin" with its town
        ("Remissen gick till Beroendemedicin i Lund förra året.", "VARDENHET", "Beroendemedicin i Lund"),
        ("Jag utreddes på Hud- och könsmedicin i Linköping.", "VARDENHET", "Hud- och könsmedicin i Linköping"),
        # a ward's short form right before its hospital
        ("Hon flyttades till IVA Sunderby sjukhus direkt.", "VARDENHET", "IVA Sunderby sjukhus"),
        # a trade union in brackets after "facket"
        ("Facket (Seko) lovade att höra av sig.", "ORGANISATION", "Seko"),
        ("Jag ringde fackförbundet (GS) direkt.", "ORGANISATION", "GS"),
        ("Facket (Framtid) säger att det är fel.", "ORGANISATION", "Framtid"),
        # a union's region or branch after its name
        ("Ordförande, Seko Region Syd", "ORGANISATION", "Seko Region Syd"),
        ("Kontakt: ombudsman Målarnas Region Norr", "ORGANISATION", "Målarnas Region Norr"),
        ("Vi på Målarna avd. Norrland skriver för att protestera.", "ORGANISATION", "Målarna avd. Norrland"),
        # a firm by its kind, its name and its district
        ("Han har jobbat på Fastighetsbolaget Bovia Öst sedan 2010.", "ORGANISATION", "Fastighetsbolaget Bovia Öst"),
        # an insurer's or authority's short form as the other party of a claim
        ("Vi fick avslag från SPV på ansökan.", "ORGANISATION", "SPV"),
        ("Förbundet drev mitt ärende mot KPA i två år.", "ORGANISATION", "KPA"),
        # an employer after "jobbat åt"
        ("Jag har jobbat åt Skanska i sju år.", "ORGANISATION", "Skanska"),
        # a first name that is also a word after a workplace role, after "ring", before a department
        ("huvudskyddsombudet iris ringde chefen i går.", "PERSON", "iris"),
        ("handledaren axel visade mig allt.", "PERSON", "axel"),
        ("arbetsledaren malva sa att vi fick gå hem.", "PERSON", "malva"),
        ("ring viola på 073-555 12 34 om schemat", "PERSON", "viola"),
        ("Tor på verkstaden har hjälpt mig mycket.", "PERSON", "Tor"),
    ],
)
def test_round38_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        # a product's model after "modell"
        "Jag fick en stol av modell Vera Flex 2 men den är för låg.",
        # a case number whose label says where it is kept
        "Ärendenummer hos pensionsbolaget: 2023-554123. Svar inom fyra veckor.",
        # a rating scale named after a hospital or town in English
        "Vi använde Uppsala Sleep Quality Scale vid inskrivningen.",
        "Jag fyllde i Karolinska Sleep Questionnaire två gånger.",
        # look-alikes: a ward number, a plain word after "facket", a decision from HR
        "Facket (tyvärr) svarade aldrig.",
        "Vi fick avslag från HR på ledigheten.",
        "Sjuksköterskorna avd. 5 gjorde ett bra jobb.",
        "Stenen på kontoret var tung.",
    ],
)
def test_round38_look_alikes_stay_untouched(text: str) -> None:
    assert Pseudonymiser(KEY).find(text) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a bank account after a bank's name and a colon stays an account
        ("Kontonummer hos Nordea: 3300 560712-3345", "KONTONUMMER", "3300 560712-3345"),
        # a town alone after an employer verb stays where it was; a ward with a number is a unit
        ("Hon låg på avd. 12 på Sunderby sjukhus.", "VARDENHET", "avd. 12 på Sunderby sjukhus"),
        # a school after a carer and "på" stays the school with its town
        (
            "Kuratorn Hanna på Norra gymnasiet i Borås skickade mig vidare.",
            "ORGANISATION",
            "Norra gymnasiet i Borås",
        ),
        # a name after the carer stays a person
        ("Tack till psykologen Linnea på Vitalica i Kalmar!", "PERSON", "Linnea"),
    ],
)
def test_round38_look_alikes_keep_their_label(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)

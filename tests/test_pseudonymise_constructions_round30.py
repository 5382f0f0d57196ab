"""Round 30 kinds of construction (deaf, blind and deafblind people and relay services, blind set
54; digital care services, chat logs, receipts and BankID, blind set 55): a personnummer in
brackets after a name with another kind of number in the next clause, and on an account ("pappas
konto (…)"); ages said by what happened at them ("vid 45 års ålder", a baby's "vid 3 månader"), a
kinship word with its age as a label ("Son 6 år,", in capitals without stops), inside a relative
clause ("<person> som är 88 har …"), a birthday party's number, a relative described and then
aged ("min pappa är döv, 78."), a dictated "… och är 26 punkt", "<Namn>, 77 år i höst" and a
respondent's "<Namn>, 44:"; a region's team or interpreting service with its county or town
("Dövblindteamet <Län>", "Tolkcentralen <Ort>", "… Region <Län>"), "Habiliteringens <X>team i <Ort>"
as a unit, a care service after a verb ("tacka Hemsjukvården i <Ort>"); associations
("<X>s Riksförbund", "Förbundet <X> <Y>") and a coordinated authority ("Post- och telestyrelsen");
a signature's town after the full name; a professional title of hearing and speech care before
the name; an English "I'm <Namn>,".
Look-alikes stay untouched: an adjective after "jag är" that only another language has as a name,
a limit before a measure ("max 45 dB"), browsers with their versions, an e-ID's name, a pet named
before "heter min katt", a version after a word ending like a street, a build number shaped like
a date, a score standing alone before the signature, the second of two order numbers with a
failing check digit, a generic school or local association with its town (the town is the find).
Own examples: invented names, towns from the place list and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled, wrong_check

pytestmark = pytest.mark.utan_databas

KEY = b"round-30-test-key-0123456789abcdef"
PNR = luhn_complete("380512412")


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a personnummer in brackets; "bokningen" in the next clause says nothing about it
        (
            f"Jag bokade åt min mormor Elsa Lind (19{PNR[:6]}-{PNR[6:]}) men bokningen syns inte.",
            "PERSONNUMMER",
            f"19{PNR[:6]}-{PNR[6:]}",
        ),
        # on an account: the number the account is logged in with, check digit or not
        ("Mammas konto (510923-4417) visar inga intyg.", "PERSONNUMMER", "510923-4417"),
        # ages by what happened at them
        ("Jag blev döv vid 52 års ålder efter en infektion.", "ALDER", "52 års"),
        ("Nu vid 4 års ålder har han ett implantat.", "ALDER", "4 års"),
        ("Dottern fick glasögon vid 8 månader.", "ALDER", "8 månader"),
        # a kinship word and the age as a label
        ("Dotter 7 år, hosta sedan i måndags.", "ALDER", "7 år"),
        ("MITT NAMN OLLE. JAG DÖV. SON 4 ÅR FEBER.", "ALDER", "4 ÅR"),
        # inside a relative clause after a person
        ("min mormor Greta Lund som är 93 har fått fel hörapparat.", "ALDER", "93"),
        ("Jag hjälper min farmor som är 95 med allt.", "ALDER", "95"),
        ("det är svårt för mig som är sjuttiotre och inte ser.", "ALDER", "sjuttiotre"),
        # the age a person turns at a party
        ("Vi ska på min systers Lena 50-årsfest i maj.", "ALDER", "50"),
        # a relative described, then aged
        ("Min morfar är blind och envis, 84. Han bor kvar hemma.", "ALDER", "84"),
        # dictated: the stop said as a word
        ("jag heter olle berg och är 41 punkt jag har", "ALDER", "41"),
        # when, not how long: "i höst"; a respondent's label before a colon
        ("Hälsningar Karin, 77 år i höst", "ALDER", "77 år"),
        ("Ahmed, 44: funkar bra men långsamt.", "ALDER", "44"),
        # a region's team or interpreting service and its county or town
        ("Kontaktpersonen från Dövteamet Västerbotten ringde.", "VARDENHET", "Dövteamet Västerbotten"),
        ("Jag vill prata med chefen för Tolkcentralen Örebro om tolkarna.", "VARDENHET", "Tolkcentralen Örebro"),
        ("Tack till Synteamet Region Halland för hjälpen.", "VARDENHET", "Synteamet Region Halland"),
        ("Till Habiliteringens hörselteam i Umeå: hej", "VARDENHET", "Habiliteringens hörselteam i Umeå"),
        ("Jag vill tacka Hemsjukvården i Kalix för att ni kom.", "VARDENHET", "Hemsjukvården i Kalix"),
        # associations and an authority named as a coordinated compound
        ("Jag vill tacka Hörselskadades Riksförbund för stödet.", "ORGANISATION", "Hörselskadades Riksförbund"),
        ("Vi kontaktade Förbundet Unga Rörelsehindrade igår.", "ORGANISATION", "Förbundet Unga Rörelsehindrade"),
        ("Till Post- och telestyrelsen och regionen.", "ORGANISATION", "Post- och telestyrelsen"),
        # a generic school or local association with its town: the town is the find
        ("Skolan i Borlänge har ingen tolk.", "ORT", "Borlänge"),
        ("Vi tackar lokalföreningen i Sandviken.", "ORT", "Sandviken"),
        # a signature's town after the full name, though the town is also a surname
        ("Tack för allt. Margit Berg, Lund", "ORT", "Lund"),
        # a professional title of hearing care before a name no list has
        ("och audionomen Kenji Sato som aldrig gav upp", "PERSON", "Kenji Sato"),
        # English
        ("I'm Priya, priya@example.com, please contact me.", "PERSON", "Priya"),
    ],
)
def test_round30_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jag är blind sedan födseln.", "blind"),  # an adjective, a first name only elsewhere
        ("jag ar blind och anvander skarmlasare.", "blind"),
        ("Min morfar är blind och envis.", "blind"),
        ("Det är en gammal modell med max 45 dB förstärkning.", "max"),  # a limit before a measure
        ("Testat Chrome 122 och Safari 17.", "Safari"),  # a browser and its version
        ("Freja eID borde funka som alternativ.", "Freja"),  # an e-ID's name
        ("Frid heter min katt och inget annat.", "Frid"),  # a pet named before what it is
        ("Till Post- och telestyrelsen och regionen.", "Till Post"),  # the compound's first part
        ("Uppdateringen 4.3.0 tog bort mörkt läge.", "Uppdateringen 4"),  # a version, no street
        ("Appversion 6.1.4 (build 20250311), enhet A7F3.", "20250311"),  # a build number
        ("Snabbt och bra. 5/5 // Nora", "5/5"),  # a score as a sentence of its own
        ("Skolan i Borlänge har ingen tolk.", "Skolan i Borlänge"),  # a generic school: its town only
    ],
)
def test_round30_look_alikes_are_not_found(text: str, value: str) -> None:
    assert value not in [v for _, v in finds(text, KEY)]


def test_the_second_of_two_order_numbers_with_a_failing_check_digit_stays() -> None:
    """ "ordernummer A och B": B is an order number too when its check digit fails; with a
    holding check digit it is replaced (a missed personnummer weighs more)."""
    first = wrong_check(luhn_complete("630914335"))
    failing = wrong_check(luhn_complete("630914337"))
    holding = luhn_complete("850412123")
    text = f"Fakturor för besöket, ordernummer {first[:6]}-{first[6:]} och {failing[:6]}-{failing[6:]}."
    assert not [v for label, v in finds(text, KEY) if label == "PERSONNUMMER"]
    text = f"Fakturor för besöket, ordernummer {first[:6]}-{first[6:]} och {holding[:6]}-{holding[6:]}."
    assert f"{holding[:6]}-{holding[6:]}" in values_labelled(text, "PERSONNUMMER", KEY)

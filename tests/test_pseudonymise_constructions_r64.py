"""Round 64 kinds of construction (records, access logs and data protection; blind set 93): a
child's personnummer written as ten bare digits right after the child named by a parent, even
when the digits read as a mobile number; the timestamps heading the lines of an access log sent
to a patient (by "loggutdrag", "åtkomstlogg", "anv-id", "HSA-id" or an HSA-id in the text); a
company named with "AB" and then without it; a member of staff named by a word-name at a workplace
in the definite form who is praised or did something; "EFTERNAMN, FÖRNAMN" in capitals heading a
log's field; the third part of a Vietnamese name; a maternity ward named by its compass district;
a care company's clinic typed in lower case; an authority's acronym as the body a report goes to;
a region named by its province; a pharmacy chain with its branch after "personalen på". Look-alikes
stay untouched: a parent's own number after "ring mig", a system log's timestamp, a company whose
name is an everyday word, "Bo på landet", "OBS, ANNA", a care unit's acronym after "anmält till",
"Stockholmsregionen" as an area, a rule's age limit ("från att barnet fyllt 13"), "från" typed
without å after a lowercase name, "Hans <Läkemedel>-dos", a ward's name after a title, a number's
day explained ("betyder den 2:a"). Own examples: invented names, places from the place list or
invented, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-64-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a child's personnummer right after the child named by a parent (check digit holds)
        ("Hej, det är Maria, pappa till Vilgot 0708226634. Kan ni skicka journalen?", "PERSONNUMMER", "0708226634"),
        ("min son Elis, 0509231189, har ont i magen", "PERSONNUMMER", "0509231189"),
        # an access log's timestamps heading its lines
        (
            "Här är mitt loggutdrag:\n2023-11-05 14:20  anv-id PEKA12  Petra Karlsson  Vårdcentralen Norrby  Läst",
            "DATUM",
            "2023-11-05",
        ),
        ("2023-10-30T08:41:09 | SE2321000999-Q1W2 | Olof Ek | Hjärtmottagningen | Journal läst", "DATUM", "2023-10-30"),
        # a company named with "AB", then without it
        ("Kommunen säger att Tieto Evry AB sköter det, men Tieto Evry säger nej.", "ORGANISATION", "Tieto Evry"),
        ("Vårdcentralen hänvisar till Kvistbo AB, men Kvistbo svarar aldrig.", "ORGANISATION", "Kvistbo"),
        # a word-name at a workplace in the definite form, praised or doing something
        ("Vide på patientarkivet i Luleå är en pärla.", "PERSON", "Vide"),
        ("Dag på registraturen svarade samma dag. Tack!", "PERSON", "Dag"),
        # "EFTERNAMN, FÖRNAMN" in capitals heading a log's field
        ("Ur loggen:\n5 mar kl 11.20 – KÜÇÜKOĞLU, MEHMET, samma enhet, läst", "PERSON", "KÜÇÜKOĞLU, MEHMET"),
        # the third part of a Vietnamese name
        ("Ombud: Hoàng Thị Sen\nBarn: Bảo", "PERSON", "Hoàng Thị Sen"),
        ("Ombud: Đặng Thị Mai", "PERSON", "Đặng Thị Mai"),
        # a maternity ward by its compass district
        ("Mina journaler från BB Norra före 1990 finns bara på papper.", "VARDENHET", "BB Norra"),
        # a care company's clinic in lower case, named by a listed place
        ("mitt ex jobbar på capio vårdcentral vårby nu", "VARDENHET", "capio vårdcentral vårby"),
        # an authority's acronym as the body a report goes to
        ("Jag har nu anmält det till IMY och väntar.", "ORGANISATION", "IMY"),
        ("Hon klagade hos TLV om priset.", "ORGANISATION", "TLV"),
        # a region named by its province
        ("Hälsningar\nEva Berg, handläggare\nHallandsregionen", "ORGANISATION", "Hallandsregionen"),
        ("Jag skrev till Västra Götalandsregionen om journalen.", "ORGANISATION", "Västra Götalandsregionen"),
        # a pharmacy chain and its branch after "personalen på"
        ("Personalen på Apoteket Lejonet var snälla.", "ORGANISATION", "Apoteket Lejonet"),
    ],
)
def test_round64_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the parent's own number after "ring mig", a stranger's after a name, a failing check digit
        ("Hej, det är Maria, mamma till Vilgot. Ring mig på 0708226634.", "PERSONNUMMER", "0708226634"),
        ("Vilgot Lind 0708226634 ringer i morgon", "PERSONNUMMER", "0708226634"),
        ("mamma till Vilgot 0708226635 här", "PERSONNUMMER", "0708226635"),
        # a system log's timestamp with no access log about it
        ("2023-11-05 14:20:11 INFO export klar\n2023-11-05 14:21:02 WARN kö full", "DATUM", "2023-11-05"),
        # a company whose name is an everyday word, or opens with a first name
        ("Sjukhuset hänvisar till Medvind AB, men medvind hjälper inte.", "ORGANISATION", "medvind"),
        ("Karin Berg AB har städat. Karin Berg ringde sedan.", "ORGANISATION", "Karin Berg"),
        # a name-word at a place, with no person's noun or verb
        ("Bo på landet är en dröm.", "PERSON", "Bo"),
        ("Bo på hotellet kostar mer.", "PERSON", "Bo"),
        # capitals before a first name that are a word or an authority
        ("OBS, ANNA kommer", "PERSON", "OBS, ANNA"),
        ("– IVO, ANNA, läst", "PERSON", "IVO, ANNA"),
        # a care unit's acronym, a law and an everyday word after "anmält till"
        ("Han remitterades till BUP. Anmälan till LSS gjordes. Jag vände mig till OK.", "ORGANISATION", "BUP"),
        ("Han remitterades till BUP. Anmälan till LSS gjordes. Jag vände mig till OK.", "ORGANISATION", "LSS"),
        ("Han remitterades till BUP. Anmälan till LSS gjordes. Jag vände mig till OK.", "ORGANISATION", "OK"),
        # an area, not a region's organisation
        ("Bostäder i Stockholmsregionen är dyra.", "ORGANISATION", "Stockholmsregionen"),
        # a lowercase clinic word with no place after it
        ("capio vårdcentral var bra", "VARDENHET", "capio vårdcentral var"),
    ],
)
def test_round64_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a rule's age limit, not someone's age
        ("Hej! Från att barnet fyllt 13 stängs vårdnadshavarens insyn.", "ALDER", "13"),
        ("Från det att eleven fyller 16 gäller andra regler.", "ALDER", "16"),
        # "från" typed without å after a lowercase name, and alone
        ("fick ett brev fran regionen idag. mvh lasse fran Kumla", "PERSON", "fran"),
        ("fick ett brev fran regionen idag. mvh lasse fran Kumla", "PERSON", "lasse fran"),
        # "Hans" before a medicine's compound: the pronoun, no surname
        ("Min pappa har ont. Hans Alvedon-dos är fel.", "PERSON", "Hans Alvedon-dos"),
        ("Min pappa har ont. Hans Alvedon-dos är fel.", "PERSON", "Hans"),
        # a ward's name after a title in a log's quoted line
        ("Ändå stod det 'Undersköterska, Ortopedavdelning' i listan.", "PERSON", "Ortopedavdelning'"),
        ("Ändå stod det 'Undersköterska, Ortopedavdelning' i listan.", "PERSON", "Ortopedavdelning"),
        # a number's day explained, no date
        ("Det är inte fel! Siffran 64 motsvarar den 4:e. Ok?", "DATUM", "4:e"),
    ],
)
def test_round64_false_alarms_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_round64_a_persons_own_age_and_the_named_ages_stay() -> None:
    assert "13" in values_labelled("Från att barnet fyllde 13 har hon haft ont.", "ALDER", KEY)
    assert "13" in values_labelled("Min dotter har fyllt 13.", "ALDER", KEY)
    assert "lasse" in values_labelled("mvh lasse fran Kumla", "PERSON", KEY)
    assert "Gunnarsson" in values_labelled("Det var sjuksköterska Gunnarsson som ringde.", "PERSON", KEY)
    assert "2:a" in values_labelled("Vi ses den 2:a: kl 10.", "DATUM", KEY)

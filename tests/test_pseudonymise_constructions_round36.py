"""Round 36 kinds of construction (chronic disease in primary care: diabetes, KOL, asthma, heart
failure; blind set 64): a day and month heading a line of home blood-pressure readings, a
health centre's short form with its name in lower case, a coordinated compound opening a
unit's or an association's name ("<X>- och <Y>…"), a surname said again with its spelling
("<Namn> med h"). Taken back: a dose split ("<insulin> 6/2 fördelat", "6/2, alltså 6 … och 2
…"), a test score per side ("8/10 dx, 9/10 sin"), a reading of blood pressure taken for a phone
number, an article number after "art.nr", a value said of a measured quantity after a
possessive read as a name ("Hans blodsocker var 19"), a course a clinic holds for its patients
("Diabetesskolan", "astmaskola"), a lot number after "Lot:". Look-alikes keep their label: a day
and month before a place or after a date word, a landline with a slashed area code, an age
after a kinship word, a school's own name, a unit's name typed without "och" before it.
Own examples: invented names, units and associations, towns from the place list, none from the
sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-36-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a day and month heading a line of home blood-pressure readings
        ("Mina värden från mätaren:\n04/03 162/98\n06/03 150/91\nHälsningar", "DATUM", "04/03"),
        ("Mina värden från mätaren:\n04/03 162/98\n06/03 150/91\nHälsningar", "DATUM", "06/03"),
        ("Blodtryck hemma\n02/11 171/102 puls 77\n05/11 149/88 puls 70", "DATUM", "02/11"),
        # a health centre's short form with its name, all in lower case
        ("tack till sköterskan på hc ekdalen, hon var toppen", "VARDENHET", "hc ekdalen"),
        ("har gått på vc granbacken i många år", "VARDENHET", "vc granbacken"),
        # a coordinated compound opening a unit's or an association's name
        (
            "Kontakt: Barn- och ungdomsmedicinska mottagningen i Kungsbacka, vardagar 8–16.",
            "VARDENHET",
            "Barn- och ungdomsmedicinska mottagningen i Kungsbacka",
        ),
        (
            "Jag blev medlem i Njur- och Leversjukas förbund i Västerås förra året.",
            "ORGANISATION",
            "Njur- och Leversjukas förbund i Västerås",
        ),
        # a surname said again with its spelling
        ("Läkaren hette Sjöberg tror jag. Nej, Sjöbergh med h. Väldigt trevlig.", "PERSON", "Sjöbergh"),
        ("Hon hette Ek i efternamn. Nej, Eek med två e. Jättebra.", "PERSON", "Eek"),
    ],
)
def test_round36_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a dose split, read as a day and month
        ("Jag tar Humalog 6/2 fördelat morgon/kväll som vi bestämt.", "DATUM", "6/2"),
        ("Lantus 9/5 uppdelat på två sprutor fungerar bättre.", "DATUM", "9/5"),
        ("Det blir 4/2 de flesta dagar, alltså 4 på dagen och 2 på natten.", "DATUM", "4/2"),
        # a test score per side
        ("Status: känsel nedsatt (monofilament 8/10 dx, 9/10 sin).", "DATUM", "8/10"),
        ("Status: känsel nedsatt (monofilament 8/10 dx, 9/10 sin).", "DATUM", "9/10"),
        ("Vibrationssinne 5/8 höger och 6/8 vänster.", "DATUM", "5/8"),
        # a reading of blood pressure after its day, taken for a phone number
        ("Mina värden från mätaren:\n04/03 162/98\n06/03 150/91\nHälsningar", "TELEFON", "04/03 162/98"),
        ("Blodtryck hemma\n02/11 171/102 puls 77\n05/11 149/88 puls 70", "TELEFON", "02/11 171/102"),
        # an article number after "art.nr"
        ("Beställning: Duschpall, art.nr 234-5678-11, 1 st", "TELEFON", "234-5678-11"),
        ("Gånghjälpmedel art nr 045-112 33 90 levereras i vecka 4.", "TELEFON", "045-112 33 90"),
        # a value said of a measured quantity after a possessive
        ("Pappa var yr. Hans blodsocker var 19 när ambulansen kom.", "ALDER", "19"),
        ("Hans vikt var 58 när han skrevs ut.", "ALDER", "58"),
        ("Morfar orkade inte. Hans saturation var 88 när de kom.", "ALDER", "88"),
        # a course a clinic holds for its patients
        ("Diabetesskolan på hälsocentralen var jättebra, tre träffar.", "ORGANISATION", "Diabetesskolan"),
        ("Jag gick på astmaskola i våras och lärde mig mycket.", "ORGANISATION", "astmaskola"),
        ("Välkommen till Hjärtsviktsskolan – fyra träffar under hösten.", "ORGANISATION", "Hjärtsviktsskolan"),
        # a lot number after "Lot:"
        ("Lot: 31C2290, bäst före 2027-01. Förvaras i kylskåp.", "PERSON", "Lot"),
    ],
)
def test_round36_taken_back(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a day and month before a place or after a date word stays a date
        ("Vi ses 6/2 på mottagningen, ta med mätaren.", "DATUM", "6/2"),
        ("Jag fick tid 4/2, alltså om två veckor.", "DATUM", "4/2"),
        ("Återbesök 8/10 hos diabetessköterskan.", "DATUM", "8/10"),
        ("Opereras 3/10 höger höft, fastande från midnatt.", "DATUM", "3/10"),
        # a landline with a slashed area code stays a phone number
        ("Ring mottagningen på 040/12 34 56 mellan 8 och 9.", "TELEFON", "040/12 34 56"),
        ("Mobil: 070-174 06 55", "TELEFON", "070-174 06 55"),
        # an age after a kinship word stays an age
        ("Hennes mamma var 19 när hon fick henne.", "ALDER", "19"),
        ("Hans bror var 48 när han dog.", "ALDER", "48"),
        # a school's own name stays an organisation
        ("Barnen går på Ekbackaskolan i Kalmar.", "ORGANISATION", "Ekbackaskolan i Kalmar"),
        # the short form before a function word, and a unit after "och" without a hyphen
        ("Njursjukas förbund i Västerås", "ORGANISATION", "Njursjukas förbund i Västerås"),
    ],
)
def test_round36_look_alikes_keep_their_label(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("ringde hc idag men ingen svarade", "VARDENHET", "hc idag"),
        ("Pappa och Njursjukas förbund i Västerås hjälpte till.", "ORGANISATION", "Pappa och Njursjukas förbund"),
        ("Vitamin med D. Det tar jag varje dag.", "PERSON", "Vitamin"),
    ],
)
def test_round36_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert not any(value in v for v in values_labelled(text, label, KEY))

"""Round 24 kinds of construction (Swedish as a second language and forwarded 1177 messages, read
from blind set 47): a reserve number with the region's prefix before a personnummer; the sender
of a forwarded message's header, family name first with a comma or in a chain no list knows;
names joined by "bint"/"ibn" or led by a kunya ("Um …"); a chain of three names after "Jag är"
with a bracket after it; a flat number after a two-word street; a unit's place in two words
("Södra X") or after its abbreviation ("MVC X"), and a town's genitive before "BB"; an age with
the writer's own word for "years old" or in Swedish words in brackets after a name; a Swedish
month before its day; a university named by its town. Words that are no one's name: feasts and
their wishes, a greeting to a group, a country in brackets after a name. Traps that must stay:
doses, case and order numbers, counts after a month, prices, years, the same feast word as a
person's name, a unit or a mailbox as a sender. Own examples: new names, places and numbers,
none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-24-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a reserve number: the region's prefix and the personnummer inside are one number
        ("Jag har inget personnummer, bara reservnummer 98 861104-2233. Hjälp mig.", "PERSONNUMMER", "98 861104-2233"),
        ("Pappa fick reservnr: 991-19520317-4410 på akuten.", "PERSONNUMMER", "991-19520317-4410"),
        # the sender of a forwarded message
        ("Från: Bakr, Layla\nSkickat: 2025-02-03\nTack för samtalet.", "PERSON", "Bakr, Layla"),
        ("Ämne: fråga\nFrån: Sokhom\nNär får jag svar?", "PERSON", "Sokhom"),
        ("Från: Chea Bopha\nÄmne: intyg\nHej, jag behöver ett intyg.", "PERSON", "Chea Bopha"),
        # "daughter of", a kunya, a chain after "Jag är" with a bracket after it
        ("Jag heter Mariam bint Saleh och bor i Motala.", "PERSON", "Mariam bint Saleh"),
        ("Tack för allt. Um Tariq", "PERSON", "Um Tariq"),
        ("Jag är Safi Gul Ahmad (familjenamn först). Jag väntar.", "PERSON", "Safi Gul Ahmad"),
        # a flat after a two-word street
        ("Min pappa bor på Smedjans gränd 4, lgh 1104.", "ADRESS", "Smedjans gränd 4, lgh 1104"),
        # a unit's place in two words, after the abbreviation, before "BB"
        ("Jag var på akutmottagningen Södra Förstaden i natt.", "VARDENHET", "akutmottagningen Södra Förstaden"),
        ("Barnmorskemottagningen MVC Kortedala var bra.", "VARDENHET", "Barnmorskemottagningen MVC Kortedala"),
        ("Hon födde på Sundsvalls BB förra veckan.", "VARDENHET", "Sundsvalls BB"),
        # an age in the writer's language, or in words in brackets after a name
        ("Min farfar är 91-vuotias och bor ensam.", "ALDER", "91-vuotias"),
        ("Babcia ma 79 lat i jest chora.", "ALDER", "79 lat"),
        ("Min morbror Suriya (sjuttiotre) har ont i knät.", "ALDER", "sjuttiotre"),
        # the month before the day
        ("Vi fick ingen tid före april 14. Det är för länge.", "DATUM", "april 14"),
        # a university named by its town
        ("Hon forskar vid Örebro universitet och jobbar natt.", "ORGANISATION", "Örebro universitet"),
    ],
)
def test_round_24_constructions_are_found_whole(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Efter Ramadan blev pappa sjuk.", "Ramadan"),
        ("Ramadan Mubarak till personalen på avdelningen!", "Ramadan"),
        ("Ramadan Mubarak till personalen på avdelningen!", "Mubarak"),
        ("Salam allihop, tack för hjälpen.", "Salam"),
        ("Mitt namn är Chidi Eze (Kenya). Jag väntar på svar.", "Kenya"),
    ],
)
def test_feasts_greetings_and_countries_are_no_names(text: str, word: str) -> None:
    assert not any(word in value for label, value in finds(text, KEY) if label == "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Alvedon 500 mg 2 ggr om dagen, ärende 2025-1143.",
        "Ordernummer 12 456789-1234 levererades aldrig.",
        "Priset var 20 kr och i mars 20 personer i kön.",
        "Vi väntade 3-4 år på svar, 1999 var det.",
        "Under våren fick vi 20 besök.",
        "Det bästa universitet i landet.",
        "Från: Noreply\nÄmne: bekräftelse",
        "Dosen höjdes till 20 mg i mars, vecka 12, och sänks efter maj 2026.",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert finds(text, KEY) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the feast word as a person's name stays a name
        ("Ramadan Hassan ringde mig i går.", "PERSON", "Ramadan Hassan"),
        ("Min bror Ramadan hjälpte mig.", "PERSON", "Ramadan"),
        # a unit as a sender stays a unit
        ("Från: Vårdcentralen Ekeby\nÄmne: kallelse\nVälkommen.", "VARDENHET", "Vårdcentralen Ekeby"),
    ],
)
def test_names_and_units_that_look_like_the_traps_stay_what_they_are(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)
    persons = values_labelled(text, "PERSON", KEY)
    assert persons == ([value] if label == "PERSON" else [])

"""Round 62 kinds of construction (ambulance care, emergency departments and the advice line;
blind set 88): the date heading a call log's line ("<datum> <tid> Inkommande samtal …"); an
operator named by initials in a call log; a first name that is also a verb ("Ville") after a
title and before a surname; an abbreviated street read into a town ending a sentence before a
number; first names opening a sentence as the subject of "heter"; a club's form before a town as
frequent as a word; a hospital's acronym as the other end of a transfer; places named by what
happened there, by who lives there, by a route or by a helicopter's destination; an employer
after a capitalised working verb opening a clipped sentence. Look-alikes stay untouched: a system
log's timestamp, a phone company after "operatör", a verb after a title, an abbreviated street,
a thing's name before "heter", a ward's acronym after a transfer, an everyday noun after the
same words, a workplace's generic name. Own examples: invented names, places from the place list
or invented, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-62-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the date heading a call log's line about a call that came in
        ("2024-11-02 04:31 Inkommande samtal från granne. Man, 70 år.", "DATUM", "2024-11-02"),
        ("Logg:\n2024-06-30 18:02:44 Samtal besvarat\n18:03:10 Inringare uppger fall", "DATUM", "2024-06-30"),
        # the operator's initials after "operatör"
        ("18:02:44 Samtal besvarat, operatör KLB\n18:03 Enhet larmad", "PERSON", "KLB"),
        # a first name that is also a verb, after a title and before a surname
        ("Tack till sjuksköterskan Ville Österlind som var lugn.", "PERSON", "Ville Österlind"),
        # a town ending a sentence before a number: no street cut short ("-g. 4")
        ("Bilen kom från Lidköping. 47 minuter senare.", "ORT", "Lidköping"),
        # first names opening a sentence as the subject of "heter"
        ("Dag och Sol heter mina barnbarn.", "PERSON", "Dag"),
        ("Dag och Sol heter mina barnbarn.", "PERSON", "Sol"),
        ("Hej! Dag heter min sambo.", "PERSON", "Dag"),
        # a club's form before a town as frequent as a word
        ("Han hade en halsduk från IFK Stockholm på sig.", "ORGANISATION", "IFK Stockholm"),
        # a hospital's acronym as the other end of a transfer
        ("Hon flyttades från Hudiksvalls sjukhus till USÖ samma natt.", "VARDENHET", "USÖ"),
        # a place by what happened there, who lives there, a route, a helicopter's destination
        ("Min bror blev nedslagen på Vindelgransele i går.", "ORT", "Vindelgransele"),
        ("Ambulansen kom hem till oss i Storhällan efter en timme.", "ORT", "Storhällan"),
        ("Vägen genom Kvarnsveden var avstängd.", "ORT", "Kvarnsveden"),
        (
            "Det dröjde innan helikoptern kunde landa. Det tog tid för helikoptern att komma till Granöfjärden.",
            "ORT",
            "Granöfjärden",
        ),
        # an employer after a capitalised working verb opening a clipped sentence
        ("Ring efter 17. Jobbar på Voltrax så nås inte dagtid.", "ORGANISATION", "Voltrax"),
        ("Arbetar på Norrvatten så nås inte dagtid.", "ORGANISATION", "Norrvatten"),
    ],
)
def test_round62_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a system log's timestamp heading a line keeps its date; calls counted are no call
        ("2024-11-02 04:31 Export klar, 12 samtal i kö", "DATUM", "2024-11-02"),
        ("2024-11-02 04:31 Morgonrapport skickad", "DATUM", "2024-11-02"),
        # a phone company after "min operatör"
        ("Min operatör TDC har dålig täckning här.", "PERSON", "TDC"),
        # a verb after a title, before a word that is no surname
        ("Sjuksköterskan Sa Att jag skulle vänta.", "PERSON", "Sa"),
        # an abbreviated street stays a street
        ("Jag bor på Storg. 12 i Falun.", "ORT", "Storg"),
        # a thing's name before "heter", a question
        ("Boken heter min favorit.", "PERSON", "Boken"),
        ("Vad heter min handläggare?", "PERSON", "Vad"),
        # a ward's acronym at the other end of a transfer
        ("Han flyttades från Hudiksvalls sjukhus till IVA samma natt.", "VARDENHET", "IVA"),
        # everyday nouns and a country after the same words
        ("Ambulansen fick åka genom Skogen.", "ORT", "Skogen"),
        ("Vägen genom Sverige är lång.", "ORT", "Sverige"),
        ("Hon kom hem till oss i Kvällen.", "ORT", "Kvällen"),
        # a street's first word before its house number is no town
        ("Hon kom hem till oss på Kvistbo backar 12 varje tisdag.", "ORT", "Kvistbo"),
        # a workplace's generic name after the capitalised working verb
        ("Arbetar på Akuten sedan 2019.", "ORGANISATION", "Akuten"),
    ],
)
def test_round62_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


def test_round62_street_abbreviation_is_still_an_address() -> None:
    assert "Storg. 12" in values_labelled("Jag bor på Storg. 12 i Falun.", "ADRESS", KEY)

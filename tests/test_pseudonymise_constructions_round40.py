"""Round 40 kinds of construction (kidney care, dialysis and transplantation; blind set 70): a
clinic by what it does right before its town or its hospital, a unit's own number before its
town, a national adjective before an association, an association's district of a direction and a
region, a region's service before the region; an age in a form field that says at what event, a
chat's lowercase name before "o e <ålder>", an age kept "trots" one's years or "på nacken"; a
word-name opening the writer's line before "här,", a word-name at a place taken up by "han"/"hon"
in the next sentence; a holiday's place, also abroad; a hospital abroad with its head word first.
Look-alikes stay untouched: the unit word alone, a duration with a possessive, a thing or an
activity at a place, the idiom "dag här, dag där", a country, a heading's words, a shopping centre.
Own examples: invented names, clinics and associations, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-40-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a clinic by what it does right before its town or its hospital
        ("Kallelsen kom från Röntgen Kalmar i förrgår.", "VARDENHET", "Röntgen Kalmar"),
        ("Vi väntade länge på Dialysen Umeå innan taxin kom.", "VARDENHET", "Dialysen Umeå"),
        ("Provet togs på Röntgen S:t Görans i fredags.", "VARDENHET", "Röntgen S:t Görans"),
        ("Tack till Barnmedicin Ryhov länssjukhus för allt.", "VARDENHET", "Barnmedicin Ryhov länssjukhus"),
        ("Stort tack till Internmedicin Visby lasarett för omsorgen.", "VARDENHET", "Internmedicin Visby lasarett"),
        # a unit's own number before its town
        ("Avsändare: Vårdcentralen Linden 3 Gävle", "VARDENHET", "Vårdcentralen Linden 3 Gävle"),
        # a national adjective before an association
        ("Vi fick stöd av Svenska Psoriasisförbundet i höstas.", "ORGANISATION", "Svenska Psoriasisförbundet"),
        ("Hon är medlem i Nordiska Ryggsällskapet sedan länge.", "ORGANISATION", "Nordiska Ryggsällskapet"),
        # an association's district of a direction and a region
        ("Kassör i Astmaföreningen Norra Halland sedan 2019.", "ORGANISATION", "Astmaföreningen Norra Halland"),
        # a region's service before the region
        ("Brevet kom från Hjälpmedel Region Kronoberg.", "ORGANISATION", "Hjälpmedel Region Kronoberg"),
        # an age in a form field that says at what event
        ("Diagnos: typ 1-diabetes\nÅlder vid diagnos: 12\nBehandling: insulin", "ALDER", "12"),
        ("Ålder vid insjuknande: 47 år", "ALDER", "47 år"),
        # a chat's lowercase name before "o e <ålder>"
        ("hej jag heter noah o e 14 o har astma", "ALDER", "14"),
        # an age kept "trots" one's years, or carried "på nacken"
        ("Han springer fortfarande milen trots sina 83 år.", "ALDER", "83 år"),
        ("Mormor bakar varje dag med sina 91 år på nacken.", "ALDER", "91 år"),
        # a first name the stop list has, opening the writer's line before "här"
        ("Dag här. Jag har en fråga om färdtjänsten.", "PERSON", "Dag"),
        ("Hej! Dag här, ringer om min mammas tid.", "PERSON", "Dag"),
        # a word-name at a place taken up by "han"/"hon" in the next sentence
        ("Liv på fritids är fantastisk. Hon ser alla barnen.", "PERSON", "Liv"),
        ("Björn i kassan var otrevlig igen. Han suckade bara.", "PERSON", "Björn"),
        # a holiday's place, also abroad
        ("Vi ska på semester i Alanya i augusti.", "ORT", "Alanya"),
        ("Jag semestrade på Rhodos förra sommaren.", "ORT", "Rhodos"),
        ("Ämne: Semestervecka Fuerteventura", "ORT", "Fuerteventura"),
        # a hospital abroad with its head word first
        ("Hon opererades på Hospital Vithas Alicante.", "VARDENHET", "Hospital Vithas Alicante"),
        ("Provsvaren skickades från Clínica Santa Elena i Málaga.", "VARDENHET", "Clínica Santa Elena"),
        ("Han fick dropp på Centro Médico Teide i Puerto de la Cruz.", "VARDENHET", "Centro Médico Teide"),
    ],
)
def test_round40_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # the unit word alone
        ("Dialysen är stängd på midsommar.", "VARDENHET", "Dialysen"),
        # a number after a unit is a count when no town follows
        ("Jag ringde Vårdcentralen Linden 3 gånger.", "VARDENHET", "Vårdcentralen Linden 3"),
        # a national adjective before an ordinary plural
        ("Svenska familjer äter mer fisk nu.", "ORGANISATION", "Svenska familjer"),
        # a duration with a possessive
        ("Under mina 20 år på lagret lärde jag mig allt.", "ALDER", "20 år"),
        # a thing or an activity at a place, even with a pronoun after
        ("Bo på landet är skönt. Han flyttade dit 1998.", "PERSON", "Bo"),
        ("Sten på vägen var ett problem. Han snubblade.", "PERSON", "Sten"),
        # the idiom "dag här, dag där"
        ("Dag här, dag där, allt flyter ihop.", "PERSON", "Dag"),
        # a country is no personal data; a heading's words are words
        ("Vi hade semester i Grekland i år.", "ORT", "Grekland"),
        ("Semester Planering Vecka 30", "ORT", "Planering"),
        # a person the holiday is spent with
        ("Vi tar semester hos Anna i år.", "ORT", "Anna"),
        # a shopping centre
        ("Vi handlade på Centro Vasco da Gama i Lissabon.", "VARDENHET", "Centro Vasco"),
    ],
)
def test_round40_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)

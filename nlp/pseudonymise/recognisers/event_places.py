"""Places named by what happened there or by who lives there (ORT), in accounts of an emergency:
"blev knivskuren i <X>", "nedslagen på <X>", "kom hem till oss i <X>", "vägen genom <X> var
avstängd", "för helikoptern att komma till <X>". Small villages, islands and city squares are in
no place list; the construction says the capitalised word after it is a place. Only a word that
is a listed place or a rare one (no everyday word, no country, no listed first name), and no
unit ("-akuten", "-sjukhuset", "Karolinska"), which the unit rules read."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES

# not a street's first word before its house number: "till oss på Kvistbo backar 12"
_PLACE = r"(?P<place>" + CAP_NAME + r")(?![\w-])(?!" + WS + r"+(?:[a-zåäö]+" + WS + r"+)?\d)"
_EVENT_PLACES = [
    # hurt at a place: "knivskuren i <X>", "blev nedslagen på <X>"
    guarded(
        r"(?<![\w-])(?i:knivskuren|knivhuggen|nedslagen|nerslagen|misshandlad|påkörd|rånad|skjuten|överfallen)"
        + WS
        + r"+(?:i|på|vid)"
        + WS
        + r"+"
        + _PLACE
    ),
    # where we live: "kom hem till oss i <X>", "hos mig på <X>"
    guarded(r"(?<![\w-])(?:till|hos)" + WS + r"+(?:oss|mig|dem|dom)" + WS + r"+(?:i|på)" + WS + r"+" + _PLACE),
    # a route: "vägen genom <X>", "fick åka genom <X>"
    guarded(r"(?<![\w-])(?i:vägen|väg|åka|åkte|köra|körde|kört|åkt)" + WS + r"+genom" + WS + r"+" + _PLACE),
    # the ambulance's or helicopter's destination: "för helikoptern att komma till <X>"
    guarded(
        r"(?<![\w-])(?i:helikoptern|ambulansen|ambulanshelikoptern|ambulansflyget|luftambulansen)"
        + WS
        + r"+(?:att"
        + WS
        + r"+)?(?:komma|kom|kommer|landa|landade|flyga|flög|åka|åkte)"
        + WS
        + r"+(?:ut"
        + WS
        + r"+)?till"
        + WS
        + r"+"
        + _PLACE
    ),
]
_UNIT_END = re.compile(r"(?:sjukhuset|lasarettet|akuten|kliniken|mottagningen|centralen|ska|huset)$")


def _place_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    places = lists.places()
    if word in places:
        return True
    low = word.lower()
    info = lists.names().get(low)
    return (
        len(low) > 2
        and low not in SWEDISH_STOP_WORDS
        and word not in COUNTRIES
        and not (info is not None and (info.first_sv or info.first_other))
        and not _UNIT_END.search(low)
        and zipf_frequency(low, "sv") < 4.0
        # an everyday noun's definite form ("Akuten", "Stationen") is no place's name
        and not (len(low) > 5 and low.endswith(("en", "et")) and zipf_frequency(low[:-2], "sv") >= 3.5)
    )


def find_event_places(text: str) -> list[Span]:
    return [
        Span(m.start("place"), m.end("place"), "ORT")
        for pattern in _EVENT_PLACES
        for m in pattern.finditer(text)
        if _place_word(m.group("place"))
    ]

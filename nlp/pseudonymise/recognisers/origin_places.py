"""The town a person comes from, said in a description of them: "kvinna, 41 år, från <Stad>",
"<Namn>, 24 years, from <Stad>", "ensamkommande från <Stad>", "flydde från <Stad>", and in a
forum's greeting or self-presentation in English or Norwegian: "Hi from <Stad>!", "jeg er fra
<Stad>" (ORT).

A foreign town is ORT, a country is not; towns abroad are mostly in no list. Where a person's
age or their flight comes right before "från/from", the capitalised word after it is where
they come from: a town unless the country list has it or it reads as a country ("-stan",
"-ien", "-land"), a word, or a first name.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAPWORD, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES, unknown_word

_ORIGIN = guarded(
    r"(?:(?<![\w,.-])\d{1,3}" + WS + r"+(?:år|years?)(?:" + WS + r"+(?:gammal|gamla|old))?,"
    r"|(?<![\w-])(?i:ensamkommande|flydde|flytt|fled|flyktingar|flykting)"
    # a greeting or a self-presentation in a forum's other languages: "Hi from <Stad>!", "I'm from
    # <Stad>", Norwegian and Danish "jeg er fra <Stad>"
    r"|(?<![\w-])(?:Hi|Hello|Greetings|[Hh]ello again|I'm|I[ \t]+am|[Jj]eg[ \t]+er|[Jj]eg[ \t]+kommer))"
    r"" + WS + r"+(?:från|from|fra)" + WS + r"+(?P<town>" + CAPWORD + r")(?![\w-])"
)
_COUNTRY_ENDING = re.compile(r"(?:stan|ien|land|ia)$")


def find_origin_places(text: str) -> list[Span]:
    spans = []
    for m in _ORIGIN.finditer(text):
        town, low = m.group("town"), m.group("town").lower()
        if town in COUNTRIES or _COUNTRY_ENDING.search(low) or low in SWEDISH_STOP_WORDS:
            continue
        info = lists.names().get(low)
        if town in lists.places() or (unknown_word(low) and not (info and (info.first_sv or info.first_other))):
            spans.append(Span(m.start("town"), m.end("town"), "ORT"))
    return spans

"""An age that an authority assessed or a person gives in English: "Migrationsverket bedömde
honom till 18 år", "åldersbedömd till 19 år" (ALDER), "<Namn>, 24 years, from …" (ALDER).

"bedöma <någon> till N år" puts an age on a person as "är N år" does; the object is a pronoun,
a name or nothing, so a time ("bedömde väntetiden till 2 år") stays. The English age after a
name and a comma is an age as the Swedish "<Namn>, 24 år," is; a time ago ("3 years ago") or
a duration in a sentence ("for 24 years") has no name and comma before it.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES

_ASSESSED = guarded(
    r"(?<![\w-])(?i:bedömde|bedömd|bedömdes|bedömts|åldersbedömd[ae]?|åldersbedömde|skrevs[ \t]+upp)"
    r"(?:" + WS + r"+(?:mig|honom|henne|hen|oss|dem|[" + CAP + r"][" + LOW + r"]+))?"
    r"" + WS + r"+till" + WS + r"+(?P<age>(?P<n>\d{1,3})" + WS + r"+år)(?![\w-])"
)
_ENGLISH = guarded(
    r"(?P<word>[" + CAP + r"][" + LOW + r"]+)," + WS + r"+(?P<age>(?P<n>\d{1,3})" + WS + r"+years?(?:" + WS + r"+old)?)"
    r"(?!" + WS + r"+(?:ago|of|in)\b)(?![\w-])"
)


def find_assessed_ages(text: str) -> list[Span]:
    spans = [Span(m.start("age"), m.end("age"), "ALDER") for m in _ASSESSED.finditer(text) if int(m.group("n")) <= 120]
    spans += [
        Span(m.start("age"), m.end("age"), "ALDER")
        for m in _ENGLISH.finditer(text)
        if int(m.group("n")) <= 120 and m.group("word") not in COUNTRIES
    ]
    return spans

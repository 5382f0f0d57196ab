"""One capitalised word ending in a care unit's head noun, read as a name by a context rule:
"min psykolog på Nätpsykiatrin heter …", "Barnakuten sa att …". The word's head ("-psykiatrin",
"-kliniken", "-mottagningen", "-akuten") makes it a unit; the find keeps its extent and becomes
VARDENHET. A bare head ("Psykiatrin", "Akuten") has no prefix and is left as it was found."""

from __future__ import annotations

import re

from nlp.core import Span

_HEADED = re.compile(
    r"[A-ZÅÄÖ][a-zåäö]{2,}(?:psykiatrin|kliniken|mottagningen|vårdcentralen|akuten|jouren|"
    r"habiliteringen|avdelningen|enheten|centralen)"
)


def units_read_as_names(text: str, spans: list[Span]) -> list[Span]:
    """`spans` with a PERSON find that is one unit-headed word ("Nätpsykiatrin") as VARDENHET."""
    return [
        Span(s.start, s.end, "VARDENHET")
        if s.label == "PERSON" and _HEADED.fullmatch(text, s.start, s.end) is not None
        else s
        for s in spans
    ]

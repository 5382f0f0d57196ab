"""A care centre named by an adjective for its field and "centrum", capitalised inside a
sentence: "Hej Psykosocialt centrum!", "remiss till Neurologiskt centrum" (VARDENHET).

The capital on an adjective mid-sentence makes the pair a name; the adjective ends as a field's
does ("-ellt", "-iskt", "-alt", "-ivt", "-ärt"). At a sentence's opening the capital says
nothing ("Nytt centrum byggs"), and a town's centre ("Lunds centrum") has no adjective.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import sentence_start

_ADJECTIVE_CENTRE = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{3,}(?:ell|isk|al|iv|är)t" + WS + r"+centrum(?![\w-])"
)


def find_adjective_centres(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _ADJECTIVE_CENTRE.finditer(text)
        if not sentence_start(text, m.start())
    ]

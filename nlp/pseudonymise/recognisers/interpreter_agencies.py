"""The interpreting agency an interpreter came from or was booked through: "Tolken från
<Firma> kom aldrig", "tolken <Namn> från <Firma>", "telefontolk via <Firma>" (ORGANISATION).

After "tolk … från/via/genom" a capitalised word that no lexicon, name list or place list
knows is the agency, not a person (the name rules read an unknown capitalised word as one).
A town or a country after it ("tolken från Syrien", "tolk från Borås") is the interpreter's
origin and stays as the place rules read it; a listed first name stays a person.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES, unknown_word

_AGENCY = guarded(
    r"(?<![\w-])(?:[Tt]olk|[" + CAP + LOW + r"][" + LOW + r"]*tolk)(?:en|arna|ar)?(?:" + WS + r"+" + CAP_NAME + r")?"
    r"" + WS + r"+(?:från|via|genom)" + WS + r"+(?P<firm>[" + CAP + r"][" + LOW + r"]+)(?![\w-])"
)


def _agency(word: str) -> bool:
    low = word.lower()
    return (
        word not in COUNTRIES
        and word not in lists.places()
        and low not in SWEDISH_STOP_WORDS
        and lists.names().get(low) is None
        and unknown_word(low)
    )


def find_interpreter_agencies(text: str) -> list[Span]:
    return [
        Span(m.start("firm"), m.end("firm"), "ORGANISATION") for m in _AGENCY.finditer(text) if _agency(m.group("firm"))
    ]

"""A unit named by its place in the genitive before its type's abbreviation: "Sundsvalls BB",
"Rinkebys MVC", "Tenstas BVC", "Lunds BUP".

"BB Sophia" and "MVC Kortedala" (the abbreviation first) are read by the unit rules; written the
other way round the place stood alone before a word the rules take for no unit, and both stayed
in the text. The genitive word must be a listed place or a word no Swedish lexicon explains
(a place or a name), so "Bästas BB" or "vårt BB" are left alone.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

_GENITIVE_UNIT = re.compile(
    r"(?<![\w-])([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)s[ \t]+(?:BB|MVC|BVC|BUP|VC|KK)(?![\w-])"
)


def _place(word: str) -> bool:
    return word in lists.places() or (not plain_word(word.lower()) and unknown_word(word))


def find_genitive_units(text: str) -> list[Span]:
    if not re.search(r"s[ \t]+(?:BB|MVC|BVC|BUP|VC|KK)", text):
        return []
    return [Span(m.start(), m.end(), "VARDENHET") for m in _GENITIVE_UNIT.finditer(text) if _place(m.group(1))]

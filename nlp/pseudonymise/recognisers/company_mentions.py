"""A company named once with its form ("<Namn> AB") and then without it: the same company.

"Vårdcentralen säger att Kvistbo AB har ansvaret, men Kvistbo säger …": the bare name later in
the text is the company (ORGANISATION), not a person that a capitalised unknown word before a
verb would otherwise read as. A name that is an everyday word ("Vård AB", then "vård") or opens
with a first name ("Karin Berg AB", then "Karin Berg": the owner may be meant) is left to its
sentences.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import WS
from nlp.pseudonymise.recognisers.words import plain_word


def company_again(text: str, name: str, after: int) -> list[Span]:
    """The company `name` (found with "AB" before `after`) said again after it."""
    low = name.lower()
    if low in SWEDISH_STOP_WORDS or (" " not in name and plain_word(low)):
        return []
    if lists.names().get(low.split()[0]) is not None:
        return []
    again = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])(?!" + WS + r"+AB(?![\w-]))")
    return [Span(m.start(), m.end(), "ORGANISATION") for m in again.finditer(text, after)]

"""Wards as patients in long-term and secure care write them: a named ward typed in lower case,
perhaps without å, ä and ö, after "avd" ("avd granen", "avd lonnen": VARDENHET), and a patient
signing off at the very end with a first name, perhaps a surname's initial, and their ward
("/Goran B, avd Syrenen", "… i knät. milan k, avd 12": PERSON). A numbered ward ("avd 4") is no
name, and an everyday word after "avd" ("avd för psykiatri", "avd sju") is none either."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import namelike
from nlp.pseudonymise.recognisers.patterns import LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

_LOWER_WARD = guarded(r"(?<![\w-])avd\.?" + WS + r"+(?P<name>[" + LOW + r"]{3,})(?![\w-])")
# the sign-off: after a slash, a sentence's end or a line break, a name, perhaps an initial,
# a comma and the ward, then nothing but punctuation to the end of the text
_WARD_SIGNATURE = re.compile(
    r"(?:/|[.!?][ \t]+|\n)[ \t]*(?P<name>[A-Za-zÅÄÖåäöÉé][a-zåäöé]+(?:[ \t]+[A-Za-zÅÄÖåäö]\.?)?)"
    r"[ \t]*,[ \t]*(?i:avd|avdelning)\.?[ \t]+[\wåäöÅÄÖé-]+[ \t.!]*$"
)


def _first_name(word: str) -> bool:
    if function_words_or_calendar(word):
        return False  # "Alla, avd 12": the whole ward signs
    info = lists.names().get(word.lower())
    if info is not None and (info.first_sv or info.first_other):
        return True
    return namelike(word, word.islower())


def _ward_word(word: str) -> bool:
    """A word that can name a ward ("granen", "bjorken"), not one a sentence goes on with."""
    from wordfreq import zipf_frequency  # loads on first need, as words.py does

    # tree and flower names ("eken" 3.0, "granen" 3.6) are rarer than the words after a
    # ward that say what it is or how many ("psykiatri" 3.5 is a unit too; "sju" 4.9, "elva" 4.4)
    return word not in SWEDISH_STOP_WORDS and zipf_frequency(word, "sv") < 4.0


def find_ward_names(text: str) -> list[Span]:
    """A named ward in lower case after "avd", and a patient's sign-off with their ward."""
    spans = [Span(m.start(), m.end(), "VARDENHET") for m in _LOWER_WARD.finditer(text) if _ward_word(m.group("name"))]
    if "avd" in text[-40:].lower():
        m = _WARD_SIGNATURE.search(text, max(0, len(text) - 60))
        if m and _first_name(m.group("name").split()[0]):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans

"""A treatment centre or clinic that an organisation runs, named by the organisation's genitive,
perhaps whom it is for, and its town: "<Förening>s behandlingscenter i <Ort>", "<Två Ord>s
mottagning för krigs- och tortyrskadade i <Ort>" (VARDENHET, one span).

Read alone, the organisation's genitive was an ORGANISATION and the town an ORT, and the unit
between them was lost; the unit is the place of care, so the whole is one VARDENHET span. The
town must be a listed place or a simple unknown word (a district), and the genitive one to three
capitalised words, not a greeting or a function word ("Hej", "Vår").
"""

from __future__ import annotations

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES, GREETING_WORDS, compound_word, unknown_word

_CENTRE = guarded(
    r"(?<![\w-])(?P<org>(?:[" + CAP + r"][" + LOW + r"]+" + WS + r"+){0,2}[" + CAP + r"][" + LOW + r"]+s)"
    r"" + WS + r"+[" + LOW + r"]*(?:behandlingscenter|behandlingscentrum|mottagning|klinik|traumacenter)"
    r"(?:" + WS + r"+för(?:" + WS + r"+[" + LOW + r"]+-?){1,5}?)?"
    r"" + WS + r"+(?:i|på)" + WS + r"+(?P<town>" + CAPWORD + r")(?![\w-])"
)
_NOT_OWNER = frozenset({"hej", "tack", "hejsan", "till", "från"}) | GREETING_WORDS


def _place(word: str) -> bool:
    if word in lists.places():
        return True
    low = word.lower()
    return word not in COUNTRIES and low not in SWEDISH_STOP_WORDS and unknown_word(low) and not compound_word(low)


def find_organisation_centres(text: str) -> list[Span]:
    spans = []
    for m in _CENTRE.finditer(text):
        if not _place(m.group("town")):
            continue
        start = m.start()
        words = m.group("org").split()
        # "Hej <Förening>s …": the greeting is no part of the owner's name
        while len(words) > 1 and (words[0].lower() in _NOT_OWNER or words[0].lower() in SWEDISH_STOP_WORDS):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if words[0].lower() in SWEDISH_STOP_WORDS:
            continue
        spans.append(Span(start, m.end(), "VARDENHET"))
    return spans

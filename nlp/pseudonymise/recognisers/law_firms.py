"""Law firms as appeals, court papers and their copy lists name them (ORGANISATION): the firm
word before its partners' surnames ("Advokatfirman Lindgren & Holm", "Advokatbyrån Sjöberg")
and the surnames before it ("Hellström Advokatbyrå", "Berg & Nyberg Advokatbyrå AB"; not the
plural "Advokater", which a sentence uses of lawyers). The surnames are the firm's name here,
not a person's: a lawyer of the same name before the firm ("advokat Per Lindgren,
Advokatfirman Lindgren") stays a PERSON of their own."""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAPWORD, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

# one surname, or two joined by "&" or "och" ("Wiklund & Partners")
_NAMES = r"(?P<names>" + CAPWORD + r"(?:" + WS + r"*(?:&|och)" + WS + r"*" + CAPWORD + r")?)"
_FORM = r"(?:" + WS + r"+(?:AB|KB|HB))?"
_FIRM_FIRST = guarded(
    r"(?<![\w-])(?:Advokatfirman|Advokatbyrån|Advokatkontoret|Juristfirman|Juristbyrån)"
    + WS
    + r"+"
    + _NAMES
    + _FORM
    + r"(?![\w-])"
)
_FIRM_LAST = guarded(
    r"(?<![\w-])" + _NAMES + WS + r"+(?:Advokatbyrå|Advokatfirma|Juristbyrå|Juristfirma)" + _FORM + r"(?![\w-])"
)


def find_law_firms(text: str) -> list[Span]:
    """A law firm named by its partners' surnames, with the firm word before or after them."""
    spans: list[Span] = []
    for pattern in (_FIRM_FIRST, _FIRM_LAST):
        if not pattern.may_match(text):
            continue
        for m in pattern.finditer(text):
            first = m.group("names").split()[0]
            if function_words_or_calendar(first):
                continue  # "Till Advokatbyrå …", "Advokatbyrån Och": a sentence's word, no surname
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans

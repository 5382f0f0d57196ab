"""A name's closing initial before the next sentence: "Tolk: <Förnamn> S. Avbokning senast …"
(the PERSON find takes "S."), and no surname made of that sentence's opening noun.

After a first name, " S." followed by a capitalised word reads as "initial + surname", and the
word was joined to the name, or the initial was left behind. A word with a Swedish noun's ending
that no name list holds ("Avbokning", "Bekräftelse") opens a sentence: the initial ends the name.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.words import noun_by_ending

_INITIAL_THEN_NOUN = re.compile(r" [A-ZÅÄÖ]\. ([A-ZÅÄÖ][a-zåäö]+)")


def closing_initial(text: str, span: Span) -> Span:
    """`span` (a PERSON find) with the initial after it when a sentence's noun follows."""
    m = _INITIAL_THEN_NOUN.match(text, span.end)
    return Span(span.start, m.start(1) - 1, span.label) if m and noun_by_ending(m.group(1)) else span

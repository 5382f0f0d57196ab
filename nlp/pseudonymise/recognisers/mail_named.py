"""A name signed right before the writer's own e-mail address, spelled as the address spells
it: "/Parwaneh, parwaneh.tolk@example.se", "Shirin\nshirin.k@example.se" (PERSON).

A first name that no list knows is left when nothing around it says it is a name; the address
after it does: its local part opens with the same word. The word must stand within a few
characters before the address, be capitalised and be no word, place or function word
("Info, info@…", "Lund, lund.kontor@…" stay).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import COUNTRIES, plain_word, unknown_word

_MAIL = re.compile(r"(?<![\w.+-])(?P<first>[^\W\d_]{3,})[._-][\w.+-]*@[\w-]+\.[\w.]+")


def find_mail_named(text: str) -> list[Span]:
    if "@" not in text:
        return []
    spans = []
    for m in _MAIL.finditer(text):
        first = m.group("first")
        word = first[:1].upper() + first[1:].lower()
        before = text[max(0, m.start() - len(word) - 6) : m.start()]
        k = before.rfind(word)
        if k < 0 or not re.fullmatch(r"[ \t]*[,:;\n]?[ \t\n]*", before[k + len(word) :]):
            continue
        low = first.lower()
        if low in SWEDISH_STOP_WORDS or plain_word(low) or word in lists.places() or word in COUNTRIES:
            continue
        if lists.names().get(low) is None and not unknown_word(low):
            continue
        start = m.start() - len(before) + k
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@.-_"):
            continue
        spans.append(Span(start, start + len(word), "PERSON"))
    return spans

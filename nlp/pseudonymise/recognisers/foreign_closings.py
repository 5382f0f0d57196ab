"""Words of other languages' letters and English contractions read as names, taken back from
PERSON: a letter's closing noun after its adjective ("Mit freundlichen Grüßen", "Med venlig
hilsen", "Kind regards", "Z poważaniem") and a pronoun with its contracted verb ("I'm an exchange
student", "I've been", "I'll call"). Capitalised inside a message they look like names no list
has; the words around them say what they are. The name signing under the closing stays a name,
and so does a name with an apostrophe of its own ("O'Connor", "D'Angelo")."""

from __future__ import annotations

import re

from nlp.core import Span

# a closing's noun and the adjective or preposition right before it
_CLOSING = re.compile(
    r"(?i:(?:freundlichen|beste|besten|herzlichen|liebe|viele|venlig|vennlig|venlige|vennlige|kind|best|warm|warmest"
    r"|mit|med|z)[ \t]+)$"
)
_CLOSING_NOUNS = frozenset("grüßen grüssen grüße grüsse gruß gruss hilsen hilsner regards wishes poważaniem".split())
# an English pronoun and its contracted verb: "I'm", "I've", "I'd", "I'll", "We're"
_CONTRACTION = re.compile(r"(?:I|We|You|They|He|She|It)['’](?:m|ve|d|ll|re|s)")


def foreign_closings(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds among `spans` that are a letter's closing word or an English contraction."""
    out: set[Span] = set()
    for s in spans:
        if s.label != "PERSON":
            continue
        value = text[s.start : s.end]
        if _CONTRACTION.fullmatch(value):
            out.add(s)
        elif value.lower() in _CLOSING_NOUNS and _CLOSING.search(text, max(0, s.start - 16), s.start):
            out.add(s)
    return out

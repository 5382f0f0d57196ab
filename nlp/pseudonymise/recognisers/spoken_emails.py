"""E-mail addresses dictated: the name part said as words, with the speaker's own notes on how
to write it, before a spoken "snabel-a" ("mejlen är jon berg utan punkt snabel-a telia punkt
com", "min e-post är anna bindestreck li snabel a gmail punkt se").

written_out.py reads the name part only as one token joined by spoken dots; here, after a
word for e-mail, everything up to the spoken at-sign is the address (at most eight words,
on one line), since a transcript cannot show where the speaker's name ends and their note
about the dot begins. Reports EPOST.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import guarded

_TLD = r"(?:com|se|nu|net|org|info|eu|io|fi|no|dk|de|uk|me)"
_SPOKEN_EMAIL = guarded(
    r"(?i:\b(?:mejl|mail|e-post|epost|e-mail|email)(?:adress)?(?:en|et)?)"
    r"(?:[ ]+(?:är|var|till mig är|har jag))?[ :,]+"
    r"(?P<address>(?:[\w-]+[ ]+){1,8}?snabel[- ]?a[ ]+[\w-]+(?:[ ]+(?:punkt|dot)[ ]+[\w-]+)*?"
    r"[ ]+(?:punkt|dot)[ ]+" + _TLD + r")(?![\w-])"
)


def find_spoken_emails(text: str) -> list[Span]:
    return [Span(m.start("address"), m.end("address"), "EPOST") for m in _SPOKEN_EMAIL.finditer(text)]

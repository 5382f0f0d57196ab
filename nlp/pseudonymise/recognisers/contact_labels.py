"""A contact line's label before its number, taken back from PERSON: "Tel 0240-123 45",
"Mobil +46 70 …", "Fax 08-…", "Växel 010-…". After a signature's role ("kurator⏎Tel 070-…")
or a greeting the label opens its line with a capital, as a name would, but a phone number
right after it says what it is. A name before a number stays a name ("ring Ebba 070-…" has no
label word)."""

from __future__ import annotations

import re

from nlp.core import Span

_LABELS = frozenset("tel tel. tfn telefon telefonnr mobil mob mobilnr fax växel direkt direktnr sms".split())
# the number right after: digits, "+46", "(0)", perhaps after a colon or a dot
_NUMBER_AFTER = re.compile(r"[ \t]*[:.]?[ \t]*(?:\+|\(0\)|0|\d)")


def contact_labels(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds that are a contact label standing right before a number."""
    return {
        s
        for s in spans
        if s.label == "PERSON"
        and text[s.start : s.end].lower() in _LABELS
        and _NUMBER_AFTER.match(text, s.end) is not None
    }

"""A personnummer after its person's name: "… för <Förnamn> <Efternamn> (0xxxxxxxxx)".

Ten bare digits led by 0 are read as a phone number unless the check digit holds (phonenumbers
takes most of them for a landline: "0906…" as 090-6…). Right after a found name, in brackets or
after a comma closing the field, with a birth date of 2000–2009 in them, no mobile's prefix and no
phone word before the name, they are how a decision, a certificate or a form writes whom it is
about: the person's personnummer, whatever its check digit (a mistyped one is still the person's).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import before, plausible_month_day

_BARE_TEN = re.compile(r"0\d{9}")
# between the name and the number: an opening bracket, or a comma (then the field must end)
_BRACKET = re.compile(r"[ \t]*\([ \t]*$")
_COMMA = re.compile(r"[ \t]*,[ \t]*$")
_CLOSE_BRACKET = re.compile(r"[ \t]*\)")
_FIELD_END = re.compile(r"[ \t]*(?:\n|$|[;.](?:\s|$))")


def _after_name(text: str, number: Span, names: dict[int, Span]) -> Span | None:
    """The found name the number stands right after, with the bracket or comma between."""
    head = text[max(0, number.start - 6) : number.start]
    for pattern, closes in ((_BRACKET, _CLOSE_BRACKET), (_COMMA, _FIELD_END)):
        m = pattern.search(head)
        if m and closes.match(text, number.end):
            return names.get(number.start - len(head) + m.start())
    return None


def birth_numbers_after_names(text: str, spans: list[Span], phone_words: re.Pattern[str]) -> list[Span]:
    """Phone finds that are such a number become PERSONNUMMER (`phone_words`: the words that
    make a number after them a phone's, searched in the lowercased text before the name)."""
    names = {s.end: s for s in spans if s.label == "PERSON"}
    out = []
    for sp in spans:
        value = text[sp.start : sp.end]
        if sp.label == "TELEFON" and _BARE_TEN.fullmatch(value) and not value.startswith("07"):
            name = _after_name(text, sp, names)
            if (
                name is not None
                and plausible_month_day(int(value[2:4]), int(value[4:6]))
                and not phone_words.search(before(text, name.start, 30))
            ):
                sp = Span(sp.start, sp.end, "PERSONNUMMER")
        out.append(sp)
    return out

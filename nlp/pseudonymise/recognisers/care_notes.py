"""People in a home's notes and rotas: the staff's initials closing each entry of a contact book
("… fick kvällsmedicin. /EB⏎4/6 – …"), a relative's initials with the relation after them ("/ KL
(dottern)"), first names with the shift's letter in a week's rota ("Mån: Kim D, Bo K, Ida N") and
a nickname said as such before the real name ("Lasse (så kallas han, egentligen …)").

staff_initials.py takes bare initials only as the very last word of a text; a contact book signs
every entry, so an entry's end is read the same way when the entry is a sentence ("…20.00. /EB")
and the line ends there. A rota's first names are the names whatever else the words mean ("Bo",
"Lo"), since every item of the line has a name's shape and most are names.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW

# an entry closed by its writer's initials: after a sentence's end, at the line's end, or before
# the next entry's day or date (a line break before a lowercase "tis:" is read as a space:
# line_breaks.soft_wraps)
_ENTRY_SIGNED = re.compile(
    rf"(?<=[.!?)])[ \t]+/[ \t]?(?P<who>[{CAP}]{{2,3}})"
    rf"(?=[ \t]*(?:\n|$)|[ \t]+(?:[{LOW}]{{2,8}}|\d{{1,2}}/\d{{1,2}})[ \t]*[:–-])"
)
# initials with the writer's relation in brackets, closing the text: "/ KL (sonen)"
_SIGNED_WITH_RELATION = re.compile(
    rf"(?<![^\s])/[ \t]?(?P<who>[{CAP}]{{2,3}})[ \t]*\([ \t]*[{LOW}]{{3,15}}[ \t]*\)[ \t.]*\s*$"
)
# abbreviations a note may end with, not a person's initials
_NOT_INITIALS = frozenset("OK ST AT BT IVA EKG CT MR HLR LSS SOL HSL IVO ID NR TEL SMS MVH PS IV IM SC PO".split())

# a rota line: a label (a day, a shift) and three or more "Firstname X" items
_ITEM = rf"[{CAP}][{LOW}]+[ \t]+[{CAP}]\.?"
_ROTA_LINE = re.compile(
    rf"(?m)^[^\S\n]*[{CAP}][{LOW}]{{0,8}}\.?:[ \t]*(?P<items>{_ITEM}(?:[ \t]*,[ \t]*{_ITEM}){{2,}})[ \t]*$"
)
_ROTA_ITEM = re.compile(rf"(?P<first>[{CAP}][{LOW}]+)[ \t]+[{CAP}]\.?")

# "Lasse (så kallas han, egentligen …)": the name before the bracket is what he is called
_CALLED_IN_BRACKETS = re.compile(
    rf"(?<![\w-])(?P<nick>[{CAP}][{LOW}]+)[ \t]*\([ \t]*(?i:så[ \t]+)?(?i:kallas|kallad|kallades)[ \t]+(?i:han|hon|hen)\b"
)


def find_care_notes(text: str) -> list[Span]:
    spans = []
    if "/" in text:
        # the relation's signature closes the text: searched in its last characters only (a
        # search over the whole text would try each "/AB (x)" against every space after it)
        found = list(_ENTRY_SIGNED.finditer(text)) + list(_SIGNED_WITH_RELATION.finditer(text, max(0, len(text) - 40)))
        spans += [Span(m.start("who"), m.end("who"), "PERSON") for m in found if m.group("who") not in _NOT_INITIALS]
    if ":" in text:
        for line in _ROTA_LINE.finditer(text):
            items = list(_ROTA_ITEM.finditer(text, line.start("items"), line.end("items")))
            named = [m for m in items if lists.listed_first_name(m.group("first"))]
            # most of the line are listed first names: the rest are names too ("Bo", a rare name)
            if len(named) * 3 >= len(items) * 2:
                spans += [Span(m.start("first"), m.end("first"), "PERSON") for m in items]
    if "kalla" in text:
        spans += [Span(m.start("nick"), m.end("nick"), "PERSON") for m in _CALLED_IN_BRACKETS.finditer(text)]
    return spans

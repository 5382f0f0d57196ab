"""A care unit written with the parts its own letterhead gives it: the team or section before
its clinic or hospital and a comma ("Långtidsteamet, Norrbyns sjukhus", "Ryggrehabiliteringen,
Ortopediska kliniken, Ekstads lasarett"), a private clinic's company form after its name
("Ryggkliniken Ekbacken AB"), and an abbreviation pair before a compound ("POTS/ME-teamet",
"KOL/astma-mottagningen").

The unit rules find the hospital or the clinic and stop there; the part before or after is what
says which unit, and left in the text it points to a small team. A unit find grows over such a
part when the part is right beside it and no other find stands there:

- before it, a capitalised compound ending in a unit's word (``-teamet``, ``-mottagningen``,
  ``-kliniken``, ``-rehabiliteringen``, ``-enheten``, ``-avdelningen``, ``-centrum``) and a comma;
  a bare "Mottagningen, …" has no compound and stays out, as does a lower-case
  "smärtmottagningen, …" (a sentence's generic unit, not a letterhead);
- after it, "AB" as a word of its own;
- before it, two to five capitals and a slash glued to the compound ("ME/").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS

_HEADS = r"teamet|mottagningen|kliniken|rehabiliteringen|enheten|avdelningen|centrum|centret|sektionen"
# the section before its unit, the comma, and where the unit starts
_SECTION_BEFORE = re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{2,}(?:" + _HEADS + r")," + WS + r"+$")
_COMPANY_AFTER = re.compile(WS + r"+AB(?![\w-])")
_PAIR_BEFORE = re.compile(r"(?<![\w/-])[" + CAP + r"]{2,5}/$")


def extend_unit_hierarchies(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted by start) with each VARDENHET find grown over its section, its company form
    and its abbreviation pair, where no other find stands."""
    out: list[Span] = []
    for k, sp in enumerate(spans):
        if sp.label == "VARDENHET":
            prev_end = out[-1].end if out else 0
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            start, end = sp.start, sp.end
            for _ in range(2):  # "<Sektion>, <Klinik>, <Sjukhus>": two levels at most
                section = _SECTION_BEFORE.search(text, max(prev_end, start - 50), start)
                if section is None:
                    break
                start = section.start()
            pair = _PAIR_BEFORE.search(text, max(prev_end, start - 6), start)
            if pair is not None and text[start : start + 1].isupper():
                start = pair.start()
            company = _COMPANY_AFTER.match(text, end)
            if company is not None and company.end() <= next_start:
                end = company.end()
            sp = Span(start, end, sp.label)
        out.append(sp)
    return out

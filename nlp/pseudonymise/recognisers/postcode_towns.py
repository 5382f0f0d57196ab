"""The town after a postcode, read as a name: "00-950 Gdańsk", "7000 Kärnten" in a foreign
address block. The place rules know Swedish towns and many foreign ones; a town they do not know,
with a letter outside their alphabet, is taken by the name rules. Right after a postcode, with
nothing but spaces between, a word is the postal town, whatever else it could be: a PERSON find
there becomes ORT. A name after a postcode's line break ("… 123 45⏎Anna Berg") is another line
and stays a name.
"""

from __future__ import annotations

import re

from nlp.core import Span

_BETWEEN = re.compile(r"[ \t\u00a0]{1,3}")


def towns_after_postcodes(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted by start) with a PERSON right after a POSTNUMMER relabelled ORT."""
    out: list[Span] = []
    for sp in spans:
        if (
            sp.label == "PERSON"
            and out
            and out[-1].label == "POSTNUMMER"
            and _BETWEEN.fullmatch(text, out[-1].end, sp.start)
            and text[sp.start : sp.start + 1].isupper()
        ):
            sp = Span(sp.start, sp.end, "ORT")
        out.append(sp)
    return out

"""A first name that is also a body part, in a list of body parts: "Axel, knä och höft värker",
"ont i rygg, Axel och nacke". "Axel" (the shoulder) opens a sentence with a capital and reads as
the name; beside another body part in a list (a comma or "och" between) it is the shoulder. A name
in a list of people ("Axel, Stina och Nils") or beside a word that is no body part stays a name.
"""

from __future__ import annotations

import re

from nlp.core import Span

# first names that are Swedish body parts
_NAME_PARTS = frozenset({"axel", "ben"})
_BODY_PARTS = frozenset(
    "axel axeln axlar axlarna knä knät knän knäna höft höften höfter höfterna rygg ryggen ländrygg ländryggen "
    "bröstrygg bröstryggen nacke nacken hals halsen arm armen armar armarna armbåge armbågen handled "
    "handleden hand handen händer händerna fot foten fötter fötterna ben benen vad vaden fingrar fingrarna "
    "tår tårna käke käken huvud huvudet skuldra skuldran skuldror bäcken bäckenet vrist vristen häl hälen".split()
)
_NEXT_ITEM = re.compile(r"[ \t]*(?:,|och)[ \t]*([a-zåäöA-ZÅÄÖ]+)")
_PREV_ITEM = re.compile(r"([a-zåäöA-ZÅÄÖ]+)[ \t]*(?:,|och)[ \t]*$")


def body_part_names(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds among `spans` that are a body part in a list of body parts."""
    out: set[Span] = set()
    for sp in spans:
        if sp.label != "PERSON" or text[sp.start : sp.end].lower() not in _NAME_PARTS:
            continue
        after = _NEXT_ITEM.match(text, sp.end)
        before = _PREV_ITEM.search(text, max(0, sp.start - 20), sp.start)
        if any(m is not None and m.group(1).lower() in _BODY_PARTS for m in (after, before)):
            out.add(sp)
    return out

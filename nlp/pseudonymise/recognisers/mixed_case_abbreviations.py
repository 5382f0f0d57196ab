"""Abbreviations written with small letters inside: "enligt SoL", "LoU-upphandling", "PuL". A
short word that begins and ends with a capital and has one or two small letters between is a
law's or an authority's short name, never a person's name (names end in a small letter: "McKay"
and "DeLuca" are longer and end small)."""

from __future__ import annotations

import re

from nlp.core import Span

_SHAPE = re.compile(r"[A-ZÅÄÖ]{1,2}[a-zåäö]{1,2}[A-ZÅÄÖ]{1,2}")


def mixed_case_abbreviations(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds in `spans` that are such an abbreviation ("SoL", "HsL", "LoV")."""
    return {s for s in spans if s.label == "PERSON" and _SHAPE.fullmatch(text, s.start, s.end) is not None}

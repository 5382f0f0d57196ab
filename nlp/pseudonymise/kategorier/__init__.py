"""Categories declared in one place each (Presidio style): label, recogniser, priority, normaliser.

Each module here declares one category as `KATEGORI`. The category list
(`nlp.core.PII_LABELS`), the overlap priority in `pseudonymiser.py` and the CLI's
`--kategori` check all derive from `KATEGORIER`, so a new category is added by adding a
module here and naming it below, nowhere else. (The older categories still live in
recognisers.py; a later task moves them here.)

`nlp.core.PII_LABELS` reads LABELS from here lazily, so importing nlp.core (as ingest
does) never loads the recognisers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nlp.core import BASE_PII_LABELS, Span


@dataclass(frozen=True)
class Kategori:
    """One kind of personal data and everything the pseudonymiser needs to know about it."""

    label: str
    find: Callable[[str], list[Span]]
    # Overlaps: this category ranks right after `after` (a label of recognisers.py's order).
    after: str
    # One canonical form per real-world value, so two writings get the same pseudonym.
    normalise: Callable[[str], str]
    # How the pages name finds of this kind, in the plural ("kontonummer").
    text: str


from nlp.pseudonymise.kategorier import kontonummer, regnr  # noqa: E402  (they use Kategori)

KATEGORIER: tuple[Kategori, ...] = (kontonummer.KATEGORI, regnr.KATEGORI)
LABELS: tuple[str, ...] = BASE_PII_LABELS + tuple(k.label for k in KATEGORIER)

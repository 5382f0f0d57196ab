"""The registry: every module in this folder declares one category as `CATEGORY`.

Module discovery rather than a decorator or a list: a decorator only runs when something
imports the module, which would need a list of imports, the second place a new category
could be forgotten in. Here a new file is picked up by being there. Everything about the
categories derives from what is found: the category list, the overlap priority, the
recognisers that run, the normalisers, the pages' descriptions and the validation of
`categories=` (and so the CLI's `--kategori`).
"""

from __future__ import annotations

from nlp.pseudonymise.category import Category
from nlp.registry import declared


def discover() -> tuple[Category, ...]:
    """Every category declared in this folder, in priority order; refuses duplicates."""
    found = declared(__name__, "CATEGORY", unique=("label", "priority"))
    if not all(isinstance(c, Category) for c in found):
        raise TypeError(f"{__name__}: a CATEGORY is not a Category")
    return tuple(sorted(found, key=lambda c: c.priority))


REGISTRY: tuple[Category, ...] = discover()
# in priority order, the order every list of categories is shown in
CATEGORIES: tuple[str, ...] = tuple(c.label for c in REGISTRY)
PRIORITY: dict[str, int] = {c.label: i for i, c in enumerate(REGISTRY)}
DESCRIPTIONS: dict[str, str] = {c.label: c.description for c in REGISTRY}
NORMALISERS = {c.label: c.normalise for c in REGISTRY}
# every recogniser once, even when several categories name it
RECOGNISERS = tuple(dict.fromkeys(r for c in REGISTRY for r in c.recognisers))

__all__ = ["CATEGORIES", "DESCRIPTIONS", "NORMALISERS", "PRIORITY", "RECOGNISERS", "REGISTRY", "discover"]

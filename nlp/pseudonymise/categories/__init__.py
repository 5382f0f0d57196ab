"""The registry: every module in this folder declares one category as `CATEGORY`.

Module discovery rather than a decorator or a list: a decorator only runs when something
imports the module, which would need a list of imports, the second place a new category
could be forgotten in. Here a new file is picked up by being there. Everything about the
categories derives from what is found: the category list, the overlap priority, the
recognisers that run, the normalisers, the pages' descriptions and the validation of
`categories=` (and so the CLI's `--kategori`).
"""

from __future__ import annotations

import importlib
import pkgutil

from nlp.pseudonymise.category import Category


def discover() -> tuple[Category, ...]:
    """Every category declared in this folder, in priority order; refuses duplicates."""
    found: list[Category] = []
    for module in pkgutil.iter_modules(__path__):
        declared = getattr(importlib.import_module(f"{__name__}.{module.name}"), "CATEGORY", None)
        if not isinstance(declared, Category):
            raise TypeError(f"{__name__}.{module.name} declares no CATEGORY")
        found.append(declared)
    found.sort(key=lambda c: c.priority)
    for kind in ("label", "priority"):
        values = [getattr(c, kind) for c in found]
        if len(set(values)) != len(values):
            raise ValueError(f"two categories share a {kind}: {sorted(values)}")
    return tuple(found)


REGISTRY: tuple[Category, ...] = discover()
# in priority order, the order every list of categories is shown in
CATEGORIES: tuple[str, ...] = tuple(c.label for c in REGISTRY)
PRIORITY: dict[str, int] = {c.label: i for i, c in enumerate(REGISTRY)}
DESCRIPTIONS: dict[str, str] = {c.label: c.description for c in REGISTRY}
NORMALISERS = {c.label: c.normalise for c in REGISTRY}
# every recogniser once, even when several categories name it
RECOGNISERS = tuple(dict.fromkeys(r for c in REGISTRY for r in c.recognisers))

__all__ = ["CATEGORIES", "DESCRIPTIONS", "NORMALISERS", "PRIORITY", "RECOGNISERS", "REGISTRY", "discover"]

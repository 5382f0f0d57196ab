"""The one way a registry finds its entries: every module in a package folder.

Pseudonymisation categories, ingest readers, export formats, embedding backends and the web
service's routers are each "a file in a folder". A new entry is picked up by being there;
nothing keeps a second list of them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType
from typing import Any


def modules_in(package: str) -> list[ModuleType]:
    """Every module directly in `package` (not subpackages, not `_private` ones), imported, by name."""
    path = importlib.import_module(package).__path__
    names = sorted(m.name for m in pkgutil.iter_modules(path) if not m.ispkg and not m.name.startswith("_"))
    return [importlib.import_module(f"{package}.{name}") for name in names]


def declared(
    package: str,
    attribute: str,
    *,
    required: bool = True,
    unique: Iterable[str] = (),
) -> list[Any]:
    """The `attribute` each module in `package` declares, by module name. With `required`, a
    module without it is an error; each field named in `unique` must differ between entries."""
    found = []
    for module in modules_in(package):
        value = getattr(module, attribute, None)
        if value is None and required:
            raise TypeError(f"{module.__name__} declares no {attribute}")
        if value is not None:
            found.append(value)
    for field in unique:
        values = [getattr(v, field) for v in found]
        if twice := sorted({str(v) for v in values if values.count(v) > 1}):
            raise ValueError(f"{package}: two entries share a {field}: {twice}")
    return found


__all__ = ["declared", "modules_in"]

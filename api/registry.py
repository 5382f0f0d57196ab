"""Routers found, not listed: every module of a package that defines `router` is included.

A new page or endpoint group is one new module (plus its test); nothing else to edit.
Modules are taken in name order, so the route table is the same on every start.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from fastapi import APIRouter


def routers_in(package: ModuleType) -> list[APIRouter]:
    """The `router` of every module directly in `package`, by module name."""
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        router = getattr(module, "router", None)
        if isinstance(router, APIRouter):
            found.append(router)
    return found


__all__ = ["routers_in"]

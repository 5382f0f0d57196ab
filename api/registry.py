"""Routers found, not listed: every module of a package that defines `router` is included.

A new page or endpoint group is one new module (plus its test); nothing else to edit.
Modules are taken in name order, so the route table is the same on every start.
"""

from __future__ import annotations

from types import ModuleType

from fastapi import APIRouter

from nlp.registry import declared


def routers_in(package: ModuleType) -> list[APIRouter]:
    """The `router` of every module directly in `package`, by module name (modules without one,
    such as shared page helpers, are skipped)."""
    return [r for r in declared(package.__name__, "router", required=False) if isinstance(r, APIRouter)]


__all__ = ["routers_in"]

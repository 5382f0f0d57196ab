"""Embedding backends, one module each; importing this package registers them all.

Discovery by module scan, so a new backend is one new file here (plus its test), never an
edit to a list.
"""

from __future__ import annotations

import importlib
import pkgutil


def _discover() -> tuple[str, ...]:
    names = tuple(info.name for info in pkgutil.iter_modules(__path__))
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    return names


MODULES = _discover()  # the backend modules, by file name

"""Embedding backends, one module each; importing this package registers them all.

Discovery by module scan, so a new backend is one new file here (plus its test), never an
edit to a list.
"""

from __future__ import annotations

from nlp.registry import modules_in

# Importing a backend module registers it (nlp.embed.registry.register); by file name.
MODULES = tuple(m.__name__.rsplit(".", 1)[1] for m in modules_in(__name__))

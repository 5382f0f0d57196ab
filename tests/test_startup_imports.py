"""Start-up stays light: what each entry point loads before it does any work.

The upload preview's child process imports nlp.ingest before it sets its memory limit,
`brukarrost --help` should answer at once, and the web service should not load the
analysis libraries (scikit-learn, spaCy, torch) until an analysis runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after(statement: str, watched: list[str]) -> list[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps([m for m in {watched!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("statement", "watched"),
    [
        ("import nlp.ingest", ["pydantic_settings", "sqlalchemy", "numpy", "nlp.config"]),
        ("import nlp.cli", ["sqlalchemy", "numpy", "nlp.ingest", "nlp.store", "nlp.embed", "nlp.pipeline.analysis"]),
        ("from api.app import create_app", ["sklearn", "spacy", "torch", "nlp.pipeline.analysis", "nlp.classify"]),
    ],
)
def test_an_entry_point_loads_only_what_it_needs(statement: str, watched: list[str]) -> None:
    assert _loaded_after(statement, watched) == []

"""docs/interfaces.md stays true: every module, file, function and class it names exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "interfaces.md"
HEADING = re.compile(r"((?:nlp|api)/[\w/]*(?:\.py)?)")
DEFINITION = re.compile(r"^(?:async def|def|class) (\w+)")
DOTTED = re.compile(r"\b((?:nlp|api)(?:\.\w+)+)")
PATH = re.compile(r"(?<![/\w])((?:nlp|api|etiketter|benchmarks|tests)/[\w/.-]*\w(?:\.py|/))")


def _resolve(dotted: str) -> bool:
    """True if `dotted` is a module, or a module followed by attributes that exist."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def _module_of_heading(path: str) -> str:
    return path.removesuffix(".py").rstrip("/").replace("/", ".")


def test_documented_definitions_exist() -> None:
    missing: list[str] = []
    modules: list[str] = []
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):  # "## nlp/taxonomy.py and nlp/classify/": names live in either
            modules = [_module_of_heading(p) for p in HEADING.findall(line)]
            continue
        definition = DEFINITION.match(line)
        if modules and definition and not any(_resolve(f"{m}.{definition.group(1)}") for m in modules):
            missing.append(f"rad {number}: {definition.group(1)} i {' / '.join(modules)}")
    assert missing == []


def test_documented_dotted_names_exist() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = sorted({name for name in DOTTED.findall(text) if not _resolve(name.rstrip("."))})
    assert missing == []


def test_documented_paths_exist() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = sorted({p for p in PATH.findall(text) if "<" not in p and not (ROOT / p).exists()})
    assert missing == []

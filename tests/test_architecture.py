"""The shape of the tree, checked: stages apart, no cycles, nothing private crossing modules,
small functions and modules, and a test for every registry entry.

Rules (docs/interfaces.md, "Struktur" in README.md):
- a stage (package under nlp/) imports only the shared core and itself, never a sibling stage;
  only the pipeline and the orchestration modules compose stages;
- no import cycle between modules; no `from x import _private` across modules;
- functions ≤ 80 lines, modules ≤ 500 lines (migrations excepted), in tests/, benchmarks/ and
  exempel/ too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "pseudonymise", "embed", "themes", "classify", "report", "store")
# What every stage may import: shared types, settings, errors and small shared utilities.
CORE = (
    "core",
    "config",
    "errors",
    "stats",
    "private_files",
    "taxonomy",
    "sqlite_wal",
    "spreadsheet",
    "registry",
    "modeller",
    "secret_key",
    "lexicon",
)
# The one edge between stages, on purpose: a run's report is read from the store.
ALLOWED_STAGE_EDGES = {("report", "store")}
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 500
# The import rules are about the application; the size rule holds for every Python file we write.
SIZE_ROOTS = ("nlp", "api", "tests", "benchmarks", "exempel")


def _source_files(tops: tuple[str, ...] = ("nlp", "api")) -> list[Path]:
    files = []
    for top in tops:
        files += [p for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts]
    return sorted(files)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in _source_files()}


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(module: str) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every project import in `module`."""
    path = _modules()[module]
    is_package = path.name == "__init__.py"
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in _modules():  # `from pkg import submodule`
                    yield sub, None, node.lineno
                else:
                    yield base, alias.name, node.lineno


def _project_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for module in _modules():
        edges[module] = {m for m, _, _ in _imports(module) if m in _modules() and m != module}
    return edges


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "nlp" and parts[1] in STAGES else None


def test_no_import_cycle() -> None:
    """Tarjan's strongly connected components over module imports: every one must be a single
    module. (A package __init__ importing its submodules is fine; a submodule importing its own
    package's __init__ back is the cycle this finds.)"""
    edges = _project_edges()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    assert cycles == []


def test_stages_import_only_the_core_and_themselves() -> None:
    offenders = []
    for module in _modules():
        stage = _stage_of(module)
        if stage is None:
            continue
        for imported, _, line in _imports(module):
            if not imported.startswith(("nlp.", "api.")) and imported not in ("nlp", "api"):
                continue
            target = _stage_of(imported)
            top = imported.split(".")[1] if imported.startswith("nlp.") else None
            if target == stage or (stage, target) in ALLOWED_STAGE_EDGES or top in CORE:
                continue
            offenders.append(f"{module}:{line} imports {imported}")
    assert offenders == []


def test_no_private_name_crosses_a_module() -> None:
    offenders = [
        f"{module}:{line} imports {name} from {imported}"
        for module in _modules()
        for imported, name, line in _imports(module)
        if name
        and name.startswith("_")
        and not name.startswith("__")
        and imported != module
        and imported.startswith(("nlp", "api"))
    ]
    assert offenders == []


def test_nlp_never_imports_the_api_except_the_command_line() -> None:
    offenders = [
        f"{module}:{line} imports {imported}"
        for module in _modules()
        if module.startswith("nlp") and not (module == "nlp.cli" or module.startswith("nlp.cli."))
        for imported, _, line in _imports(module)
        if imported == "api" or imported.startswith("api.")
    ]
    assert offenders == []


def test_functions_and_modules_stay_small() -> None:
    long_functions, long_modules = [], []
    for path in _source_files(SIZE_ROOTS):
        rel = path.relative_to(ROOT)
        n_lines = len(path.read_text(encoding="utf-8").splitlines())
        if n_lines > MAX_MODULE_LINES:
            long_modules.append(f"{rel}: {n_lines}")
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{rel}:{node.lineno} {node.name}: {length}")
    assert long_modules == []
    assert long_functions == []


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package_with_a_public_interface(stage: str) -> None:
    init = ROOT / "nlp" / stage / "__init__.py"
    assert init.is_file(), f"nlp/{stage} should be a package"
    declares_all = any(
        isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets)
        for node in _tree(init).body
    )
    assert declares_all, f"nlp/{stage}/__init__.py should declare __all__"

"""Layering inside api/: pages and routers are thin edges over api/services."""

from __future__ import annotations

import ast
from pathlib import Path

API = Path(__file__).resolve().parent.parent / "api"


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names += [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
    return names


def _mentions_http_exception(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(n, ast.Name) and n.id == "HTTPException" or isinstance(n, ast.alias) and n.name == "HTTPException"
        for n in ast.walk(tree)
    )


def test_pages_do_not_import_routers() -> None:
    offenders = [
        f"{p.name}: {n}"
        for p in sorted((API / "web").glob("*.py"))
        for n in _imports(p)
        if n == "api.routers" or n.startswith("api.routers.")
    ]
    assert offenders == []


def test_pages_routers_and_services_leave_http_errors_to_the_app() -> None:
    """Domain errors are api.services.errors; only api/app.py turns them into HTTP. The
    auth dependencies (api/auth.py) still answer 401/403 themselves."""
    files = [
        *(API / "web").glob("*.py"),
        *(API / "services").glob("*.py"),
        API / "upload.py",
        API / "access.py",
        *(p for p in (API / "routers").glob("*.py") if p.name not in ("data.py", "exports.py")),
    ]
    assert [p.name for p in sorted(files) if _mentions_http_exception(p)] == []


def test_services_do_not_import_fastapi_or_the_edges() -> None:
    offenders = [
        f"{p.name}: {n}"
        for p in sorted((API / "services").glob("*.py"))
        for n in _imports(p)
        if n.split(".")[0] in ("fastapi", "starlette") or n.startswith(("api.routers", "api.web", "api.app"))
    ]
    assert offenders == []


def test_every_router_and_page_module_is_mounted() -> None:
    """A new module with a `router` is found without being listed anywhere (api/registry.py),
    in name order; helper modules without one are left alone."""
    import importlib

    import api.routers
    import api.web
    from api.registry import routers_in

    for package in (api.routers, api.web):
        folder = Path(package.__file__).parent
        names = sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_"))
        expected = [
            m.router for n in names if hasattr(m := importlib.import_module(f"{package.__name__}.{n}"), "router")
        ]
        assert [id(r) for r in routers_in(package)] == [id(r) for r in expected]
        assert len(expected) >= 9

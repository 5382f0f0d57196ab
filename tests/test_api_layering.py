"""Layering: the api package depends on nlp, never the other way round."""

from __future__ import annotations

from pathlib import Path


def test_nlp_does_not_import_the_api_package() -> None:
    """Layering: api → nlp only. The CLI (the nlp/cli/ package) is the one entry point that
    starts the server and may import api; every other nlp module must work without it."""
    import ast

    root = Path(__file__).resolve().parent.parent / "nlp"
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] == "cli":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.relative_to(root)}: {n}" for n in names if n == "api" or n.startswith("api.")]
    assert offenders == []

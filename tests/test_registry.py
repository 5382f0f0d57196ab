"""nlp/registry.py: how every registry finds its entries (one module per entry)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.registry import declared, modules_in

pytestmark = pytest.mark.utan_databas


def _package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, modules: dict[str, str]) -> str:
    root = tmp_path / name
    root.mkdir()
    (root / "__init__.py").write_text("")
    for module, body in modules.items():
        (root / f"{module}.py").write_text(body)
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def test_entries_come_in_module_name_order_and_private_modules_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _package(tmp_path, monkeypatch, "reg_ordning", {"b": "ENTRY = 'b'", "a": "ENTRY = 'a'", "_hj": "ENTRY = 'x'"})
    assert declared(pkg, "ENTRY") == ["a", "b"]
    assert [m.__name__ for m in modules_in(pkg)] == [f"{pkg}.a", f"{pkg}.b"]


def test_a_module_without_the_declaration_is_refused_unless_optional(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _package(tmp_path, monkeypatch, "reg_saknas", {"a": "ENTRY = 'a'", "hjalp": "X = 1"})
    with pytest.raises(TypeError, match="hjalp declares no ENTRY"):
        declared(pkg, "ENTRY")
    assert declared(pkg, "ENTRY", required=False) == ["a"]


def test_two_entries_with_one_key_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "from types import SimpleNamespace\nENTRY = SimpleNamespace(name='csv')"
    pkg = _package(tmp_path, monkeypatch, "reg_dubbel", {"a": body, "b": body})
    with pytest.raises(ValueError, match="share a name"):
        declared(pkg, "ENTRY", unique=("name",))

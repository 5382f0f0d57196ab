"""The category registry (nlp/pseudonymise/categories/): the category list, the overlap
priority, the normalisers and the validation of `categories=` derive from the declarations,
and every declared category has its own test file."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import nlp.pseudonymise.categories as registry
from nlp.errors import ConfigError
from nlp.pseudonymise import CATEGORIES, DESCRIPTIONS, Category, Pseudonymiser
from nlp.pseudonymise.categories import NORMALISERS, PRIORITY, RECOGNISERS, REGISTRY
from tests.pseudonymise_support import KEY

pytestmark = pytest.mark.utan_databas

TESTS = Path(__file__).resolve().parent


def _declarations() -> dict[str, Category]:
    """Module name -> its CATEGORY, read from the folder, not from the registry."""
    return {
        m.name: importlib.import_module(f"{registry.__name__}.{m.name}").CATEGORY
        for m in pkgutil.iter_modules(registry.__path__)
    }


def test_every_module_in_the_folder_is_registered_once() -> None:
    declared = _declarations()
    assert sorted(c.label for c in declared.values()) == sorted(CATEGORIES)
    assert [c.label for c in REGISTRY] == list(CATEGORIES)
    assert set(PRIORITY) == set(DESCRIPTIONS) == set(NORMALISERS) == set(CATEGORIES)
    assert len(set(PRIORITY.values())) == len(CATEGORIES)
    # every recogniser a category names runs, once
    named = {r for c in REGISTRY for r in c.recognisers}
    assert set(RECOGNISERS) == named and len(RECOGNISERS) == len(named)


@pytest.mark.parametrize("module", sorted(_declarations()))
def test_every_category_has_its_own_test_file(module: str) -> None:
    label = _declarations()[module].label
    path = TESTS / f"test_pseudonymise_{module}.py"
    assert path.is_file(), f"categories/{module}.py ({label}) has no {path.name}"
    text = path.read_text(encoding="utf-8")
    assert f'"{label}"' in text and "def test_" in text, f"{path.name} tests nothing about {label}"


def test_priority_is_the_declared_numbers_order() -> None:
    # a more specific kind wins an overlap: a bank account before a phone number, a unit
    # before the person inside its name
    assert list(CATEGORIES) == [c.label for c in sorted(REGISTRY, key=lambda c: c.priority)]
    assert PRIORITY["EPOST"] < PRIORITY["PERSONNUMMER"] < PRIORITY["KONTONUMMER"] < PRIORITY["TELEFON"]
    assert PRIORITY["VARDENHET"] < PRIORITY["PERSON"] < PRIORITY["ORT"]


def test_validation_of_categories_derives_from_the_registry() -> None:
    assert Pseudonymiser(KEY).categories == frozenset(CATEGORIES)
    assert Pseudonymiser(KEY, categories=["kontonummer"]).categories == frozenset({"KONTONUMMER"})
    with pytest.raises(ConfigError) as err:
        Pseudonymiser(KEY, categories=["BANKKONTO"])
    assert all(label in str(err.value) for label in CATEGORIES)


def test_two_categories_with_one_priority_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    clash = Category(label="KOPIA", priority=REGISTRY[0].priority, recognisers=(), description="kopior")
    real_import = importlib.import_module

    def import_with_clash(name: str, *args: object) -> object:
        module = real_import(name, *args)
        if name.endswith(".regnr"):  # now shares EPOST's priority
            return type("Fake", (), {"CATEGORY": clash})
        return module

    monkeypatch.setattr(importlib, "import_module", import_with_clash)
    with pytest.raises(ValueError, match="priority"):
        registry.discover()

"""One word for the volunteers who judge suggestions: "granskare" on every page and in every
message a page or the API shows, never "validerare" (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent
# Where text shown to people is written: templates, pages, services, routes, and the stages'
# messages (errors a page shows as they are).
SHOWN = ["api/templates/*.html", "api/web/*.py", "api/services/*.py", "api/routers/*.py", "api/*.py", "nlp/**/*.py"]


def _strings(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [re.sub(r"{[%{#].*?[%}#]}", " ", text, flags=re.S)]
    # String literals only: identifiers and comments are English and may say "validator".
    return re.findall(r'"(?:[^"\\\n]|\\.)*"', text)


def test_pages_and_messages_say_granskare() -> None:
    found = []
    for pattern in SHOWN:
        for path in ROOT.glob(pattern):
            for s in _strings(path):
                if re.search(r"validerar(e|na|en)\b|validerade etiketter", s, re.I):
                    found.append(f"{path.relative_to(ROOT)}: {s[:80]}")
    assert found == [], "skriv granskare:\n" + "\n".join(found)

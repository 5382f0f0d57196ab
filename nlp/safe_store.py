"""Everything stored is pseudonymised: the one place that makes text outside the answers safe.

Answers are pseudonymised in `nlp.pipeline.import_export` with the project's categories.
Everything else that ends up in the database goes through this module (issue 12):

- metadata cells that can hold free text (unit/verksamhet, age group): `MetadataGuard`,
  one per import, so the same person gets the same pseudonym on every row and a breakdown
  by unit still groups rows correctly;
- text typed in the web pages and the API (validator comments, insights, actions, theme
  names, split notes, project names): `safe_free_text`, called from the request schemas
  (api/schemas.py `FreeText`), so every page and endpoint that stores a form field gets it;
- file names: never stored; `neutral_file_name` gives "import 3 (csv)" instead.

Policy outside the answers (the product decision, also in docs/interfaces.md): care-unit,
organisation and place names and dates are KEPT (a breakdown by unit is the point, and a
date in a staff note is about the work), every direct identifier is replaced: person names,
personnummer, phone numbers, e-mail, street addresses, postcodes and ages. Identifiers inside
a kept unit name are still replaced ("Dr Anna Svenssons mottagning" → "Dr [PERSON_1]s
mottagning"), because kept kinds are set aside before overlaps are resolved.
"""

from __future__ import annotations

import secrets
from collections import Counter

from nlp.pseudonymise import Pseudonymiser

# Kinds left in metadata and form text; everything else the pseudonymiser knows is replaced.
KEPT_OUTSIDE_ANSWERS = frozenset({"VARDENHET", "ORGANISATION", "ORT", "DATUM"})
_CACHE_LIMIT = 20_000  # distinct metadata values remembered per import (memory only)


def identifier_pseudonymiser(key: bytes | None = None) -> Pseudonymiser:
    """A Pseudonymiser with the outside-the-answers policy and the given key.

    Without one (form text) a throwaway key serves: form text keeps no link between
    fields, so it never needs the key file (which only an import creates, nlp.keys) and
    a damaged key file cannot stop a comment from being saved."""
    return Pseudonymiser(key if key is not None else secrets.token_bytes(32), keep=KEPT_OUTSIDE_ANSWERS)


def safe_free_text(text: str | None) -> str | None:
    """Text typed by a user, made safe to store: direct identifiers replaced.

    A new Pseudonymiser per call: pseudonyms are consistent within one field ("[PERSON_1]
    … [PERSON_1]"), and nothing links one comment's pseudonyms to another's.
    """
    if text is None or not text.strip():
        return text
    return identifier_pseudonymiser().pseudonymise(text).text


def neutral_file_name(kind: str, number: int, file_format: str | None) -> str:
    """The name stored and shown for an uploaded or imported file: "import 3 (csv)".

    The user's own file name is never stored: names like "Enkät Anna Svensson
    19121212-1212.csv" are common, and the pseudonymiser cannot read file names reliably
    (underscores, no sentence context), so a neutral name is the only safe one.
    """
    fmt = (file_format or "").strip().lower()
    return f"{kind} {number} ({fmt})" if fmt else f"{kind} {number}"


class MetadataGuard:
    """Pseudonymises the free-text metadata of one import (unit, age group, …).

    Values repeat on every row, so each distinct raw value is pseudonymised once and
    remembered in memory for this import only. `counts` are the replacements per
    field and category, for the residual-risk view (no values).
    """

    FIELDS = ("unit", "age_group")

    def __init__(self, key: bytes | None = None) -> None:
        self._pseudonymiser = identifier_pseudonymiser(key)
        self._cache: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
        self.counts: dict[str, Counter[str]] = {f: Counter() for f in self.FIELDS}

    def __repr__(self) -> str:  # never show cached raw values
        return f"MetadataGuard(fields={self.FIELDS})"

    def safe(self, field: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return value
        hit = self._cache.get((field, value))
        if hit is None:
            result = self._pseudonymiser.pseudonymise(value)
            hit = (result.text, tuple(s.label for s in result.spans))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[(field, value)] = hit
        self.counts.setdefault(field, Counter()).update(hit[1])
        return hit[0]

    def counts_json(self) -> dict[str, dict[str, int]]:
        return {f: dict(c) for f, c in self.counts.items() if c}

"""Validated examples from parsed JSON Lines rows: the caller reads the file (nlp.ingest's
iter_json_lines gives (line number, object) pairs), so this stage never opens it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from nlp.classify.results import Example
from nlp.errors import InputError
from nlp.taxonomy import Taxonomy


def parse_examples(
    rows: Iterable[tuple[int, Mapping[str, Any]]], taxonomy: Taxonomy | None = None, *, file: str | Path | None = None
) -> list[Example]:
    """One Example per {"text", "labels"} object (id optional); errors name file, row and field."""
    out = []
    known = set(taxonomy.label_ids) if taxonomy else None
    for n, obj in rows:
        text, labels = obj.get("text"), obj.get("labels")
        if not isinstance(text, str) or not text.strip():
            raise InputError("texten saknas eller är tom", file=file, row=n, column="text")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise InputError("etiketterna måste vara en lista med etikett-id", file=file, row=n, column="labels")
        if known is not None:
            bad = [x for x in labels if x not in known]
            if bad:
                raise InputError(
                    f"okänd etikett (finns inte i taxonomin {taxonomy.id})",  # type: ignore[union-attr]
                    file=file,
                    row=n,
                    column="labels",
                )
        ident = obj.get("id")
        out.append(Example(text=text, labels=tuple(labels), id=str(ident) if ident is not None else None))
    return out

"""`brukarrost pseudonymisera`: a file's texts with personal data replaced (nothing stored)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console

from nlp.cli.base import user_errors


@user_errors
def pseudonymisera(
    fil: Path = typer.Argument(
        ..., help="Fil att pseudonymisera: JSON Lines (fälten id och text), CSV, XLSX eller JSON."
    ),
    textkolumn: str | None = typer.Option(
        None,
        "--textkolumn",
        help="Kolumn eller fält med fritext (JSON Lines: 'text' om inget anges; CSV/XLSX: hittas annars automatiskt).",
    ),
    kategori: list[str] | None = typer.Option(
        None,
        "--kategori",
        help="Ersätt bara denna kategori, t.ex. --kategori PERSON (kan anges flera gånger). Standard: alla.",
    ),
    som_json: bool = typer.Option(
        False,
        "--json",
        help="Skriv ett JSON-objekt per rad: id, pseudonymiserad text och spann (teckenpositioner i originaltexten).",
    ),
) -> None:
    """Ersätt personuppgifter (namn, personnummer, telefon, adresser, vårdenheter …) med pseudonymer."""
    # Lazy: the pipeline loads spaCy and the models (seconds); other commands start fast.
    from nlp.pipeline import pseudonymise_file_rows

    categories = [k.strip().upper() for k in kategori] if kategori else None
    rows = pseudonymise_file_rows(fil, categories=categories, text_column=textkolumn)
    if som_json:
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return
    n_rows, n_changed, counts = 0, 0, Counter()
    for row in rows:
        n_rows += 1
        n_changed += bool(row.spans)
        counts.update(s.label for s in row.spans)
    found = ", ".join(f"{label} {n}" for label, n in counts.most_common()) or "inga"
    Console().print(
        f"Pseudonymiserade {n_rows} texter från {fil.name}: {n_changed} innehöll personuppgifter.\n"
        f"Ersatta personuppgifter per kategori: {found}.\n"
        "Använd --json för att få de pseudonymiserade texterna.",
        highlight=False,
    )

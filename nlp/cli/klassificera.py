"""`brukarrost klassificera`: suggested labels from a taxonomy for a file's answers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from nlp.cli.base import user_errors


def _quotes(text: str, evidence: list[dict]) -> str:
    """Per decided label its best supporting sentence (evidence[].spans), pseudonymised."""
    lines = []
    for item in evidence:
        spans = item.get("spans") or []
        if spans:
            quote = text[spans[0]["start"] : spans[0]["end"]]
            lines.append(f"{item['label']}: ”{quote if len(quote) <= 120 else quote[:119] + '…'}”")
    return "\n".join(lines) or "–"


@user_errors
def klassificera(
    fil: Path = typer.Argument(..., help="Fil med svar: JSON Lines (fälten id och text), CSV, XLSX eller JSON."),
    taxonomi: str = typer.Option(
        "samsjuklighet", "--taxonomi", help="Taxonomins id (fil i etiketter/) eller sökväg till en egen taxonomifil."
    ),
    exempel: Path | None = typer.Option(
        None,
        "--exempel",
        help="JSON Lines med validerade exempel (fälten text och labels); ger few-shot i stället för zero-shot.",
    ),
    textkolumn: str | None = typer.Option(
        None,
        "--textkolumn",
        help="Kolumn eller fält med fritext (standard: text för JSON Lines, annars hittas den automatiskt).",
    ),
    tackning: float = typer.Option(0.9, "--tackning", help="Täckningsgrad för prediktionsmängden, t.ex. 0.9."),
    som_json: bool = typer.Option(
        False, "--json", help="Skriv ett JSON-objekt per svar (id, förslag, prediktionsmängd, osäker, valens, belägg)."
    ),
) -> None:
    """Föreslå etiketter ur en taxonomi för varje svar (texterna pseudonymiseras först), med sannolikhet, osäkerhet, valens och belägg."""
    # Lazy: the pipeline loads spaCy and the models (seconds); other commands start fast.
    from nlp.pipeline import classify_file

    found = classify_file(fil, taxonomi, examples=exempel, text_column=textkolumn, coverage=tackning)
    if som_json:
        for rid, res in zip(found.ids, found.results):
            sys.stdout.write(json.dumps(res.to_json(rid), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"Förslag ur {found.taxonomy.name} för {fil.name} ({len(found.ids)} svar)")
    for head in ("Id", "Förslag (sannolikhet)", "Prediktionsmängd", "Osäker", "Valens", "Belägg"):
        table.add_column(head)
    for rid, text, res in zip(found.ids, found.texts, found.results):
        table.add_row(
            str(rid),
            ", ".join(f"{s.label} ({s.probability:.0%})" for s in res.suggestions if s.decided) or "–",
            ", ".join(res.prediction_set) or "–",
            f"ja ({res.unsure_reason})" if res.unsure else "nej",
            res.valence.label if res.valence else "–",
            _quotes(text, res.evidence),
        )
    Console().print(table)

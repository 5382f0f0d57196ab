"""`brukarrost teman`: themes in a file's answers, with shares, examples and trends."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from nlp.cli.base import user_errors

_PERIODS = {
    "manad": "month",
    "månad": "month",
    "month": "month",
    "kvartal": "quarter",
    "quarter": "quarter",
    "halvar": "half",
    "halvår": "half",
    "half": "half",
    "ar": "year",
    "år": "year",
    "year": "year",
    "vecka": "week",
    "week": "week",
}


@user_errors
def teman(
    fil: Path = typer.Argument(..., help="Fil med svar: JSON Lines (fälten id, text, datum), CSV, XLSX eller JSON."),
    textkolumn: list[str] | None = typer.Option(
        None,
        "--textkolumn",
        help="Kolumn eller fält med fritext (kan anges flera gånger). Annars hittas de automatiskt.",
    ),
    tid: str | None = typer.Option(
        None, "--tid", help="Kolumn med datum, för teman över tid och nya/växande teman. Annars hittas den automatiskt."
    ),
    period: str = typer.Option(
        "månad", "--period", help="Period för teman över tid: månad, kvartal, halvår, år eller vecka."
    ),
    som_json: bool = typer.Option(
        False, "--json", help="Skriv resultatet som JSON: teman, tilldelningar, teman över tid och nya/växande teman."
    ),
    alla_teman: bool = typer.Option(
        False, "--alla-teman", help="Analytikerns egen vy: visa även teman med färre svar än gränsen för små grupper."
    ),
    slumpfro: int = typer.Option(42, "--slumpfro", help="Slumpfrö: samma fil och samma frö ger samma teman."),
) -> None:
    """Hitta teman i fritextsvar (texterna pseudonymiseras först), med andelar, exempel och trender."""
    # Lazy: the pipeline loads spaCy and the models (seconds); other commands start fast.
    from nlp.pipeline import format_times, themes_of_file

    per = _PERIODS.get(period.strip().lower())
    if per is None:
        raise typer.BadParameter("Välj period: månad, kvartal, halvår, år eller vecka.", param_hint="--period")
    result = themes_of_file(
        fil, text_columns=textkolumn, date_column=tid, period=per, random_state=slumpfro, shared=not alla_teman
    )
    if som_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title=f"Teman i {fil.name} ({result.n_texts} svar)")
    for head in ("Id", "Tema", "Antal", "Andel (95 % KI)"):
        table.add_column(head)
    for t in result.themes:
        table.add_row(str(t.id), t.label, str(t.size), f"{t.share:.0%} ({t.ci[0]:.0%}–{t.ci[1]:.0%})")
    console = Console()
    console.print(table)
    for flag in result.emerging:
        console.print(f"[bold]{'Nytt' if flag['kind'] == 'ny' else 'Växande'}:[/] {flag['reason']}", highlight=False)
    for note in result.notes:
        console.print(note, highlight=False)
    console.print(f"Tid per steg: {format_times(result.settings.get('tider_s') or {})}.", highlight=False)

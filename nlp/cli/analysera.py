"""`brukarrost analysera` and `brukarrost granska`: the whole chain on an export, and its preview."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from nlp.cli.base import (
    ColumnOverrides,
    Sheet,
    TextColumns,
    parse_column_overrides,
    user_errors,
)


@user_errors
def analysera(
    export: Path = typer.Argument(..., help="Exportfil från enkätverktyget (CSV, XLSX, JSON eller JSON Lines)."),
    taxonomi: str = typer.Option(
        "samsjuklighet",
        "--taxonomi",
        help="Taxonomin svaren klassas mot: id (fil i etiketter/) eller sökväg till en egen taxonomifil. "
        "Analysen sparar taxonomin, så rapporten ändras inte om filen ändras senare.",
    ),
    ut: Path = typer.Option(Path("rapport"), "--ut", help="Mapp där rapporten (HTML och JSON) skrivs."),
    textkolumn: TextColumns = None,
    kolumn: ColumnOverrides = None,
    blad: Sheet = None,
    projekt: str | None = typer.Option(
        None,
        "--projekt",
        help="Lägg filen till projektet och analysera hela projektet: teman behåller sina nycklar och "
        "namn från tidigare importer, och nya eller växande teman söks över alla importer.",
    ),
    om: bool = typer.Option(
        False,
        "--anpassa-om",
        help="Med --projekt: anpassa alla teman på nytt och matcha dem mot de gamla (visar vad som blev av dem).",
    ),
) -> None:
    """Läs en enkätexport, pseudonymisera, hitta teman, klassa svaren och skriv en rapport."""
    # Lazy: the pipeline loads spaCy and the models (seconds); other commands start fast.
    from nlp.pipeline import analyse_export, format_times

    column_map = parse_column_overrides(kolumn)
    out_console = Console()
    with Progress(
        TextColumn("[bold]{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=out_console,
        transient=False,
    ) as bars:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage.capitalize(), total=max(total, 1))
            bars.update(tasks[stage], completed=done, total=max(total, 1))

        summary, html = analyse_export(
            export,
            ut,
            project=projekt or "standard",
            taxonomy=taxonomi,
            text_columns=textkolumn,
            column_map=column_map,
            sheet=blad,
            progress=progress,
            whole_project=projekt is not None,
            refit=om,
        )
    if om and projekt is None:
        out_console.print("--anpassa-om gäller bara tillsammans med --projekt; filen analyserades ensam.")
    if not summary.created:
        out_console.print("Filen var redan importerad: inga svar lades till två gånger.")
    pii = ", ".join(f"{k} {v}" for k, v in sorted(summary.pii_counts.items())) or "inga"
    # The report's own figures, so the command and report.json show the same seconds.
    times = json.loads(html.with_suffix(".json").read_text(encoding="utf-8")).get("tider_s") or {}
    out_console.print(
        f"Klart: {summary.n_records} svar från {summary.n_rows} rader "
        f"(frågor: {', '.join(summary.text_columns)}).\n"
        f"Ersatta personuppgifter: {pii}.\n"
        f"Tid per steg: {format_times(times)}.\n"
        f"Rapport: {html} och {html.with_suffix('.json')}"
    )


@user_errors
def granska(
    export: Path = typer.Argument(..., help="Exportfil att granska (CSV, XLSX, JSON eller JSON Lines)."),
    textkolumn: TextColumns = None,
    kolumn: ColumnOverrides = None,
    blad: Sheet = None,
    som_json: bool = typer.Option(False, "--json", help="Skriv förhandsgranskningen som JSON."),
) -> None:
    """Visa hur en export tolkas (kolumner, fritextfrågor, metadata) utan att läsa in den. Visar aldrig svarstext."""
    # Lazily: `brukarrost --help` must not pay for ingest's settings and readers.
    from nlp.ingest import inspect_export

    preview = inspect_export(export, sheet=blad, text_columns=textkolumn, column_map=parse_column_overrides(kolumn))
    if som_json:
        sys.stdout.write(json.dumps(preview.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    field_names = {
        "respondent_id": "respondent",
        "date": "datum",
        "unit": "verksamhet",
        "source_type": "källa",
        "gender": "kön",
        "age_group": "åldersgrupp",
    }
    role = {col: f"metadata: {field_names[f]}" for f, col in preview.column_map.items()}
    role.update({col: "fritextfråga" for col in preview.text_columns})
    table = Table(title=f"{export.name}: {'ca ' if preview.n_rows_estimated else ''}{preview.n_rows} rader")
    for head in ("Kolumn", "Används som", "Typ", "Ifyllda", "Medellängd", "Andel unika"):
        table.add_column(head)
    for col in preview.columns:
        st = preview.column_stats[col]
        table.add_row(
            col, role.get(col, "–"), st.kind, str(st.non_empty), f"{st.mean_length:.0f}", f"{st.unique_share:.0%}"
        )
    console = Console()
    console.print(table)
    details = [f"format {preview.file_format}"]
    if preview.encoding:
        details.append(f"teckenkodning {preview.encoding}")
    if preview.delimiter:
        details.append(f"avgränsare {preview.delimiter!r}")
    if preview.sheet:
        details.append(f"blad {preview.sheet!r} av {', '.join(preview.sheets)}")
    console.print(
        f"{', '.join(details)}. Statistiken bygger på de första {preview.n_sampled} raderna.", highlight=False
    )

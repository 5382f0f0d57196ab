"""What every `brukarrost` command shares: the Typer app, Swedish errors, common options."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from nlp.cli import sv
from nlp.errors import BrukarrostError
from nlp.private_files import use_private_umask

sv.install()  # click's and typer's own words ("Usage:", "Missing argument") in Swedish

app = typer.Typer(
    name="brukarrost",
    help="Brukarröst: analys av fritextsvar från brukare och patienter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks could show local variables holding raw text
)
err_console = Console(stderr=True)


@app.callback()
def _start() -> None:
    # Everything the service writes (database, cache, models, reports) is private: 0600/0700.
    use_private_umask()


F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn BrukarrostError into a Swedish message on stderr and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrukarrostError as exc:
            text = exc.message if exc.message.startswith("Fel") else f"Fel: {exc.message}"
            err_console.print(f"[bold red]{text}[/]", highlight=False)
            # The admin running the CLI may see what the web never shows (e.g. the key's path).
            if detail := getattr(exc, "admin_detail", None):
                err_console.print(f"Detalj: {detail}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(code=exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


# Options that several commands share, declared once.
TextColumns = Annotated[
    list[str] | None,
    typer.Option("--textkolumn", help="Kolumn med fritextsvar (kan anges flera gånger). Annars hittas de automatiskt."),
]
ColumnOverrides = Annotated[
    list[str] | None,
    typer.Option(
        "--kolumn", help="Ange metadatakolumn själv, t.ex. --kolumn datum=Inskickat (kan anges flera gånger)."
    ),
]
Sheet = Annotated[
    str | None, typer.Option("--blad", help="Vilket blad i en Excel-fil som ska läsas (annars det första med data).")
]

_FIELD_ALIASES = {
    "respondent": "respondent_id",
    "respondent_id": "respondent_id",
    "id": "respondent_id",
    "datum": "date",
    "date": "date",
    "verksamhet": "unit",
    "enhet": "unit",
    "unit": "unit",
    "kalla": "source_type",
    "källa": "source_type",
    "source_type": "source_type",
    "kon": "gender",
    "kön": "gender",
    "gender": "gender",
    "aldersgrupp": "age_group",
    "åldersgrupp": "age_group",
    "age_group": "age_group",
}


def parse_column_overrides(values: list[str] | None) -> dict[str, str]:
    """`--kolumn datum=Inskickat` → {"date": "Inskickat"}; Swedish or English field names."""
    out: dict[str, str] = {}
    for item in values or []:
        field, sep, column = item.partition("=")
        key = _FIELD_ALIASES.get(field.strip().lower())
        # An empty column (`--kolumn datum=`) means "this export has no such column".
        if not sep or key is None:
            raise typer.BadParameter(
                f"{item!r} ska skrivas FÄLT=KOLUMN (eller FÄLT= för att inte använda någon kolumn), "
                "där FÄLT är ett av: respondent, datum, verksamhet, kalla, kon, aldersgrupp."
            )
        out[key] = column.strip()
    return out

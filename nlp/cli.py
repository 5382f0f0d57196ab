"""The `brukarrost` command. Help texts and messages are plain Swedish.

Each sub-command is a thin shell over a stage's public function, so the CLI, the
pipeline and the API share one implementation.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from nlp.errors import BrukarrostError

app = typer.Typer(
    name="brukarrost",
    help="Brukarröst: analys av fritextsvar från brukare och patienter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks could show local variables holding raw text
)
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn BrukarrostError into a Swedish message on stderr and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrukarrostError as exc:
            err_console.print(f"[bold red]Fel:[/] {exc.message}", highlight=False)
            raise typer.Exit(code=exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


# --- commands -------------------------------------------------------------------------
# Commands are registered below, one block per stage.


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":
    sys.exit(app())

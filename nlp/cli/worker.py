"""`brukarrost worker`: runs queued jobs apart from the web service (nlp/jobqueue.py)."""

from __future__ import annotations

import asyncio
import logging

import typer

from nlp.cli.base import user_errors
from nlp.config import get_settings
from nlp.errors import ConfigError


@user_errors
def worker(
    samtidiga: int = typer.Option(1, "--samtidiga", min=1, help="Hur många jobb processen kör samtidigt."),
) -> None:
    """Kör jobb från kön (BRUKARROST_KO) tills processen stoppas; starta så många du vill,
    på vilken maskin som helst som når databasen."""
    from nlp.jobqueue import prepare_queue, queue_conninfo, run_worker
    from nlp.store.db import init_db

    settings = get_settings()
    conninfo = queue_conninfo(settings.queue, settings.db_url)
    if conninfo is None:
        raise ConfigError(
            "Ingen kö är inställd: sätt BRUKARROST_KO=postgres (och en PostgreSQL-adress i "
            "BRUKARROST_DATABASE_URL). Utan kö kör webbtjänsten jobben själv."
        )
    # Job ids and types only: the jobs' texts never reach the log.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    engine = init_db(settings.db_url)
    prepare_queue(conninfo)
    asyncio.run(run_worker(engine, conninfo, concurrency=samtidiga, heartbeat=settings.queue_heartbeat_seconds))

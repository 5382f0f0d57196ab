"""Alembic environment: runs on a connection handed over by nlp.store.db.init_db,
or on the URL in the config when run from the alembic command line."""

from alembic import context
from sqlalchemy import create_engine

from nlp.store.models import Base
from nlp.store.search import outside_search_index

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=outside_search_index,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(
            connection=conn,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=outside_search_index,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()

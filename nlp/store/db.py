"""Engine and session helpers; the schema is created and upgraded by Alembic only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from nlp.config import get_settings
from nlp.errors import ConfigError
from nlp.private_files import private_sqlite_file
from nlp.sqlite_wal import enable_wal

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Several processes may start at once on one PostgreSQL database (the web service and its
# `brukarrost worker` processes): the migration runs under this advisory lock, one at a time.
MIGRATION_LOCK = 4_716_001
_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    # Deleted content (erasure) is overwritten with zeros instead of lingering in free pages.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()
    enable_wal(dbapi_conn)


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process. SQLite gets foreign keys, WAL and a busy timeout."""
    url = url or get_settings().db_url
    if url not in _engines:
        try:
            if url.startswith("sqlite:///"):
                # Created 0600 in a 0700 directory; SQLite's -wal/-shm files copy that mode.
                db_path = make_url(url).database
                if db_path and db_path != ":memory:" and not db_path.startswith("file:"):
                    private_sqlite_file(Path(db_path))
                engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                args = {}
                if make_url(url).get_driver_name() in ("psycopg", "psycopg2") and "connect_timeout" not in url:
                    args["connect_timeout"] = 10  # an unreachable host fails in seconds, not minutes
                engine = create_engine(url, pool_pre_ping=True, connect_args=args)
        except (NoSuchModuleError, ImportError):
            raise ConfigError(
                "Databastypen i BRUKARROST_DATABASE_URL stöds inte, eller så är dess drivrutin inte "
                "installerad (PostgreSQL: postgresql+psycopg://…, SQLite: sqlite:///…)."
            ) from None
        except ArgumentError:
            # Never echo the URL: it may hold a password.
            raise ConfigError(
                "Databasadressen i BRUKARROST_DATABASE_URL går inte att använda. Skriv den som "
                "en SQLAlchemy-adress, t.ex. postgresql+psycopg://användare@värd:5432/databas "
                "eller sqlite:////sökväg/brukarrost.db."
            ) from None
        _engines[url] = engine
    return _engines[url]


def describe_url(url: str) -> str:
    """Where a database URL points, without user name or password (for error messages)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite-filen {u.database}"
    place = f"{u.host or 'lokala servern'}{f':{u.port}' if u.port else ''}"
    return f"{u.get_backend_name()} på {place}, databasen {u.database or '(ingen angiven)'}"


def check_connection(engine: Engine) -> None:
    """Connect once; an unreachable or unusable database becomes a short Swedish ConfigError."""
    try:
        with engine.connect():
            pass
    except DBAPIError:
        where = describe_url(engine.url.render_as_string(hide_password=True))
        hint = (
            "att mappen finns och går att skriva i (BRUKARROST_DATA_DIR)"
            if engine.url.get_backend_name() == "sqlite"
            else "att servern är igång och att adress, port, användare, lösenord och "
            "databasens namn i BRUKARROST_DATABASE_URL stämmer"
        )
        raise ConfigError(f"Databasen kunde inte öppnas: {where}. Kontrollera {hint}.") from None


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def init_db(url: str | None = None) -> Engine:
    """Create or upgrade the schema to the newest migration and return the engine."""
    engine = get_engine(url)
    check_connection(engine)
    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A transaction: commit on success, roll back everything on any error."""
    session = make_session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()

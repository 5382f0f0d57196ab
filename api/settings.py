"""Settings of the web service (env prefix BRUKARROST_), apart from the pipeline settings."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from nlp.config import get_settings


def _default_upload_dir() -> Path:
    # Outside data/: raw uploads hold personal data and live only while their job needs them.
    return Path(tempfile.gettempdir()) / f"brukarrost-uppladdningar-{os.getuid()}"


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRUKARROST_", extra="ignore")

    database_url: str | None = None
    session_secret: str | None = None
    session_secret_file: Path | None = None
    session_max_age: int = 8 * 3600
    cookie_secure: bool = False  # set true behind HTTPS
    max_upload_mb: float = 50.0
    upload_dir: Path | None = None
    upload_ttl_hours: float = 24.0  # unconfirmed uploads older than this are deleted
    # Failed logins: after login_free_failures for one (account, client) each further one
    # doubles the wait (login_base_delay_seconds, ...) up to login_window_seconds. Across all
    # clients an account waits at most login_account_max_delay_seconds, so nobody can lock
    # the rightful user out for long, nor everyone behind one NAT address.
    login_free_failures: int = 5
    login_base_delay_seconds: float = 2.0
    login_window_seconds: int = 900
    login_account_free_failures: int = 20
    login_account_max_delay_seconds: int = 30
    # Reverse proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated).
    # Default none: the direct peer is the client, loopback included.
    trusted_proxies: str = ""
    # Bearer tokens: short-lived, renewable with POST /api/auth/token/renew up to a limit.
    token_lifetime_seconds: int = 3600
    token_max_lifetime_hours: float = 24.0
    password_min_length: int = 12
    embedded_worker: bool = True
    worker_poll_seconds: float = 1.0

    @property
    def db_url(self) -> str:
        return self.database_url or get_settings().db_url

    @property
    def uploads(self) -> Path:
        return self.upload_dir or _default_upload_dir()

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    def secret(self) -> str:
        """The cookie-signing secret: env var, or a 0600 file beside the pseudonym key."""
        if self.session_secret:
            return self.session_secret
        path = self.session_secret_file or get_settings().key_file.parent / "session.secret"
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        value = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(value)
        return value

"""Switch a SQLite connection to WAL without failing when another process does the same.

SQLite does not call the busy handler for `PRAGMA journal_mode=WAL` in every case (the
switch needs an exclusive lock), so two processes opening a fresh file at once can get
"database is locked" at once despite a timeout. WAL is persistent in the file, so we
only switch when needed and retry briefly.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any


def enable_wal(conn: Any, attempts: int = 100, pause: float = 0.05) -> None:
    """`conn` is a sqlite3 connection or a DB-API connection wrapping one."""
    for attempt in range(attempts):
        cur = conn.cursor()
        try:
            mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(pause)
        finally:
            cur.close()

"""Web pages for analysts, coordinators, validators and admins (issue 7).

Served by the same FastAPI app (api/app.py includes every module here that defines
`router`, see api/registry.py, and mounts STATIC_DIR at /static). Pages are server-rendered
Jinja templates in plain Swedish; they use the API's auth (session cookie + CSRF) and call
the services (api/services) for everything they change. Everything a page needs (CSS, JS,
charts) is served locally: no CDN, no web fonts.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

__all__ = ["STATIC_DIR"]

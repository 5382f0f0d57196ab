"""The FastAPI application: JSON API under /api, web pages (api/web) at the root."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError, OperationalError
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import api.routers
import api.web
from api.access_log import keep_queries_out_of_access_log
from api.registry import routers_in
from api.services.errors import ServiceError
from api.settings import ApiSettings
from api.web.render import SignInRequired, deny
from nlp.config import get_settings
from nlp.jobqueue import QueueDispatcher, prepare_queue, queue_conninfo
from nlp.jobs import EmbeddedWorker, recover_on_startup
from nlp.store.db import init_db, make_session_factory

log = logging.getLogger("brukarrost.api")

_STATUS_SV = {
    400: "Felaktig begäran.",
    401: "Du behöver logga in.",
    403: "Du har inte behörighet till detta.",
    404: "Hittades inte.",
    405: "Metoden är inte tillåten här.",
    406: "Formatet stöds inte.",
    413: "Filen eller begäran är för stor.",
    415: "Filtypen stöds inte.",
    422: "Ogiltiga uppgifter i begäran.",
    429: "För många förfrågningar.",
}

# Swedish wording for the pydantic error types users meet most; the rest get a general text.
_VALIDATION_SV = {
    "missing": "saknas",
    "int_parsing": "måste vara ett heltal",
    "float_parsing": "måste vara ett tal",
    "bool_parsing": "måste vara sant eller falskt",
    "string_too_long": "är för lång",
    "string_too_short": "är för kort",
    "literal_error": "har ett värde som inte är tillåtet",
    "enum": "har ett värde som inte är tillåtet",
    "date_from_datetime_parsing": "måste vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "måste vara ett datum (ÅÅÅÅ-MM-DD)",
    "json_invalid": "är inte giltig JSON",
    "model_attributes_type": "har fel form",
    "dict_type": "måste vara ett objekt",
    "list_type": "måste vara en lista",
    "string_type": "måste vara text",
    "int_type": "måste vara ett heltal",
    "greater_than_equal": "är för litet",
    "less_than_equal": "är för stort",
    "greater_than": "är för litet",
    "less_than": "är för stort",
}


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Never echo the rejected input: it could be answer text.
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body",)]
        field = ".".join(loc) or "begäran"
        text = _VALIDATION_SV.get(str(err.get("type")), "har ett ogiltigt värde")
        out.append({"falt": field, "fel": f"Fältet {field} {text}."})
    return out


def _phrase(code: int) -> str | None:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return None


# Pages, API, static files and errors: scripts and styles only from files served here
# (no inline script, no inline style), never framed, no plugins, forms post only here.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc load Swagger UI / ReDoc from a CDN and start it with an inline
# script; they show no data, so only they get this wider policy.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")


def security_headers(path: str, https: bool) -> dict[str, str]:
    """The headers every response carries; HSTS only over TLS (or behind a TLS proxy)."""
    headers = {
        "Content-Security-Policy": DOCS_CSP if path.startswith(_DOCS_PATHS) else CSP,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers


class SecurityHeadersMiddleware:
    """Adds `security_headers` to every HTTP response; a route may set its own CSP (the
    self-contained report does), which is kept."""

    def __init__(self, app: ASGIApp, *, behind_tls: bool = False) -> None:
        self.app = app
        self.behind_tls = behind_tls

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope.get("path", ""), self.behind_tls or scope.get("scheme") == "https")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        # Starlette's own English texts (unknown route, wrong method) become Swedish.
        if detail is None or detail == _phrase(exc.status_code):
            detail = _STATUS_SV.get(exc.status_code, "Begäran kunde inte utföras.")
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_detail(exc)}, status_code=422)

    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, exc: OperationalError) -> JSONResponse:
        # SQLite has one writer: a long import transaction can hold the lock past the
        # busy timeout. Any other operational error means the database is unreachable
        # (e.g. PostgreSQL restarting): say so rather than blame an import.
        locked = "locked" in str(getattr(exc, "orig", "") or "").lower()
        log.warning("Databasen %s i %s %s", "upptagen" if locked else "onåbar", request.method, request.url.path)
        detail = (
            "Databasen är upptagen just nu (till exempel av en import). Försök igen om en stund."
            if locked
            else "Databasen går inte att nå just nu. Försök igen om en stund; pågående jobb "
            "fortsätter när den är tillbaka."
        )
        return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "10"})

    @app.exception_handler(DataError)
    async def unstorable_value(request: Request, exc: DataError) -> JSONResponse:
        # A value the database refuses as data, e.g. a NUL character (PostgreSQL text cannot
        # hold one) in a query string or a form: the request's fault, not the server's.
        log.warning("Ogiltigt värde för databasen i %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": "Begäran innehåller ett värde som inte kan användas (till exempel ett NUL-tecken)."},
            status_code=400,
        )

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        # Log the type only: exception text may quote data.
        log.error("Internt fel i %s %s: %s", request.method, request.url.path, type(exc).__name__)
        # Starlette sends this one outside all middleware, so the headers are added here.
        https = request.app.state.settings.cookie_secure or request.url.scheme == "https"
        return JSONResponse(
            {"detail": "Ett internt fel uppstod. Försök igen senare."},
            status_code=500,
            headers=security_headers(request.url.path, https),
        )


def _install_service_errors(app: FastAPI) -> None:
    """The one place where the services' errors become HTTP: JSON under /api, a Swedish
    error page for the web pages."""

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=exc.headers)
        response = deny(request, getattr(request.state, "user", None), exc.message, exc.status)
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(exc.location, status_code=303)


def _include_routers(app: FastAPI) -> None:
    """Every router module of api/routers under /api, every page module of api/web at the
    root (api/registry.py), and the pages' static files."""
    for router in routers_in(api.routers):
        app.include_router(router, prefix="/api")
    for router in routers_in(api.web):
        app.include_router(router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=api.web.STATIC_DIR), name="static")


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the app: database migrated to head, routers, web pages, embedded job worker."""
    settings = settings or ApiSettings()
    engine = init_db(settings.db_url)
    keep_queries_out_of_access_log()  # searches are typed words, which may name a person

    # A queue (BRUKARROST_KO): `brukarrost worker` processes run the jobs, this one enqueues.
    queue = queue_conninfo(get_settings().queue, settings.db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        recover_on_startup(engine, settings.uploads, ttl_hours=settings.upload_ttl_hours, resume_running=queue is None)
        worker: EmbeddedWorker | QueueDispatcher | None = None
        if queue is not None:
            prepare_queue(queue)
            worker = QueueDispatcher(engine, queue)
            worker.start()
        elif settings.embedded_worker:
            worker = EmbeddedWorker(
                engine, poll_seconds=settings.worker_poll_seconds, upload_ttl_hours=settings.upload_ttl_hours
            )
            worker.start()
        app.state.worker = worker
        try:
            yield
        finally:
            if worker is not None:
                worker.stop()

    app = FastAPI(
        title="Brukarröst API",
        description="Analys av fritextsvar från brukare och patienter. Alla förslag är förslag, "
        "inte resultat: de visas med säkerhet och underlag.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.worker = None
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret(),
        session_cookie="brukarrost_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.cookie_secure,
    )
    # Added last, so it is the outermost middleware and sees every response.
    app.add_middleware(SecurityHeadersMiddleware, behind_tls=settings.cookie_secure)
    _install_error_handlers(app)
    _install_service_errors(app)
    _include_routers(app)
    return app

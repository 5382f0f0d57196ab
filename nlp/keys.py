"""Which pseudonym key the database's data was made with (key generations).

Every import records the fingerprint of its key. A key is accepted for imports when its
fingerprint is a registered generation: the first key is registered on first use, a later
one only by an explicit admin action (`brukarrost nyckel ny`). So a lost or replaced key
file is detected instead of silently starting a key under which earlier respondents can
no longer be found (and erased).

Imports made before migration 0004 have no fingerprint; the key in use when the first
generation is registered is assumed to be theirs (it cannot be checked: no respondent
id is stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nlp.config import Settings, get_settings
from nlp.errors import ConfigError
from nlp.secret_key import key_fingerprint, load_key, load_or_create_key
from nlp.store import add_audit_entry, init_db, session_scope
from nlp.store.models import Import, KeyGeneration

MISMATCH_MESSAGE = (
    "Nyckeln för pseudonymer stämmer inte med den nyckel som tidigare importer gjordes "
    "med (nyckelfilen har bytts ut eller BRUKARROST_KEY är en annan). Ingen import görs, "
    "eftersom svaren då inte går att radera per respondent. Återställ rätt nyckelfil "
    "(BRUKARROST_KEY_FILE) eller ange rätt BRUKARROST_KEY. Är den gamla nyckeln förlorad "
    "kan en administratör medvetet börja en ny nyckelgeneration med: brukarrost nyckel ny"
)


class KeyMismatchError(ConfigError):
    """The key is not a registered generation while imports with other keys exist."""


@dataclass(frozen=True)
class AcceptedKey:
    key: bytes
    fingerprint: str


def _has_imports(session: Session) -> bool:
    return session.scalar(select(Import.id).limit(1)) is not None


def _generations(session: Session) -> set[str]:
    return set(session.scalars(select(KeyGeneration.fingerprint)))


def _register(session: Session, fingerprint: str, actor: str, action: str) -> None:
    session.add(KeyGeneration(fingerprint=fingerprint, created_by=actor))
    # Imports from before 0004 are adopted by the first generation (see module docstring).
    session.execute(update(Import).where(Import.key_fingerprint.is_(None)).values(key_fingerprint=fingerprint))
    add_audit_entry(session, actor, action, "nyckelgeneration", fingeravtryck=fingerprint[:8])
    session.flush()


def key_for_import(session: Session, *, actor: str = "cli", settings: Settings | None = None) -> AcceptedKey:
    """The key to pseudonymise a new import with, or a Swedish ConfigError.

    Creates a key only while the database holds no imports; refuses a key that is not a
    registered generation when imports made with another key exist."""
    key = load_or_create_key(settings, create=not _has_imports(session))
    fp = key_fingerprint(key)
    generations = _generations(session)
    if fp in generations:
        return AcceptedKey(key, fp)
    known = set(session.scalars(select(Import.key_fingerprint).distinct())) - {None}
    if generations or known:
        raise KeyMismatchError(MISMATCH_MESSAGE)
    _register(session, fp, actor, "nyckel_forsta")
    return AcceptedKey(key, fp)


def key_for_files(settings: Settings | None = None) -> bytes:
    """The key for commands that pseudonymise files without storing them (CLI): the
    existing key, else one created under the same rule as for imports (not when the
    database already holds imports)."""
    key = load_key(settings)
    if key is not None:
        return key
    url = (settings or get_settings()).db_url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return load_or_create_key(settings)  # no database, so no imports (and none created)
    with session_scope(init_db(url)) as session:
        return key_for_import(session, settings=settings).key


def key_for_erasure(session: Session, settings: Settings | None = None) -> AcceptedKey:
    """The current key, never created here. Adopts pre-0004 imports like an import would."""
    key = load_or_create_key(settings, create=False)
    fp = key_fingerprint(key)
    if not _generations(session) and not (set(session.scalars(select(Import.key_fingerprint).distinct())) - {None}):
        _register(session, fp, "radering", "nyckel_forsta")
    return AcceptedKey(key, fp)


def start_new_generation(session: Session, actor: str, settings: Settings | None = None) -> str:
    """Admin action: accept the current key (created now if there is none) as a new
    generation. Earlier imports stay, but their respondents can no longer be erased by id.
    Returns the fingerprint's first 8 characters."""
    key = load_or_create_key(settings, create=True)
    fp = key_fingerprint(key)
    if fp not in _generations(session):
        _register(session, fp, actor, "nyckel_ny_generation")
    return fp[:8]


def key_status(session: Session, settings: Settings | None = None) -> dict[str, object]:
    """For `brukarrost nyckel status`: is there a key, and which imports does it reach."""
    key = load_key(settings)
    fp = key_fingerprint(key) if key is not None else None
    rows = session.execute(select(Import.key_fingerprint, Import.id)).all()
    return {
        "nyckel_finns": key is not None,
        "fingeravtryck": fp[:8] if fp else None,
        "godkand": fp in _generations(session) if fp else False,
        "importer": len(rows),
        "importer_med_annan_nyckel": sum(1 for f, _ in rows if f is not None and f != fp),
        "importer_utan_fingeravtryck": sum(1 for f, _ in rows if f is None),
    }

"""Passwords: hashing (argon2id) and the policy: long enough, not common, not trivial, not
the user name.

Shared by the API (POST /api/users, POST /api/auth/password), the web forms and
`brukarrost anvandare skapa`. The common-password list and the guessability estimate come
from zxcvbn (Dropbox's estimator; its 30 000 most common leaked passwords ship with it).
Messages are Swedish and never repeat the password.
"""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from nlp.store.models import User

_hasher = PasswordHasher()  # argon2id with the library's current defaults

DEFAULT_MIN_LENGTH = 12
MAX_LENGTH = 1000
# zxcvbn score 0–4; below 2 means "guessable within about a million tries".
MIN_SCORE = 2


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, username: str = "", min_length: int = DEFAULT_MIN_LENGTH) -> str | None:
    """Why the password is not allowed, in Swedish; None when it is fine."""
    if len(password) < min_length:
        return f"Lösenordet måste ha minst {min_length} tecken."
    if len(password) > MAX_LENGTH:
        return f"Lösenordet får ha högst {MAX_LENGTH} tecken."
    lowered = password.lower()
    name = username.strip().lower()
    if len(name) >= 3 and name in lowered:
        return "Lösenordet får inte innehålla användarnamnet."
    if len(set(lowered)) <= 2:
        return "Lösenordet får inte bara bestå av ett eller två upprepade tecken."
    if lowered in _common():
        return "Lösenordet finns i listor över vanliga lösenord. Välj ett annat, till exempel en fras med flera ord."
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:100], user_inputs=[name] if name else [])
    matches = result.get("sequence") or []
    if len(matches) == 1 and matches[0].get("pattern") in ("repeat", "sequence", "spatial"):
        return "Lösenordet får inte bara vara upprepningar eller en enkel följd (som abcd, 1234 eller qwerty)."
    if int(result.get("score", 0)) < MIN_SCORE:
        return (
            "Lösenordet är för lätt att gissa (vanliga ord, namn, årtal eller följder). "
            "Välj ett längre, till exempel en fras med flera ord."
        )
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash was made with weaker settings than today's (rehash on login)."""
    return _hasher.check_needs_rehash(password_hash)


def end_sessions(db: Session, user: User) -> None:
    """End every session cookie and bearer token of the user (caller commits): both carry
    the user's session_generation, which this bumps."""
    user.session_generation = (user.session_generation or 0) + 1

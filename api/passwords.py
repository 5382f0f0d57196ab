"""Password policy: long enough, not common, not trivial, not the user name.

Shared by the API (POST /api/users, POST /api/auth/password), the web forms and
`brukarrost anvandare skapa`. The common-password list and the guessability estimate come
from zxcvbn (Dropbox's estimator; its 30 000 most common leaked passwords ship with it).
Messages are Swedish and never repeat the password.
"""

from __future__ import annotations

from functools import lru_cache

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
        return ("Lösenordet är för lätt att gissa (vanliga ord, namn, årtal eller följder). "
                "Välj ett längre, till exempel en fras med flera ord.")
    return None

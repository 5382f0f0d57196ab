"""The pseudonym key's names, kept importable here: the key itself lives in nlp/secret_key.py,
a core module, because the embedding cache derives its HMAC key from it too."""

from nlp.secret_key import (
    MISSING_KEY_MESSAGE,
    KeyFileError,
    KeyMissingError,
    derive_key,
    key_fingerprint,
    load_key,
    load_or_create_key,
)

__all__ = [
    "MISSING_KEY_MESSAGE",
    "KeyFileError",
    "KeyMissingError",
    "derive_key",
    "key_fingerprint",
    "load_key",
    "load_or_create_key",
]

"""Swedish pseudonymisation: every text passes here before it is embedded, stored or shown.

    key = load_or_create_key()
    p = Pseudonymiser(key)             # one instance per import: consistent pseudonyms
    p.pseudonymise(text).text          # "Ring [PERSON_1] på [TELEFON_1]"
    pseudonymise_stream(p, rows, text_of)  # many texts, on every core, the same result
    pseudonymise_stream(p, rows, text_of, cache=SpanCache(key, p.finder))  # finds read back

A kind of personal data is one file in categories/ (see categories/__init__.py).
"""

from nlp.pseudonymise.categories import CATEGORIES, DESCRIPTIONS, REGISTRY
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.files import PseudonymisedRow, TextRow, jsonl_text_rows, pseudonymise_rows
from nlp.pseudonymise.parallel import processes_setting, pseudonymise_stream
from nlp.pseudonymise.pseudonymiser import Pseudonymised, Pseudonymiser, SpanFinder, resolve
from nlp.pseudonymise.recognisers.words import unknown_word
from nlp.pseudonymise.span_cache import SpanCache, forget_finds
from nlp.secret_key import KeyFileError, derive_key, key_fingerprint, load_key, load_or_create_key

__all__ = [
    "CATEGORIES",
    "DESCRIPTIONS",
    "REGISTRY",
    "Category",
    "KeyFileError",
    "Pseudonymised",
    "PseudonymisedRow",
    "Pseudonymiser",
    "SpanCache",
    "SpanFinder",
    "TextRow",
    "derive_key",
    "forget_finds",
    "jsonl_text_rows",
    "key_fingerprint",
    "load_key",
    "load_or_create_key",
    "processes_setting",
    "pseudonymise_rows",
    "pseudonymise_stream",
    "resolve",
    "unknown_word",
]

"""spaCy's Swedish stop words and lookup lemmas, read from the installed packages' data files.

Importing spaCy costs ~2 CPU s and ~200 MB, most of it torch, which thinc looks for: too much
for the pseudonymiser, the classifier's evidence and the theme names, which only want two word
lists. Both are plain data (MIT): `spacy/lang/sv/stop_words.py` holds one string literal, and
spacy-lookups-data ships the lemma table as gzipped JSON. Neither package is imported.
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from nlp.errors import ConfigError


def _package_dir(name: str) -> Path:
    # find_spec of a top-level package locates it without running its __init__
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"Paketet {name} saknas. Installera om Brukarröst (make setup).")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_stop_words(lang: str = "sv") -> frozenset[str]:
    source = (_package_dir("spacy") / "lang" / lang / "stop_words.py").read_text(encoding="utf-8")
    # The file is `STOP_WORDS = set("""...""".split())`: parse it, execute nothing.
    literals = [
        n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    if not literals:
        raise ConfigError("spaCys svenska stoppordlista gick inte att läsa. Installera om Brukarröst (make setup).")
    return frozenset(max(literals, key=len).split())


# spaCy's Swedish stop words (spacy.lang.sv.stop_words.STOP_WORDS), lower case; a few ms to read
SWEDISH_STOP_WORDS: frozenset[str] = _read_stop_words()


@lru_cache(maxsize=1)
def neighbour_stop_words() -> frozenset[str]:
    """Stop words of Finnish, Norwegian (bokmål) and Danish (spaCy's lists, MIT) that are no
    Swedish stop words: "olen", "ei", "hun", "jeg", "ikke". Read on first need."""
    return (_read_stop_words("fi") | _read_stop_words("nb") | _read_stop_words("da")) - SWEDISH_STOP_WORDS


@lru_cache(maxsize=1)
def swedish_lemma_table() -> dict[str, str]:
    """spacy-lookups-data's Swedish lookup lemmas: word form -> lemma."""
    path = _package_dir("spacy_lookups_data") / "data" / "sv_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        table: dict[str, str] = json.load(f)
    return table

"""nlp.lexicon reads spaCy's Swedish word lists from the packages' data files, without spaCy."""

import subprocess
import sys

import pytest

from nlp.config import PROJECT_ROOT
from nlp.lexicon import SWEDISH_STOP_WORDS, swedish_lemma_table

pytestmark = pytest.mark.utan_databas


def test_stop_words_are_spacys_own() -> None:
    from spacy.lang.sv.stop_words import STOP_WORDS

    assert SWEDISH_STOP_WORDS == frozenset(STOP_WORDS)
    assert {"och", "att", "inte"} <= SWEDISH_STOP_WORDS


def test_lemma_table_is_the_one_spacys_lookup_lemmatiser_uses() -> None:
    import spacy

    nlp = spacy.blank("sv")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = lemmatizer.lookups.get_table("lemma_lookup")
    ours = swedish_lemma_table()
    assert len(ours) == len(table) > 100_000
    assert all(table[k] == v for k, v in ours.items())


def test_pseudonymising_and_naming_themes_never_import_spacy_or_torch() -> None:
    # importing spaCy costs ~2 CPU s and pulls in torch: not for two word lists
    code = (
        "import sys\n"
        "from nlp.pseudonymise import Pseudonymiser\n"
        "from nlp.themes.representation import stop_words, swedish_tokens\n"
        "Pseudonymiser(b'k' * 32).find('Anna Svensson bor på Storgatan 3 i Karlstad, regnr ABC 123.')\n"
        "assert swedish_tokens('Svaren kom snabbt') and 'och' in stop_words()\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

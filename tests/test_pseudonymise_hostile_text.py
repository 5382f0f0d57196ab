"""Texts built to make a recogniser's regular expression backtrack for ever (ReDoS): every
recogniser must finish on long runs of the characters its patterns repeat. Found on an e-mail
with Outlook's line of underscores: 32 of them and an "at" anywhere took 3 s, 40 minutes.

Run in a child process with a generous limit, so a regression fails instead of hanging CI;
the limit is about termination (the texts take well under a second), not a speed target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent

# Pieces that the recognisers' patterns repeat: separators, name and number tokens, words that
# stand for "@" and ".", digits with separators, street and unit words.
_PIECES = [
    "_",
    "-",
    "=",
    "a-",
    "a_",
    "a.",
    "x-punkt-",
    "x-at-",
    "a punkt ",
    "a . ",
    "a underscore ",
    "1",
    "1 ",
    "1-",
    "12-",
    "1.",
    "1/",
    "1,",
    "1:",
    "(1)",
    "+46 ",
    "0",
    "1 2 ",
    "ett ",
    "sju ",
    "nittio ",
    "noll ",
    "A ",
    "Aa ",
    "Aa-",
    "Aa. ",
    "Aa-Aa ",
    "Aa Aa ",
    "A.",
    "aa, ",
    "a/",
    "1a",
    "a1",
    "Gatan 1 ",
    "vägen ",
    "lgh ",
    "von ",
    "Aa's ",
    ":)",
    "..",
    "\n",
    "  ",
    "www.",
    "https://a",
    "#",
    "@a",
    "a@",
]
_CONTEXT = " at x punkt se, ring 070 eller mejla, personnr "

_SCRIPT = """
import sys
from nlp.pseudonymise import Pseudonymiser
p = Pseudonymiser(b"hostile-text-test-key-0123456789ab")
for piece in sys.argv[1:]:
    for text in (piece * 300 + _CONTEXT, _CONTEXT + piece * 300):
        p.find(text)
print("ok")
""".replace("_CONTEXT", repr(_CONTEXT))


def test_every_recogniser_finishes_on_long_repeated_runs() -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT, *_PIECES], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
    except subprocess.TimeoutExpired:
        pytest.fail("en igenkännare blev inte klar på upprepade tecken (katastrofal backtracking)")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_the_atomic_words_still_find_written_out_addresses() -> None:
    from nlp.pseudonymise.recognisers.written_out import find_written_email

    for text in (
        "lena punkt berg at gmail punkt com",
        "j-berg_72 (at) hotmail . se",
        "tomas underscore berg at outlook punkt com",
    ):
        assert [s.label for s in find_written_email(text)] == ["EPOST"], text

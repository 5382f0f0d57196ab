"""The CLI's frame speaks Swedish: typer's panels and click's usage errors, run for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nlp.cli.sv import translate

BRUKARROST = Path(sys.executable).parent / "brukarrost"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    if not BRUKARROST.exists():
        pytest.skip(f"kommandot brukarrost är inte installerat bredvid {sys.executable}")
    return subprocess.run(
        [str(BRUKARROST), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_help_panels_are_swedish() -> None:
    out = _run("klassificera", "--help").stdout
    assert "─ Argument " in out and "─ Val " in out and "[krävs]" in out and "[standard: samsjuklighet]" in out
    assert "Options" not in out and "[required]" not in out and "[default:" not in out


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (["analysera"], "Argumentet 'export' saknas."),
        (["analysera", "--finnsinte", "x.csv"], "Valet --finnsinte finns inte."),
        (["klassificera", "x.jsonl", "--tackning", "abc"], "skriv ett tal, till exempel 0.9."),
        (["finnsinte"], "Kommandot 'finnsinte' finns inte."),
    ],
)
def test_usage_errors_are_swedish(args: list[str], swedish: str) -> None:
    res = _run(*args)
    assert res.returncode != 0
    text = " ".join(res.stderr.split())  # the error panel wraps lines
    assert swedish in text, res.stderr
    assert "Fel" in res.stderr and "för hjälp" in res.stderr
    assert "Missing" not in res.stderr and "No such" not in res.stderr


def test_unknown_messages_pass_through() -> None:
    assert translate("Something new in a later typer.") == "Something new in a later typer."
    assert (
        translate("Invalid value for '--x': 'q' is not a valid integer.")
        == "Ogiltigt värde för '--x': 'q' är inget heltal."
    )

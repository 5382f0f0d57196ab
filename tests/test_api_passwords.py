"""Password policy (api/passwords.py): the rule itself, and `brukarrost anvandare skapa`
refusing a weak password in Swedish (run as a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from api.passwords import password_problem
from nlp.store.db import session_scope
from nlp.store.models import User


@pytest.mark.parametrize(
    ("password", "username", "reason"),
    [
        ("aaaaaaaaaa", "", "minst 12 tecken"),  # accepted before issue 13
        ("aaaaaaaaaaaa", "", "upprepade"),
        ("abababababab", "", "upprepade"),
        ("abcdefghijklmn", "", "följd"),
        ("123456789012", "", "lätt att gissa"),
        ("password1234", "", "vanliga lösenord"),
        ("iloveyou1234", "", "lätt att gissa"),
        ("Kalle.Anka-2024", "kalle.anka", "användarnamnet"),
    ],
)
def test_weak_passwords_have_a_swedish_reason(password: str, username: str, reason: str) -> None:
    problem = password_problem(password, username)
    assert problem is not None and reason in problem
    assert password not in problem


@pytest.mark.parametrize("password", ["kanelbulle-med-kardemumma", "Lösen-för-test-123", "ett-langt-losenord-42"])
def test_passphrases_pass(password: str) -> None:
    assert password_problem(password, "analytiker") is None


def test_minimum_length_is_a_setting() -> None:
    assert "minst 16 tecken" in (password_problem("kanel-bulle-99", "", min_length=16) or "")


def _create(env: dict[str, str], name: str, password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nlp.cli", "anvandare", "skapa", name, "--roll", "analyst"],
        env=dict(env, BRUKARROST_NYTT_LOSENORD=password),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_refuses_weak_passwords_in_swedish(engine: Engine, tmp_path: Path) -> None:
    env = dict(os.environ)
    weak = _create(env, "ny_analytiker", "aaaaaaaaaaaa")
    assert weak.returncode != 0
    assert "Lösenordet får inte bara bestå av ett eller två upprepade tecken." in weak.stderr
    assert "aaaaaaaaaaaa" not in weak.stderr + weak.stdout
    short = _create(env, "ny_analytiker", "kort-fras")
    assert short.returncode != 0 and "minst 12 tecken" in short.stderr
    ok = _create(env, "ny_analytiker", "kanelbulle-med-kardemumma")
    assert ok.returncode == 0, ok.stderr
    with session_scope(engine) as s:
        assert s.scalars(select(User.username)).all() == ["ny_analytiker"]

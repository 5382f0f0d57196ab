"""The guards that skip a pattern on texts without its required strings (recognisers/prefilter.py)
must never skip a text the pattern matches: the finds stay exactly the pattern's."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path

import pytest

from nlp.pseudonymise.recognisers import prefilter
from nlp.pseudonymise.recognisers.prefilter import Guarded, folded, guarded, required_literals

pytestmark = pytest.mark.utan_databas

ROOT = Path(__file__).resolve().parent.parent


def _strings(pattern: str, flags: int = 0) -> set[str] | None:
    req = required_literals(re.compile(pattern, flags))
    return None if req is None else {s for s, _ in req}


def test_every_character_the_engine_matches_case_insensitively_folds_like_the_guard_letter() -> None:
    # over all of Unicode: "İ", "ı", "ſ", the Kelvin sign … fold to what the guard tests for
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in sorted(prefilter._SAFE):
        for m in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert folded(m.group(0)) == folded(letter), (letter, hex(ord(m.group(0))))


def test_required_strings_of_constructions() -> None:
    assert _strings(r"(?<![\w-])(?:[Vv]årdcentralen|BUP)[ \t]+[A-Z][a-z]+") == {"Vårdcentralen", "vårdcentralen", "BUP"}
    assert _strings(r"(?:stora[ \t]+)?torget") == {"torget"}
    assert _strings(r"(?i:kliniken|klinik)\b") == {"klinik"}  # "kliniken" holds "klinik"
    assert _strings(r"\d+[ \t]*år") == {"år"}
    # a match needs none: an optional word, any word
    assert _strings(r"(?:torget)?\w+") is None
    assert _strings(r"[A-ZÅÄÖ][a-zåäö]+") is None
    assert _strings(r"x|\w") is None


def test_a_case_insensitive_part_is_tested_on_the_folded_text() -> None:
    pattern = guarded(re.compile(r"(?<![\w-])(?i:mottagningen)[ \t]+i[ \t]+([A-Z][a-z]+)"))
    for text in ("MOTTAGNINGEN i Kil", "Mottagningen i Kil", "mottagnıngen i Kil", "MOTTAGNİNGEN i Kil"):
        assert [m.group(1) for m in pattern.finditer(text)] == ["Kil"], text
    assert list(pattern.finditer("Vårdcentralen i Kil")) == []
    prefilter.forget()


def test_a_pattern_with_no_required_string_runs_on_every_text() -> None:
    pattern = guarded(re.compile(r"\b[A-Z]\w+"))
    assert pattern.guard == ()
    assert pattern.search("Anna ringde").group(0) == "Anna"


def test_the_folded_copy_is_forgotten_when_a_text_is_done() -> None:
    from nlp.pseudonymise import Pseudonymiser

    Pseudonymiser(b"test-key-not-secret-0000000000000").find("Jag låg på mottagningen i Arvika.")
    assert not any(view.holds_text for view in prefilter._VIEWS)


def test_a_per_text_view_is_computed_once_per_text_and_forgotten() -> None:
    calls: list[str] = []
    view = prefilter.PerText(lambda text: calls.append(text) or len(text))
    assert view("Kalle Ek") == 8
    assert view("Kalle Ek") == 8  # asked again by the next recogniser: not recomputed
    assert view("Stina") == 5
    assert calls == ["Kalle Ek", "Stina"]
    prefilter.forget()
    assert not view.holds_text


def test_the_shared_tokens_are_the_token_pattern_s_words() -> None:
    from nlp.pseudonymise.recognisers.words import TOKEN, tokens

    text = "Per-Olof O'Neil ringde 3 ggr, Åsa-Li svarade."
    assert tokens(text) == tuple((m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text))
    assert tokens(text)[0] == (0, 8, "Per-Olof")
    prefilter.forget()


def _guarded_patterns() -> list[tuple[str, Guarded]]:
    found: dict[int, tuple[str, Guarded]] = {}
    for package in ("nlp.pseudonymise.recognisers", "nlp.pseudonymise.categories"):
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            module = importlib.import_module(f"{package}.{info.name}")
            for name, value in vars(module).items():
                values = value if isinstance(value, (list, tuple)) else [value]
                for k, v in enumerate(values):
                    if isinstance(v, Guarded):
                        found.setdefault(id(v), (f"{info.name}.{name}[{k}]", v))
    return sorted(found.values(), key=lambda item: item[0])


def test_the_recognisers_guard_patterns_with_required_strings() -> None:
    patterns = _guarded_patterns()
    assert len(patterns) >= 50
    # a guard that tests nothing only costs: each guarded pattern has strings to test
    assert [name for name, p in patterns if not p.guard] == []


def test_no_guard_skips_a_text_its_pattern_matches() -> None:
    # the blind sets: texts by other authors, with every kind of personal data in them
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "benchmarks" / "data").glob("pii_blind*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) > 1000
    skipped_matches = []
    matched = 0
    for name, pattern in _guarded_patterns():
        for text in texts:
            hit = pattern._pattern.search(text) is not None
            matched += hit
            if hit and not pattern.may_match(text):
                skipped_matches.append(name)
                break
    prefilter.forget()
    assert skipped_matches == []
    assert matched > 1000  # the patterns do match there: the check above has something to check


@pytest.mark.parametrize("text", ["BUP Karlstad ringde", "bup karlstad", "Inga enheter här"])
def test_a_guarded_pattern_finds_what_the_pattern_finds(text: str) -> None:
    raw = re.compile(r"(?<![\w-])(?:BUP|[Vv]årdcentralen)[ \t]+([A-ZÅÄÖ][a-zåäö]+)")
    assert [m.span() for m in guarded(raw).finditer(text)] == [m.span() for m in raw.finditer(text)]

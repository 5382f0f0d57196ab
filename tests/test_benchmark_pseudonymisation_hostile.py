"""benchmarks/pseudonymisation_hostile.py runs: every shape is built to its size and goes through
find and pseudonymise, and the per-recogniser breakdown names real recognisers. Tiny sizes: this
checks that the benchmark works, not how fast the pseudonymiser is (the benchmark prints that)."""

from __future__ import annotations

import pytest

from benchmarks import pseudonymisation_hostile as hostile

pytestmark = pytest.mark.utan_databas


@pytest.mark.parametrize("shape", sorted(hostile.SHAPES.values()))
def test_every_shape_is_built_to_its_size(shape: str) -> None:
    assert len(hostile.cell(shape, 301)) in (300, 301)  # brackets: opened and closed in equal numbers
    assert hostile.cell(shape, 301).strip(shape) == "" or shape == "([{"


def test_the_benchmark_runs_every_shape_and_names_the_recognisers(capsys: pytest.CaptureFixture[str]) -> None:
    rows = hostile.run([120], hostile.SHAPES, limit=1e9, per_recogniser=True)
    assert sorted(r[0] for r in rows) == sorted(hostile.SHAPES)
    assert all(r[1] == 120 and r[2] >= 0 and r[3] >= 0 for r in rows)
    out = capsys.readouterr().out
    assert "Sämst:" in out and "nlp.pseudonymise." in out

"""benchmarks/theme_imports.py: which old themes carry a refit's lost keys."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from theme_imports import lost_by_theme  # noqa: E402

from nlp.themes import ProjectTheme, ProjectThemes  # noqa: E402

pytestmark = pytest.mark.utan_databas


def _theme(key: str, size: int) -> ProjectTheme:
    return ProjectTheme(key=key, centroid=np.ones(3) / np.sqrt(3), size=size, threshold=0.5, floor=0.4)


def test_lost_by_theme_counts_answers_that_changed_key_per_old_theme() -> None:
    old = ProjectThemes(
        [_theme("T1", 4), _theme("T2", 3)], {1: "T1", 2: "T1", 3: "T1", 4: "T1", 5: "T2", 6: "T2", 7: "T2", 8: None}
    )
    # T1 is cut in two (two of its answers get a new key), one T2 answer falls into övrigt,
    # the earlier övrigt answer finding a theme is no loss.
    new = ProjectThemes([], {1: "T1", 2: "T1", 3: "T9", 4: "T9", 5: "T2", 6: "T2", 7: None, 8: "T2"})
    assert lost_by_theme(old, new, list(range(1, 9))) == [("T1", 2, 4), ("T2", 1, 3)]
    assert lost_by_theme(old, new, list(range(1, 9)), top=1) == [("T1", 2, 4)]
    assert lost_by_theme(old, old, list(range(1, 9))) == []

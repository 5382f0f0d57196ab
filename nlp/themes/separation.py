"""Whether a part of a theme lies apart from the rest of it, or is a stretch of one spread.

A refit (nlp/themes/refit.py) splits an old theme when a fresh fit cuts it and independent
fits consent. Fits agree on a cut also where a theme is one continuous spread of answers with
denser spots in it: UMAP and HDBSCAN then choose between the theme and its denser spots by a
narrow margin (excess of mass), seed by seed. On a synthetic project (tests/test_project_themes.py,
broad topics whose answers mix four nearby directions) the first import kept one broad topic as
one theme of 300 answers, and the fresh fit of 10 % more answers cut it into 2-8 parts in all
16 random states 42-57; the fits of half the answers put the parts apart too in 5 of them
(states 43, 44, 51, 53, 57), so those refits split it and kept 79.7-93.8 % of keys.

What tells the two apart is the space between part and rest: two topics put in one theme have
few answers between them (none on the synthetic topics), a spread cut in pieces has more there
than at its emptier end (1.04-2.61 times as many on the broad topic above) where it is densest
inside, about as many where it is even (the borderline: chance decides). So the theme's
answers are projected on the line from the centroid of the rest to the centroid of the part,
and the part is apart when fewer of them lie in the middle third of that line than within a
sixth of its length around the emptier end (a valley, as a density with two modes has).
The rest, not another part, is the other end: where a theme holds three topics, the third lies
midway between any two of them, but not between one of them and the other two.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.themes.vectors import Matrix, mean_rows, products


def apart_from_rest(emb: Matrix, rows: Sequence[int] | np.ndarray, in_part: Sequence[bool] | np.ndarray) -> bool:
    """Whether the answers of a theme (`rows` of `emb`) flagged `in_part` lie apart from the
    rest of the theme's answers: a valley between the two along the line joining their
    centroids (module docstring)."""
    rows = np.asarray(rows)
    in_part = np.asarray(in_part, dtype=bool)
    if in_part.all() or not in_part.any():
        return False
    rest = mean_rows(emb, rows[~in_part])
    axis = mean_rows(emb, rows[in_part]) - rest
    length = float(axis @ axis)
    if length <= 0.0:
        return False
    # Position of each answer on the line: 0 at the rest's centroid, 1 at the part's.
    t = (products(emb, rows, axis) - float(rest @ axis)) / length
    middle = np.count_nonzero((t > 1 / 3) & (t <= 2 / 3))
    ends = min(np.count_nonzero(np.abs(t) <= 1 / 6), np.count_nonzero(np.abs(t - 1) <= 1 / 6))
    return bool(middle < ends)

"""A fit's themes named the way a project's are, after the taxonomy label most answers carry.

One naming for every path: a single import (nlp.pipeline.analysis.find_themes), a file's
themes (`brukarrost teman`), a project and its refits (nlp.pipeline.project) all name their
themes with nlp.themes.naming.name_themes, and a name a person gave a theme goes first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME
from nlp.themes.naming import Embed, name_themes
from nlp.themes.representation import make_label
from nlp.themes.result import ThemeResult


def majority_label(labels: Sequence[Sequence[str]], min_share: float = 0.4) -> str | None:
    """The taxonomy label most of a theme's answers carry, when at least min_share of them do."""
    counts = Counter(lab for labs in labels for lab in set(labs))
    if not counts or not labels:
        return None
    lab, c = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return lab if c / len(labels) >= min_share else None


def label_titles(
    main: Sequence[Any], labels: Sequence[Sequence[str]] | None, titles: Mapping[str, str] | None = None
) -> dict[Any, str]:
    """theme → the title of the taxonomy label most of its answers carry (majority_label);
    `main` and `labels` are row-aligned, None in `main` (övrigt) is skipped."""
    if labels is None:
        return {}
    by_theme: dict[Any, list[Sequence[str]]] = defaultdict(list)
    for t, labs in zip(main, labels):
        if t is not None:
            by_theme[t].append(labs)
    out = {}
    for t, labs in by_theme.items():
        lab = majority_label(labs)
        if lab is not None:
            out[t] = (titles or {}).get(lab, lab)
    return out


def name_result(
    result: ThemeResult,
    texts: Sequence[str],
    vectors: np.ndarray,
    embed: Embed,
    *,
    record_ids: Sequence[Any],
    labels: Sequence[Sequence[str]] | None = None,
    titles: Mapping[str, str] | None = None,
    valence: Sequence[str | None] | None = None,
) -> ThemeResult:
    """Every theme of a fit named as a project's themes are (name_themes with the majority
    taxonomy label), from the answers `record_ids` (row-aligned with texts, vectors and
    `labels`, the classified label ids; `titles`: label id → title; `valence`: each answer's,
    for the names' tone). A theme a person has
    named keeps that name; the generated one is kept beside it (auto_label)."""
    of = result.main_theme()
    main = [of.get(r) for r in record_ids]
    main = [None if t is None or t == OTHER_THEME else t for t in main]
    names = name_themes(texts, vectors, main, embed, label_titles=label_titles(main, labels, titles), valence=valence)
    for theme in result.themes:
        if theme.id not in names:
            if not theme.label:  # fitted without a word label, and none of its answers named here
                theme.label, theme.phrase = make_label(theme.words)
            continue
        name, theme.phrase, _ = names[theme.id]
        if "namn" in theme.edited:
            theme.auto_label = name
        else:
            theme.label = name
    return result

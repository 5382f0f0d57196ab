"""A project's themes over four imports (called by `python benchmarks/themes.py --imports`).

The reviews are shuffled (seed 42) and split into four quarters, dated in the months of
their quarter; the planted answers (benchmarks/data/planterat_parkeringsavgift.txt, written
for this benchmark) are added to the last quarter only. Each quarter is then analysed into
the project's themes as an import (nlp.pipeline.update_project_themes, as analyse_project
does, without the database), timed with a warm model and the vector cache. Printed per
import: seconds, themes, share of earlier answers that keep their key, outliers, new themes
and signals; then where the planted answers went, a full refit matched to the themes, and
how many names contain a stop word.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

PLANTED = Path(__file__).resolve().parent / "data" / "planterat_parkeringsavgift.txt"
QUARTERS = 4


def planted_answers() -> list[str]:
    return [line.strip() for line in PLANTED.open(encoding="utf-8") if line.strip() and not line.startswith("#")]


def _split(texts: list[str]) -> tuple[list[str], list[int], dict[int, int], dict[int, date]]:
    """(texts, ids, import of each id, date of each id): shuffled quarters, planted in the last."""
    order = list(range(len(texts)))
    random.Random(42).shuffle(order)
    planted = planted_answers()
    all_texts = list(texts) + planted
    import_of, date_of, ids = {}, {}, []
    for q in range(QUARTERS):
        members = order[q::QUARTERS] + (list(range(len(texts), len(all_texts))) if q == QUARTERS - 1 else [])
        for j, i in enumerate(members):
            import_of[i] = q + 1
            date_of[i] = date(2025, 3 * q + 1 + j % 3, 1 + j % 28)
            ids.append(i)
    return all_texts, ids, import_of, date_of


def _stop_word_share(names: list[str]) -> tuple[float, list[str]]:
    from nlp.themes import name_stop_words

    stops = name_stop_words()
    bad = [n for n in names if any(w in stops for w in re.findall(r"[^\W\d_]+", n.lower()))]
    return (len(bad) / len(names) if names else 0.0), bad


def run_imports(texts: list[str], vectors_path: str | None = None, kind: str = "passage") -> None:
    """`vectors_path`: saved vectors of the reviews (row for row, of `kind`), so that a shared,
    loaded machine need not embed them again; the planted answers are embedded here."""
    from nlp.embed import embed_texts
    from nlp.pipeline.project import theme_names, update_project_themes
    from nlp.themes import project_signals

    def embed(batch: list[str]) -> np.ndarray:
        return embed_texts(batch, kind=kind)  # type: ignore[arg-type]

    all_texts, ids, import_of, date_of = _split(texts)
    t0 = time.perf_counter()
    if vectors_path:
        saved = np.load(vectors_path)[: len(texts)]
        vectors = np.vstack([saved, embed(all_texts[len(texts) :])]).astype(np.float32)
    else:
        vectors = embed(all_texts)
    print(f"vectors ({kind}) of {len(all_texts)} answers: {time.perf_counter() - t0:.1f} s", flush=True)
    planted = set(range(len(texts), len(all_texts)))
    state, names = None, {}
    so_far: list[int] = []
    for q in range(1, QUARTERS + 1):
        so_far += [i for i in ids if import_of[i] == q]
        sub_texts, sub_vec = [all_texts[i] for i in so_far], vectors[so_far]
        t0 = time.perf_counter()
        new = update_project_themes(sub_texts, sub_vec, so_far, state=state, import_of=import_of, latest=q)
        t_themes = time.perf_counter() - t0
        names = theme_names(new, sub_texts, sub_vec, so_far, embed)
        t_all = time.perf_counter() - t0
        periods = {i: f"{date_of[i]:%Y-%m}" for i in so_far}
        created = {t.key: t.created_in for t in new.themes}
        flags = project_signals(new.main, periods, import_of, list(range(1, q + 1)), None, created)
        _print_import(q, state, new, so_far, t_themes, t_all, flags, planted)
        state = new
    _print_planted(state, planted, flags, names)
    _print_refit(state, all_texts, vectors, so_far, import_of)
    share, bad = _stop_word_share([n[0] for n in names.values()])
    print(f"names with a stop word: {share:.1%} of {len(names)} {bad[:5]}")
    from theme_names_sample import name_figures

    fig = name_figures([n[0] for n in names.values()])
    print(
        f"bare evaluative or no noun: {fig['bare_evaluative_or_no_noun'][0]:.1%}, "
        f"greeting/thanks: {fig['courtesy'][0]:.1%}, duplicate names: {fig['duplicates']}"
    )
    for key, (name, _phrase, _) in sorted(names.items(), key=lambda kv: -state.theme(kv[0]).size)[:15]:
        print(f"  {key:>4} {state.theme(key).size:5d}  {name}")


def _print_import(
    q: int, old: Any, new: Any, so_far: list[int], t_themes: float, t_all: float, flags: dict, planted: set
) -> None:
    earlier = [i for i in so_far if old is not None and i in old.main]
    kept = sum(old.main[i] == new.main.get(i) for i in earlier) / len(earlier) if earlier else 1.0
    out = sum(new.main.get(i) is None for i in so_far) / len(so_far)
    kinds = Counter(f["kind"] for f in flags.values())
    if old is not None and new.new_keys:
        # How close each new theme lies to the nearest earlier one (calibrates SAME_THEME_COSINE).
        cents = np.vstack([t.centroid for t in old.themes])
        near = {k: round(float((cents @ new.theme(k).centroid).max()), 3) for k in new.new_keys}
        size = {k: new.theme(k).size for k in new.new_keys}
        print(f"  new themes: size {size}, cosine to nearest earlier theme {near}")
        print(
            f"  planted answers in new themes: {Counter(new.main.get(i) for i in planted if new.main.get(i) in near)}"
        )
    print(
        f"import {q}: {len(so_far)} answers, {t_themes:.1f} s themes, {t_all:.1f} s with names; "
        f"{sum(t.size > 0 for t in new.themes)} themes, earlier answers keeping their key {kept:.1%}, "
        f"outliers {out:.1%}, new themes {len(new.new_keys)}, signals {dict(kinds)}",
        flush=True,
    )


def _print_planted(state: Any, planted: set, flags: dict, names: dict) -> None:
    keys = Counter(state.main.get(i) for i in planted)
    key, c = keys.most_common(1)[0]
    flag = flags.get(key) if key else None
    print(
        f"planted topic: {c}/{len(planted)} answers in theme {key} "
        f"({names.get(key, ('övrigt',))[0]!r}, {state.theme(key).size if key else 0} answers), "
        f"signal {flag['kind'] if flag else None} in import {flag['import_id'] if flag else None}; spread {dict(keys)}"
    )


def _print_refit(state: Any, all_texts: list[str], vectors: np.ndarray, so_far: list[int], import_of: dict) -> None:
    from nlp.pipeline.project import update_project_themes

    t0 = time.perf_counter()
    refit = update_project_themes(
        [all_texts[i] for i in so_far], vectors[so_far], so_far, state=state, import_of=import_of, refit=True
    )
    same = [i for i in so_far if state.main.get(i) is not None]
    kept = sum(refit.main.get(i) == state.main[i] for i in same) / len(same)
    kinds = Counter(m["typ"] for m in refit.mapping)
    print(
        f"full refit of {len(so_far)}: {time.perf_counter() - t0:.1f} s, answers keeping their key {kept:.1%}, "
        f"outliers {sum(refit.main.get(i) is None for i in so_far) / len(so_far):.1%}, mapping {dict(kinds)}"
    )
    for m in [m for m in refit.mapping if m["typ"] in ("delad", "sammanslagen")][:4]:
        print("  ", m["text"])

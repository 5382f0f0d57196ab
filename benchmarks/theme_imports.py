"""A project's themes over four imports, then 10 % more answers, imported and refitted
(called by `python benchmarks/themes.py --imports`).

The reviews are shuffled (seed 42); every 11th is held back (the "+10 %"), the rest split
into four quarters, dated in the months of their quarter; planted topics, written for this
benchmark, are added to one quarter each (PLANTED: a new parking fee in the last quarter, a new
booking app in the third), so each must come out as a theme flagged "ny" in its quarter, and
no other theme may be flagged "ny" (a false "ny" on real answers). Each quarter is analysed into the project's themes as an import
(nlp.pipeline.update_project_themes, as analyse_project does, without the database), timed
with a warm model and the vector cache. Printed per import: seconds (wall and CPU), themes,
share of earlier answers that keep their key, outliers, new themes and signals, and per
planted topic where its answers went and its signal, and the "ny" flags on real answers;
then where the planted answers went and how many names contain a stop word.

Then the held-back 10 % arrive: once as an incremental import, once with a full refit of
the grown data (warm-started from the themes after the four imports), and once more with a
refit of themes that themselves came out of a refit (of the first 90 %). For the refit, apart
from keys kept, time, CPU and peak RSS (the refit runs in a forked child, so the peak is that
of a process holding the project's vectors): why keys could be lost, the fresh fit's
partition against the old one (ARI on the answers both put in a theme, and the share of
earlier answers whose fresh cluster is mostly their old theme, the most any relabelling of
the fresh fit could keep), and the quality of old, fresh and refitted themes against the
kind of business the review names (theme_quality.business_of of the raw review, given by the
caller; NMI and ARI, outliers one more cluster). The reviews come pseudonymised
(benchmarks/shared_texts.py).
"""

from __future__ import annotations

import random
import re
import resource
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
# Planted topic file → the quarter (import) it is added to.
PLANTED = {DATA / "planterat_parkeringsavgift.txt": 4, DATA / "planterat_bokningsapp.txt": 3}
QUARTERS = 4
HOLD_BACK = 11  # every 11th answer arrives after the four imports: 10 % more


def planted_answers(path: Path) -> list[str]:
    return [line.strip() for line in path.open(encoding="utf-8") if line.strip() and not line.startswith("#")]


def planted_ids(n_texts: int) -> dict[str, set[int]]:
    """Planted topic (file stem) → the ids of its answers, in the order _split adds them."""
    out, start = {}, n_texts
    for path in PLANTED:
        n = len(planted_answers(path))
        out[path.stem] = set(range(start, start + n))
        start += n
    return out


def _split(texts: list[str]) -> tuple[list[str], list[int], dict[int, int], dict[int, date]]:
    """(texts, ids, import of each id, date of each id): shuffled quarters, planted topics in theirs,
    then the held-back answers as import QUARTERS + 1."""
    order = list(range(len(texts)))
    random.Random(42).shuffle(order)
    held, order = order[::HOLD_BACK], [i for j, i in enumerate(order) if j % HOLD_BACK]
    all_texts = list(texts) + [a for path in PLANTED for a in planted_answers(path)]
    groups = planted_ids(len(texts))
    import_of, date_of, ids = {}, {}, []
    for q in range(QUARTERS + 1):
        members = order[q::QUARTERS] if q < QUARTERS else held
        for path, quarter in PLANTED.items():
            if quarter == q + 1:
                members = members + sorted(groups[path.stem])
        for j, i in enumerate(members):
            import_of[i] = q + 1
            date_of[i] = date(2025 + 3 * q // 12, 3 * q % 12 + 1 + j % 3, 1 + j % 28)
            ids.append(i)
    return all_texts, ids, import_of, date_of


def _stop_word_share(names: list[str]) -> tuple[float, list[str]]:
    from nlp.themes import name_stop_words

    stops = name_stop_words()
    bad = [n for n in names if any(w in stops for w in re.findall(r"[^\W\d_]+", n.lower()))]
    return (len(bad) / len(names) if names else 0.0), bad


def run_imports(
    texts: list[str],
    kinds: Sequence[str | None],
    vectors_path: str | None = None,
    kind: str = "passage",
    refit_seeds: Sequence[int] = (),
) -> None:
    """`texts`: the pseudonymised reviews; `kinds`: the kind of business each names (from the raw
    review), None for none. `vectors_path`: saved vectors of the reviews (row for row, of `kind`),
    so that a shared, loaded machine need not embed them again; the planted answers are embedded here.
    `refit_seeds`: the first refit after +10 % once more with each of these random states (_refit_by_seed)."""
    from theme_quality import business_of

    from nlp.embed import embed_texts
    from nlp.pipeline.project import theme_names, update_project_themes
    from nlp.themes import project_signals

    def embed(batch: list[str]) -> np.ndarray:
        return embed_texts(batch, kind=kind)  # type: ignore[arg-type]

    all_texts, ids, import_of, date_of = _split(texts)
    kind_of = [*kinds, *(business_of(t) for t in all_texts[len(texts) :])]  # the planted ones: written here
    t0 = time.perf_counter()
    if vectors_path:
        saved = np.load(vectors_path)[: len(texts)]
        vectors = np.vstack([saved, embed(all_texts[len(texts) :])]).astype(np.float32)
    else:
        vectors = embed(all_texts)
    print(f"vectors ({kind}) of {len(all_texts)} answers: {time.perf_counter() - t0:.1f} s", flush=True)
    planted = planted_ids(len(texts))
    state, names = None, {}
    so_far: list[int] = []
    for q in range(1, QUARTERS + 1):
        so_far += [i for i in ids if import_of[i] == q]
        sub_texts, sub_vec = [all_texts[i] for i in so_far], vectors[so_far]
        t0, c0 = time.perf_counter(), time.process_time()
        new = update_project_themes(sub_texts, sub_vec, so_far, state=state, import_of=import_of, latest=q)
        t_themes, cpu = time.perf_counter() - t0, time.process_time() - c0
        names = theme_names(new, sub_texts, sub_vec, so_far, embed)
        t_all = time.perf_counter() - t0
        periods = {i: f"{date_of[i]:%Y-%m}" for i in so_far}
        created = {t.key: t.created_in for t in new.themes}
        flags = project_signals(new.main, periods, import_of, list(range(1, q + 1)), None, created)
        _print_import(q, state, new, so_far, t_themes, t_all, flags, cpu)
        _print_new_flags(q, new, flags, planted, import_of)
        state = new
    for topic, rows in planted.items():
        _print_planted(topic, state, rows, names)
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
    grown = so_far + [i for i in ids if import_of[i] == QUARTERS + 1]
    texts_grown, vec_grown = [all_texts[i] for i in grown], vectors[grown]
    t0, c0 = time.perf_counter(), time.process_time()
    imported = update_project_themes(
        texts_grown, vec_grown, grown, state=state, import_of=import_of, latest=QUARTERS + 1
    )
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"import +10 % ({len(grown) - len(so_far)} answers into {len(so_far)}): {wall:.1f} s, {cpu:.1f} s CPU; "
        f"earlier answers keeping their key {_kept(state, imported, so_far):.1%}, "
        f"outliers {_outliers(imported, grown):.1%}, new themes {len(imported.new_keys)}",
        flush=True,
    )
    periods = {i: f"{date_of[i]:%Y-%m}" for i in grown}
    created = {t.key: t.created_in for t in imported.themes}
    flags = project_signals(imported.main, periods, import_of, list(range(1, QUARTERS + 2)), None, created)
    _print_new_flags(QUARTERS + 1, imported, flags, planted, import_of)
    refit, fresh = _timed_refit(texts_grown, vec_grown, grown, state, import_of)
    _print_refit_diagnosis(state, imported, refit, fresh, so_far, grown, kind_of)
    _refit_of_refitted(state, fresh, all_texts, vectors, so_far, grown, import_of, kind_of)
    _refit_by_seed(refit_seeds, texts_grown, vec_grown, grown, state, import_of, so_far, kind_of)


def _refit_by_seed(
    seeds: Sequence[int],
    texts: list[str],
    vectors: np.ndarray,
    ids: list[int],
    state: Any,
    import_of: dict,
    earlier: list[int],
    kind_of: Sequence[str | None],
) -> None:
    """The first refit after +10 % with other random states (the fresh fit's and the subsample
    fits'): how much of its keeping keys and its quality is the draw."""
    from nlp.pipeline.project import refit_project_themes

    kept = []
    for seed in seeds:
        c0 = time.process_time()
        refit, _ = refit_project_themes(texts, vectors, ids, state=state, import_of=import_of, random_state=seed)
        cpu = time.process_time() - c0
        kept.append(_kept(state, refit, earlier))
        print(
            f"refit after +10 %, random state {seed}: {cpu:.1f} s CPU, earlier answers keeping their key "
            f"{kept[-1]:.1%}, outliers {_outliers(refit, ids):.1%}, themes {len(refit.themes)}",
            flush=True,
        )
        print(
            f"  earlier answers losing their key, by old theme (key, lost, size): {lost_by_theme(state, refit, earlier)}"
        )
        _print_quality(kind_of, ids, [(f"refit, random state {seed}", refit)])
    if kept:
        print(
            f"refit after +10 % over random states {list(seeds)}: keys kept min {min(kept):.1%}, mean {np.mean(kept):.1%}"
        )


def _refit_of_refitted(
    state: Any,
    fresh: Any,
    all_texts: list[str],
    vectors: np.ndarray,
    so_far: list[int],
    grown: list[int],
    import_of: dict,
    kind_of: Sequence[str | None],
) -> None:
    """Themes that came out of a refit (of the four imports), then 10 % more answers and a refit.
    The fresh fit of the grown data is deterministic, so the one of the refit above is reused."""
    from nlp.pipeline.project import refit_project_themes
    from nlp.themes import match_refit

    base, _ = refit_project_themes([all_texts[i] for i in so_far], vectors[so_far], so_far, state=state)
    again = match_refit(base, fresh, vectors[grown], grown, import_of=import_of)
    kinds = Counter(m["typ"] for m in again.mapping)
    print(
        f"refit after +10 % of refitted themes: earlier answers keeping their key {_kept(base, again, so_far):.1%}, "
        f"outliers {_outliers(again, grown):.1%}, themes {len(base.themes)} → {len(again.themes)}, mapping {dict(kinds)}"
    )
    _print_quality(kind_of, grown, [("refitted themes, +10 % refitted", again)])


def _print_quality(kind_of: Sequence[str | None], ids: list[int], states: list[tuple[str, Any]]) -> None:
    """NMI and ARI of each state's themes against the kind of business a review names."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    known = [(i, k) for i in ids if (k := kind_of[i]) is not None]
    truth = [k for _, k in known]
    for label, pt in states:
        labels = [str(pt.main.get(i)) for i, _ in known]
        print(
            f"  known kinds of business ({len(known)} reviews), {label}: "
            f"NMI {normalized_mutual_info_score(truth, labels):.3f}, ARI {adjusted_rand_score(truth, labels):.3f}"
        )


def _kept(old: Any, new: Any, earlier: list[int]) -> float:
    """Share of the answers old put in a theme that new puts in a theme with the same key."""
    themed = [i for i in earlier if old.main.get(i) is not None]
    return sum(new.main.get(i) == old.main[i] for i in themed) / len(themed) if themed else 1.0


def lost_by_theme(old: Any, new: Any, earlier: Sequence[Any], top: int = 4) -> list[tuple[str, int, int]]:
    """(key, answers that lost it, its size) of the `top` old themes whose answers most often lost
    their key in `new`: whether one broad theme or several themes carry a refit's losses."""
    lost = Counter(old.main[i] for i in earlier if old.main.get(i) is not None and new.main.get(i) != old.main[i])
    return [(key, n, old.theme(key).size) for key, n in lost.most_common(top)]


def _outliers(state: Any, ids: list[int]) -> float:
    return sum(state.main.get(i) is None for i in ids) / len(ids)


def _timed_refit(texts: list[str], vectors: np.ndarray, ids: list[int], state: Any, import_of: dict) -> Any:
    """The refit, timed: wall, CPU (all threads) and the process's peak RSS so far (an upper
    bound: it includes the imports before; not a forked child, which numba's OpenMP layer
    does not survive)."""
    from nlp.pipeline.project import refit_project_themes

    t0, c0 = time.perf_counter(), time.process_time()
    refit, fresh = refit_project_themes(texts, vectors, ids, state=state, import_of=import_of)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kinds = Counter(m["typ"] for m in refit.mapping)
    earlier = [i for i in ids if i in state.main]
    print(
        f"refit after +10 % ({len(ids)} answers): {wall:.1f} s, {cpu:.1f} s CPU, peak RSS {peak_kb / 1024:.0f} MB; "
        f"earlier answers keeping their key {_kept(state, refit, earlier):.1%}, "
        f"outliers {_outliers(refit, ids):.1%}, themes {len(refit.themes)}, mapping {dict(kinds)}",
        flush=True,
    )
    for m in [m for m in refit.mapping if m["typ"] in ("delad", "sammanslagen")][:6]:
        print("  ", m["text"])
    return refit, fresh


def _print_refit_diagnosis(
    state: Any, imported: Any, refit: Any, fresh: Any, earlier: list[int], ids: list[int], kind_of: Sequence[str | None]
) -> None:
    from sklearn.metrics import adjusted_rand_score

    both = [i for i in earlier if state.main.get(i) is not None and fresh.main.get(i) is not None]
    ari = adjusted_rand_score([state.main[i] for i in both], [fresh.main[i] for i in both])
    majority: dict[str, Counter] = {}
    for i in both:
        majority.setdefault(fresh.main[i], Counter())[state.main[i]] += 1
    themed = [i for i in earlier if state.main.get(i) is not None]
    ceiling = sum(
        fresh.main.get(i) is not None and majority[fresh.main[i]].most_common(1)[0][0] == state.main[i] for i in themed
    ) / len(themed)
    print(
        f"  fresh fit vs old themes: {len(fresh.themes)} against {len(state.themes)} themes, "
        f"outliers {_outliers(fresh, ids):.1%}, ARI {ari:.3f} on the {len(both)} answers both put in a theme; "
        f"at most {ceiling:.1%} of earlier answers could keep their key by relabelling the fresh fit"
    )
    _print_quality(kind_of, ids, [("old themes, +10 % imported", imported), ("fresh fit", fresh), ("refit", refit)])


def _print_import(
    q: int, old: Any, new: Any, so_far: list[int], t_themes: float, t_all: float, flags: dict, cpu: float
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
        f"import {q}: {len(so_far)} answers, {t_themes:.1f} s themes ({cpu:.1f} s CPU), {t_all:.1f} s with names; "
        f"{sum(t.size > 0 for t in new.themes)} themes, earlier answers keeping their key {kept:.1%}, "
        f"outliers {out:.1%}, new themes {len(new.new_keys)}, signals {dict(kinds)}",
        flush=True,
    )


def _print_new_flags(q: int, state: Any, flags: dict, planted: dict[str, set[int]], import_of: dict) -> None:
    """Per planted topic of this import: where its answers went and the signal of the theme
    holding most of them; then the "ny" flags on themes made mostly of real answers (false)."""
    ny = {k for k, f in flags.items() if f["kind"] == "ny"}
    planted_keys = set()
    for topic, rows in planted.items():
        if not any(import_of[i] == q for i in rows):
            continue
        keys = Counter(state.main.get(i) for i in rows)
        key, c = keys.most_common(1)[0]
        planted_keys.add(key)
        flag = flags[key]["kind"] if key in flags else None
        print(f"  planted {topic}: {c}/{len(rows)} in {key}, signal {flag}; spread {dict(keys)}")
    every = set().union(*planted.values())
    false_ny = []
    for key in sorted(ny - planted_keys):
        members = [i for i, k in state.main.items() if k == key]
        if sum(i in every for i in members) * 2 < len(members):
            false_ny.append(f"{key} ({len(members)} answers)")
    print(f"  import {q}: {len(ny)} themes flagged ny, on real answers (false): {len(false_ny)} {false_ny}")


def _print_planted(topic: str, state: Any, planted: set, names: dict) -> None:
    keys = Counter(state.main.get(i) for i in planted)
    key, c = keys.most_common(1)[0]
    print(
        f"planted {topic} after all imports: {c}/{len(planted)} answers in theme {key} "
        f"({names.get(key, ('övrigt',))[0]!r}, {state.theme(key).size if key else 0} answers); spread {dict(keys)}"
    )

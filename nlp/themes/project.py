"""A project's themes across all its imports: stable keys, incremental imports and refits.

A project theme is a key ("T3"), a centroid (unit mean of its answers' vectors), a
calibrated threshold and a few representative answers. Nothing here is keyed on answer ids
for identity: a theme is recognised by content.

- `from_fit`: the first themes of a project (or a refit with nothing to match).
- `extend`: a new import analysed into the existing themes. Each new answer goes to the
  nearest centroid when it is at least as similar as the theme's own members usually are
  (the threshold is a low quantile of members' similarities, measured per theme), unless its
  neighbourhood is new: its nearest answers in the project are far more often answers of
  this import than chance allows (`new_neighbourhoods`). What fits nowhere, and what lies
  in a new neighbourhood, is clustered together with the project's earlier "övrigt" answers,
  and a cluster that lies near no existing theme becomes a new theme flagged "ny" (and takes
  this import's answers nearer to it than to their theme). Earlier answers keep their theme
  (and so their key).
- `match_refit` (nlp/themes/refit.py): a full refit warm-started from the old themes: a fresh fit of all answers
  decides splits, merges and new themes by member overlap, every other earlier answer keeps
  its theme; continuing themes keep key and name, and the mapping is spelled out ("tema X
  delades i Y och Z", "gick upp i").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME
from nlp.themes.result import ThemeResult
from nlp.themes.vectors import Matrix, mean_rows, products, row_blocks, top_similarities

# Members' similarity quantile below which a new answer is not assigned to a theme.
ASSIGN_QUANTILE = 0.10
# A leftover answer that no new cluster takes goes to its nearest theme above this quantile.
FALLBACK_QUANTILE = 0.02
# A new cluster is an existing theme when its centroid is closer to that theme's centroid than
# the theme's nearest other theme is: e5 centroids are all alike in absolute terms (on the
# reviews, each theme's nearest other theme at 0.98–0.99 cosine, and a planted new topic at
# 0.96 from its nearest theme), so only a relative bound tells them apart. With one theme only,
# this absolute bound is used.
SAME_THEME_COSINE = 0.95
# Novelty: a new answer whose k nearest earlier answers are less similar than for all but
# this share of earlier answers lies where the project had no answers: it goes to the pool.
NOVELTY_K = 5
NOVELTY_QUANTILE = 0.02
# A new topic can lie at the edge of a broad theme, as close to its centre as the theme's
# loosest members (on the reviews, a planted new topic of 60 answers at a median 0.902 from a
# theme whose members' 10 % quantile was 0.901), so the centroid alone absorbs it. What gives
# it away is its neighbourhood: an answer's NEIGHBOUR_K nearest answers are answers of the
# same import about as often as that import's share of the project, but nearly all of them
# for a topic that only this import has. Among NEIGHBOUR_K, a count of new neighbours with a
# binomial tail probability below NEIGHBOUR_ALPHA (at the import's share) marks a new
# neighbourhood (on the reviews: none of the real answers of an import, nearly all planted).
NEIGHBOUR_K = 15
NEIGHBOUR_ALPHA = 1e-3
N_REPRESENTATIVE = 10
# A new theme needs at least this many answers, and this share of the project (on the reviews,
# pool clusters of 10–22 answers out of 10 000 were fragments of the tail, the new topic 59).
MIN_NEW_THEME = 10
MIN_NEW_SHARE = 0.004


@dataclass
class ProjectTheme:
    key: str  # "T1", "T2" …: never reused within a project
    centroid: np.ndarray  # unit vector
    size: int
    threshold: float  # calibrated assignment threshold (cosine to the centroid)
    floor: float  # the lower fallback threshold
    representative_ids: list[Any] = field(default_factory=list)
    name: str | None = None  # a human's name (travels with the key)
    label: str = ""  # the generated name
    created_in: Any = None  # the import it first appeared in
    parent: str | None = None  # the key it was split off from (refit)


@dataclass
class ProjectThemes:
    themes: list[ProjectTheme]
    main: dict[Any, str | None]  # record id → key of its main theme (None = övrigt)
    new_keys: list[str] = field(default_factory=list)  # themes created by this step
    mapping: list[dict[str, Any]] = field(default_factory=list)  # refit: what became of each theme
    retired: list[str] = field(default_factory=list)  # keys of themes no longer in use (never reused)
    # A fresh fit's second opinions for a refit (nlp/themes/refit.py): each record id → cluster
    # (-1 = none) of an independent fit on half of the answers; splits and merges need the
    # consent of all of them.
    second_opinions: list[dict[Any, int]] = field(default_factory=list)

    def theme(self, key: str) -> ProjectTheme | None:
        return next((t for t in self.themes if t.key == key), None)


def next_key(used: Sequence[str]) -> Callable[[], str]:
    """A generator of fresh keys after the highest one ever used ("T7" after "T6")."""
    numbers = [int(k[1:]) for k in used if k[1:].isdigit()]
    state = {"n": max(numbers, default=0)}

    def fresh() -> str:
        state["n"] += 1
        return f"T{state['n']}"

    return fresh


def unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-12)


def describe(key: str, emb: Matrix, rows: np.ndarray, ids: Sequence[Any], **extra: Any) -> ProjectTheme:
    """A theme from its members' rows: centroid, calibrated thresholds, representatives
    (the members' vectors read a block at a time: nlp.themes.vectors)."""
    centroid = unit(mean_rows(emb, rows))
    sims = products(emb, rows, centroid)
    order = rows[np.argsort(-sims, kind="stable")][:N_REPRESENTATIVE]
    return ProjectTheme(
        key=key,
        centroid=centroid,
        size=len(rows),
        threshold=float(np.quantile(sims, ASSIGN_QUANTILE)),
        floor=float(np.quantile(sims, FALLBACK_QUANTILE)),
        representative_ids=[ids[i] for i in order],
        **extra,
    )


def from_fit(
    result: ThemeResult,
    emb: Matrix,
    ids: Sequence[Any],
    *,
    used_keys: Sequence[str] = (),
    import_of: Mapping[Any, Any] | None = None,
) -> ProjectThemes:
    """Project themes from a fit of all answers: one fresh key per theme, in the fit's order."""
    fresh = next_key(used_keys)
    fit_main = result.main_theme()
    labels = np.array([fit_main.get(r, OTHER_THEME) for r in ids], dtype=int)
    themes, key_of = [], {}
    for tid in sorted(set(labels.tolist()) - {OTHER_THEME}):
        rows = np.flatnonzero(labels == tid)
        first = first_import(ids, rows, import_of)
        key_of[tid] = fresh()
        themes.append(describe(key_of[tid], emb, rows, ids, created_in=first))
    main = {r: key_of.get(int(t)) for r, t in zip(ids, labels)}
    return ProjectThemes(themes, main, new_keys=[t.key for t in themes])


def first_import(ids: Sequence[Any], rows: np.ndarray, import_of: Mapping[Any, Any] | None) -> Any:
    if not import_of:
        return None
    found = [import_of[ids[i]] for i in rows if ids[i] in import_of]
    return min(found) if found else None


def assign(
    themes: Sequence[ProjectTheme],
    vectors: Matrix,
    *,
    floor: bool = False,
    rows: Sequence[int] | np.ndarray | None = None,
) -> list[str | None]:
    """Each vector's theme key (of the rows `rows` of `vectors`, every row when None): the most
    similar centroid, if above that theme's threshold. A block of rows at a time."""
    n = len(vectors) if rows is None else len(rows)
    if not themes or not n:
        return [None] * n
    cents = np.vstack([t.centroid for t in themes])
    limits = np.array([t.floor if floor else t.threshold for t in themes])
    keys: list[str | None] = []
    for _, block in row_blocks(vectors, rows):
        sims = block @ cents.T
        best = np.argmax(sims, axis=1)
        ok = sims[np.arange(len(block)), best] >= limits[best]
        keys += [themes[b].key if good else None for b, good in zip(best.tolist(), ok.tolist())]
    return keys


Cluster = Callable[[Sequence[Any], np.ndarray], dict[Any, int]]


def extend(
    state: ProjectThemes,
    emb: Matrix,
    ids: Sequence[Any],
    new_ids: Sequence[Any],
    cluster: Cluster,
    *,
    import_id: Any = None,
) -> ProjectThemes:
    """Analyse new answers into the project's themes (see the module docstring).

    `emb` and `ids` cover every answer of the project (new ones included), row for row;
    `cluster(pool_ids, pool_vectors)` returns pool record id → cluster number (-1 = none).
    """
    row = {r: i for i, r in enumerate(ids)}
    themes = [replace(t) for t in state.themes]
    main = {r: state.main.get(r) for r in ids if r not in set(new_ids)}
    new_rows = np.array([row[r] for r in new_ids], dtype=int)
    novel = novel_rows(emb, new_rows, np.array([row[r] for r in ids if r in main], dtype=int))
    hoods = new_neighbourhoods(emb, new_rows)
    direct = assign(themes, emb, rows=new_rows)
    for r, key, is_new in zip(new_ids, direct, novel | (hoods >= 0)):
        main[r] = None if is_new else key
    fresh = next_key([t.key for t in themes] + state.retired)
    least = max(MIN_NEW_THEME, round(MIN_NEW_SHARE * len(ids)))
    fresh_ids = set(new_ids)
    # New neighbourhoods are candidate themes of their own: in one pool with every leftover of
    # the import a new topic is a small part of one diffuse cluster (on the reviews, 60 planted
    # answers in a pool cluster of 321 that lay on an existing theme), and the pool clusterer
    # cuts a small topic into pieces too small for a theme.
    # Such a group joins an existing theme only when it is that theme by centroid and by its
    # answers' closeness (a burst of a small earlier theme's topic can outnumber its old answers).
    found = {r: int(h) for r, h in zip(new_ids, hoods) if h >= 0}
    created = adopt_clusters(themes, main, found, emb, ids, row, fresh, import_id, least, typical=True)
    # Leftovers of this import and the project's earlier "övrigt" gather into new clusters.
    pool = [r for r in ids if main.get(r) is None]
    if len(pool) >= 2 * MIN_NEW_THEME:
        found = cluster(pool, emb[[row[r] for r in pool]])
        # A cluster made mostly of earlier "övrigt" answers is no new theme: they stay where they were.
        found = {r: c for r, c in found.items() if _mostly_new(found, c, fresh_ids)}
        # Only a cluster with more of this import's answers than chance allows is a new topic;
        # the others may join an existing theme (a fragment of the first fit's tail).
        share = sum(r in fresh_ids for r in pool) / len(pool)
        sizes = Counter(found.values())
        news = Counter(c for r, c in found.items() if r in fresh_ids)
        novel = {c for c in sizes if newer_than_chance(news[c], sizes[c], share)}
        created += adopt_clusters(themes, main, found, emb, ids, row, fresh, import_id, least, novel)
    if created:
        # A new theme takes this import's answers that are nearer to it than to the theme the
        # centroids gave them (and within its threshold): the topic's answers at the old
        # theme's edge. Earlier answers are not moved, so they keep their keys.
        assigned = [r for r, key in zip(new_ids, direct) if key is not None and main.get(r) == key]
        if assigned:
            again = assign(themes, emb, rows=[row[r] for r in assigned])
            main.update({r: k for r, k in zip(assigned, again) if k in created})
    leftovers = [r for r in new_ids if main.get(r) is None]
    if leftovers:
        keys = assign(themes, emb, rows=[row[r] for r in leftovers], floor=True)
        main.update({r: k for r, k in zip(leftovers, keys) if k is not None})
    refresh_members(themes, main, emb, ids, row)
    return ProjectThemes(themes, main, new_keys=created, retired=list(state.retired))


def _mostly_new(found: Mapping[Any, int], cluster: int, new_ids: set[Any]) -> bool:
    members = [r for r, c in found.items() if c == cluster]
    return cluster != OTHER_THEME and sum(r in new_ids for r in members) * 2 >= len(members)


def newer_than_chance(n_new: int, size: int, share: float) -> bool:
    """Whether a cluster of `size` answers, `n_new` of them from this import, holds more of
    them than chance allows when they are `share` of the pool it came from: binomial tail
    below NEIGHBOUR_ALPHA. A bare majority is no evidence: when the import is half the pool,
    fragments of the first fit's tail come out of it with 60–80 % new answers (on the
    reviews, two such fragments a quarter, flagged "ny")."""
    from scipy.stats import binom

    return size > 0 and float(binom.sf(n_new - 1, size, share)) < NEIGHBOUR_ALPHA


def _neighbour_bound(themes: Sequence[ProjectTheme], i: int) -> float:
    """Cosine from theme i to its nearest other theme (SAME_THEME_COSINE when alone)."""
    others = [float(t.centroid @ themes[i].centroid) for j, t in enumerate(themes) if j != i]
    return max(others) if others else SAME_THEME_COSINE


def _knn_similarity(emb: Matrix, queries: np.ndarray, base: np.ndarray, k: int, skip_self: bool = False) -> np.ndarray:
    """Mean cosine of each row of `queries` to its k most similar rows of `base` (row numbers
    of emb; blocks of both, so memory stays small)."""
    out = np.empty(len(queries), dtype=np.float32)
    kk = min(k + int(skip_self), len(base))
    for start, block in row_blocks(emb, queries):
        top = top_similarities(block, emb, base, kk)
        top.sort(axis=1)
        out[start : start + len(block)] = (top[:, :-1] if skip_self else top).mean(axis=1)
    return out


def novel_rows(emb: Matrix, new_rows: np.ndarray, old_rows: np.ndarray, seed: int = 0) -> np.ndarray:
    """True for new answers far from every earlier answer (k-NN similarity below the
    NOVELTY_QUANTILE of earlier answers' own k-NN similarity among themselves)."""
    if len(old_rows) <= 2 * NOVELTY_K or not len(new_rows):
        return np.zeros(len(new_rows), dtype=bool)
    sample = np.random.default_rng(seed).choice(old_rows, size=min(2000, len(old_rows)), replace=False)
    # skip_self drops each sampled answer's most similar row; with exact duplicates around this
    # is a neighbour instead of itself, which only makes the threshold a little stricter.
    calib = _knn_similarity(emb, sample, old_rows, NOVELTY_K, skip_self=True)
    limit = float(np.quantile(calib, NOVELTY_QUANTILE))
    return _knn_similarity(emb, new_rows, old_rows, NOVELTY_K) < limit


def new_neighbourhoods(emb: Matrix, new_rows: np.ndarray) -> np.ndarray:
    """Per new answer, the new neighbourhood it lies in (-1 = none).

    An answer lies in a new neighbourhood when its NEIGHBOUR_K nearest answers (of all `emb`)
    are answers of this import (`new_rows`) more often than chance allows: binomial tail below
    NEIGHBOUR_ALPHA at the import's share of the other answers. Such answers that are among
    each other's nearest answers form one neighbourhood (connected components): a topic only
    this import has. When new answers are most of the project no count is unlikely enough,
    and nothing is marked."""
    from scipy.sparse import coo_matrix  # only needed for an import into existing themes
    from scipy.sparse.csgraph import connected_components
    from scipy.stats import binom

    n, m = len(emb), len(new_rows)
    k = min(NEIGHBOUR_K, n - 1)
    none = np.full(m, -1, dtype=int)
    if m < 2 or k < 1 or m == n:
        return none
    share = (m - 1) / (n - 1)
    if binom.sf(k - 1, k, share) >= NEIGHBOUR_ALPHA:
        return none  # even k new neighbours out of k are not unlikely
    is_new = np.zeros(n, dtype=bool)
    is_new[new_rows] = True
    position = np.full(n, -1, dtype=int)
    position[new_rows] = np.arange(m)
    n_all, n_new = np.zeros(m, dtype=int), np.zeros(m, dtype=int)
    src, dst = [], []
    for start, queries in row_blocks(emb, new_rows):
        block = new_rows[start : start + len(queries)]
        # Every answer as similar as the k-th nearest counts: exact duplicates ("Bra!") are
        # common in free text, and which of them a partial sort picks is arbitrary.
        kth = top_similarities(queries, emb, None, k, skip=block).min(axis=1)
        # A second pass over the project's blocks counts them (no row of all similarities is held).
        for first, others in row_blocks(emb):
            sims = queries @ others.T
            mine = np.flatnonzero((block >= first) & (block < first + len(others)))
            sims[mine, block[mine] - first] = -np.inf  # not its own neighbour
            near = sims >= kth[:, None]
            n_all[start : start + len(block)] += near.sum(axis=1)
            near &= is_new[first : first + len(others)]
            n_new[start : start + len(block)] += near.sum(axis=1)
            i, j = np.nonzero(near)
            src.append(i + start)
            dst.append(position[j + first])
    marked = binom.sf(n_new - 1, n_all, share) < NEIGHBOUR_ALPHA
    if not marked.any():
        return none
    # Marked answers among each other's nearest answers form one neighbourhood.
    src_all, dst_all = np.concatenate(src), np.concatenate(dst)
    keep = marked[src_all] & marked[dst_all]
    index = np.cumsum(marked) - 1
    size = int(marked.sum())
    graph = coo_matrix((np.ones(int(keep.sum())), (index[src_all[keep]], index[dst_all[keep]])), shape=(size, size))
    _, labels = connected_components(graph, directed=True, connection="weak")
    none[marked] = labels
    return none


def adopt_clusters(
    themes: list[ProjectTheme],
    main: dict[Any, str | None],
    found: Mapping[Any, int],
    emb: Matrix,
    ids: Sequence[Any],
    row: Mapping[Any, int],
    fresh: Callable[[], str],
    import_id: Any,
    least: int = MIN_NEW_THEME,
    novel: set[int] | None = None,
    typical: bool = False,
) -> list[str]:
    """Pool clusters near an existing theme (or one made from the pool just before) join it;
    the others become new themes (only those in `novel`, when given: the others stay out).
    `typical`: a cluster joins only if, besides, the theme's members would belong to the
    cluster: most of them as close to its centre as its own answers usually are (above the
    ASSIGN_QUANTILE of theirs). A new topic at the edge of a broad theme can be as close to the
    theme's centre as its members are, but the members are not close to the topic's centre."""
    created = []
    for c in sorted(set(found.values()) - {OTHER_THEME}):
        members = [r for r, k in found.items() if k == c]
        if len(members) < least:
            continue
        centroid = unit(mean_rows(emb, [row[r] for r in members]))
        sims = np.array([float(t.centroid @ centroid) for t in themes])
        best = int(np.argmax(sims)) if len(sims) else -1
        # Near enough to join: as close as the theme's nearest neighbour theme, and within the
        # theme's own fallback threshold (well-separated themes have a low neighbour bound).
        near = best >= 0 and float(sims[best]) >= max(_neighbour_bound(themes, best), themes[best].floor)
        if near and typical:
            own = np.quantile(products(emb, [row[r] for r in members], centroid), ASSIGN_QUANTILE)
            theirs = [row[r] for r, k in main.items() if k == themes[best].key]
            near = bool(theirs) and float(np.median(products(emb, theirs, centroid))) >= own
        if near:
            for r in members:
                main[r] = themes[best].key
            continue
        if novel is not None and c not in novel:
            continue
        # A new theme holds what fits no existing theme: members nearer an existing theme's
        # centroid than the new one, and within that theme's fallback threshold, go there.
        member_rows = [row[r] for r in members]
        earlier = assign(themes, emb, rows=member_rows, floor=True) if themes else [None] * len(members)
        cents = np.vstack([t.centroid for t in themes]).T if themes else None
        old_sims = products(emb, member_rows, cents) if cents is not None else np.zeros((len(members), 1))
        nearer = old_sims.max(axis=1) > products(emb, member_rows, centroid)
        rest = [r for r, k, near in zip(members, earlier, nearer) if k is None or not near]
        main.update({r: k for r, k, near in zip(members, earlier, nearer) if k is not None and near})
        if len(rest) < least:
            continue
        key = fresh()
        created.append(key)
        # Described from its members at once, so a later pool cluster can join it on the same terms.
        themes.append(describe(key, emb, np.array([row[r] for r in rest]), ids, created_in=import_id))
        main.update({r: key for r in rest})
    return created


def refresh_members(
    themes: list[ProjectTheme], main: Mapping[Any, str | None], emb: Matrix, ids: Sequence[Any], row: Mapping
) -> None:
    """Centroids, sizes, thresholds and representatives from the current members."""
    members: dict[str, list[int]] = {}
    for r in ids:
        key = main.get(r)
        if key is not None:
            members.setdefault(key, []).append(row[r])
    for i, t in enumerate(themes):
        rows = np.array(members.get(t.key, []), dtype=int)
        if len(rows):
            d = describe(t.key, emb, rows, ids)
            themes[i] = replace(
                t,
                centroid=d.centroid,
                size=d.size,
                threshold=d.threshold,
                floor=d.floor,
                representative_ids=d.representative_ids,
            )
        else:
            themes[i] = replace(t, size=0)


def theme_title(t: ProjectTheme) -> str:
    return f'"{t.name or t.label or t.key}" ({t.key})'


# --- executed split -------------------------------------------------------------------------


def split_parts(emb: Matrix, rows: np.ndarray, n_parts: int, random_state: int = 0) -> np.ndarray:
    """Part (0 = largest) of each member row: k-means on the members' vectors."""
    from sklearn.cluster import KMeans  # heavy: loaded only when a split is made

    k = max(2, min(int(n_parts), len(rows)))
    labels = KMeans(n_clusters=k, random_state=random_state, n_init=10).fit(emb[rows]).labels_
    sizes = Counter(labels.tolist())
    order = {old: new for new, (old, _) in enumerate(sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])))}
    return np.array([order[int(x)] for x in labels], dtype=int)


def split_theme(state: ProjectThemes, key: str, emb: Matrix, ids: Sequence[Any], n_parts: int) -> ProjectThemes:
    """Split one theme into n parts: the largest part keeps the key (and its name), the others
    get new keys with the theme as parent. Later imports assign to the parts."""
    row = {r: i for i, r in enumerate(ids)}
    members = [r for r in ids if state.main.get(r) == key]
    if len(members) < 2 * MIN_NEW_THEME or state.theme(key) is None:
        return state
    parts = split_parts(emb, np.array([row[r] for r in members], dtype=int), n_parts)
    fresh = next_key([t.key for t in state.themes] + state.retired)
    keys = [key] + [fresh() for _ in range(int(parts.max()))]
    main = dict(state.main)
    main.update({r: keys[p] for r, p in zip(members, parts.tolist())})
    old = state.theme(key)
    themes = (
        [replace(t) for t in state.themes]
        + [
            ProjectTheme(k, old.centroid, 0, 1.0, 1.0, created_in=old.created_in, parent=key)  # type: ignore[union-attr]
            for k in keys[1:]
        ]
    )
    refresh_members(themes, main, emb, ids, row)
    mapping = [
        {"typ": "delad", "fran": [key], "till": keys, "text": f"Tema {theme_title(old)} delades i {len(keys)} delar."}
    ]  # type: ignore[arg-type]
    return ProjectThemes(
        themes, main, new_keys=list(state.new_keys), mapping=state.mapping + mapping, retired=list(state.retired)
    )

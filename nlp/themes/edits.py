"""Human work on themes (name, merge, split) as data, carried over to refitted themes.

An edit is what the theme_edits table holds: kind ("namn" | "sammanfoga" | "dela"),
member_record_ids (the members of the theme(s) the edit was made on) and a payload.
Dicts with those keys and ThemeEdit rows both work. Edits are matched to the themes of
a new result by their members, never by theme number, since numbers change on a refit:

- a theme matches a set of old members when Jaccard ≥ 0.5, or when at least half of the
  old members that still exist lie in it (a theme that grew with new data keeps its name);
- a merge applies to the themes that each lie mostly (≥ 50 %) inside the edit's members
  (or match one of its groups), when at least two do.

apply_theme_edits is pure: it returns a new ThemeResult and leaves its input untouched. The
edits read and change the answers through a Placement: HeldPlacement for answers in memory,
nlp.pipeline.placed_edits for an analysis whose answers past the theme sample stay in its
partition files (only counts per theme come back from there, and a split reads its theme's).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from copy import deepcopy
from typing import Any, Protocol

import numpy as np

from nlp.core import OTHER_THEME
from nlp.themes.representation import (
    N_EXAMPLES,
    make_label,
    nearest_examples,
    topic_words,
)
from nlp.themes.result import ThemeInfo, ThemeResult
from nlp.themes.trends import refresh_time_series
from nlp.themes.vectors import Matrix, StoredMatrix
from nlp.themes.views import merge_pairs, recompute_sizes

MATCH_THRESHOLD = 0.5


# --- creating edits ------------------------------------------------------------------------


def edit_name(result: ThemeResult, theme_id: int, name: str) -> dict[str, Any]:
    """A "namn" edit: a coordinator's name for a theme."""
    name = name.strip()
    if not name:
        raise ValueError("Namnet får inte vara tomt.")
    return {
        "kind": "namn",
        "member_record_ids": _members_or_fail(result, theme_id),
        "payload": {"namn": name, "tema": theme_id},
    }


def edit_merge(result: ThemeResult, theme_ids: Sequence[int], name: str | None = None) -> dict[str, Any]:
    """A "sammanfoga" edit: merge two or more themes (optionally naming the result)."""
    ids = sorted(set(theme_ids))
    if len(ids) < 2 or OTHER_THEME in ids:
        raise ValueError("Välj minst två teman (inte övrigt) att sammanfoga.")
    groups = [_members_or_fail(result, t) for t in ids]
    return {
        "kind": "sammanfoga",
        "member_record_ids": [r for g in groups for r in g],
        "payload": {"teman": ids, "grupper": groups, "namn": (name or "").strip() or None},
    }


def edit_split(
    result: ThemeResult,
    theme_id: int,
    parts: Sequence[tuple[str, Sequence[Any]]] | None = None,
    n_parts: int = 2,
) -> dict[str, Any]:
    """A "dela" edit: split a theme into named parts given by example record ids, or,
    without parts, into n_parts groups found from the members' embeddings."""
    members = _members_or_fail(result, theme_id)
    payload: dict[str, Any] = {"tema": theme_id}
    if parts:
        if len(parts) < 2:
            raise ValueError("En delning behöver minst två delar.")
        payload["delar"] = [{"namn": n.strip(), "record_ids": list(ids)} for n, ids in parts]
    else:
        if n_parts < 2:
            raise ValueError("En delning behöver minst två delar.")
        payload["antal"] = int(n_parts)
    return {"kind": "dela", "member_record_ids": members, "payload": payload}


def _members_or_fail(result: ThemeResult, theme_id: int) -> list[Any]:
    if theme_id == OTHER_THEME or result.theme(theme_id) is None:
        raise ValueError(f"Tema {theme_id} finns inte (eller är övrigt).")
    return result.members(theme_id)


# --- applying edits ------------------------------------------------------------------------


def _get(edit: Any, key: str) -> Any:
    return edit.get(key) if isinstance(edit, Mapping) else getattr(edit, key, None)


class Placement(Protocol):
    """Where the answers of the result being edited keep their main themes, texts and vectors:
    held in memory (apply_theme_edits) or in an analysis's partition files
    (nlp.pipeline.placed_edits). The edits read and change the answers only through it."""

    def tally(self, groups: Sequence[Collection[Any]]) -> list[tuple[Counter[int], int]]:
        """Per group of record ids: how many of them have each main theme, and how many exist."""
        ...

    def merge(self, drop: set[int], keep: int) -> None:
        """The answers of the themes `drop` join theme `keep` (their secondary themes too)."""
        ...

    def members(self, theme_id: int) -> list[Any]:
        """The record ids whose main theme is theme_id, in answer order."""
        ...

    def vectors(self, ids: Sequence[Any]) -> np.ndarray | None:
        """The vectors of these members (None: the vectors are not at hand)."""
        ...

    def texts(self, ids: Sequence[Any]) -> list[str] | None:
        """The texts of these members (None: the texts are not at hand)."""
        ...

    def move(self, theme_id: int, moved: Mapping[Any, int]) -> None:
        """The members of theme_id (a split) to the themes given, record id → theme id."""
        ...

    def corpus(self) -> tuple[list[Any], list[str]] | None:
        """The answers (ids, texts) whose words describe an edited theme, or None."""
        ...


def match_theme(result: ThemeResult, old_members: Iterable[Any], placement: Placement | None = None) -> int | None:
    """The theme of `result` that a set of old members corresponds to, or None."""
    where = placement or HeldPlacement(result, None, None, None)
    ((counts, known),) = where.tally([set(old_members)])
    return _matched(result, counts, known)


def _matched(result: ThemeResult, counts: Counter[int], known: int) -> int | None:
    """match_theme from the old members' counts per theme (`known` of them still exist)."""
    if not known:
        return None
    sizes = result.main_counts()
    best, best_key = None, (0.0, 0.0)
    for tid in _theme_order(result, counts):
        inter = counts.get(tid, 0)
        if not inter or tid == OTHER_THEME:
            continue
        jaccard = inter / (known + sizes[tid] - inter)
        contained = inter / known
        if jaccard >= MATCH_THRESHOLD or contained >= MATCH_THRESHOLD:
            key = (jaccard, contained)
            if key > best_key:
                best, best_key = tid, key
    return best


def _theme_order(result: ThemeResult, counts: Mapping[int, int]) -> list[int]:
    listed = [t.id for t in result.themes]
    return listed + sorted(set(counts) - set(listed))


def apply_theme_edits(
    result: ThemeResult,
    edits: Iterable[Any],
    *,
    record_ids: Sequence[Any] | None = None,
    texts: Sequence[str] | None = None,
    embeddings: Matrix | None = None,
    word_ids: Sequence[Any] | None = None,
) -> ThemeResult:
    """Apply names, merges and splits in the given order (oldest first: later edits win).

    `record_ids`/`texts`/`embeddings` (row-aligned, optional) let merged and split themes
    get fresh topic words and examples, and let a split without given parts find its
    parts; without them merged words are interleaved and such a split is skipped with a
    note. `word_ids`: the answers whose texts give the fresh topic words (default: all;
    past the theme sample, the sample's, as every other theme's). Edits that match no theme
    are skipped with a note, never an error.
    """
    res = deepcopy(result)
    return apply_edits(res, edits, HeldPlacement(res, record_ids, texts, embeddings, word_ids))


def apply_edits(res: ThemeResult, edits: Iterable[Any], placement: Placement) -> ThemeResult:
    """apply_theme_edits on `res` in place, its answers read and changed through `placement`."""
    for edit in edits:
        kind = _get(edit, "kind")
        payload = dict(_get(edit, "payload") or {})
        members = list(_get(edit, "member_record_ids") or [])
        if kind == "namn":
            _apply_name(res, members, payload, placement)
        elif kind == "sammanfoga":
            _apply_merge(res, members, payload, placement)
        elif kind == "dela":
            _apply_split(res, members, payload, placement)
        else:
            res.notes.append(f"Okänd temaändring {kind!r} hoppades över.")
    res.themes.sort(key=lambda t: (t.id == OTHER_THEME, -t.size, t.id))
    return refresh_time_series(res)


class HeldPlacement:
    """The Placement of a result whose answers are all in memory (texts and vectors optional)."""

    def __init__(
        self,
        res: ThemeResult,
        record_ids: Sequence[Any] | None,
        texts: Sequence[str] | None,
        embeddings: Matrix | None,
        word_ids: Sequence[Any] | None = None,
    ) -> None:
        self.res = res
        self.index = {rid: i for i, rid in enumerate(record_ids)} if record_ids is not None else {}
        self.text_rows = texts
        self.word_ids = word_ids
        # Vectors stored in files (StoredMatrix) are read for the rows an edit asks for.
        self.emb: Matrix | None = embeddings
        if embeddings is not None and not isinstance(embeddings, StoredMatrix):
            self.emb = np.asarray(embeddings, dtype=np.float32)

    def tally(self, groups: Sequence[Collection[Any]]) -> list[tuple[Counter[int], int]]:
        main = self.res.main_theme()
        out = []
        for group in groups:
            counts = Counter(main[r] for r in set(group) if r in main)
            out.append((counts, sum(counts.values())))
        return out

    def merge(self, drop: set[int], keep: int) -> None:
        self.res.assignments = {rid: merge_pairs(pairs, drop, keep) for rid, pairs in self.res.assignments.items()}

    def members(self, theme_id: int) -> list[Any]:
        return self.res.members(theme_id)

    def _rows(self, ids: Sequence[Any]) -> np.ndarray | None:
        if not self.index or any(r not in self.index for r in ids):
            return None
        return np.array([self.index[r] for r in ids], dtype=int)

    def vectors(self, ids: Sequence[Any]) -> np.ndarray | None:
        rows = self._rows(ids)
        return None if rows is None or self.emb is None else np.asarray(self.emb[rows], dtype=np.float32)

    def texts(self, ids: Sequence[Any]) -> list[str] | None:
        rows = self._rows(ids)
        return None if rows is None or self.text_rows is None else [self.text_rows[i] for i in rows.tolist()]

    def move(self, theme_id: int, moved: Mapping[Any, int]) -> None:
        for rid, target in moved.items():
            pairs = self.res.assignments[rid]
            self.res.assignments[rid] = [(target, w) if t == theme_id else (t, w) for t, w in pairs]

    def corpus(self) -> tuple[list[Any], list[str]] | None:
        if self.text_rows is None or not self.index:
            return None
        ids = list(self.index) if self.word_ids is None else [r for r in self.word_ids if r in self.index]
        return ids, [self.text_rows[self.index[r]] for r in ids]


def _name_of(payload: Mapping[str, Any]) -> str | None:
    name = payload.get("namn") or payload.get("name")
    return str(name).strip() or None if name else None


def _set_name(theme: ThemeInfo, name: str, kind: str) -> None:
    if theme.auto_label is None:
        theme.auto_label = theme.label
    theme.label = name
    theme.edited.append(kind)


def _apply_name(res: ThemeResult, members: list[Any], payload: Mapping[str, Any], where: Placement) -> None:
    name = _name_of(payload)
    tid = match_theme(res, members, where)
    if not name or tid is None:
        res.notes.append("Ett temanamn kunde inte kopplas till något tema i den nya körningen.")
        return
    _set_name(res.theme(tid), name, "namn")  # type: ignore[arg-type]


def _merge_targets(res: ThemeResult, members: list[Any], payload: Mapping[str, Any], where: Placement) -> list[int]:
    groups = payload.get("grupper")
    if groups:
        found = {_matched(res, counts, known) for counts, known in where.tally([set(g) for g in groups])}
        return sorted(t for t in found if t is not None)
    ((counts, _),) = where.tally([set(members)])
    sizes = res.main_counts()
    targets = []
    for tid in _theme_order(res, sizes):
        if tid != OTHER_THEME and sizes[tid] and counts.get(tid, 0) / sizes[tid] >= MATCH_THRESHOLD:
            targets.append(tid)
    return sorted(targets)


def _apply_merge(res: ThemeResult, members: list[Any], payload: Mapping[str, Any], where: Placement) -> None:
    targets = _merge_targets(res, members, payload, where)
    if len(targets) < 2:
        res.notes.append("En sammanfogning kunde inte kopplas till minst två teman i den nya körningen.")
        return
    keep, drop = targets[0], set(targets[1:])
    where.merge(drop, keep)
    old = {t.id: t for t in res.themes if t.id in targets}
    res.themes = [t for t in res.themes if t.id not in drop]
    recompute_sizes(res)
    theme = res.theme(keep)
    assert theme is not None
    words = _words_for(res, where, keep)
    if words is None:  # interleave the merged themes' words, largest theme first
        lists = [old[t].words for t in sorted(targets, key=lambda t: -old[t].size)]
        words = list(dict.fromkeys(w for ws in zip(*lists) for w in ws))[:10]
    theme.words = words
    theme.label, theme.phrase = make_label(words)
    theme.auto_label = None
    ex = [e for t in sorted(targets, key=lambda t: -old[t].size) for e in old[t].examples]
    theme.examples, theme.example_ids = ex[:N_EXAMPLES], [e["id"] for e in ex[:N_EXAMPLES]]
    theme.edited = sorted({k for t in old.values() for k in t.edited} | {"sammanfoga"})
    name = _name_of(payload)
    if name:
        _set_name(theme, name, "namn")


def _apply_split(res: ThemeResult, members: list[Any], payload: Mapping[str, Any], where: Placement) -> None:
    tid = match_theme(res, members, where)
    if tid is None:
        res.notes.append("En delning kunde inte kopplas till något tema i den nya körningen.")
        return
    current = where.members(tid)
    vectors = where.vectors(current)  # row-aligned with current (None: not at hand)
    if payload.get("delar"):
        split = _split_by_parts(res, current, payload["delar"], vectors)
    else:
        split = _split_by_kmeans(res, tid, current, payload, vectors)
    if split is not None:
        _install_parts(res, tid, current, *split, vectors, where)


def _split_by_parts(
    res: ThemeResult, current: list[Any], parts: Sequence[Mapping[str, Any]], vectors: np.ndarray | None
) -> tuple[dict[Any, int], list[str | None]] | None:
    """Members → part from the named parts' record ids; unlisted members by nearest centre."""
    current_set = set(current)
    part_of: dict[Any, int] = {}
    for p, part in enumerate(parts):
        for rid in part.get("record_ids") or []:
            if rid in current_set:
                part_of[rid] = p
    present = sorted(set(part_of.values()))
    if len(present) < 2:
        res.notes.append("En delning kunde inte tillämpas: delarna saknar svar i temat.")
        return None
    row = {r: i for i, r in enumerate(current)}
    rest = [r for r in current if r not in part_of]
    if rest and vectors is not None:
        # unlisted (e.g. new) members go to the part with the nearest centre
        cents = np.vstack([vectors[[row[r] for r, q in part_of.items() if q == p]].mean(axis=0) for p in present])
        sims = vectors[[row[r] for r in rest]] @ cents.T
        part_of.update({r: present[int(np.argmax(s))] for r, s in zip(rest, sims)})
    else:
        part_of.update({r: present[0] for r in rest})
    return part_of, [str(p.get("namn") or "").strip() or None for p in parts]


def _split_by_kmeans(
    res: ThemeResult, tid: int, current: list[Any], payload: Mapping[str, Any], vectors: np.ndarray | None
) -> tuple[dict[Any, int], list[str | None]] | None:
    """Members → part from KMeans on their embeddings (parts without names)."""
    if vectors is None:
        res.notes.append(
            f'Delningen av temat "{res.theme(tid).label}" kräver inbäddningar; '  # type: ignore[union-attr]
            "den görs vid nästa analys."
        )
        return None
    from sklearn.cluster import KMeans  # heavy: loaded only when a split needs it

    k = max(2, min(int(payload.get("antal") or 2), len(current)))
    if len(current) < k:
        res.notes.append("Ett tema med för få svar kunde inte delas.")
        return None
    km = KMeans(n_clusters=k, random_state=0, n_init=10).fit(vectors)
    return {r: int(c) for r, c in zip(current, km.labels_)}, [None] * k


def _install_parts(
    res: ThemeResult,
    tid: int,
    current: list[Any],
    part_of: dict[Any, int],
    names: list[str | None],
    vectors: np.ndarray | None,
    where: Placement,
) -> None:
    """Replace theme tid by its parts, with fresh words, labels and examples."""
    old = res.theme(tid)
    assert old is not None
    # part 0 (largest) keeps the theme's id; the others get new ids after the highest
    sizes = {p: sum(1 for q in part_of.values() if q == p) for p in set(part_of.values())}
    order = sorted(sizes, key=lambda p: (-sizes[p], p))
    next_id = max(t.id for t in res.themes) + 1
    new_id = {p: (tid if i == 0 else next_id + i - 1) for i, p in enumerate(order)}
    where.move(tid, {rid: new_id[part_of[rid]] for rid in current})
    res.themes = [t for t in res.themes if t.id != tid]
    for p in order:
        pid = new_id[p]
        info = ThemeInfo(
            id=pid,
            label="",
            phrase="",
            words=list(old.words),
            size=0,
            share=0.0,
            ci=(0.0, 0.0),
            edited=sorted(set(old.edited) | {"dela"}),
        )
        res.themes.append(info)
        words = _words_for(res, where, pid)
        if words is not None:
            info.words = words
        info.label, info.phrase = make_label(info.words)
        local = [i for i, r in enumerate(current) if part_of[r] == p]
        mem = [current[i] for i in local]
        if vectors is not None:
            ex = [mem[i] for i in nearest_examples(vectors[local], np.arange(len(local)), N_EXAMPLES)]
        else:
            ex = mem[:N_EXAMPLES]
        info.example_ids = ex
        found = where.texts(ex)
        info.examples = [{"id": r, "text": t} for r, t in zip(ex, found)] if found is not None else []
        if names[p]:
            _set_name(info, names[p], "namn")  # type: ignore[arg-type]
    recompute_sizes(res)


def _words_for(res: ThemeResult, where: Placement, theme_id: int) -> list[str] | None:
    """Fresh c-TF-IDF words for one theme against all others, from the placement's word
    corpus (every answer in memory; past the theme sample, the sample's answers)."""
    corpus = where.corpus()
    if corpus is None:
        return None
    main = res.main_theme()
    pairs = [(r, t) for r, t in zip(*corpus) if r in main]
    labels = np.array([main[r] for r, _ in pairs], dtype=int)
    texts = [t for _, t in pairs]
    return topic_words(texts, labels, len(texts)).get(theme_id)

"""The project's theme edits applied to a run's stored themes, when the report is read: the one
place every output (pages, HTML file, JSON, exports, API) gets its themes from, so a name or a
merge shows at once, not only after the next analysis.

Edits ("namn", "sammanfoga") are applied oldest first; later ones win. An edit made on a
project theme carries its key ("nyckel", or "nycklar" for a merge) and finds it by key in any
later run of the project, whatever its answers. Otherwise an edit finds its theme by members (answers whose main theme it is), never by number, since numbers change on a refit:
the theme holding most of the members, at least half ("övrigt" never). A merge joins the themes
its groups find, when at least two; a run already fitted with the merge finds one and is left
as it is. Splits ("dela") change the themes when they are next fitted (nlp/themes/edits.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.core import OTHER_THEME
from nlp.store.models import AnalysisRun, Import, Theme, ThemeAssignment, ThemeEdit

N_WORDS = 10


@dataclass(frozen=True)
class CuratedTheme:
    """A theme as people left it: one stored theme, or several merged into one."""

    parts: tuple[Theme, ...]  # the stored themes it is made of, largest first
    name: str | None  # the curated name

    @property
    def row(self) -> Theme:
        """The stored theme that stands for it (the largest part): its id and topic."""
        return self.parts[0]

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def stored_ids(self) -> tuple[int, ...]:
        return tuple(p.id for p in self.parts)

    @property
    def size(self) -> int:
        # Each answer has one main theme, so the parts' sizes add up without counting any twice.
        return sum(p.size for p in self.parts)

    @property
    def label(self) -> str:
        return " / ".join(p.label for p in self.parts)

    @property
    def phrase(self) -> str | None:
        return self.row.phrase if len(self.parts) == 1 else None

    @property
    def words(self) -> list[str]:
        """The parts' words taken in turn, largest part first."""
        lists = [[str(w) for w in p.words or []] for p in self.parts]
        if len(lists) == 1:
            return lists[0][:N_WORDS]
        return list(dict.fromkeys(w for w in chain.from_iterable(zip_longest(*lists)) if w))[:N_WORDS]

    @property
    def example_ids(self) -> list[Any]:
        return [r for p in self.parts for r in p.example_record_ids or []]

    @property
    def emerging(self) -> dict[str, Any] | None:
        return next((p.emerging for p in self.parts if p.emerging), self.row.emerging)


@dataclass(frozen=True)
class CuratedThemes:
    themes: list[CuratedTheme]  # largest first, "övrigt" last
    of: dict[int, int]  # stored theme id → id of the curated theme holding it
    main: dict[int, int]  # record id → its curated main theme

    def title(self, theme_id: int) -> str:
        """A curated theme's title, as ThemeFigures.title: its curated name, else its label."""
        theme = next(t for t in self.themes if t.id == theme_id)
        return theme.name or theme.label


def run_themes(session: Session, run_id: int) -> list[Theme]:
    """The run's stored themes, largest first, "övrigt" last."""
    return list(
        session.scalars(
            select(Theme)
            .where(Theme.run_id == run_id)
            .order_by(Theme.topic == OTHER_THEME, Theme.size.desc(), Theme.topic)
        )
    )


def main_themes(session: Session, theme_ids: Sequence[int]) -> dict[int, int]:
    """record id → its main stored theme (highest weight; ties: lowest theme id)."""
    out: dict[int, int] = {}
    for rid, tid in session.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id)
        .where(ThemeAssignment.theme_id.in_(list(theme_ids)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        out.setdefault(rid, tid)
    return out


def curated_themes(session: Session, run_id: int) -> CuratedThemes:
    """The run's stored themes with the project's names and merges applied."""
    rows = run_themes(session, run_id)
    stored_main = main_themes(session, [t.id for t in rows])
    project_id = session.scalar(
        select(Import.project_id).join(AnalysisRun, AnalysisRun.import_id == Import.id).where(AnalysisRun.id == run_id)
    )
    edits = session.scalars(
        select(ThemeEdit)
        .where(ThemeEdit.project_id == project_id, ThemeEdit.kind.in_(("namn", "sammanfoga")))
        .order_by(ThemeEdit.created_at, ThemeEdit.id)
    ).all()
    members: dict[int, set[int]] = defaultdict(set)
    for rid, tid in stored_main.items():
        members[tid].add(rid)
    state = _State({t.id: [t] for t in rows}, members)
    for edit in edits if rows else ():
        state.apply(edit.kind, edit.member_record_ids or [], edit.payload or {})
    themes = [CuratedTheme(tuple(parts), state.names.get(cid)) for cid, parts in state.groups.items()]
    themes.sort(key=lambda t: (t.row.topic == OTHER_THEME, -t.size, t.row.topic))
    of = {p.id: t.id for t in themes for p in t.parts}
    return CuratedThemes(themes, of, {rid: of[tid] for rid, tid in stored_main.items()})


class _State:
    """Curated themes while edits are applied: curated id → its stored parts, and names."""

    def __init__(self, groups: dict[int, list[Theme]], members: dict[int, set[int]]) -> None:
        self.groups = groups
        self.members = members  # stored theme id → answers whose main theme it is
        self.names: dict[int, str] = {}

    def apply(self, kind: str, members: Iterable[Any], payload: dict[str, Any]) -> None:
        name = payload.get("namn") or payload.get("name")
        keys = [payload["nyckel"]] if payload.get("nyckel") else list(payload.get("nycklar") or [])
        by_key = {cid for cid, parts in self.groups.items() if any(p.key in keys for p in parts)} if keys else set()
        if by_key:
            if kind == "namn" and name:
                self.names[next(iter(by_key))] = str(name)
            elif kind == "sammanfoga":
                self.join(by_key, str(name) if name else None)
            return
        if kind == "namn":
            holder = self.holder(_ids(members))
            if holder is not None and name:
                self.names[holder] = str(name)
        elif kind == "sammanfoga":
            self.merge(payload.get("grupper") or [], _ids(members), str(name) if name else None)

    def hits(self, cid: int, wanted: set[int]) -> int:
        return sum(len(self.members[p.id] & wanted) for p in self.groups[cid])

    def holder(self, wanted: set[int]) -> int | None:
        """The curated theme holding most of `wanted`, when it holds at least half."""
        best, most = None, 0
        for cid, parts in self.groups.items():
            if parts[0].topic != OTHER_THEME and (k := self.hits(cid, wanted)) > most:
                best, most = cid, k
        return best if wanted and most * 2 >= len(wanted) else None

    def merge(self, groups: Sequence[Sequence[Any]], union: set[int], name: str | None) -> None:
        if groups:
            targets = {self.holder(_ids(g)) for g in groups} - {None}
        else:  # a merge stored as the union of members only: the themes lying mostly inside it
            targets = {
                cid
                for cid, parts in self.groups.items()
                if parts[0].topic != OTHER_THEME
                and (size := sum(len(self.members[p.id]) for p in parts))
                and self.hits(cid, union) * 2 >= size
            }
        self.join(targets, name)  # type: ignore[arg-type]

    def join(self, targets: set[int], name: str | None) -> None:
        if len(targets) < 2:
            return
        parts = sorted(
            (p for cid in targets for p in self.groups.pop(cid)),  # type: ignore[arg-type]
            key=lambda p: (-p.size, p.topic),
        )
        for cid in targets:
            self.names.pop(cid, None)  # type: ignore[arg-type]
        self.groups[parts[0].id] = parts
        if name:
            self.names[parts[0].id] = name


def _ids(members: Iterable[Any]) -> set[int]:
    return {int(r) for r in members}

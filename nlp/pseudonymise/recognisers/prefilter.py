"""Skip a pattern on a text that holds none of the words every match of it must contain.

Python's regex engine tries a pattern at every position of a text unless the pattern opens
with a literal or a set of letters; ours mostly open with a look-behind ("(?<![\\w-])…"), so
each is tried at every character of every text, and most texts (reviews) hold none of the
unit, age or organisation words that would make one match. `guarded(pattern)` reads the
pattern's own parse tree for a set of literal strings of which every match must contain one
("mottagningen", "kliniken", … for a unit pattern) and runs the pattern only on texts holding
one of them: a substring test in C, 10–20 times cheaper than the pattern's scan.

The strings are derived from the pattern itself, never written by hand, so a word added to a
pattern is added to its guard: the finds are exactly the pattern's. A pattern with no such
strings (one that can match any word) is run as before. Case-insensitive parts are tested
against the text folded as the regex engine folds it (see `folded`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from itertools import product
from typing import Generic, TypeVar

try:  # the parser the engine itself compiles with (CPython 3.11+)
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: every pattern runs unguarded
    _sre_parse = None

# Literal characters a guard may hold: every character the regex engine matches to one of
# these case-insensitively folds (below) to the same character as it, which the tests check
# over all of Unicode. Anything else ends a literal run (it is read as "any character").
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789åäöéüÅÄÖÉÜæøÆØ -.,:;/@&'’()_#+*")
# The engine's case-insensitive matching of Latin letters, where str.lower() differs:
# "ı" and "İ" match "i", "ſ" matches "s" (re/_casefix.py); İ also lowers to two characters.
_ENGINE_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_MAX_EXACT = 48  # literal strings followed through a concatenation (cross product)
_MAX_GUARD = 96  # strings in one guard: past that the test costs more than it saves

T = TypeVar("T")
Literal = tuple[str, bool]  # (string, case-insensitive)


def folded(text: str) -> str:
    """`text` as the regex engine compares it case-insensitively, letter for letter."""
    return text.translate(_ENGINE_FOLDS).lower()


class PerText(Generic[T]):
    """A view of a text (its folded copy, its tokens) computed once while many recognisers ask
    for it in a row: the last text's view only, dropped by `forget` when the text is done."""

    __slots__ = ("_compute", "_last")

    def __init__(self, compute: Callable[[str], T]) -> None:
        self._compute = compute
        self._last: tuple[str, T] | None = None
        _VIEWS.append(self)

    def __call__(self, text: str) -> T:
        last = self._last  # one read: a tuple, consistent even if another thread replaces it
        if last is not None and (last[0] is text or last[0] == text):
            return last[1]
        value = self._compute(text)
        self._last = (text, value)
        return value

    @property
    def holds_text(self) -> bool:
        return self._last is not None

    def drop(self) -> None:
        self._last = None


_VIEWS: list[PerText] = []
_folded_once = PerText(folded)


def forget() -> None:
    """Drop every per-text view of the last text (the finder calls this when a text is done,
    so no text outlives its pseudonymisation in these views)."""
    for view in _VIEWS:
        view.drop()


def _lit(ch: str, icase: bool) -> Literal | None:
    if ch not in _SAFE:
        return None
    return (folded(ch), True) if icase else (ch, False)


def _concat(a: Literal, b: Literal) -> Literal:
    if a[1] == b[1]:
        return (a[0] + b[0], a[1])
    # a case-sensitive part read case-insensitively still holds: the text folds as it does
    return (folded(a[0]) + folded(b[0]), True)


def _product(a: frozenset[Literal], b: frozenset[Literal]) -> frozenset[Literal]:
    return frozenset(_concat(x, y) for x, y in product(a, b))


def _implies(x: Literal, y: Literal) -> bool:
    """A text holding x passes the test for y: "kliniken" holds "klinik"."""
    (s, s_icase), (o, o_icase) = x, y
    if s_icase and not o_icase:
        return False  # "Klinik" need not stand in the text as written
    return o in (folded(s) if o_icase and not s_icase else s)


def _minimal(req: frozenset[Literal]) -> frozenset[Literal]:
    """The set without strings another one of it already tests for."""
    return frozenset(x for x in req if not any(y != x and _implies(x, y) for y in req))


def _shrunk(req: frozenset[Literal]) -> frozenset[Literal]:
    """`_minimal`, and past the size limit read case-insensitively ("Boendet", "boendet" are
    one string then): a weaker test, still passed by every text that holds a match."""
    req = _minimal(req)
    if len(req) > _MAX_GUARD:
        req = _minimal(frozenset((folded(s), True) for s, _ in req))
    return req


def _valid(req: frozenset[Literal] | None) -> bool:
    return bool(req) and all(s for s, _ in req) and len(req) <= _MAX_GUARD


def _best(cands: list[frozenset[Literal]]) -> frozenset[Literal] | None:
    """The most selective requirement: longest shortest string, then fewest strings."""
    usable = [_shrunk(c) for c in cands if c and all(s for s, _ in c)]
    usable = [c for c in usable if _valid(c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(min(len(s) for s, _ in c), 6), -len(c)))


_EMPTY: frozenset[Literal] = frozenset({("", False)})
Info = tuple[frozenset[Literal] | None, frozenset[Literal] | None]  # (exactly one of, contains one of)


def _seq(items: list, icase: bool) -> Info:
    exact: frozenset[Literal] = _EMPTY
    complete = True
    cands: list[frozenset[Literal]] = []
    for item in items:
        e, r = _node(item, icase)
        if r is not None:
            cands.append(r)
        if e is None:
            cands.append(exact)
            exact, complete = _EMPTY, False
        elif len(exact) * len(e) > _MAX_EXACT:
            cands.append(exact)
            exact, complete = e, False
        else:
            exact = _product(exact, e)
    cands.append(exact)
    return (exact if complete else None), _best(cands)


def _node(item: tuple, icase: bool) -> Info:
    op, av = item
    if op is _c.LITERAL:
        lit = _lit(chr(av), icase)
        return (frozenset({lit}) if lit else None), None
    if op is _c.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is _c.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is _c.RANGE and sub_av[1] - sub_av[0] < 12:
                chars.update(map(chr, range(sub_av[0], sub_av[1] + 1)))
            else:  # a category, a negation, a wide range: any character, as good as
                return None, None
        lits = {_lit(ch, icase) for ch in chars}
        if None in lits or len(lits) > 12:
            return None, None
        return frozenset(lits), None  # type: ignore[arg-type]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY, None  # zero width: what a look-around reads is no part of the match
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        if add & re.IGNORECASE:
            icase = True
        if remove & re.IGNORECASE:
            icase = False
        return _seq(sub, icase)
    if op is _c.ATOMIC_GROUP:
        return _seq(av, icase)
    if op is _c.BRANCH:
        return _alternatives([_seq(alt, icase) for alt in av[1]])
    if op is _c.GROUPREF_EXISTS:
        _group, yes, no = av
        return _alternatives([_seq(yes, icase), _seq(no, icase) if no else (_EMPTY, None)])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        e, r = _seq(sub, icase)
        if lo == 0:
            return ((e | _EMPTY) if hi == 1 and e is not None else None), None
        exact = None
        if e is not None and lo == hi and len(e) ** lo <= _MAX_EXACT:
            exact = _EMPTY
            for _ in range(lo):
                exact = _product(exact, e)
        return exact, _best([c for c in (r, e) if c is not None])
    return None, None  # any character, a back-reference: no literal to require


def _alternatives(infos: list[Info]) -> Info:
    exacts = [e for e, _ in infos]
    exact = None
    if all(e is not None for e in exacts):
        union = frozenset().union(*exacts)  # type: ignore[arg-type]
        exact = union if len(union) <= _MAX_EXACT else None
    reqs = [r if r is not None else _best([e] if e is not None else []) for e, r in infos]
    req = None
    if all(r is not None for r in reqs):
        union = _shrunk(frozenset().union(*reqs))  # type: ignore[arg-type]
        req = union if _valid(union) else None
    return exact, req


def required_literals(pattern: re.Pattern[str]) -> frozenset[Literal] | None:
    """Strings (each with whether it is case-insensitive) of which every match of `pattern`
    contains at least one; None when the pattern can match without any."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    icase = bool(tree.state.flags & re.IGNORECASE)
    return _seq(list(tree), icase)[1]


class Guarded:
    """A compiled pattern that first checks its text for one of its required strings; the
    rest of re.Pattern (groupindex, pattern, match at a position …) is the pattern's own."""

    __slots__ = ("_exact", "_folded", "_pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._pattern = pattern
        req = required_literals(pattern) or frozenset()
        self._exact = tuple(sorted(s for s, icase in req if not icase))
        self._folded = tuple(sorted(s for s, icase in req if icase))
        if not req:
            self._exact = self._folded = ()

    def __getattr__(self, name: str):  # groupindex, groups, pattern, flags, match, fullmatch
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"guarded({self._pattern!r})"

    @property
    def guard(self) -> tuple[str, ...]:
        """The required strings (case-insensitive ones lowercase); () when it has none."""
        return self._exact + self._folded

    @property
    def unguarded(self) -> re.Pattern[str]:
        """The pattern itself, for parts of a text whose whole passed `may_match`: a part holds
        only strings its text holds, and folding each part would evict the text's folded copy."""
        return self._pattern

    def may_match(self, text: str) -> bool:
        """False only when no match can exist anywhere in `text`."""
        if not self._exact and not self._folded:
            return True
        # map over the bound method: the loop runs in C, not once per string in Python
        if any(map(text.__contains__, self._exact)):
            return True
        return bool(self._folded) and any(map(_folded_once(text).__contains__, self._folded))

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self.may_match(text):
            return iter(())
        return self._pattern.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text):
            return None
        return self._pattern.search(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        if not self.may_match(text):
            return []
        return self._pattern.findall(text, pos, endpos)


def guarded(pattern: str | re.Pattern[str], flags: int = 0) -> Guarded:
    """`pattern` compiled (a drop-in for re.compile), skipped on texts that hold none of the
    strings all its matches contain."""
    return Guarded(re.compile(pattern, flags))

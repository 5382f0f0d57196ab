"""JSON read from ijson's basic events with a depth counter: nothing is built before it is checked.

An element that is not an object, or nesting deeper than the limit, is refused when it
starts; nested values inside an answer object are skipped (ingest rejects them if the
column is used), never built. See limits.py for why.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import ijson

from nlp.ingest.limits import Budget, ErrorFactory


class _Events:
    """ijson basic events with a depth counter checked as containers open (nothing built)."""

    def __init__(self, fh: Any, budget: Budget, error: ErrorFactory) -> None:
        self._it = ijson.basic_parse(fh, use_float=True)
        self.budget, self.error = budget, error
        self.depth = 0
        self.row: int | None = None
        self._n = 0

    def __iter__(self) -> _Events:
        return self

    def __next__(self) -> tuple[str, Any]:
        event, value = next(self._it)
        if event == "start_map" or event == "start_array":
            self.enter()
        elif event == "end_map" or event == "end_array":
            self.depth -= 1
        self._n += 1
        if not self._n & 0xFFF:
            self.budget.check(self.error, self.row)
        return event, value

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.budget.limits.max_depth:
            raise self.error(
                f"JSON-filen är för djupt nästlad (mer än {self.budget.limits.max_depth} "
                "nivåer). En export ska vara en lista av objekt med ett värde per fält.",
                row=self.row,
            )

    def take(self) -> tuple[str, Any]:
        for item in self:
            return item
        raise self.error("Filen är inte giltig JSON.", row=self.row)

    def skip(self, event: str) -> None:
        """Skip the value that began with `event`, without building it."""
        if event == "start_map" or event == "start_array":
            target = self.depth - 1
            for _ in self:
                if self.depth <= target:
                    return


def _value(ev: _Events, event: str, value: Any, keep_nested: bool) -> Any:
    if event == "start_map":
        if keep_nested:
            return _build_map(ev, keep_nested)
        ev.skip(event)
        return {}  # an empty stand-in: ingest rejects it if the column is used
    if event == "start_array":
        if keep_nested:
            return _build_list(ev)
        ev.skip(event)
        return []
    return value


def _build_map(ev: _Events, keep_nested: bool) -> dict[str, Any]:
    # The hot loop of a JSON import: flat values straight from ijson's iterator (an answer
    # object is mostly flat); containers go through `ev`, which counts depth.
    obj: dict[str, Any] = {}
    raw = ev._it
    for event, value in raw:
        if event == "map_key":
            event2, value2 = next(raw, ("", None))
            if event2 == "start_map" or event2 == "start_array":
                ev.enter()
                value2 = _value(ev, event2, value2, keep_nested)
            obj[value] = value2
            if len(obj) > ev.budget.limits.max_columns:
                ev.budget.columns(ev.error, len(obj), ev.row)
        else:  # end_map
            ev.depth -= 1
            return obj
    raise ev.error("Filen är inte giltig JSON.", row=ev.row)


def _build_list(ev: _Events) -> list[Any]:
    out: list[Any] = []
    for event, value in ev:
        if event == "end_array":
            return out
        out.append(_value(ev, event, value, True))
        if not len(out) & 0xFF:
            ev.budget.check(ev.error, ev.row, 256)
    return out


def json_prefix(fh: Any, budget: Budget, error: ErrorFactory) -> str | None:
    """ijson-style prefix of the answers: "item" (top-level array) or "<key>.item" for the
    first array directly under a top-level key; None if there is none."""
    ev = _Events(fh, budget, error)
    event, _ = ev.take()
    if event == "start_array":
        return "item"
    if event != "start_map":
        return None
    for event, key in ev:
        if event == "end_map":
            return None
        event, _ = ev.take()
        if event == "start_array" and "." not in key:
            return f"{key}.item"
        ev.skip(event)
    return None


def json_objects(fh: Any, prefix: str, budget: Budget, error: ErrorFactory) -> Iterator[dict[str, Any]]:
    """The objects of the array at `prefix` (from json_prefix); an element that is not an
    object stops the read naming its row (element number + 1) before it is built."""
    ev = _Events(fh, budget, error)
    key = None if prefix == "item" else prefix[: -len(".item")]
    event, _ = ev.take()
    row = [1]
    if key is None:
        if event == "start_array":
            yield from _elements(ev, row)
        return
    if event != "start_map":
        return
    for event, name in ev:
        if event == "end_map":
            return
        event, _ = ev.take()
        if name == key and event == "start_array":
            yield from _elements(ev, row)
        else:
            ev.skip(event)


def _elements(ev: _Events, row: list[int]) -> Iterator[dict[str, Any]]:
    for event, _ in ev:
        if event == "end_array":
            return
        row[0] += 1
        ev.row = row[0]
        if event != "start_map":
            raise ev.error("Posten är inte ett JSON-objekt ({...}).", row=row[0])
        yield _build_map(ev, keep_nested=False)


def json_line(line: str, row: int, budget: Budget, error: ErrorFactory, keep_nested: bool) -> Any:
    """One JSON Lines line: its object, None if it is not valid JSON. A line that is not an
    object, or nests too deep, raises before it is built."""
    if line.count("{") == 1 and "[" not in line:
        # Flat (no brackets even inside strings): json.loads cannot recurse or build a list.
        try:
            return json.loads(line)
        except ValueError:  # JSONDecodeError, or an integer over Python's 4300-digit limit
            return None
    ev = _Events(io.BytesIO(line.encode("utf-8", "surrogatepass")), budget, error)
    ev.row = row
    try:
        event, _ = ev.take()
        if event != "start_map":
            raise error("Raden är inte ett JSON-objekt ({...}).", row=row)
        obj = _build_map(ev, keep_nested)
        for _ in ev:  # trailing data makes the line invalid, as with json.loads
            pass
    except (ijson.JSONError, UnicodeError):
        return None
    return obj

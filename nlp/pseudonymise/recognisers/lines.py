"""The lines of one text, its line breaks found once: where the line holding a position starts
and ends, and whether it reads as a log line.

A check made per candidate that finds its line with `text.rfind("\\n", 0, pos)` and then reads
the line reads the whole line each time: on a long cell of candidates (one line of 100,000
characters) that costs time growing with the square of the cell. Here each candidate costs a
binary search, and what is asked of a whole line is asked once per line."""

from __future__ import annotations

import re
from bisect import bisect_left

from nlp.pseudonymise.recognisers.patterns import LOG_LINE

_BREAK = re.compile("\n")


class Lines:
    """One text's lines; built for one text, asked about many positions in it."""

    __slots__ = ("_breaks", "_logs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None
        self._logs: dict[int, bool] = {}

    def _index(self, pos: int) -> int:
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        return bisect_left(self._breaks, pos)

    def start(self, pos: int) -> int:
        """Where the line holding `pos` starts: `text.rfind("\\n", 0, pos) + 1`."""
        k = self._index(pos)
        return self._breaks[k - 1] + 1 if k else 0  # type: ignore[index]

    def end(self, pos: int) -> int:
        """The line break at or after `pos`, or the text's end: `text.find("\\n", pos)` or len."""
        k = self._index(pos)
        return self._breaks[k] if k < len(self._breaks) else len(self.text)  # type: ignore[arg-type,index]

    def is_log(self, pos: int) -> bool:
        """The line holding `pos` has a log's level word or clock time (patterns.LOG_LINE)."""
        start = self.start(pos)
        if start not in self._logs:
            self._logs[start] = LOG_LINE.search(self.text, start, self.end(start)) is not None
        return self._logs[start]

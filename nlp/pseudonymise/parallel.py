"""Pseudonymising many texts on several cores: finding in helper processes, numbering here.

Finding personal data (SpanFinder.find) is nearly all of the work and has no key and no
state. Numbering the pseudonyms ([PERSON_1] at a name's first appearance) is the one state of
an import: it stays in this process, in input order (Pseudonymiser.replace), so the output is
byte for byte that of one process. This process finds too: it takes the next chunk itself
whenever no helper's result is ready, so it is never idle and one core needs no helper.

- Start method "spawn": the caller may already run ONNX Runtime's or a web server's threads,
  and a fork copies their locks in whatever state they are; "forkserver" would keep a server
  process for the life of the web service. A spawned helper imports only the pseudonymiser.
- The key never leaves this process: finding needs none. Raw text reaches a helper through a
  pipe, in memory; nothing is written to disk or logged.
- Only above MIN_CHARS of text to search: a helper needs ~1.7 CPU seconds (~280 MB) to load
  the word lists first, and until it has, this process does all the work (no waiting for it).
  Texts whose finds the cache holds (span_cache.py, an import's warm path) are not searched
  and do not count, so a file imported before starts no helper.
- An error while finding is raised again here, the same type and message as in one process.
  A helper that dies (killed, out of memory) leaves its chunks to this process.
- Never a Dask cluster (BRUKARROST_KLUSTER): raw text does not leave this machine.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TypeVar

from nlp.config import get_settings
from nlp.core import Span
from nlp.pseudonymise.pseudonymiser import Pseudonymised, Pseudonymiser, SpanFinder
from nlp.pseudonymise.span_cache import SpanCache

log = logging.getLogger(__name__)

T = TypeVar("T")
CHUNK = 64  # texts per task: ~0.1 s of finding on real reviews, little to wait for at the end
# Break-even (issue 18, 2 cores): a helper's start is ~1.7 CPU s and finding costs ~7 µs per
# character of the real reviews, so the wall time saved, (work - start) / 2, is positive from
# ~240 000 characters (~850 reviews); this process never waits for the start. Just above it.
MIN_CHARS = 300_000
AHEAD = 3  # chunks given to each helper at a time, so it never waits for the next
MAX_QUEUED = 64  # chunks read ahead at most (raw text held in memory)
# Loads the word lists and patterns a find reads (names, places, words, lemmas).
_WARM_TEXT = (
    "Jag heter Anna Svensson, 45 år, och bor på Storgatan 12 i Kalmar. Ring 070-123 45 67 "
    "eller mejla anna@exempel.se. BUP Karlstad och vårdcentralen Gripen var bra, Dr Lind också."
)


def processes_setting() -> int:
    """Processes that find (this one included): BRUKARROST_PSEUDONYMISERING_PROCESSER, or
    with 0 (the default) one per core this process may use."""
    wanted = get_settings().pseudonymise_processes
    if wanted:
        return wanted
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pseudonymise_stream(
    pseudonymiser: Pseudonymiser,
    items: Iterable[T],
    text_of: Callable[[T], str],
    *,
    processes: int | None = None,
    min_chars: int = MIN_CHARS,
    chunk: int = CHUNK,
    cache: SpanCache | None = None,
) -> Iterator[tuple[T, Pseudonymised]]:
    """(item, its text pseudonymised) for each item, in order: what
    `pseudonymiser.pseudonymise(text_of(item))` gives item by item, on `processes` processes
    (default: processes_setting()) once the texts to search hold `min_chars` characters.
    With a `cache` (span_cache.py), texts whose finds it holds are not searched, and every
    text's finds are remembered in it (the caller saves them once the import is committed)."""
    processes = processes_setting() if processes is None else processes
    # a daemon process may start none (a pool's worker, say)
    parallel = processes > 1 and not multiprocessing.current_process().daemon
    with _Helpers(pseudonymiser.finder, processes - 1 if parallel else 0, min_chars) as helpers:
        chunks = _read(iter(items), text_of, chunk, cache, helpers.count)
        # Read ahead, without searching, until there is enough to search for helpers to pay
        # (they start at once then), the input ends, or as much is held as the stream ever holds.
        head: list[_Chunk] = []
        while helpers.may_start and len(head) < MAX_QUEUED and (next_chunk := next(chunks, None)) is not None:
            head.append(next_chunk)
        for read, spans in helpers.run(chain(head, chunks)):
            for item, text, found in zip(read.items, read.texts, spans):
                safe = pseudonymiser.replace(text, found)
                if cache is not None:
                    cache.remember(text, safe.text, found)
                yield item, safe


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(islice(items, size)):
        yield batch


def find_chunk(finder: SpanFinder, texts: list[str]) -> list[list[Span]]:
    """A helper's task (module level, so it can be sent to one)."""
    return [finder.find(t) for t in texts]


@dataclass
class _Chunk:
    """Items in input order, their texts, and each text's finds where the cache had them."""

    items: list
    texts: list[str]
    known: list[list[Span] | None]

    @property
    def missing(self) -> list[str]:
        """The texts to search."""
        return [t for t, k in zip(self.texts, self.known) if k is None]

    def spans(self, found: list[list[Span]]) -> list[list[Span]]:
        """Each text's finds: the cache's, or in order those `found` for the texts to search."""
        rest = iter(found)
        return [k if k is not None else next(rest) for k in self.known]


def _read(
    items: Iterator[T], text_of: Callable[[T], str], size: int, cache: SpanCache | None, count: Callable[[int], None]
) -> Iterator[_Chunk]:
    """The items in chunks, each looked up in the cache; `count` hears the characters to search."""
    for batch in _chunks(items, size):
        texts = [text_of(i) for i in batch]
        read = _Chunk(batch, texts, cache.lookup(texts) if cache is not None else [None] * len(texts))
        count(sum(map(len, read.missing)))
        yield read


@dataclass
class _Slot:
    """One chunk in input order: the finds of its texts to search, or the helper's future for them."""

    chunk: _Chunk
    found: list[list[Span]] | None = None
    future: Future | None = field(default=None, repr=False)

    def ready(self) -> bool:
        return self.found is not None or (self.future is not None and self.future.done())


class _Helpers:
    """Up to `n` helper processes for one stream of chunks: started once `min_chars` characters
    are to be searched (never for a small or cached input), shut down when the stream ends."""

    def __init__(self, finder: SpanFinder, n: int, min_chars: int) -> None:
        self.finder = finder
        self.n = max(0, n)
        self.min_chars = min_chars
        self.pool: ProcessPoolExecutor | None = None
        self.warm: Future | None = None
        self.broken = False
        self.to_search = 0  # characters to search read so far
        self.chunks = self.by_helpers = 0  # how the work was shared, for the log

    def __enter__(self) -> _Helpers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is None:
            return
        # A stream left early (an error in the caller): queued chunks are dropped, running ones end.
        self.pool.shutdown(wait=True, cancel_futures=True)
        log.info("pseudonymisation: %d of %d chunks found by %d helper processes", self.by_helpers, self.chunks, self.n)

    @property
    def may_start(self) -> bool:
        """True while helpers are wanted but not started (too little to search so far)."""
        return self.n > 0 and self.pool is None and not self.broken

    def count(self, chars: int) -> None:
        """`chars` more characters to search: start the helpers once they are enough."""
        self.to_search += chars
        if self.may_start and self.to_search >= self.min_chars:
            self.pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"))
            self.warm = self._submit([_WARM_TEXT])

    def _give_up(self, why: str) -> None:
        # Only the error's type: its message could quote a text.
        log.warning("pseudonymisation helpers unusable (%s): this process finds the rest itself", why)
        self.broken = True

    def _submit(self, texts: list[str]) -> Future | None:
        try:
            return self.pool.submit(find_chunk, self.finder, texts) if self.pool is not None else None
        except (BrokenProcessPool, RuntimeError) as exc:  # RuntimeError: it could not start one
            self._give_up(type(exc).__name__)
            return None

    def _usable(self) -> bool:
        """True once a helper has loaded the word lists (and the pool still works)."""
        if self.pool is None:
            return False
        if self.warm is not None and not self.broken:
            if not self.warm.done():
                return False
            # The warm-up text is fixed and this process finds in it: a failure here is the
            # helper's own (its start, its environment), not the data's.
            if (exc := self.warm.exception()) is not None:
                self._give_up(type(exc).__name__)
            self.warm = None
        return not self.broken

    def _spans(self, slot: _Slot) -> list[list[Span]]:
        """A slot's finds: the cache's and the helper's (an error in finding is raised again
        here, the same type and message), or this process's when the helper died."""
        if slot.found is not None:
            return slot.chunk.spans(slot.found)
        if slot.future is not None:
            try:
                found = slot.future.result()
                self.by_helpers += 1
                return slot.chunk.spans(found)
            except BrokenProcessPool:
                self._give_up("BrokenProcessPool")
        return slot.chunk.spans(find_chunk(self.finder, slot.chunk.missing))

    def run(self, chunks: Iterator[_Chunk]) -> Iterator[tuple[_Chunk, list[list[Span]]]]:
        """(chunk, its texts' finds) in input order."""
        queue: deque[_Slot] = deque()
        exhausted = False
        while queue or not exhausted:
            while queue and queue[0].ready():
                slot = queue.popleft()
                yield slot.chunk, self._spans(slot)
            busy = sum(1 for s in queue if s.future is not None and not s.future.done())
            batch = None if exhausted or len(queue) >= MAX_QUEUED else next(chunks, None)
            exhausted = exhausted or (batch is None and len(queue) < MAX_QUEUED)
            if batch is not None:
                self.chunks += 1
                missing = batch.missing
                future = None
                if missing and busy < self.n * AHEAD and self._usable():
                    future = self._submit(missing)
                # the helpers busy, still loading or not wanted: this process finds in the chunk itself
                found = None if future is not None else find_chunk(self.finder, missing)
                queue.append(_Slot(batch, found=found, future=future))
            elif queue:  # nothing more to read now: wait for the oldest helper result
                slot = queue.popleft()
                yield slot.chunk, self._spans(slot)

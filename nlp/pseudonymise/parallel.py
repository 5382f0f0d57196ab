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
- Only above MIN_CHARS of text: a helper needs ~1.7 CPU seconds (~280 MB) to load the word
  lists first, and until it has, this process does all the work (no waiting for it).
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
) -> Iterator[tuple[T, Pseudonymised]]:
    """(item, its text pseudonymised) for each item, in order: what
    `pseudonymiser.pseudonymise(text_of(item))` gives item by item, on `processes` processes
    (default: processes_setting()) once the items hold `min_chars` of text."""
    processes = processes_setting() if processes is None else processes
    it = iter(items)
    head: list[T] = []
    chars = 0
    # a daemon process may start none (a pool's worker, say)
    parallel = processes > 1 and not multiprocessing.current_process().daemon
    while parallel and chars < min_chars and (item := next(it, _END)) is not _END:
        head.append(item)
        chars += len(text_of(item))
    if not parallel or chars < min_chars:
        for item in chain(head, it):
            yield item, pseudonymiser.pseudonymise(text_of(item))
        return
    chunks = _chunks(chain(head, it), chunk)
    with _Helpers(pseudonymiser.finder, processes - 1) as helpers:
        for items_, spans in helpers.run(chunks, text_of):
            for item, found in zip(items_, spans):
                yield item, pseudonymiser.replace(text_of(item), found)
        log.info(
            "pseudonymisation: %d of %d chunks found by %d helper processes",
            helpers.by_helpers,
            helpers.chunks,
            helpers.n,
        )


_END = object()


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(islice(items, size)):
        yield batch


def find_chunk(finder: SpanFinder, texts: list[str]) -> list[list[Span]]:
    """A helper's task (module level, so it can be sent to one)."""
    return [finder.find(t) for t in texts]


@dataclass
class _Slot:
    """One chunk in input order: its items and its spans, or the helper's future for them."""

    items: list
    spans: list[list[Span]] | None = None
    future: Future | None = field(default=None, repr=False)

    def ready(self) -> bool:
        return self.spans is not None or (self.future is not None and self.future.done())


class _Helpers:
    """A pool of helper processes for one stream of chunks, shut down when it ends."""

    def __init__(self, finder: SpanFinder, n: int) -> None:
        self.finder = finder
        self.n = max(1, n)
        self.pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"))
        self.broken = False
        self.chunks = self.by_helpers = 0  # how the work was shared, for the log
        self.warm = self._submit([_WARM_TEXT])

    def __enter__(self) -> _Helpers:
        return self

    def __exit__(self, *exc: object) -> None:
        # A stream left early (an error in the caller): queued chunks are dropped, running ones end.
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _give_up(self, why: str) -> None:
        # Only the error's type: its message could quote a text.
        log.warning("pseudonymisation helpers unusable (%s): this process finds the rest itself", why)
        self.broken = True

    def _submit(self, texts: list[str]) -> Future | None:
        try:
            return self.pool.submit(find_chunk, self.finder, texts)
        except (BrokenProcessPool, RuntimeError) as exc:  # RuntimeError: it could not start one
            self._give_up(type(exc).__name__)
            return None

    def _usable(self) -> bool:
        """True once a helper has loaded the word lists (and the pool still works)."""
        if self.warm is not None and not self.broken:
            if not self.warm.done():
                return False
            # The warm-up text is fixed and this process finds in it: a failure here is the
            # helper's own (its start, its environment), not the data's.
            if (exc := self.warm.exception()) is not None:
                self._give_up(type(exc).__name__)
            self.warm = None
        return not self.broken

    def _spans(self, slot: _Slot, text_of: Callable) -> list[list[Span]]:
        """A slot's spans: the helper's (an error in finding is raised again here, the same
        type and message), or this process's when the helper died."""
        if slot.spans is not None:
            return slot.spans
        if slot.future is not None:
            try:
                spans = slot.future.result()
                self.by_helpers += 1
                return spans
            except BrokenProcessPool:
                self._give_up("BrokenProcessPool")
        return find_chunk(self.finder, [text_of(i) for i in slot.items])

    def run(self, chunks: Iterator[list[T]], text_of: Callable[[T], str]) -> Iterator[tuple[list[T], list]]:
        """(chunk, its spans) in input order."""
        queue: deque[_Slot] = deque()
        exhausted = False
        while queue or not exhausted:
            while queue and queue[0].ready():
                slot = queue.popleft()
                yield slot.items, self._spans(slot, text_of)
            busy = sum(1 for s in queue if s.future is not None and not s.future.done())
            batch = None if exhausted or len(queue) >= MAX_QUEUED else next(chunks, None)
            exhausted = exhausted or (batch is None and len(queue) < MAX_QUEUED)
            future = None
            if batch is not None and busy < self.n * AHEAD and self._usable():
                future = self._submit([text_of(i) for i in batch])
            if batch is not None:
                self.chunks += 1
                # the helpers busy or still loading: this process finds in the chunk itself
                spans = None if future is not None else find_chunk(self.finder, [text_of(i) for i in batch])
                queue.append(_Slot(batch, spans=spans, future=future))
            elif queue:  # nothing more to read now: wait for the oldest helper result
                slot = queue.popleft()
                yield slot.items, self._spans(slot, text_of)

"""Pseudonymising on several processes (nlp/pseudonymise/parallel.py) gives what one process
gives, byte for byte: the finding is keyless and stateless, the numbering stays in order.

The input is the synthetic texts of benchmarks/data/pii_blind*.jsonl (written for the
benchmarks, no real person's words), many chunks long, with names that come back in later
chunks. Real helper processes are started (spawn), nothing is mocked.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlp.config import get_settings
from nlp.pseudonymise import CATEGORIES, Pseudonymiser, SpanFinder, processes_setting, pseudonymise_stream
from nlp.pseudonymise.parallel import MIN_CHARS, find_chunk
from nlp.pseudonymise.span_cache import cache_path
from tests.pseudonymise_support import KEY, blind_csv, blind_texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = blind_texts(2000)
    assert len(found) == 2000 and sum(map(len, found)) > MIN_CHARS  # many chunks of real length
    # the first texts again at the end: their names must get the numbers they got then
    return found + found[:300]


@pytest.fixture(scope="module")
def alone(texts: list[str]) -> list[tuple[str, tuple]]:
    """One process's result; its first n rows are one process's result for the first n texts
    (numbers follow first appearance)."""
    return _one_process(texts)


def _one_process(texts: list[str]) -> list[tuple[str, tuple]]:
    p = Pseudonymiser(KEY)
    return [(r.text, r.spans) for r in map(p.pseudonymise, texts)]


def _stream(texts: list, processes: int, **kw: int) -> list[tuple[str, tuple]]:
    out = pseudonymise_stream(Pseudonymiser(KEY), texts, str, processes=processes, min_chars=0, **kw)
    return [(r.text, r.spans) for _, r in out]


def _helper_chunks(caplog: pytest.LogCaptureFixture) -> int:
    found = [re.search(r": (\d+) of \d+ chunks found by", r.getMessage()) for r in caplog.records]
    return sum(int(m.group(1)) for m in found if m)


@pytest.mark.utan_databas
def test_two_processes_give_the_one_process_result_byte_for_byte(
    texts: list[str], alone: list[tuple[str, tuple]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="nlp.pseudonymise.parallel")
    together = _stream(texts, processes=2, chunk=16)
    assert _helper_chunks(caplog) > 0  # the helper really found some of it
    assert together == alone
    # what the test is about: numbers that cross chunks (a name first seen in an early chunk)
    assert any(re.search(r"\[PERSON_\d{3,}\]", text) for text, _ in together)
    # the texts seen again, in other chunks and maybe another process: the pseudonyms of then
    assert together[-300:] == together[:300]


@pytest.mark.utan_databas
def test_a_helper_finds_what_this_process_finds_without_the_key(texts: list[str]) -> None:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    p = Pseudonymiser(KEY)
    # all a helper gets: the kinds to find, never the key
    assert KEY not in pickle.dumps(p.finder)
    assert p.finder == Pseudonymiser(b"another-key-0123456789abcdef-012345").finder
    sample = texts[:200]
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        there = pool.submit(find_chunk, p.finder, sample).result()
    assert there == [p.find(t) for t in sample]
    assert sum(map(len, there)) > 100


@pytest.mark.utan_databas
def test_small_inputs_and_the_setting_stay_in_this_process(
    texts: list[str], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="nlp.pseudonymise.parallel")
    monkeypatch.setenv("BRUKARROST_PSEUDONYMISERING_PROCESSER", "1")
    get_settings.cache_clear()
    assert processes_setting() == 1
    few = texts[:50]
    assert _stream(few, processes=processes_setting()) == _one_process(few)
    # below the threshold in characters, even with two processes asked for
    out = pseudonymise_stream(Pseudonymiser(KEY), few, str, processes=2, min_chars=10**9)
    assert [(r.text, r.spans) for _, r in out] == _one_process(few)
    assert _helper_chunks(caplog) == 0 and not any("chunks found" in r.getMessage() for r in caplog.records)
    monkeypatch.setenv("BRUKARROST_PSEUDONYMISERING_PROCESSER", "0")
    get_settings.cache_clear()
    assert processes_setting() == len(os.sched_getaffinity(0))


class _RefusesAccountNumbers(frozenset):
    """Categories that fail when asked about KONTONUMMER: a find that raises on a text with an
    account number (the helpers' warm-up text has none)."""

    def __contains__(self, label: object) -> bool:
        if label == "KONTONUMMER" and self.refuses():
            raise LookupError("kategorin KONTONUMMER gick inte att läsa")
        return frozenset.__contains__(self, label)

    def refuses(self) -> bool:
        return True


class _RefusesInHelpers(_RefusesAccountNumbers):
    """The same, only in a helper process: so the error can only come from one."""

    def refuses(self) -> bool:
        return multiprocessing.current_process().name != "MainProcess"


@pytest.mark.utan_databas
def test_an_error_in_a_helper_is_the_error_of_one_process(texts: list[str]) -> None:
    bad = next(t for t in texts if any(s.label == "KONTONUMMER" for s in Pseudonymiser(KEY).find(t)))
    alone = Pseudonymiser(KEY)
    alone.finder = SpanFinder(_RefusesAccountNumbers(CATEGORIES))
    with pytest.raises(LookupError) as in_one:
        alone.pseudonymise(bad)
    helped = Pseudonymiser(KEY)
    helped.finder = SpanFinder(_RefusesInHelpers(CATEGORIES))
    # enough before the bad texts for the helper to be ready when they come
    many = texts[:1500] + [bad] * 400
    with pytest.raises(LookupError) as in_helper:
        list(pseudonymise_stream(helped, many, str, processes=2, min_chars=0, chunk=8))
    assert "Traceback" in str(in_helper.value.__cause__)  # the helper's traceback: raised there
    assert str(in_helper.value) == str(in_one.value) == "kategorin KONTONUMMER gick inte att läsa"


def _killing_helpers(texts: list[str], after: int) -> Iterator[str]:
    """The texts, killing this process's helper processes once `after` of them were read."""
    for i, text in enumerate(texts):
        if i == after:
            helpers = multiprocessing.active_children()
            assert helpers  # started by then: the stream reads ahead of what it has found
            for child in helpers:
                os.kill(child.pid, signal.SIGKILL)
        yield text


@pytest.mark.utan_databas
def test_a_helper_that_dies_leaves_its_chunks_to_this_process(texts: list[str], alone: list[tuple[str, tuple]]) -> None:
    part = texts[:800]
    assert _stream(_killing_helpers(part, after=500), processes=2, chunk=16) == alone[:800]


def test_an_import_on_two_processes_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from nlp.pipeline import import_export
    from nlp.store import init_db, session_scope
    from nlp.store.models import RecordRow

    source = blind_csv(tmp_path / "svar.csv", 2000)
    engine = init_db()
    stored = {}
    for processes in ("1", "2"):
        monkeypatch.setenv("BRUKARROST_PSEUDONYMISERING_PROCESSER", processes)
        get_settings.cache_clear()
        # the second import would read the first one's finds back (span_cache.py): search again
        cache_path().unlink(missing_ok=True)
        summary = import_export(source, project=f"p{processes}", text_columns=["svar"], engine=engine)
        with session_scope(engine) as session:
            rows = session.execute(
                select(RecordRow.row, RecordRow.text, RecordRow.pii_spans, RecordRow.respondent_key)
                .where(RecordRow.import_id == summary.import_id)
                .order_by(RecordRow.id)
            ).all()
        stored[processes] = ([tuple(r) for r in rows], summary.pii_counts)
    assert len(stored["1"][0]) == 2000
    assert stored["2"] == stored["1"]

"""The shared real texts for the benchmarks, pseudonymised before anything embeds them.

A helper, not a benchmark. The reviews (../shared/data/real/recensioner_sv_10k.csv; no
licence, never copied into the project) and the forum paragraphs (Absabank-Imm, Språkbanken
Text, University of Gothenburg, CC BY 4.0) are real people's words, now and then with their
names and numbers. The product pseudonymises every answer before it embeds, caches or stores
it, and data/anonymiserad/ holds pseudonymised text only; a benchmark must keep the same rule,
so this is the one place the benchmarks read those files:

- `load` reads the rows of one file, lets the caller choose rows and compute labels from the
  raw row in memory (a kind of business, a sentiment: grouping must not depend on what the
  pseudonymiser replaced), and hands back only the texts the product's own Pseudonymiser
  gives, under a throwaway random key: one instance per call, in row order, like one import.
  The text it gives does not depend on the key (pseudonyms are numbered in order of first
  appearance), so two processes loading the same rows get the same texts;
- `load_in_child` does the same in a child process, so the pseudonymiser's memory stays out
  of the peak RSS a benchmark reports for its own process;
- `scratch_data_dir` points BRUKARROST_DATA_DIR (the vector cache's home) at a temporary
  directory removed at exit, unless the user named a data dir; child processes inherit it.
"""

from __future__ import annotations

import atexit
import csv
import json
import multiprocessing
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlp.config import get_settings  # noqa: E402

# The shared data sit next to the project checkout; BRUKARROST_DELAD_MAPP points elsewhere.
SHARED = Path(os.environ.get("BRUKARROST_DELAD_MAPP") or ROOT.parent / "shared")
REAL = SHARED / "data" / "real"
REVIEWS = REAL / "recensioner_sv_10k.csv"
FORUM = REAL / "forum_invandring_absabank.jsonl"
DATA_DIR_ENV = "BRUKARROST_DATA_DIR"

Row = dict[str, Any]


@dataclass(frozen=True)
class SharedTexts:
    """Rows of a shared file: pseudonymised texts only, never the raw ones."""

    texts: list[str]  # pseudonymised, in file order
    rows: list[int]  # each text's row in its file (0 = the first data row)
    labels: list[Any]  # label(raw row) of each, computed before pseudonymisation (None without one)
    changed: int  # how many texts the pseudonymiser changed


def require(*paths: Path) -> None:
    """Stop with a Swedish message when a shared file is missing."""
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit(
            f"Hittar inte den delade texten: {', '.join(missing)}. Benchmarken behöver mappen ../shared "
            "bredvid projektet (eller BRUKARROST_DELAD_MAPP) med data/real/."
        )


def _rows(path: Path) -> Iterator[Row]:
    """The rows of a CSV (header row) or a JSONL file, in file order."""
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix == ".jsonl":
            yield from (json.loads(line) for line in fh if line.strip())
        else:
            yield from csv.DictReader(fh)


def count_rows(path: Path) -> int:
    """How many rows the file has (to draw a random choice of them before loading)."""
    require(path)
    return sum(1 for _ in _rows(path))


def load(
    path: Path,
    n: int | None = None,
    *,
    keep: Callable[[int, Row], bool] | None = None,
    label: Callable[[Row], Any] | None = None,
) -> SharedTexts:
    """The first `n` (all if None) rows of `path` with a non-empty text that `keep(row index,
    raw row)` accepts, pseudonymised; `label(raw row)` is computed from the raw row."""
    require(path)
    scratch_data_dir()  # before anything can embed them: no vector lands in the checkout's data dir
    chosen: list[tuple[int, Row]] = []
    for i, row in enumerate(_rows(path)):
        if n is not None and len(chosen) >= n:
            break
        if str(row.get("text") or "").strip() and (keep is None or keep(i, row)):
            chosen.append((i, row))
    # Imported here: its word lists are hundreds of MB, not wanted in a process that only embeds.
    from nlp.pseudonymise import Pseudonymiser

    pseudonymiser = Pseudonymiser(secrets.token_bytes(32))  # throwaway: nothing maps pseudonyms back
    texts = [pseudonymiser.pseudonymise(row["text"]).text for _, row in chosen]
    return SharedTexts(
        texts=texts,
        rows=[i for i, _ in chosen],
        labels=[label(row) if label else None for _, row in chosen],
        changed=sum(t != row["text"] for t, (_, row) in zip(texts, chosen)),
    )


def load_in_child(path: Path, n: int | None = None, *, label: Callable[[Row], Any] | None = None) -> SharedTexts:
    """load(path, n, label=label) in a child process (`label` a module-level function, so it can
    be pickled): the pseudonymiser's memory stays out of this process's peak RSS."""
    require(path)
    scratch_data_dir()  # here, so that the child inherits it rather than making its own
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(load, path, n, label=label).result()


def reviews(n: int | None = None) -> list[str]:
    """The first n real reviews, pseudonymised."""
    return load(REVIEWS, n).texts


def scratch_data_dir() -> Path:
    """The data dir the benchmark embeds into: BRUKARROST_DATA_DIR when the user named one
    (or a parent benchmark process did), else a fresh temporary directory removed at exit.

    Without this the vector cache would be the checkout's data/anonymiserad/cache. Built model
    files (weights, no answer data) stay where they were, so no run rebuilds the model."""
    named = os.environ.get(DATA_DIR_ENV)
    if named:
        return Path(named)
    from nlp.modeller import model_dir

    os.environ.setdefault("BRUKARROST_MODEL_DIR", str(model_dir()))
    tmp = Path(tempfile.mkdtemp(prefix="brukarrost-bench-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    os.environ[DATA_DIR_ENV] = str(tmp / "data")
    get_settings.cache_clear()
    return tmp / "data"


def vector_cache_dir() -> Path:
    """Where embed_texts caches vectors from now on in this process (see scratch_data_dir)."""
    scratch_data_dir()
    return get_settings().cache_dir

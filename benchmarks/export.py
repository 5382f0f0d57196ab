"""Export time and size: the export book (summary, respondents, answers) of a run and each
registered format written from it, on a seeded run of N answers in a temporary SQLite database.

    python benchmarks/export.py [--antal 5000]

Seeds through tests/test_api_support.seed (real ORM rows: answers, classifications, five
labels' suggestions, themes). Prints seconds, output size and peak Python memory
(tracemalloc, a second run) per step. The machine is shared, so figures include other people's load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antal", type=int, default=5000, help="svar i körningen")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    os.environ["BRUKARROST_DATA_DIR"] = str(work / "data")
    os.environ["BRUKARROST_KEY_FILE"] = str(work / "nyckel")
    os.environ.pop("BRUKARROST_DATABASE_URL", None)

    from nlp.report import FORMATS, export_book
    from nlp.store import init_db, session_scope
    from tests.test_api_support import seed

    engine = init_db()
    t = time.perf_counter()
    ids = seed(engine, n_records=args.antal)
    print(f"seed: {args.antal} svar på {time.perf_counter() - t:.1f} s")
    with session_scope(engine) as s:
        took, peak, book = _measure(lambda: export_book(s, ids["run_a"]))
    sizes = ", ".join(f"{sh.name} {len(sh.rows)} rader × {len(sh.columns)} kolumner" for sh in book.sheets)
    print(f"export_book: {took:.2f} s, topp {peak:.0f} MB ({sizes})")
    for name, fmt in FORMATS.items():
        took, peak, body = _measure(lambda f=fmt: f.write(book))
        print(f"{name:>17}: {took:.2f} s, {len(body) / 2**20:.1f} MB, topp {peak:.0f} MB")


def _measure(step: Any) -> tuple[float, float, Any]:
    """Seconds of one run without tracing (tracemalloc slows Python down), then the peak
    Python memory of a second run with it."""
    t = time.perf_counter()
    out = step()
    took = time.perf_counter() - t
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return took, peak, out


if __name__ == "__main__":
    main()

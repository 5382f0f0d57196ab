"""Answer browser speed: Swedish full-text search and one page of the browser, on a seeded run.

    python benchmarks/answer_search.py [--manader 12] [--per-manad 500] [--url postgresql+psycopg://…]

Seeds a project with one finished run (tests/browser/seed.py: answers, themes, labels,
valences) into a temp SQLite file, or into the PostgreSQL database given by --url (its
public schema is emptied first). Prints: the time to build SQLite's stem index on the first
search (PostgreSQL indexes as rows are written), the search alone (median of repeats), and a
whole page of the browser (search + filters + the selection's figures + 25 answers), median
and max. The machine is shared, so figures include other people's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ("väntetid", "telefon", "respekt", "personalen lyssnade")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manader", type=int, default=12)
    ap.add_argument("--per-manad", type=int, default=500)
    ap.add_argument("--url", default=None, help="PostgreSQL-adress (annars en tillfällig SQLite-fil)")
    ap.add_argument("--upprepa", type=int, default=15)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="svarssok-"))
    os.environ["BRUKARROST_DATA_DIR"] = str(tmp / "data")
    os.environ["BRUKARROST_KEY_FILE"] = str(tmp / "nyckel" / "pseudonym.key")
    os.environ["BRUKARROST_DATABASE_URL"] = args.url or f"sqlite:///{tmp / 'data' / 'brukarrost.db'}"

    from sqlalchemy import create_engine, select, text

    from api.services.answers import AnswerFilter, browse, prepare_search
    from nlp.store import init_db, session_scope
    from nlp.store.models import AnalysisRun, User
    from nlp.store.search import search_hits
    from tests.browser.seed import seed

    if args.url:
        with create_engine(args.url).begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    engine = init_db()
    t0 = time.perf_counter()
    ids = seed(engine, n_months=args.manader, per_month=args.per_manad)
    n = len(ids["record_ids"])
    print(f"{engine.dialect.name}: {n} svar inlagda på {time.perf_counter() - t0:.1f} s")
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, ids["run_id"])
        user = s.get(User, ids["users"]["analytiker1"])
        t0 = time.perf_counter()
        prepare_search(s, run, "väntetid")
        print(f"första sökningen: sökindex byggt på {time.perf_counter() - t0:.2f} s")
        for q in QUERIES:
            times, hits = [], 0
            for _ in range(args.upprepa):
                t0 = time.perf_counter()
                sub = search_hits(s, q)
                hits = len(s.scalars(select(sub.c.record_id)).all())
                times.append(time.perf_counter() - t0)
            print(f"sökning {q!r}: {hits} träffar, median {statistics.median(times) * 1000:.1f} ms")
        for label, f in (
            ("sida utan sökning", AnswerFilter()),
            ("sida med sökning", AnswerFilter(query="väntetid")),
            ("sida med sökning och filter", AnswerFilter(query="telefon", unit="Psykiatrin", gender="kvinna")),
        ):
            times = []
            for _ in range(args.upprepa):
                t0 = time.perf_counter()
                page = browse(s, user, run, f)
                times.append(time.perf_counter() - t0)
            print(
                f"{label}: {page.selection.k} svar i urvalet, median {statistics.median(times) * 1000:.0f} ms, "
                f"max {max(times) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()

"""Throughput and latency of the validation endpoint under concurrent clients.

Starts uvicorn on 127.0.0.1 as a separate process over a fresh SQLite database (or
--database-url), seeds projects, users and a finished analysis run, then drives
POST /api/records/{id}/decisions (and, with --queue, GET .../validation/queue) from N
concurrent httpx clients. Bounded by --requests and --seconds. Prints requests/s and
latency percentiles, and checks that every accepted decision was stored.

    python benchmarks/api_validation.py --clients 20 --requests 2000 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.server_process import uvicorn_server  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


async def _drive(
    base: str,
    tokens: list[dict[str, str]],
    record_ids: list[int],
    project_id: int,
    clients: int,
    total: int,
    seconds: float,
    queue: bool,
) -> dict[str, object]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    sent = 0
    deadline = time.monotonic() + seconds
    labels = ["tidig-hjalp", "tillganglighet", "behandling-val", "helhet", "respekt"]

    async def client(i: int) -> None:
        nonlocal sent
        rng = random.Random(i)
        headers = tokens[i % len(tokens)]
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as c:
            while sent < total and time.monotonic() < deadline:
                sent += 1
                t0 = time.perf_counter()
                if queue and rng.random() < 0.2:
                    r = await c.get(f"/api/projects/{project_id}/validation/queue", params={"limit": 10})
                else:
                    r = await c.post(
                        f"/api/records/{rng.choice(record_ids)}/decisions",
                        json={
                            "label_id": rng.choice(labels),
                            "decision": rng.choice(["accept", "reject", "unsure"]),
                            "comment": None,
                        },
                    )
                latencies.append(time.perf_counter() - t0)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

    t0 = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.perf_counter() - t0
    return {"latencies": latencies, "statuses": statuses, "elapsed": elapsed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000, help="upper bound on requests")
    ap.add_argument("--seconds", type=float, default=60.0, help="upper bound on time")
    ap.add_argument("--records", type=int, default=300)
    ap.add_argument("--queue", action="store_true", help="mix in 20 %% queue reads")
    ap.add_argument("--database-url", default=None, help="e.g. a PostgreSQL URL (will be written to)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="brukarrost-bench-"))
    os.environ.update(
        {
            "BRUKARROST_DATA_DIR": str(tmp / "data"),
            "BRUKARROST_KEY_FILE": str(tmp / "nyckel" / "k"),
            "BRUKARROST_UPLOAD_DIR": str(tmp / "upp"),
            "BRUKARROST_SESSION_SECRET": "bench-" + "x" * 40,
            "BRUKARROST_EMBEDDED_WORKER": "false",
        }
    )
    if args.database_url:
        os.environ["BRUKARROST_DATABASE_URL"] = args.database_url
    from sqlalchemy import func, select

    from nlp.config import get_settings
    from nlp.store.db import init_db, session_scope
    from nlp.store.models import ValidationEvent
    from tests.test_api_support import PASSWORD, seed

    engine = init_db(get_settings().db_url)
    ids = seed(engine, n_records=args.records)
    try:
        with uvicorn_server(os.environ.copy(), "/openapi.json", timeout_s=40, extra_args=("--no-access-log",)) as base:
            tokens = []
            for user in ("validerare_a1", "validerare_a2", "validerare_b", "analytiker", "samordnare"):
                r = httpx.post(f"{base}/api/auth/token", json={"username": user, "password": PASSWORD})
                tokens.append({"Authorization": f"Bearer {r.json()['access_token']}"})
            with session_scope(engine) as s:
                before = s.scalar(select(func.count()).select_from(ValidationEvent)) or 0
            res = asyncio.run(
                _drive(
                    base,
                    tokens,
                    ids["records_a"],
                    ids["project_a"],
                    args.clients,
                    args.requests,
                    args.seconds,
                    args.queue,
                )
            )
            with session_scope(engine) as s:
                after = s.scalar(select(func.count()).select_from(ValidationEvent)) or 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lat = [x * 1000 for x in res["latencies"]]  # type: ignore[union-attr]
    statuses = res["statuses"]
    n = len(lat)
    created = statuses.get(201, 0)  # type: ignore[union-attr]
    print(
        f"databas: {engine.url.get_backend_name()}, klienter: {args.clients}, förfrågningar: {n}, "
        f"tid: {res['elapsed']:.1f} s"
    )
    print(f"förfrågningar/s: {n / res['elapsed']:.1f}")  # type: ignore[operator]
    print(
        f"latens ms: median {statistics.median(lat):.1f}, p95 {_pct(lat, 0.95):.1f}, "
        f"p99 {_pct(lat, 0.99):.1f}, max {max(lat):.1f}"
    )
    print(f"statuskoder: {dict(sorted(statuses.items()))}")  # type: ignore[union-attr]
    print(f"sparade beslut: {after - before} av {created} godkända (ska vara lika)")
    return 0 if after - before == created and not any(c >= 500 for c in statuses) else 1  # type: ignore[union-attr]


if __name__ == "__main__":
    sys.exit(main())

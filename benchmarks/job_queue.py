"""What the job queue costs: enqueue → start latency and per-job overhead, queue vs embedded.

    python benchmarks/job_queue.py [--antal 20] [--arbetare 1] [--server postgresql+psycopg://postgres@127.0.0.1:5432]

Makes its own PostgreSQL database (dropped afterwards), starts `brukarrost worker`
processes (BRUKARROST_KO=postgres) and queues --antal trivial jobs one at a time the way
the web service does (a jobs row "vantar", then QueueDispatcher.notify). A trivial job is
one of an unknown kind: it fails at once, so what is timed is only the machinery: the
queue's hand-out (LISTEN/NOTIFY), the claim, the job's child process and its final write.
The same jobs then run on the embedded worker (a thread in this process, woken by notify)
on the same database. Prints median, p90 and max of
  start: enqueue → the job row's started_at (the claim), and
  slut:  enqueue → the job row's finished_at.
The machine is shared, so figures include other people's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from nlp.jobqueue import QueueDispatcher, prepare_queue, queue_conninfo  # noqa: E402
from nlp.jobs import EmbeddedWorker  # noqa: E402
from nlp.store.db import init_db, session_scope  # noqa: E402
from nlp.store.models import Job, Project  # noqa: E402


def _queue_job(engine, project_id: int) -> tuple[int, datetime]:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        job = Job(project_id=project_id, kind="matning", status="vantar", filename="mätning", params={})
        s.add(job)
        s.flush()
        job_id = job.id
    return job_id, datetime.now(UTC)


def _wait_done(engine, job_id: int, timeout_s: float = 120) -> Job:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            job = conn.execute(select(Job).where(Job.id == job_id)).one()
        if job.finished_at is not None:
            return job
        time.sleep(0.005)
    raise RuntimeError(f"jobb {job_id} blev inte klart")


def _run(engine, project_id: int, n: int, notify) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    starts, ends = [], []
    for _ in range(n):
        job_id, t0 = _queue_job(engine, project_id)
        notify()
        job = _wait_done(engine, job_id)
        starts.append((job.started_at.replace(tzinfo=UTC) - t0).total_seconds() * 1000)
        ends.append((job.finished_at.replace(tzinfo=UTC) - t0).total_seconds() * 1000)
    return starts, ends


def _line(name: str, values: list[float]) -> str:
    q = statistics.quantiles(values, n=10)
    return f"{name:28s} median {statistics.median(values):8.1f} ms   p90 {q[8]:8.1f} ms   max {max(values):8.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--antal", type=int, default=20)
    ap.add_argument("--arbetare", type=int, default=1)
    ap.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = ap.parse_args()
    name = f"brukarrost_ko_matning_{os.getpid()}"
    admin = create_engine(f"{args.server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(f"{args.server}/{name}").render_as_string(hide_password=False)
    tmp = Path(tempfile.mkdtemp(prefix="ko-matning-"))
    env = {**os.environ, "BRUKARROST_DATABASE_URL": url, "BRUKARROST_KO": "postgres", "PYTHONPATH": str(ROOT)}
    env.update(BRUKARROST_DATA_DIR=str(tmp / "data"), BRUKARROST_KEY_FILE=str(tmp / "nyckel"))
    workers = []
    try:
        engine = init_db(url)
        conninfo = queue_conninfo("postgres", url)
        prepare_queue(conninfo)
        with session_scope(engine) as s:
            project = Project(slug="matning", name="Mätning", settings={})
            s.add(project)
            s.flush()
            project_id = project.id
        log = open(tmp / "arbetare.log", "wb")  # noqa: SIM115
        cmd = [sys.executable, "-m", "nlp.cli", "worker"]
        workers = [subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=log) for _ in range(args.arbetare)]
        time.sleep(8)  # the workers migrate and register before the first job
        dispatcher = QueueDispatcher(engine, conninfo)
        dispatcher.start()
        _run(engine, project_id, 2, dispatcher.notify)  # warm-up
        q_start, q_end = _run(engine, project_id, args.antal, dispatcher.notify)
        dispatcher.stop()
        for w in workers:
            w.terminate()
            w.wait(timeout=30)
        embedded = EmbeddedWorker(engine, poll_seconds=1.0)
        embedded.start()
        _run(engine, project_id, 2, embedded.notify)
        e_start, e_end = _run(engine, project_id, args.antal, embedded.notify)
        embedded.stop()
        print(
            f"{args.antal} triviala jobb i följd, {args.arbetare} arbetsprocess(er), PostgreSQL {admin.dialect.server_version_info}"
        )
        print(_line("kö: kö → start", q_start))
        print(_line("kö: kö → slut", q_end))
        print(_line("inbyggd: kö → start", e_start))
        print(_line("inbyggd: kö → slut", e_end))
        engine.dispose()
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()

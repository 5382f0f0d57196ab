"""Page HTML latency: every main web page, served by uvicorn on 127.0.0.1, on the demo data.

    python benchmarks/pages.py [--antal 30] [--syntetisk]

Builds a temp data dir, imports and analyses exempel/enkat_exempel.csv with the real
pipeline (the first run embeds ~600 answers, so it takes a while), creates one account per
role, starts the app under uvicorn and times GET requests per page (HTML only, no static
files) with httpx. Prints median, p95 and max per page against the 200 ms target.
--syntetisk uses generated rows instead of the pipeline (when the models are unavailable).
The machine is shared, so figures include other people's load.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.server_process import uvicorn_server  # noqa: E402

TARGET_MS = 200.0
PASSWORD = "Benchmark-lösen-1"


def _prepare(base: Path, synthetic: bool) -> dict[str, int]:
    """Fill the database in this process (env already points at `base`)."""
    from api.passwords import hash_password
    from nlp.store import init_db, session_scope
    from nlp.store.models import Project, ProjectMember, User

    engine = init_db()
    if synthetic:
        from tests.browser.seed import PASSWORD as SEED_PASSWORD
        from tests.browser.seed import seed

        ids = seed(engine, n_months=18, per_month=35)
        return {
            "project_id": ids["project_id"],
            "run_id": ids["run_id"],
            "password": SEED_PASSWORD,
            "users": {
                "analyst": "analytiker1",
                "coordinator": "samordnare1",
                "validator": "granskare1",
                "admin": "admin1",
            },
        }
    from nlp.pipeline import analyse_import, import_export

    t0 = time.perf_counter()
    summary = import_export(ROOT / "exempel" / "enkat_exempel.csv", project="demo", engine=engine)
    run_id = analyse_import(summary.import_id, engine=engine)
    print(f"Analys av demodatan: {summary.n_records} svar på {time.perf_counter() - t0:.0f} s")
    users = {"analyst": "analytiker", "coordinator": "samordnare", "validator": "granskare", "admin": "admin"}
    with session_scope(engine) as s:
        project = s.query(Project).filter_by(slug="demo").one()
        h = hash_password(PASSWORD)
        for role, name in users.items():
            u = User(
                username=name,
                role=role,
                organisation="Brukarföreningen" if role == "validator" else None,
                password_hash=h,
                active=True,
            )
            s.add(u)
            s.flush()
            s.add(ProjectMember(project_id=project.id, user_id=u.id))
        pid = project.id
    return {"project_id": pid, "run_id": run_id, "password": PASSWORD, "users": users}


def _login(client, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_web_pages import csrf_of  # the login form's CSRF token, as a browser sends it

    token = csrf_of(client.get("/logga-in").text)
    data = {"anvandarnamn": name, "losenord": password, "nasta": "/", "csrf_token": token}
    r = client.post("/logga-in", data=data)
    assert r.status_code == 303, f"inloggningen misslyckades för {name}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--antal", type=int, default=30, help="förfrågningar per sida")
    ap.add_argument("--syntetisk", action="store_true", help="genererade rader i stället för demodatan")
    args = ap.parse_args()

    import httpx

    with tempfile.TemporaryDirectory(prefix="brukarrost-sidor-") as tmp:
        base = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRUKARROST_")}
        env.update(
            BRUKARROST_DATA_DIR=str(base / "data"),
            BRUKARROST_KEY_FILE=str(base / "nyckel" / "k"),
            BRUKARROST_SESSION_SECRET="benchmark",
            BRUKARROST_UPLOAD_DIR=str(base / "upp"),
            BRUKARROST_LOGIN_MAX_FAILURES="100",
        )
        # Reuse the warm embedding cache between benchmark runs if one is given.
        if os.environ.get("BRUKARROST_CACHE_DIR"):
            env["BRUKARROST_CACHE_DIR"] = os.environ["BRUKARROST_CACHE_DIR"]
        os.environ.update(env)
        info = _prepare(base, args.syntetisk)
        with uvicorn_server(env, "/logga-in") as url:
            pid, rid, users = info["project_id"], info["run_id"], info["users"]
            pages = [
                ("Inloggning", None, "/logga-in"),
                ("Projekt", users["analyst"], "/projekt"),
                ("Rapport", users["analyst"], f"/korningar/{rid}/rapport"),
                ("Uppladdning", users["analyst"], f"/projekt/{pid}/ladda-upp"),
                ("Nytt och växande", users["coordinator"], f"/projekt/{pid}/nytt"),
                ("Granska förslag", users["validator"], f"/projekt/{pid}/validera"),
                ("Administration", users["admin"], "/admin"),
            ]
            print(
                f"{'Sida':<20} {'median':>8} {'p95':>8} {'max':>8}  (ms, {args.antal} förfrågningar, mål < {TARGET_MS:.0f} ms)"
            )
            worst = 0.0
            for title, user, path in pages:
                with httpx.Client(base_url=url, follow_redirects=False, timeout=30) as client:
                    if user:
                        _login(client, user, info["password"])
                    r = client.get(path)
                    assert r.status_code == 200 and "<html" in r.text, f"{path}: {r.status_code}"
                    times = []
                    for _ in range(args.antal):
                        t0 = time.perf_counter()
                        r = client.get(path)
                        times.append((time.perf_counter() - t0) * 1000)
                        assert r.status_code == 200
                times.sort()
                p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
                worst = max(worst, p95)
                size = len(r.content) / 1024
                flag = "" if p95 < TARGET_MS else "  ÖVER MÅLET"
                print(f"{title:<20} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}  {size:6.0f} kB{flag}")
            print(f"Sämsta p95: {worst:.1f} ms ({'inom' if worst < TARGET_MS else 'över'} målet {TARGET_MS:.0f} ms)")
            print("Obs: maskinen delas med andra, siffrorna innehåller deras last.")
            html = httpx.get(f"{url}/logga-in").text
            assert not re.search(r'(src|href)="(https?:)?//', html), "externa resurser på sidan"


if __name__ == "__main__":
    main()

"""Browser tests: the real app under uvicorn (a subprocess on 127.0.0.1), a real SQLite
database in a temp dir, and Debian's Chromium driven by Playwright. No downloads: the
browser is /usr/bin/chromium and axe-core is vendored (tests/browser/vendor/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from nlp.config import PROJECT_ROOT
from tests.server_process import uvicorn_server

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = PROJECT_ROOT / "test-artefakter"
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
DEMO_EXPORT = PROJECT_ROOT / "exempel" / "enkat_exempel.csv"
PASSWORD = "Lösen-för-webbtest-1"
ACCOUNTS = {
    "admin": ("admin", None),
    "analytiker": ("analyst", None),
    "samordnare": ("coordinator", None),
    "granskare1": ("validator", "RSMH Värmland"),
    "granskare2": ("validator", "Attention Värmland"),
}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ANALYSIS_TIMEOUT_S = 900


@contextmanager
def seeded_server(base: Path, setup: str, *args: str) -> Iterator[tuple[str, str, Path]]:
    """uvicorn serving create_app() on a free port over a fresh SQLite database in `base`,
    after `setup` (Python run with the database URL and `args`) has seeded it in a child
    process, so this process's settings stay untouched. Yields (url, setup's last output
    line, server log); skips without Chromium."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium saknas (/usr/bin/chromium): kör `make browser-deps` för webbläsartesterna")
    data_dir = base / "data" / "anonymiserad"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUKARROST_")}
    env.update(
        BRUKARROST_DATA_DIR=str(data_dir),
        BRUKARROST_KEY_FILE=str(base / "nyckel" / "pseudonym.key"),
        BRUKARROST_SESSION_SECRET="webbtest-hemlighet",
        BRUKARROST_UPLOAD_DIR=str(base / "uppladdningar"),
        BRUKARROST_WORKER_POLL_SECONDS="0.3",
        BRUKARROST_LOGIN_MAX_FAILURES="50",
    )
    url = f"sqlite:///{data_dir / 'brukarrost.db'}"
    done = subprocess.run(
        [sys.executable, "-c", setup, url, *args],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    log = base / "uvicorn.log"
    try:
        with uvicorn_server(env, "/logga-in", log=log) as base_url:
            yield base_url, done.stdout.strip().splitlines()[-1], log
    except RuntimeError as exc:  # the server did not start: its log is in the message
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The server with accounts of every role and one project."""
    base = tmp_path_factory.mktemp("webbserver")
    with seeded_server(base, _SETUP, PASSWORD, json.dumps(ACCOUNTS)) as (url, out, log):
        yield {"url": url, "project_id": int(out), "log": log}


_SETUP = """
import json, sys
from api.passwords import hash_password
from nlp.store import init_db, session_scope
from nlp.store.models import Project, ProjectMember, User
url, password, accounts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
engine = init_db(url)
with session_scope(engine) as s:
    p = Project(slug="brukarenkat", name="Brukarenkät psykiatri och beroende", settings={})
    s.add(p); s.flush()
    h = hash_password(password)
    for name, (role, org) in accounts.items():
        u = User(username=name, display_name=name.capitalize(), role=role, organisation=org,
                 password_hash=h, active=True)
        s.add(u); s.flush()
        s.add(ProjectMember(project_id=p.id, user_id=u.id))
    print(p.id)
"""


# Module scope, not session: Playwright's sync API keeps an event loop running on the main
# thread while it is open, which would break later tests that call asyncio.run().
@pytest.fixture(scope="module")
def browser(server: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_page(browser: Any, server: dict[str, Any], *, width: int = 1280, height: int = 900) -> Any:
    ctx = browser.new_context(base_url=server["url"], viewport={"width": width, "height": height}, locale="sv-SE")
    ctx.set_default_timeout(20_000)
    # Anything not served by the app itself fails the test: no CDN, no external fonts.
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server["url"]) else route.abort())
    page = ctx.new_page()
    page.external_requests = []  # type: ignore[attr-defined]
    page.on(
        "request", lambda req: None if req.url.startswith(server["url"]) else page.external_requests.append(req.url)
    )  # type: ignore[attr-defined]
    # Anything the Content-Security-Policy blocks (inline script or style) is reported here.
    page.csp_violations = []  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda msg: (
            page.csp_violations.append(msg.text)  # type: ignore[attr-defined]
            if "Content Security Policy" in msg.text
            else None
        ),
    )
    return page


@pytest.fixture
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    p = new_page(browser, server)
    yield p
    assert p.external_requests == [], f"externa anrop: {p.external_requests}"
    assert p.csp_violations == [], f"blockerat av CSP: {p.csp_violations}"
    p.context.close()


def login(page: Any, username: str) -> None:
    page.goto("/logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "/logga-in" not in page.url, "inloggningen misslyckades"


# WCAG 2.0–2.2 A/AA and axe's best practices, every impact level (issue 17: "no violation of
# any impact level on every page, at 200 % zoom and at phone width").
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# 1280 px, 200 % zoom of it (640 px), a phone (375 px)
SIZES = {"": (1280, 900), "-200-procent": (640, 450), "-375px": (375, 800)}


def axe_violations(page: Any, name: str) -> list[str]:
    """axe-core's violations of AXE_TAGS on the page as it is now, one line each."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{name}: {v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def check_accessibility(page: Any, name: str) -> None:
    """axe-core with no violation of any impact level, and no sideways scrolling, at each of
    SIZES; a screenshot of each."""
    size = page.viewport_size
    problems = []
    for suffix, (w, h) in SIZES.items():
        page.set_viewport_size({"width": w, "height": h})
        problems += axe_violations(page, f"{name}{suffix}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            problems.append(f"{name}{suffix}: sidan rullar i sidled ({overflow} px)")
        screenshot(page, f"{name}{suffix}")
    page.set_viewport_size(size)
    assert not problems, "tillgänglighetsfel:\n" + "\n".join(problems)


def check_zoom_reflow(page: Any, name: str) -> None:
    """200 % zoom on a 1280 px screen is a 640 px wide viewport: no sideways scrolling."""
    size = page.viewport_size
    page.set_viewport_size({"width": 640, "height": 450})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    # Elements sticking out, outside scrollable table wrappers: named in the failure message.
    culprits = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !(e.parentElement && e.parentElement.closest('.table-wrap')) &&
                e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 6).map(e => `${e.tagName}.${e.className}#${e.id} → ${Math.round(e.getBoundingClientRect().right)}`)""")
    screenshot(page, f"{name}-200-procent")
    page.set_viewport_size(size)
    assert overflow <= 1, f"{name}: sidan rullar i sidled vid 200 % zoom ({overflow} px): {culprits}"


def screenshot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def analysed(browser: Any, server: dict[str, Any]) -> dict[str, Any]:
    """The analyst's main task, once per session: upload the demo export, confirm the
    columns, follow the progress bar until the report opens. Returns the run id."""
    if not DEMO_EXPORT.exists():
        pytest.skip(f"Demodata saknas: {DEMO_EXPORT}")
    page = new_page(browser, server)
    try:
        login(page, "analytiker")
        page.goto(f"/projekt/{server['project_id']}/ladda-upp")
        check_accessibility(page, "ladda-upp")
        screenshot(page, "analytiker-1-ladda-upp")
        page.get_by_label("Fil").set_input_files(str(DEMO_EXPORT))
        page.get_by_role("button", name="Ladda upp och visa kolumnerna").click()
        page.wait_for_url("**/kolumner")
        check_accessibility(page, "kolumner")
        screenshot(page, "analytiker-2-kolumner")
        checked = page.locator("input[name=textkolumn]:checked")
        assert checked.count() >= 1, "inga fritextkolumner hittades i demodatan"
        page.get_by_role("button", name="Stämmer – starta analysen").click()
        page.wait_for_url("**/jobb/*")
        page.locator("#jobb progress").wait_for()
        check_accessibility(page, "jobb")
        screenshot(page, "analytiker-3-forlopp")
        deadline = time.monotonic() + ANALYSIS_TIMEOUT_S
        while "/rapport" not in page.url:
            status = page.locator("#jobb-status")
            if status.count() and "misslyckades" in (status.text_content() or ""):
                pytest.fail(status.text_content().strip())
            assert time.monotonic() < deadline, "analysen blev inte klar i tid"
            page.wait_for_timeout(1000)
        page.wait_for_load_state()
        run_id = int(page.url.rstrip("/").split("/")[-2])
        return {"run_id": run_id}
    except Exception:
        screenshot(page, "analys-misslyckades")
        print(server["log"].read_text()[-3000:])
        raise
    finally:
        page.context.close()

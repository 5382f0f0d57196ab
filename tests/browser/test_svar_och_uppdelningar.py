"""The answer browser and the report's breakdowns in Chromium (issue 17): no sideways
scrolling at 1366 px and at phone width (375 px), the main tables no wider than the page,
axe-core with no violation of any impact, search in Swedish inflections, filters without
JavaScript. The data is seeded through the ORM (tests/browser/seed.py plus answers that
say "Vill ej svara" and mention "väntetiderna"), so no model runs; screenshots go to
test-artefakter/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations, screenshot, seeded_server
from tests.browser.seed import PASSWORD

pytestmark = pytest.mark.browser

WIDTHS = (1366, 375)
# The tables a reader works with: the areas, the breakdowns, the figures of a selection.
MAIN_TABLES = "table.stack, table.compact, table.breakdown-table"

_SEED = """
import sys
from sqlalchemy import update
from nlp.store import init_db, session_scope
from nlp.store.models import RecordRow
from tests.browser.seed import seed
engine = init_db(sys.argv[1])
ids = seed(engine)
with session_scope(engine) as s:
    rows = ids["record_ids"]
    for i, rid in enumerate(rows):
        values = {"age_group": ["18-29", "30-49", "50-64", "65+"][i % 4]}
        if i % 6 == 0:
            values["gender"] = "vill ej svara"
        if i % 10 == 3:
            values["text"] = "Väntetiderna till psykiatrin är alldeles för långa."
        s.execute(update(RecordRow).where(RecordRow.id == rid).values(**values))
print(ids["project_id"], ids["run_id"])
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with seeded_server(tmp_path_factory.mktemp("svarsserver"), _SEED) as (url, out, _log):
        project_id, run_id = (int(v) for v in out.split())
        yield {"url": url, "project_id": project_id, "run_id": run_id}


@pytest.fixture(scope="module")
def chromium(seeded: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(chromium: Any, seeded: dict[str, Any], width: int, *, javascript: bool = True) -> Any:
    ctx = chromium.new_context(
        base_url=seeded["url"],
        viewport={"width": width, "height": 900},
        locale="sv-SE",
        java_script_enabled=javascript,
    )
    ctx.set_default_timeout(20_000)
    page = ctx.new_page()
    page.goto("/logga-in")
    page.get_by_label("Användarnamn").fill("analytiker1")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "/logga-in" not in page.url, "inloggningen misslyckades"
    return page


def _no_sideways_scroll(page: Any, name: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{name}: sidan rullar i sidled ({overflow} px)"
    too_wide = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)]
            .filter(t => t.getBoundingClientRect().width > (t.parentElement.clientWidth + 1))
            .map(t => `${t.className}: ${Math.round(t.getBoundingClientRect().width)} > ${t.parentElement.clientWidth}`)""",
        MAIN_TABLES,
    )
    assert too_wide == [], f"{name}: tabeller bredare än sidan: {too_wide}"


def _axe_clean(page: Any, name: str) -> None:
    found = axe_violations(page, name)
    assert found == [], f"{name}: tillgänglighetsfel: {found}"


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen_and_pass_axe(chromium: Any, seeded: dict[str, Any], width: int) -> None:
    page = _page(chromium, seeded, width)
    pid, run = seeded["project_id"], seeded["run_id"]
    try:
        for name, path in (
            ("projekt", "/projekt"),
            ("rapport", f"/korningar/{run}/rapport"),
            ("svar", f"/projekt/{pid}/svar?q=väntetid"),
        ):
            page.goto(path)
            screenshot(page, f"svar-uppdelning-{name}-{width}px")
            _no_sideways_scroll(page, f"{name} vid {width} px")
            if name != "projekt":  # the project page is another helper's; checked by its own tests
                _axe_clean(page, f"{name} vid {width} px")
    finally:
        page.context.close()


def test_report_breakdowns_show_every_area_with_intervals_and_declined(chromium: Any, seeded: dict[str, Any]) -> None:
    page = _page(chromium, seeded, 1366)
    try:
        page.goto(f"/korningar/{seeded['run_id']}/rapport")
        areas = page.locator("table.stack tbody tr").count()
        gender = page.locator("section.breakdown").filter(has=page.get_by_role("heading", name="Kön", exact=True))
        # Every area has a panel (a dot plot with title and description, or a line saying
        # every group is too small), and a part of the table.
        assert gender.locator("figure.panel").count() == areas
        assert gender.locator("figure.panel svg.dotplot").count() >= 3
        assert gender.locator("table.breakdown-table tbody").count() == areas
        assert "intervall" in gender.locator("svg.dotplot desc").first.text_content()
        assert gender.locator("svg.dotplot .whisker").count() >= 3
        text = gender.inner_text()
        assert "Vill ej svara" in text and "Uppgift saknas" not in text
        assert page.get_by_role("heading", name="Åldersgrupp", exact=True).count() == 1
    finally:
        page.context.close()


def test_search_finds_inflections_and_filters_work_without_javascript(chromium: Any, seeded: dict[str, Any]) -> None:
    page = _page(chromium, seeded, 1366, javascript=False)
    try:
        page.goto("/projekt")
        page.get_by_role("link", name="Visa alla svar – sök och välj bland svaren").click()
        page.get_by_label("Sök i svaren").fill("väntetid")
        page.get_by_role("button", name="Visa svaren").click()
        page.wait_for_load_state()
        marks = {m.lower() for m in page.locator("ol.answer-list mark").all_inner_texts()}
        assert "väntetiderna" in marks and "väntetiden" in marks
        total = page.locator("#urval-antal strong").inner_text()
        page.get_by_label("Kön").select_option(label="Kvinna")
        page.get_by_role("button", name="Visa svaren").click()
        page.wait_for_load_state()
        assert "kon=kvinna" in page.url and "q=v%C3%A4ntetid" in page.url
        narrowed = page.locator("#urval-antal strong").inner_text()
        assert int(narrowed.split()[0]) < int(total.split()[0])
        screenshot(page, "svar-uppdelning-svar-filtrerat-utan-js")
    finally:
        page.context.close()

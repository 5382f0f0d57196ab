"""The answer browser page over HTTP (TestClient against the real app and a real database):
who may open it, search with highlighted inflections, filters as a plain GET form that works
without JavaScript, paging links that keep the filters, the links that lead to it, and the
report's breakdowns (every area, charts with intervals)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from nlp.store import session_scope
from nlp.store.models import RecordRow
from tests.test_web_pages import demo, get_engine_of, login  # noqa: F401 - demo is a fixture


def test_analyst_searches_and_sees_inflections_marked(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    with session_scope(get_engine_of(client)) as s:
        s.execute(
            update(RecordRow).where(RecordRow.id.in_(ids["record_ids"][-6:])).values(text="Väntetiderna är för långa.")
        )
    login(client, "analytiker1")
    resp = client.get(f"/projekt/{ids['project_id']}/svar", params={"q": "väntetid"})
    assert resp.status_code == 200, resp.text
    html = resp.text
    assert "<mark>Väntetiderna</mark>" in html and "<mark>väntetiden</mark>" in html
    assert re.search(r"<strong>\d+ svar</strong> av 200 passar: \d+\u00a0% av alla svar", html)
    assert "konfidensintervall" in html
    # The form is a plain GET form: no script needed, and the address can be bookmarked.
    assert re.search(r'<form method="get" action="/projekt/\d+/svar"', html)
    assert 'value="väntetid"' in html


def test_filters_and_paging_links_keep_the_selection(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "analytiker1")
    resp = client.get(f"/projekt/{ids['project_id']}/svar", params={"kalla": "enkat", "valens": "utmaning"})
    html = resp.text
    assert '<option value="enkat" selected>Enkät</option>' in html
    nxt = re.search(r'<a href="([^"]+)" rel="next">', html)
    assert nxt, "länken till nästa sida saknas"
    params = parse_qs(urlparse(nxt.group(1).replace("&amp;", "&")).query)
    assert params == {"kalla": ["enkat"], "valens": ["utmaning"], "sida": ["2"]}
    page2 = client.get(nxt.group(1).replace("&amp;", "&"))
    assert page2.status_code == 200 and 'rel="prev"' in page2.text
    # Nonsense in the address is ignored, not an error.
    odd = client.get(f"/projekt/{ids['project_id']}/svar", params={"sida": "x", "tema": "-1", "fran": "igår"})
    assert odd.status_code == 200


def test_small_selection_shows_no_answers(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "analytiker1")
    html = client.get(f"/projekt/{ids['project_id']}/svar", params={"verksamhet": "Liten enhet"}).text
    assert "Inga svar" in html or "Färre än 5 svar" in html
    assert 'class="answer-list"' not in html


def test_who_may_open_the_answer_browser(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "granskare1")
    resp = client.get(f"/projekt/{ids['project_id']}/svar")
    assert resp.status_code == 403 and "analytiker och samordnare" in resp.text
    assert "/svar" not in client.get("/projekt").text.split("<main")[1]
    client.cookies.clear()
    login(client, "utomstaende")
    assert client.get(f"/projekt/{ids['project_id']}/svar").status_code == 404
    client.cookies.clear()
    login(client, "samordnare1")
    assert client.get(f"/projekt/{ids['project_id']}/svar").status_code == 200


def test_project_report_and_theme_pages_link_to_the_answers(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "samordnare1")
    pid = ids["project_id"]
    assert f'href="/projekt/{pid}/svar"' in client.get("/projekt").text
    theme = ids["theme_ids"]["tillganglighet"]
    assert f'href="/projekt/{pid}/svar?tema={theme}"' in client.get(f"/projekt/{pid}/nytt").text
    report = client.get(f"/korningar/{ids['run_id']}/rapport").text
    assert f'href="/projekt/{pid}/svar?tema={theme}"' in report
    listed = client.get(f"/projekt/{pid}/svar", params={"tema": theme}).text
    assert f'<option value="{theme}" selected>' in listed


def test_report_breakdowns_show_every_area_with_charts(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "analytiker1")
    html = client.get(f"/korningar/{ids['run_id']}/rapport").text
    section = html.split('<section class="breakdown" aria-labelledby="uppdelning-gender">')[1].split("</section>")[0]
    n_areas = html.split("<caption>Förslag per område")[1].split("</table>")[0].count('<th scope="row">')
    assert section.count('<figure class="panel">') == n_areas == section.count("<tbody>")
    assert n_areas > 5  # every area, not the first five
    assert '<svg class="dotplot"' in section and "<desc " in section and 'class="whisker"' in section
    assert "95 % intervall" in section


def test_searches_stay_out_of_the_access_log(
    demo: tuple[TestClient, dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """uvicorn's access record, as uvicorn writes it, loses its query string: the words a
    user searched for (maybe a name) never reach the log."""
    import logging

    caplog.set_level(logging.INFO, logger="uvicorn.access")
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", "/projekt/1/svar?q=Anna+Svensson&kon=kvinna", "1.1", 200
    )
    assert "/projekt/1/svar" in caplog.text
    assert "Anna" not in caplog.text and "kon=" not in caplog.text

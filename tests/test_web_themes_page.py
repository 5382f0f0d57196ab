"""The coordinator's theme pages over HTTP (TestClient against the real app and a real
database): emerging themes, naming, merging and splitting, insights and actions."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from nlp.store import session_scope
from nlp.store.models import Action, Insight, ThemeEdit
from tests.test_web_pages import csrf_of, demo, get_engine_of, login  # noqa: F401 - demo is a fixture


def test_coordinator_finds_emerging_theme_names_it_and_records_insight(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    pid, tid = ids["project_id"], ids["theme_ids"]["tillganglighet"]
    login(client, "samordnare1")
    html = client.get(f"/projekt/{pid}/nytt").text
    # The emerging theme comes first among the highlighted ones, with the answers behind it.
    first = re.search(r'<section class="card" aria-labelledby="tema-(\d+)"', html)
    assert first and int(first.group(1)) == tid
    assert "Växande (förslag)" in html and "Svaren bakom" in html
    assert "över den övre kontrollgränsen" in html  # why it was flagged, in Swedish
    csrf = csrf_of(html)
    resp = client.post(f"/projekt/{pid}/teman/{tid}/namn", data={"csrf_token": csrf, "namn": "Väntetider i telefon"})
    assert resp.status_code == 303
    html = client.get(f"/projekt/{pid}/nytt").text
    assert "Väntetider i telefon" in html
    # The report uses the human name too.
    assert "Väntetider i telefon" in client.get(f"/korningar/{ids['run_id']}/rapport").text
    resp = client.post(
        f"/projekt/{pid}/insikter", data={"csrf_token": csrf, "rubrik": "Telefontiderna räcker inte", "tema": str(tid)}
    )
    assert resp.status_code == 303
    html = client.get(f"/projekt/{pid}/nytt").text
    ins = re.search(r'<option value="(\d+)">Telefontiderna räcker inte</option>', html)
    assert ins
    resp = client.post(
        f"/projekt/{pid}/atgarder",
        data={
            "csrf_token": csrf,
            "rubrik": "Fler telefontider",
            "ansvarig": "Enhetschef",
            "datum": "2026-01-31",
            "fas": "plan",
            "insikt": ins.group(1),
        },
    )
    assert resp.status_code == 303
    resp = client.post(f"/projekt/{pid}/teman/sammanfoga", data={"csrf_token": csrf, "tema": [str(tid)]})
    assert "fel=sammanfoga" in resp.headers["location"]
    with session_scope(get_engine_of(client)) as s:
        edit = s.scalars(select(ThemeEdit)).one()
        assert edit.kind == "namn" and len(edit.member_record_ids) > 0
        assert s.scalars(select(Action)).one().insight_id == int(ins.group(1))
        assert s.scalars(select(Insight)).one().evidence["theme_ids"] == [tid]


def test_coordinator_merges_and_asks_to_split_themes(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid, tids = ids["project_id"], ids["theme_ids"]
    csrf = login(client, "samordnare1")
    resp = client.post(
        f"/projekt/{pid}/teman/sammanfoga",
        data={"csrf_token": csrf, "tema": [str(tids["respekt"]), str(tids["helhet"])], "namn": "Bemötande och helhet"},
    )
    assert resp.status_code == 303 and "sammanfogat" in resp.headers["location"]
    resp = client.post(
        f"/projekt/{pid}/teman/{tids['tillganglighet']}/dela",
        data={"csrf_token": csrf, "notering": "Telefon och väntetid är olika saker"},
    )
    assert resp.status_code == 303
    # The request stays on the page until the next analysis makes it.
    html = client.get(resp.headers["location"]).text
    assert "Temat delas vid nästa analys." in html
    assert html.count("Delning begärd: den görs vid nästa analys.") == 1
    assert "Delning begärd" in " ".join(_table_row(html, "0_tillganglighet"))
    with session_scope(get_engine_of(client)) as s:
        edits = {e.kind: e for e in s.scalars(select(ThemeEdit))}
        assert set(edits) == {"sammanfoga", "namn", "dela"}
        merge = edits["sammanfoga"]
        assert len(merge.payload["grupper"]) == 2
        assert set(merge.member_record_ids) == set(merge.payload["grupper"][0]) | set(merge.payload["grupper"][1])
        assert edits["dela"].payload["antal"] == 2
    # A project the coordinator does not belong to answers 404, and nothing is stored.
    resp = client.post(
        f"/projekt/{ids['other_project_id']}/teman/{tids['respekt']}/namn", data={"csrf_token": csrf, "namn": "x"}
    )
    assert resp.status_code == 404


def _table_row(html: str, title: str) -> list[str]:
    """The cells of a theme's row in the page's "Alla teman" table, as text."""
    table = html[html.index('id="alla-teman"') :]
    row = re.search(r'<tr><th scope="row">' + re.escape(title) + r"\s*(.*?)</tr>", table, re.DOTALL)
    assert row, f"raden för {title} saknas i tabellen"
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.DOTALL)]


def _themes_page(client: TestClient, ids: dict[str, Any], username: str) -> tuple[int, dict[str, int], str, str]:
    """(project id, theme ids, csrf token, the page) for a user just logged in."""
    csrf = login(client, username)
    return ids["project_id"], ids["theme_ids"], csrf, client.get(f"/projekt/{ids['project_id']}/nytt").text


def test_any_theme_can_be_renamed_from_the_table_not_only_growing_ones(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    pid, tids, csrf, html = _themes_page(client, ids, "analytiker1")
    table = html[html.index('id="alla-teman"') :]
    # Every theme of the table has its own name form, growing or not.
    for tid in tids.values():
        assert f'action="/projekt/{pid}/teman/{tid}/namn"' in table
    resp = client.post(
        f"/projekt/{pid}/teman/{tids['helhet']}/namn", data={"csrf_token": csrf, "namn": "Helheten i vården"}
    )
    assert resp.status_code == 303 and "namngivet" in resp.headers["location"]
    assert _table_row(client.get(f"/projekt/{pid}/nytt").text, "Helheten i vården")


def test_a_merge_shows_at_once_as_one_theme_with_the_answers_of_both(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    pid, tids, csrf, before = _themes_page(client, ids, "samordnare1")
    sizes = {lab: int(_table_row(before, f"{i}_{lab}")[0]) for i, lab in ((1, "respekt"), (2, "helhet"))}
    resp = client.post(
        f"/projekt/{pid}/teman/sammanfoga",
        data={"csrf_token": csrf, "tema": [str(tids["respekt"]), str(tids["helhet"])]},
    )
    assert resp.status_code == 303 and "sammanfogat" in resp.headers["location"]
    html = client.get(f"/projekt/{pid}/nytt").text
    rows = re.findall(r'<tr><th scope="row">([^<]*?)\s*<', html[html.index('id="alla-teman"') :])
    assert "1_respekt" not in rows and "2_helhet" not in rows and len(rows) == len(tids) - 1
    merged = "1_respekt / 2_helhet" if sizes["respekt"] >= sizes["helhet"] else "2_helhet / 1_respekt"
    assert int(_table_row(html, merged)[0]) == sizes["respekt"] + sizes["helhet"]
    # A name on the merged theme, from the same table, names the one theme.
    big = tids["respekt"] if sizes["respekt"] >= sizes["helhet"] else tids["helhet"]
    client.post(f"/projekt/{pid}/teman/{big}/namn", data={"csrf_token": csrf, "namn": "Bemötande och helhet"})
    html = client.get(f"/projekt/{pid}/nytt").text
    assert int(_table_row(html, "Bemötande och helhet")[0]) == sizes["respekt"] + sizes["helhet"]

"""The read model of a run (nlp/report/): its figures, the one small-cell rule, curated theme
names and old runs; and that the web page, the HTML file and the API show the same figures."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update

from nlp.config import get_settings
from nlp.report import Cell, curated_themes, label_titles, load_run_report, pct, report_json
from nlp.stats import wilson_interval
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, Suggestion, Theme, ThemeAssignment, ThemeEdit
from nlp.taxonomy import load_taxonomy, taxonomy_snapshot
from tests.browser.seed import LABELS, seed
from tests.test_web_pages import demo, login  # noqa: F401


def test_cell_hides_a_count_or_a_group_below_the_threshold() -> None:
    assert Cell(5, 40, 5).count == 5 and Cell(5, 40, 5).share == 5 / 40
    assert Cell(5, 40, 5).ci == wilson_interval(5, 40)
    for hidden in (Cell(4, 40, 5), Cell(0, 40, 5), Cell(4, 4, 5)):
        assert hidden.hidden and hidden.count is None and hidden.share is None and hidden.ci is None
        assert hidden.text == "färre än 5"


def test_label_figures_count_decisions_with_one_mean_probability(engine: Engine) -> None:
    ids = seed(engine)
    with session_scope(engine) as s:
        rep = load_run_report(s, ids["run_id"], threshold=5)
        assert rep.n_answers == len(ids["record_ids"]) and not rep.counts_prediction_sets
        seeded = [lab for lab in rep.labels if lab.id in LABELS]
        assert len(seeded) == len(LABELS)
        for lab in seeded:
            decided = (
                s.execute(
                    select(Suggestion.probability).where(
                        Suggestion.run_id == ids["run_id"], Suggestion.label_id == lab.id, Suggestion.decided.is_(True)
                    )
                )
                .scalars()
                .all()
            )
            in_set = s.scalar(
                select(func.count())
                .select_from(Suggestion)
                .where(
                    Suggestion.run_id == ids["run_id"],
                    Suggestion.label_id == lab.id,
                    Suggestion.in_prediction_set.is_(True),
                )
            )
            assert lab.counted.k == len(decided) and lab.in_set.k == in_set > len(decided)
            assert lab.mean_probability is not None
            assert abs(lab.mean_probability - sum(decided) / len(decided)) < 1e-12
            assert sum(pt.x for pt in lab.chart.points) == len(decided)  # type: ignore[union-attr]
    # The seed writes respekt as strengths and the others as challenges.
    flags = {lab.id: lab.flag for lab in seeded}
    assert flags == {"tillganglighet": "utmaning", "respekt": "styrka", "helhet": "utmaning"}


def test_breakdowns_hide_small_groups_and_cells(engine: Engine) -> None:
    ids = seed(engine)
    with session_scope(engine) as s:
        rep = load_run_report(s, ids["run_id"], threshold=5)
        high = load_run_report(s, ids["run_id"], threshold=25)
    unit = rep.breakdown("unit")
    assert "Liten enhet" not in {g.key for g in unit.groups} and unit.hidden_groups == 1
    assert {g.title for g in rep.breakdown("source_type").groups} == {"Enkät", "Patientforum", "Berättelse"}
    assert [g.key for g in rep.breakdown("period").groups] == rep.months  # months in order
    assert sum(g.n for g in rep.breakdown("gender").groups) == rep.n_answers
    # At a high threshold the 20 answers a month are hidden groups, and no label count of
    # a group below it is shown.
    assert not high.breakdown("period").groups and high.breakdown("period").hidden_groups == 10
    for b in high.breakdowns:
        for g in b.groups:
            assert all(c.count is None or c.count >= 25 for c in g.cells.values())


def test_old_run_without_decisions_counts_prediction_sets(engine: Engine) -> None:
    ids = seed(engine)
    with session_scope(engine) as s:
        s.execute(update(Suggestion).where(Suggestion.run_id == ids["run_id"]).values(decided=False))
    with session_scope(engine) as s:
        rep = load_run_report(s, ids["run_id"], threshold=5)
    assert rep.counts_prediction_sets
    assert all(lab.counted.k == lab.in_set.k for lab in rep.labels)
    assert all(lab.counted.k > 0 for lab in rep.labels if lab.id in LABELS)


def _members(engine: Engine, *theme_ids: int) -> dict[int, list[int]]:
    """theme id → the answers assigned to it (one theme each in the seed)."""
    with session_scope(engine) as s:
        return {
            tid: list(s.scalars(select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id == tid)))
            for tid in theme_ids
        }


def test_curated_names_follow_the_members_of_a_named_merge(engine: Engine) -> None:
    """A named merge stores a "namn" edit on the union of the members: the theme holding at
    least half of them carries the name; a name on too few members names nothing."""
    ids = seed(engine)
    t_access, t_whole = ids["theme_ids"]["tillganglighet"], ids["theme_ids"]["helhet"]
    members = _members(engine, t_access, t_whole)
    with session_scope(engine) as s:
        s.add(
            ThemeEdit(
                project_id=ids["project_id"],
                kind="namn",
                payload={"namn": "Att nå vården"},
                member_record_ids=members[t_access] + members[t_whole],
            )
        )
        s.add(
            ThemeEdit(
                project_id=ids["project_id"],
                kind="namn",
                payload={"namn": "Ingen"},
                member_record_ids=members[t_whole][:3] + members[t_access],
            )
        )
    with session_scope(engine) as s:
        rep = load_run_report(s, ids["run_id"], threshold=5)
    titles = {t.id: t.title for t in rep.themes}
    assert titles[t_access] == "Ingen"  # the later edit wins where it matches
    assert titles[t_whole] == "2_helhet"  # 3 of its members are not half of that edit
    assert {t.id: t.name for t in rep.themes}[t_access] == "Ingen"


def _page_label_cells(html: str, title: str) -> list[str]:
    """The cells of a label's row in the page's table, as text."""
    row = re.search(r'<th scope="row">' + re.escape(title) + r"</th>(.*?)</tr>", html, re.DOTALL)
    assert row, f"raden för {title} saknas på sidan"
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.DOTALL)]


def _file_label_count(html: str, label_id: str) -> str:
    m = re.search(r'<span class="muted">' + re.escape(label_id) + r'</span></td>\s*<td class="num">([^<]+)</td>', html)
    assert m, f"raden för {label_id} saknas i filen"
    return m.group(1)


def _figures(client: TestClient, run_id: int, label_id: str) -> dict[str, Any]:
    """One label's count and mean probability, and the theme titles, as each renderer shows them."""
    page = client.get(f"/korningar/{run_id}/rapport").text
    file_html = client.get(f"/api/runs/{run_id}/report").text
    agg = client.get(f"/api/runs/{run_id}/aggregates").json()
    themes = client.get(f"/api/runs/{run_id}/themes").json()
    label = next(lab for lab in agg["labels"] if lab["label_id"] == label_id)
    cells = _page_label_cells(page, label["titel"])
    return {
        "page": (cells[0], cells[5]),
        "file": _file_label_count(file_html, label_id),
        "api": (str(label["antal"]), pct(label["medelsannolikhet"])),
        "raknar": agg["raknar"],
        "page_html": page,
        "file_html": file_html,
        "theme_titles": [t["title"] for t in themes["themes"]],
    }


def test_page_file_and_api_show_the_same_figures(demo: tuple[TestClient, dict[str, Any]], engine: Engine) -> None:
    client, ids = demo
    csrf = login(client, "analytiker1")
    tid = ids["theme_ids"]["tillganglighet"]
    r = client.post(
        f"/api/projects/{ids['project_id']}/themes/{tid}/name",
        json={"name": "Väntan i telefon"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 201, r.text
    got = _figures(client, ids["run_id"], "helhet")
    assert got["raknar"] == "beslutade"
    assert got["page"] == got["api"] and got["file"] == got["api"][0]
    # The curated name everywhere: page, file, themes API and the export.
    assert "Väntan i telefon" in got["page_html"] and "Väntan i telefon" in got["file_html"]
    assert "Väntan i telefon" in got["theme_titles"]
    assert "Väntan i telefon" in client.get(f"/api/runs/{ids['run_id']}/export").text
    # An old run (no decisions kept) counts prediction sets, in all three, and says so.
    with session_scope(engine) as s:
        s.execute(update(Suggestion).where(Suggestion.run_id == ids["run_id"]).values(decided=False))
        in_set = s.scalar(
            select(func.count())
            .select_from(Suggestion)
            .where(
                Suggestion.run_id == ids["run_id"],
                Suggestion.label_id == "helhet",
                Suggestion.in_prediction_set.is_(True),
            )
        )
    old = _figures(client, ids["run_id"], "helhet")
    assert old["raknar"] == "forslagsmangd"
    assert old["page"] == old["api"] and old["file"] == old["api"][0] == str(in_set)
    assert "innan modellens egna beslut sparades" in old["page_html"]
    assert "innan modellens egna beslut sparades" in old["file_html"]


def test_report_json_is_what_the_file_renders(engine: Engine) -> None:
    from nlp.report import render_html, report_json

    ids = seed(engine)
    with session_scope(engine) as s:
        data = report_json(load_run_report(s, ids["run_id"], threshold=5))
    json.dumps(data, default=str)  # rapport.json can be written
    html = render_html(data)
    for lab in data["etiketter"]:
        assert _file_label_count(html, lab["id"]) == str(lab["antal"])
    assert [t["namn"] for t in data["teman"]][-1] == "övrigt" or all(t["id"] != -1 for t in data["teman"])


_OWN_TITLES = {"tillganglighet": "Nå oss i tid", "respekt": "Bli bemött med respekt", "helhet": "Vården som helhet"}


def _own_taxonomy_yaml(titles: dict[str, str], name: str) -> str:
    labels = "".join(
        f"- id: {lab}\n  title: {title}\n  description: En egen etikett om {lab} skriven för testet.\n"
        f"  examples: [Ett exempel om {lab}.]\n"
        for lab, title in titles.items()
    )
    return f"id: egen\nname: {name}\nsource:\n  document: Regionens värdemodell\n  section: hela\nlabels:\n{labels}"


def test_a_run_keeps_its_taxonomy_when_the_file_changes_or_goes(
    demo: tuple[TestClient, dict[str, Any]],  # noqa: F811 - a fixture
    engine: Engine,
    tmp_path: Any,
    monkeypatch: Any,
) -> None:
    """The page and rapport.json show the titles the run was classified with, whatever
    later happens to the taxonomy file."""
    client, ids = demo
    own_dir = tmp_path / "etiketter"
    own_dir.mkdir()
    monkeypatch.setenv("BRUKARROST_TAXONOMY_DIR", str(own_dir))
    get_settings.cache_clear()
    path = own_dir / "egen.yaml"
    path.write_text(_own_taxonomy_yaml(_OWN_TITLES, "Regionens modell"), encoding="utf-8")
    with session_scope(engine) as s:
        s.execute(
            update(AnalysisRun)
            .where(AnalysisRun.id == ids["run_id"])
            .values(taxonomy_id="egen", taxonomy_snapshot=taxonomy_snapshot(load_taxonomy(path)))
        )
    login(client, "analytiker1")
    changed = {lab: f"Ändrad {title}" for lab, title in _OWN_TITLES.items()}
    for later in ("changed", "deleted"):
        if later == "changed":
            path.write_text(_own_taxonomy_yaml(changed, "Ny modell"), encoding="utf-8")
        else:
            path.unlink()
        label_titles.cache_clear()  # as in a new process: the file is read again
        html = client.get(f"/korningar/{ids['run_id']}/rapport").text
        with session_scope(engine) as s:
            data = report_json(load_run_report(s, ids["run_id"], threshold=5))
        assert data["taxonomi"] == {"id": "egen", "namn": "Regionens modell"}
        assert {lab["id"]: lab["titel"] for lab in data["etiketter"]} == _OWN_TITLES
        for title in _OWN_TITLES.values():
            assert title in html
        assert "Ändrad" not in html and "Ny modell" not in html


def test_a_merge_is_one_theme_in_every_output_at_once(demo: tuple[TestClient, dict[str, Any]], engine: Engine) -> None:
    """Merged without a name and before any refit: the page, the HTML file, rapport.json, the
    themes API and the export all show one theme holding the answers of both."""
    client, ids = demo
    csrf = login(client, "analytiker1")
    run, t_resp, t_whole = ids["run_id"], ids["theme_ids"]["respekt"], ids["theme_ids"]["helhet"]
    main = {tid: set(rids) for tid, rids in _members(engine, t_resp, t_whole).items()}
    r = client.post(
        f"/api/projects/{ids['project_id']}/themes/merge",
        json={"theme_ids": [t_resp, t_whole]},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 201, r.text
    both = len(main[t_resp] | main[t_whole])
    api = client.get(f"/api/runs/{run}/themes").json()["themes"]
    merged = [t for t in api if set(t["title"].split(" / ")) == {"1_respekt", "2_helhet"}]
    assert len(merged) == 1 and merged[0]["size"] == both
    assert not {"1_respekt", "2_helhet"} & {t["title"] for t in api}
    assert merged[0]["share"] == both / sum(1 for _ in ids["record_ids"])
    title = merged[0]["title"]
    with session_scope(engine) as s:
        data = report_json(load_run_report(s, run, threshold=5))
    (theme,) = [t for t in data["teman"] if t["namn"] == title]
    assert theme["antal"] == both and theme["ki95"] == list(wilson_interval(both, len(ids["record_ids"])))
    for html in (client.get(f"/korningar/{run}/rapport").text, client.get(f"/api/runs/{run}/report").text):
        assert title in html and ">1_respekt<" not in html and ">2_helhet<" not in html
    export = client.get(f"/api/runs/{run}/export").text
    assert export.count(title) == both and "1_respekt;" not in export and ";2_helhet" not in export
    # The validation queue of the merged theme holds the answers of both parts.
    queue = client.get(
        f"/api/projects/{ids['project_id']}/validation/queue",
        params={"order": "tema", "theme_id": merged[0]["id"], "limit": 200, "run_id": run},
    )
    assert queue.status_code == 200, queue.text
    assert {it["record"]["id"] for it in queue.json()["items"]} == main[t_resp] | main[t_whole]
    # One answer through the API: its stored theme, and the merged theme holding it now.
    rid = min(main[t_whole])
    (held,) = client.get(f"/api/records/{rid}").json()["themes"]
    assert held["theme_id"] == t_whole and (held["curated_theme_id"], held["title"]) == (merged[0]["id"], title)


def test_curation_applies_edits_in_order_and_a_merge_only_once(engine: Engine) -> None:
    """A name given before a merge does not name the merged theme; a merge stored as the
    union of members only finds the themes lying inside it; the same merge again (as on a
    run fitted with it) finds one theme and changes nothing."""
    ids = seed(engine)
    t_resp, t_whole = ids["theme_ids"]["respekt"], ids["theme_ids"]["helhet"]
    members = _members(engine, t_resp, t_whole)
    with session_scope(engine) as s:
        union = members[t_resp] + members[t_whole]
        for kind, payload, who in (("namn", {"namn": "Bara respekt"}, members[t_resp]), ("sammanfoga", {}, union)):
            s.add(ThemeEdit(project_id=ids["project_id"], kind=kind, payload=payload, member_record_ids=who))
    with session_scope(engine) as s:
        once = curated_themes(s, ids["run_id"])
        grouped = {"grupper": [members[t_resp], members[t_whole]]}
        s.add(ThemeEdit(project_id=ids["project_id"], kind="sammanfoga", payload=grouped, member_record_ids=union))
    with session_scope(engine) as s:
        curated = curated_themes(s, ids["run_id"])
        rows = s.scalar(select(func.count()).select_from(Theme).where(Theme.run_id == ids["run_id"]))
    assert [t.stored_ids for t in once.themes] == [t.stored_ids for t in curated.themes]
    assert len(curated.themes) == rows - 1
    (merged,) = [t for t in curated.themes if len(t.parts) == 2]
    assert set(merged.stored_ids) == {t_resp, t_whole} and merged.name is None
    assert merged.size == len(union) and curated.of[t_resp] == curated.of[t_whole] == merged.id
    assert {rid for rid, tid in curated.main.items() if tid == merged.id} == set(union)

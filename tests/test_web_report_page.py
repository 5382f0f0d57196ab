"""The report page over HTTP (TestClient against the real app and a real database): shares,
flags, breakdowns, run charts, the decided labels apart from the prediction sets, and who may see it."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update

from api.web.queries import label_titles
from nlp.store import session_scope
from nlp.store.models import AuditEntry, Classification, Suggestion
from tests.test_web_pages import demo, get_engine_of, login  # noqa: F401 - demo is a fixture


def test_report_shows_shares_flags_breakdowns_and_charts(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "analytiker1")
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 200, resp.text
    html = resp.text
    assert "förslag" in html
    # Flags: respekt is written as strengths, the others as challenges in the seed.
    assert 'class="flag styrka"' in html and 'class="flag utmaning"' in html
    # Confidence intervals with Swedish percent formatting.
    assert re.search(r"\d+\u00a0% \(\d+\u00a0%–\d+\u00a0%\)", html)
    # Breakdowns: the unit with fewer than 5 answers is hidden, the big ones shown.
    assert "Psykiatrin" in html and "Liten enhet" not in html
    assert "visas inte" in html
    # Run charts: inline SVG with an accessible name, and the same numbers as a table.
    assert html.count('<svg class="runchart"') >= 3 and "styrgränser" in html
    assert "<caption>" in html
    # Example answers are shown, and reading them is audited.
    assert "telefon" in html.lower()
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "visa_rapport")) == 1
    # The emerging theme in the seed signals above the upper control limit.
    assert "utanför styrgränserna" in html


def test_validator_of_other_project_cannot_see_report(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "utomstaende")
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 404
    assert "inte tillgång" in resp.text
    assert "telefon" not in resp.text.lower()


def _label_row(html: str, title: str) -> list[str]:
    m = re.search(r'<th scope="row">' + re.escape(title) + r"</th>(.*?)</tr>", html, re.S)
    assert m, f"raden för {title} saknas"
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(1), re.S)]


def test_report_counts_decided_labels_and_shows_prediction_set_apart(
    demo: tuple[TestClient, dict[str, Any]], engine: Engine
) -> None:
    """Shares count the classifier's decided labels, not the (wide) prediction set; the
    prediction set is the "kan också handla om" column, and unsure answers are counted."""
    client, ids = demo
    login(client, "analytiker1")
    html = client.get(f"/korningar/{ids['run_id']}/rapport").text
    _, titles = label_titles("samsjuklighet")
    with session_scope(engine) as s:

        def count(*where: Any) -> int:
            return (
                s.scalar(select(func.count()).select_from(Suggestion).where(Suggestion.run_id == ids["run_id"], *where))
                or 0
            )

        n_unsure = s.scalar(
            select(func.count())
            .select_from(Classification)
            .where(Classification.run_id == ids["run_id"], Classification.unsure.is_(True))
        )
        for lab in ("tillganglighet", "respekt", "helhet"):
            decided = count(Suggestion.label_id == lab, Suggestion.decided.is_(True))
            in_set = count(Suggestion.label_id == lab, Suggestion.in_prediction_set.is_(True))
            assert in_set > decided  # the seed's sets are wider than the decisions
            cells = _label_row(html, titles.get(lab, lab))
            assert cells[0] == str(decided)
            assert cells[-1] == str(in_set)
    assert n_unsure and f"{n_unsure} (" in re.search(r'id="osakra">([^<]+)<', html).group(1)
    assert "Kan också handla om" in html and "innan modellens egna beslut" not in html


def test_report_of_a_run_without_decisions_counts_sets_and_says_so(
    demo: tuple[TestClient, dict[str, Any]], engine: Engine
) -> None:
    """Runs stored before the classifier's decisions were kept (migration 0003) only have
    prediction sets: the page counts those and tells the reader the shares run high."""
    client, ids = demo
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
    login(client, "analytiker1")
    html = client.get(f"/korningar/{ids['run_id']}/rapport").text
    assert "innan modellens egna beslut sparades" in html
    cells = _label_row(html, label_titles("samsjuklighet")[1].get("helhet", "helhet"))
    assert cells[0] == str(in_set)


def test_validator_cannot_open_the_report_the_api_refuses(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "granskare1")
    assert f"/korningar/{ids['run_id']}/rapport" not in client.get("/projekt").text
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 403 and "analytiker och samordnare" in resp.text
    assert "telefon" not in resp.text.lower()
    assert client.get(f"/api/runs/{ids['run_id']}/report").status_code == 403

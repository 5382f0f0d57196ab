"""The web pages over HTTP (Starlette's httpx-based TestClient against the real app and a
real database): login, role checks, the report, coordinator, validator and admin pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from api.app import create_app
from api.settings import ApiSettings
from nlp.config import get_settings
from nlp.store import session_scope
from nlp.store.models import Action, AuditEntry, Insight, ThemeEdit, ValidationEvent
from tests.browser.seed import PASSWORD, seed


@pytest.fixture
def demo(engine: Engine, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    ids = seed(engine)
    settings = ApiSettings(
        database_url=get_settings().db_url,
        session_secret="hemligt-for-test",
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client, ids


def post_login(client: TestClient, username: str, password: str = PASSWORD, nasta: str = "/") -> Any:
    """Submit the login form as a browser does: with the token from the form page."""
    page = client.get("/logga-in")
    assert page.status_code == 200
    return client.post(
        "/logga-in",
        data={"anvandarnamn": username, "losenord": password, "nasta": nasta, "csrf_token": csrf_of(page.text)},
    )


def login(client: TestClient, username: str) -> str:
    """Log in through the form; returns the CSRF token of the new session."""
    resp = post_login(client, username)
    assert resp.status_code == 303, resp.text
    return csrf_of(client.get("/projekt").text)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "sidan saknar CSRF-fält"
    return m.group(1)


def test_pages_need_login_and_redirect_back(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 303
    assert resp.headers["location"].startswith("/logga-in?nasta=")
    page = client.get(resp.headers["location"])
    assert 'lang="sv"' in page.text and "Hoppa till innehållet" in page.text


def test_wrong_password_gives_swedish_error(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    resp = post_login(client, "analytiker1", "fel")
    assert resp.status_code == 401
    assert "Fel användarnamn eller lösenord" in resp.text
    assert 'role="alert"' in resp.text


def test_login_does_not_redirect_off_site(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    resp = post_login(client, "analytiker1", nasta="//evil.example/")
    assert resp.status_code == 303 and resp.headers["location"] == "/projekt"


def test_login_form_without_its_csrf_token_is_refused(demo: tuple[TestClient, dict[str, Any]]) -> None:
    """Login CSRF: a post from another site (no token, or a token of another session)
    must not sign the browser in."""
    client, _ = demo
    data = {"anvandarnamn": "analytiker1", "losenord": PASSWORD, "nasta": "/"}
    resp = client.post("/logga-in", data=data)
    assert resp.status_code == 403
    assert "Försök igen" in resp.text and 'role="alert"' in resp.text
    assert client.get("/projekt").status_code == 303  # still not signed in
    with TestClient(client.app, follow_redirects=False) as other:
        foreign = csrf_of(other.get("/logga-in").text)
    client.get("/logga-in")
    assert client.post("/logga-in", data={**data, "csrf_token": foreign}).status_code == 403
    # The refused page carries a fresh form token, so the second attempt works.
    assert post_login(client, "analytiker1").status_code == 303


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


def get_engine_of(client: TestClient) -> Engine:
    return client.app.state.engine  # type: ignore[attr-defined]


def test_validator_of_other_project_cannot_see_report(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "utomstaende")
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 404
    assert "inte tillgång" in resp.text
    assert "telefon" not in resp.text.lower()


def test_static_files_are_served_locally(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    css = client.get("/static/app.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert client.get("/static/app.js").status_code == 200
    html = client.get("/logga-in").text
    # No external resources: every src/href is local.
    assert not re.search(r'(src|href)="(https?:)?//', html)


def _decide(client: TestClient, project_id: int, decision: str, **extra: str) -> str:
    """Read the validator page, submit one decision on the shown answer; returns the record id."""
    html = client.get(f"/projekt/{project_id}/validera").text
    rid = re.search(r'name="record_id" value="(\d+)"', html).group(1)
    label = re.search(r'name="label_id" value="([^"]+)"', html).group(1)
    resp = client.post(
        f"/projekt/{project_id}/validera",
        data={
            "csrf_token": csrf_of(html),
            "record_id": rid,
            "label_id": label,
            "taxonomy_id": "samsjuklighet",
            "beslut": decision,
            **extra,
        },
    )
    assert resp.status_code == 303, resp.text
    return rid


def test_validator_sees_suggestion_in_plain_words_and_agreement_updates(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare2")
    first_other = [_decide(client, pid, "accept") for _ in range(3)]
    client.post("/logga-ut", data={"csrf_token": csrf_of(client.get("/projekt").text)})

    login(client, "granskare1")
    html = client.get(f"/projekt/{pid}/validera").text
    assert re.search(r"Vi (tror|är osäkra).*handlar om.*säkerhet \d+\u00a0%.*Stämmer det\?", html, re.S)
    for text in ("Stämmer", "Stämmer inte", "Annan etikett", "Vet inte", 'data-key="j"', "Kommentar"):
        assert text in html
    assert "Ingen annan har bedömt samma svar" in html
    assert "Ord i svaret som pekar mot" in html  # the evidence, in plain words
    # The queue is ordered the same for everyone, so these are the answers granskare2 judged.
    mine = [_decide(client, pid, d) for d in ("accept", "reject", "accept")]
    assert mine == first_other
    html = client.get(f"/projekt/{pid}/validera?meddelande=sparat").text
    assert "Ditt beslut är sparat." in html
    assert "Du har granskat 3 av" in html
    m = re.search(r"Ni var överens i <strong>(\d+)\u00a0%</strong> av jämförelserna \((\d+) st\)", html)
    assert m and m.group(1) == "67" and m.group(2) == "3"
    assert "har bedömt samma svar 3 gånger" in html
    with session_scope(get_engine_of(client)) as s:
        events = s.scalars(select(ValidationEvent).where(ValidationEvent.actor == "granskare1")).all()
        assert [e.decision for e in events] == ["accept", "reject", "accept"]
        assert {e.organisation for e in events} == {"RSMH Värmland"}


def test_other_label_needs_a_label_and_comment_is_kept(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    html = client.get(f"/projekt/{pid}/validera").text
    rid = re.search(r'name="record_id" value="(\d+)"', html).group(1)
    label = re.search(r'name="label_id" value="([^"]+)"', html).group(1)
    base = {"csrf_token": csrf_of(html), "record_id": rid, "label_id": label, "taxonomy_id": "samsjuklighet"}
    resp = client.post(f"/projekt/{pid}/validera", data={**base, "beslut": "other"})
    assert resp.headers["location"].endswith("fel=annan")
    other = "natverk" if label != "natverk" else "respekt"
    resp = client.post(
        f"/projekt/{pid}/validera",
        data={**base, "beslut": "other", "annan_etikett": other, "kommentar": "Handlar om anhöriga"},
    )
    assert resp.status_code == 303
    with session_scope(get_engine_of(client)) as s:
        e = s.scalars(select(ValidationEvent)).one()
        assert e.decision == "other" and e.other_labels == [other] and e.comment == "Handlar om anhöriga"


def test_form_post_without_csrf_is_refused(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "granskare1")
    resp = client.post(
        f"/projekt/{ids['project_id']}/validera",
        data={
            "record_id": str(ids["record_ids"][0]),
            "label_id": "respekt",
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
        },
    )
    assert resp.status_code == 403
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == 0


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


def test_validator_cannot_edit_themes_or_open_admin(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "granskare1")
    resp = client.post(
        f"/projekt/{ids['project_id']}/teman/{ids['theme_ids']['respekt']}/namn", data={"csrf_token": csrf, "namn": "x"}
    )
    assert resp.status_code == 403
    assert client.get("/admin").status_code == 403
    assert client.get(f"/projekt/{ids['project_id']}/ladda-upp").status_code == 403


def test_admin_creates_user_project_and_sees_audit_log(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "admin1")
    html = client.get("/admin").text
    assert "RSMH Värmland" in html and "Granskningslogg" in html and "inloggning" in html
    csrf = csrf_of(html)
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "kort",
            "roll": "validator",
            "organisation": "X",
        },
    )
    assert resp.status_code == 422 and "minst 12 tecken" in resp.text
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "aaaaaaaaaaaa",
            "roll": "validator",
            "organisation": "X",
        },
    )
    assert resp.status_code == 422 and "upprepade tecken" in resp.text
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "ett-langt-losenord",
            "roll": "validator",
            "organisation": "Hjärnkoll",
            "projekt": str(ids["project_id"]),
        },
    )
    assert resp.status_code == 303
    resp = client.post("/admin/projekt", data={"csrf_token": csrf, "namn": "Patientforum RPK", "kortnamn": "rpk"})
    assert resp.status_code == 303
    html = client.get("/admin?handelse=anvandare_skapad").text
    assert "ny.granskare" in html and "Patientforum RPK" in html and "Hjärnkoll" in html
    assert "anvandare_skapad" in html


def test_upload_shows_detected_columns_and_starts_job(
    demo: tuple[TestClient, dict[str, Any]],
    tmp_path: Path,
) -> None:
    client, ids = demo
    pid = ids["project_id"]
    csv_path = tmp_path / "export.csv"
    rows = ["Respondent-ID;Datum;Kön;Vad kan bli bättre?"] + [
        f"{i};2025-0{1 + i % 9}-1{i % 9};{'Kvinna' if i % 2 else 'Man'};"
        f"Jag fick vänta länge på att få en tid hos psykiatrin, svar nummer {i}."
        for i in range(30)
    ]
    csv_path.write_text("\n".join(rows), encoding="utf-8")
    login(client, "analytiker1")
    form = client.get(f"/projekt/{pid}/ladda-upp").text
    action = re.search(r'action="([^"]+ladda-upp)"', form).group(1).replace("&amp;", "&")
    with csv_path.open("rb") as fh:
        # The token is a form field sent before the file, never part of the URL.
        resp = client.post(action, data={"csrf_token": csrf_of(form)}, files={"fil": ("export.csv", fh, "text/csv")})
    assert resp.status_code == 303, resp.text
    mapping_url = resp.headers["location"]
    html = client.get(mapping_url).text
    # The free-text column is detected and pre-checked; metadata columns are pre-selected.
    assert re.search(r'name="textkolumn" value="Vad kan bli bättre\?" checked', html)
    assert re.search(r'<option value="Datum" selected>', html)
    assert "svar nummer" not in html  # the preview never shows cell contents
    resp = client.post(
        mapping_url,
        data={
            "csrf_token": csrf_of(html),
            "textkolumn": "Vad kan bli bättre?",
            "falt_date": "Datum",
            "falt_gender": "Kön",
            "taxonomi": "samsjuklighet",
        },
    )
    assert resp.status_code == 303
    job_page = client.get(resp.headers["location"])
    assert job_page.status_code == 200 and "<progress" in job_page.text
    assert "väntar på sin tur" in job_page.text


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


def test_admin_deactivates_a_user_who_then_cannot_log_in(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "admin1")
    uid = ids["users"]["granskare2"]
    resp = client.post(f"/admin/anvandare/{uid}/inaktivera", data={"csrf_token": csrf})
    assert resp.status_code == 303
    assert "Kontot är inaktiverat." in client.get(resp.headers["location"]).text
    client.post("/logga-ut", data={"csrf_token": csrf})
    resp = post_login(client, "granskare2")
    assert resp.status_code == 401


def _label_row(html: str, title: str) -> list[str]:
    m = re.search(r'<th scope="row">' + re.escape(title) + r"</th>(.*?)</tr>", html, re.S)
    assert m, f"raden för {title} saknas"
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(1), re.S)]


def test_report_counts_decided_labels_and_shows_prediction_set_apart(
    demo: tuple[TestClient, dict[str, Any]], engine: Engine
) -> None:
    """Shares count the classifier's decided labels, not the (wide) prediction set; the
    prediction set is the "kan också handla om" column, and unsure answers are counted."""
    from api.web.queries import label_titles
    from nlp.store.models import Classification, Suggestion

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
    from sqlalchemy import update

    from api.web.queries import label_titles
    from nlp.store.models import Suggestion

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


def test_copied_cookie_is_worthless_after_logging_out(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "granskare1")
    copied = client.cookies.get("brukarrost_session")
    client.post("/logga-ut", data={"csrf_token": csrf})
    client.cookies.set("brukarrost_session", copied)
    assert client.get("/projekt").status_code == 303  # back to the login page
    resp = client.post(
        f"/projekt/{ids['project_id']}/validera",
        data={
            "csrf_token": csrf,
            "record_id": "1",
            "label_id": "x",
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
        },
    )
    assert resp.status_code in (303, 403) and "/logga-in" in resp.headers.get("location", "/logga-in")
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == 0


def test_user_changes_password_and_other_sessions_end(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    app = client.app
    with TestClient(app, follow_redirects=False) as phone:
        login(phone, "granskare2")
        csrf = login(client, "granskare2")
        page = client.get("/konto/losenord")
        assert page.status_code == 200 and "minst 12 tecken" in page.text
        bad = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": PASSWORD,
                "nytt": "granskare2-lösen",
                "nytt_igen": "granskare2-lösen",
            },
        )
        assert bad.status_code == 422 and "användarnamnet" in bad.text
        wrong = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": "fel-fel-fel",
                "nytt": "kanelbulle-och-kaffe",
                "nytt_igen": "kanelbulle-och-kaffe",
            },
        )
        assert wrong.status_code == 401 and "nuvarande lösenordet stämmer inte" in wrong.text
        ok = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": PASSWORD,
                "nytt": "kanelbulle-och-kaffe",
                "nytt_igen": "kanelbulle-och-kaffe",
            },
        )
        assert ok.status_code == 303
        assert "Ditt lösenord är bytt" in client.get(ok.headers["location"]).text  # still signed in
        assert phone.get("/projekt").status_code == 303  # the other session has ended
    client.post("/logga-ut", data={"csrf_token": csrf_of(client.get("/projekt").text)})
    assert post_login(client, "granskare2", "kanelbulle-och-kaffe").status_code == 303

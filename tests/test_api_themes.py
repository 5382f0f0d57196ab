"""Theme edits through the JSON API (name, merge, split): roles, projects, audit, and the
stored format that nlp.themes.apply_theme_edits carries over to a refit."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from api.services.themes import stored_result
from nlp.store.db import session_scope
from nlp.store.models import AuditEntry, Theme, ThemeAssignment, ThemeEdit
from nlp.themes import apply_theme_edits
from tests.test_api_support import auth, client, seeded  # noqa: F401


def _main_members(engine: Engine, theme_id: int) -> set[int]:
    """Answers whose heaviest theme is theme_id, straight from the stored assignments."""
    with session_scope(engine) as s:
        best: dict[int, tuple[float, int]] = {}
        for rid, tid, w in s.execute(
            select(ThemeAssignment.record_id, ThemeAssignment.theme_id, ThemeAssignment.weight)
        ):
            if rid not in best or w > best[rid][0]:
                best[rid] = (w, tid)
    return {rid for rid, (_, tid) in best.items() if tid == theme_id}


def test_name_merge_and_split_are_stored_audited_and_apply_on_a_refit(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    pid, run = seeded["project_a"], seeded["run_a"]
    _other, t0, t1, t2 = seeded["themes_a"]
    h = auth("samordnare")
    r = client.post(f"/api/projects/{pid}/themes/{t0}/name", headers=h, json={"name": "  Väntetider  "})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["kind"] == "namn" and body["payload"]["namn"] == "Väntetider" and body["payload"]["run_id"] == run
    with session_scope(engine) as s:
        edit = s.get(ThemeEdit, body["id"])
        assert set(edit.member_record_ids) == _main_members(engine, t0) != set()
        topics = {t.id: t.topic for t in s.scalars(select(Theme).where(Theme.run_id == run))}

    r = client.post(
        f"/api/projects/{pid}/themes/merge",
        headers=auth("analytiker"),
        json={"theme_ids": [t1, t2], "name": "Bemötande"},
    )
    assert r.status_code == 201, r.text
    merge = r.json()
    assert merge["kind"] == "sammanfoga" and sorted(merge["payload"]["teman"]) == sorted([topics[t1], topics[t2]])
    r = client.post(
        f"/api/projects/{pid}/themes/{t0}/split", headers=h, json={"n_parts": 3, "note": "Telefon och brev"}
    )
    assert r.status_code == 201 and r.json()["payload"]["antal"] == 3

    listed = client.get(f"/api/projects/{pid}/theme-edits", headers=h).json()
    assert [e["kind"] for e in listed] == ["namn", "sammanfoga", "namn", "dela"]
    with session_scope(engine) as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert {"tema_namngivet", "teman_sammanfogade", "tema_dela_begard"} <= set(actions)
        # The stored rows are what nlp/themes/edits.py applies: name and merge carry over.
        result = stored_result(s, run)
        before = {t.id for t in result.themes}
        edits = [e for e in s.scalars(select(ThemeEdit).order_by(ThemeEdit.id)) if e.kind != "dela"]
        applied = apply_theme_edits(result, edits)
    labels = {t.label for t in applied.themes}
    assert "Väntetider" in labels and "Bemötande" in labels
    assert len(applied.themes) == len(before) - 1


def test_theme_edits_check_roles_projects_and_input(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    pid = seeded["project_a"]
    other, t0, t1, _t2 = seeded["themes_a"]
    theme_b = seeded["themes_b"][1]
    h = auth("analytiker")
    # Validators read projects but do not edit themes.
    r = client.post(f"/api/projects/{pid}/themes/{t0}/name", headers=auth("validerare_a1"), json={"name": "x"})
    assert r.status_code == 403
    # Not a member: 404; a theme of another project through this project: 404.
    r = client.post(f"/api/projects/{pid}/themes/{t0}/name", headers=auth("analytiker_b"), json={"name": "x"})
    assert r.status_code == 404
    r = client.post(f"/api/projects/{pid}/themes/{theme_b}/name", headers=h, json={"name": "x"})
    assert r.status_code == 404 and "Temat finns inte" in r.json()["detail"]
    r = client.post(f"/api/projects/{pid}/themes/merge", headers=h, json={"theme_ids": [t0, theme_b]})
    assert r.status_code == 404
    # "övrigt" cannot be named or merged; a merge needs two themes; a name cannot be blank.
    r = client.post(f"/api/projects/{pid}/themes/{other}/name", headers=h, json={"name": "Övrigt"})
    assert r.status_code == 422 and "övrigt" in r.json()["detail"]
    r = client.post(f"/api/projects/{pid}/themes/merge", headers=h, json={"theme_ids": [t1, t1]})
    assert r.status_code == 422
    r = client.post(f"/api/projects/{pid}/themes/{t0}/name", headers=h, json={"name": "   "})
    assert r.status_code == 422
    r = client.post(f"/api/projects/{pid}/themes/{t0}/split", headers=h, json={"n_parts": 1})
    assert r.status_code == 422
    with session_scope(engine) as s:
        assert s.scalars(select(ThemeEdit)).first() is None

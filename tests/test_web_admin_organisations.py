"""Organisations as managed entities, through the real app: created and renamed on the admin
page and in the API, chosen from a list for new accounts (a typo cannot make a second one),
forms keep what was typed after an error; and migration 0012 takes over the free text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, select, text

from nlp.store import session_scope
from nlp.store.models import Organisation, User, ValidationEvent
from tests.test_api_support import auth, client, seeded  # noqa: F401
from tests.test_web_pages import csrf_of, demo, login  # noqa: F401 - demo is a fixture

Demo = tuple[TestClient, dict[str, Any]]
STRONG = "ett-langt-losenord"


def test_admin_creates_renames_and_refuses_a_second_spelling(demo: Demo, engine: Engine) -> None:
    client, _ = demo
    login(client, "admin1")
    csrf = csrf_of(client.get("/admin").text)
    assert client.post("/admin/organisationer", data={"csrf_token": csrf, "namn": "Hjärnkoll  Syd"}).status_code == 303
    page = client.get("/admin?meddelande=organisation").text
    assert "Organisationen är skapad." in page and "Hjärnkoll Syd" in page
    twin = client.post("/admin/organisationer", data={"csrf_token": csrf, "namn": "hjärnkoll syd"})
    assert twin.status_code == 409 and "finns redan en organisation" in twin.text
    assert 'id="ny-org" name="namn" type="text" required maxlength="200" value="hjärnkoll syd"' in twin.text
    with session_scope(engine) as s:
        assert s.scalars(select(Organisation.name)).all() == ["Hjärnkoll Syd"]
        org_id = s.scalar(select(Organisation.id))
    # A new account picks it from the list; the account follows a rename.
    form = re.search(r'<select id="ny-organisation".*?</select>', page, re.S).group(0)
    assert '<option value="Hjärnkoll Syd">' in form
    new = {"csrf_token": csrf, "anvandarnamn": "ny.granskare", "losenord": STRONG, "roll": "validator"}
    assert client.post("/admin/anvandare", data=new | {"organisation": "Hjärnkoll Syd"}).status_code == 303
    renamed = client.post(f"/admin/organisationer/{org_id}", data={"csrf_token": csrf, "namn": "Hjärnkoll Väst"})
    assert renamed.status_code == 303
    with session_scope(engine) as s:
        assert s.scalar(select(User.organisation).where(User.username == "ny.granskare")) == "Hjärnkoll Väst"


def test_a_typo_in_the_organisation_keeps_the_form_and_creates_nothing(demo: Demo, engine: Engine) -> None:
    client, ids = demo
    login(client, "admin1")
    csrf = csrf_of(client.get("/admin").text)
    client.post("/admin/organisationer", data={"csrf_token": csrf, "namn": "RSMH Värmland"})
    typo = {
        "csrf_token": csrf,
        "anvandarnamn": "kalle",
        "namn": "Kalle Ek",
        "losenord": STRONG,
        "roll": "validator",
        "organisation": "RSHM Värmland",
        "projekt": str(ids["project_id"]),
    }
    resp = client.post("/admin/anvandare", data=typo)
    assert resp.status_code == 422 and "Organisationen finns inte i listan" in resp.text
    assert 'value="kalle"' in resp.text and 'value="Kalle Ek"' in resp.text
    assert '<option value="validator" selected>' in resp.text
    assert f'<option value="{ids["project_id"]}" selected>' in resp.text
    assert STRONG not in resp.text  # the password is never sent back
    assert "validerare" not in resp.text
    same = client.post("/admin/anvandare", data=typo | {"organisation": "rsmh  värmland"})
    assert same.status_code == 303  # the same letters: the existing organisation
    with session_scope(engine) as s:
        assert s.scalars(select(Organisation.name)).all() == ["RSMH Värmland"]
        assert s.scalar(select(User.organisation).where(User.username == "kalle")) == "RSMH Värmland"


def test_the_api_manages_organisations_and_decisions_follow_a_rename(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    admin = auth("admin")
    made = client.post("/api/organisations", headers=admin, json={"name": "Brukarföreningen A"})
    assert made.status_code == 201, made.text
    assert client.post("/api/organisations", headers=admin, json={"name": " brukarföreningen a"}).status_code == 409
    assert client.get("/api/organisations", headers=auth("analytiker")).status_code == 403
    rec = seeded["records_a"][0]
    r = client.post(
        f"/api/records/{rec}/decisions",
        headers=auth("validerare_a1"),
        json={"label_id": "respekt", "decision": "accept"},
    )
    assert r.status_code in (200, 201), r.text
    r = client.patch(f"/api/organisations/{made.json()['id']}", headers=admin, json={"name": "Föreningen A"})
    assert r.status_code == 200 and r.json()["name"] == "Föreningen A"
    with session_scope(engine) as s:
        assert set(s.scalars(select(ValidationEvent.organisation))) == {"Föreningen A"}
        orgs = set(s.scalars(select(User.organisation).where(User.username.in_(["validerare_a1", "validerare_a2"]))))
        assert orgs == {"Föreningen A"}


def test_migration_0012_takes_over_the_accounts_free_text(tmp_path: Path) -> None:
    from alembic import command

    from nlp.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'gammal.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0008")
    eng = create_engine(url)
    with eng.begin() as conn:
        for i, org in enumerate(["RSMH Värmland", "RSMH Värmland", " rsmh  värmland", "Hjärnkoll", None, "  "]):
            conn.execute(
                text(
                    "INSERT INTO users (username, password_hash, role, organisation, active, created_at, "
                    "session_generation) VALUES (:u, 'x', 'validator', :o, 1, CURRENT_TIMESTAMP, 0)"
                ),
                {"u": f"u{i}", "o": org},
            )
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT name FROM organisations ORDER BY name")).scalars().all() == [
            "Hjärnkoll",
            "RSMH Värmland",
        ]
        got = dict(conn.execute(text("SELECT username, organisation FROM users")).all())
    assert got == {
        "u0": "RSMH Värmland",
        "u1": "RSMH Värmland",
        "u2": "RSMH Värmland",
        "u3": "Hjärnkoll",
        "u4": None,
        "u5": None,
    }
    eng.dispose()

"""Residual risk (issue 12): what the pseudonymiser kept that still looks risky, computed at
import time from the pseudonymised text, shown as counts to analysts and in context only to
an admin on an audited page. Real import (nlp.pipeline), real app, real database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from nlp.pipeline import import_export
from nlp.residual_risk import kinds_in, scan
from nlp.store.db import session_scope
from nlp.store.models import AuditEntry, Import, ResidualToken
from tests.test_api_support import auth, client, seeded  # noqa: F401


def test_scan_finds_kinds_in_pseudonymised_text_but_not_the_pseudonyms() -> None:
    text = (
        "[PERSON_1] sa att Xylofonia Qwertz ringer 0701 23 45 67, "
        "se www.exempel.se eller skriv till @kalle. Personalen var bra."
    )
    kinds = kinds_in(scan(text))
    assert kinds == {"ovanligt_ord_med_versal": 2, "lang_sifferfoljd": 1, "webbadress": 1, "snabel_a": 1}, kinds
    assert scan("[PERSON_1] och [TELEFON_2] hjälpte mig 2024.") == []
    # offsets point into the pseudonymised text
    tok = next(t for t in scan(text) if t.kind == "lang_sifferfoljd")
    assert text[tok.start : tok.end] == "0701 23 45 67"


def _import(tmp_path: Path, engine: Engine) -> int:
    path = tmp_path / "risk.csv"
    path.write_text(
        "Respondent-ID;Verksamhet;Åldersgrupp;Synpunkter\n"
        "R1;Vårdcentralen Gripen;45-54;Mitt kundnummer är 99887766 och Zorblax hjälpte till.\n"
        "R2;Vårdcentralen Gripen;45-54;Skriv till supporten@ eller se www.exempel.se för mer.\n"
        "R3;Dr Ingegerd Wallströms mottagning, tel 070-174 23 95;25-34;Väntetiden var lång.\n",
        encoding="utf-8",
    )
    summary = import_export(
        path,
        project="projekt-a",
        engine=engine,
        text_columns=["Synpunkter"],
        column_map={"unit": "Verksamhet", "age_group": "Åldersgrupp"},
    )
    return summary.import_id


def test_counts_for_analysts_context_for_admins_audited(
    client: TestClient,
    seeded: dict[str, Any],
    auth: Any,
    engine: Engine,
    tmp_path: Path,  # noqa: F811
) -> None:
    import_id = _import(tmp_path, engine)
    with session_scope(engine) as s:
        imp = s.get(Import, import_id)
        assert imp.filename == f"import {import_id} (csv)"  # never the file's own name
        assert imp.metadata_pii_counts == {"unit": {"PERSON": 1, "TELEFON": 1}}
        n_tokens = len(list(s.scalars(select(ResidualToken).where(ResidualToken.import_id == import_id))))
    assert n_tokens == 3  # digits, @ and web address; Zorblax was replaced as a name

    body = client.get(f"/api/imports/{import_id}/residual-risk", headers=auth("analytiker")).json()
    assert body["kvar"]["svar"]["lang_sifferfoljd"] == 1 and body["kvar"]["svar"]["webbadress"] == 1
    assert body["kvar_totalt"]["snabel_a"] == 1
    assert body["ersatta"]["verksamhet"] == {"PERSON": 1, "TELEFON": 1}
    assert "99887766" not in str(body) and "Zorblax" not in str(body)
    listing = client.get(f"/api/projects/{seeded['project_a']}/residual-risk", headers=auth("samordnare"))
    assert listing.status_code == 200 and any(x["import_id"] == import_id for x in listing.json())
    # the tokens themselves: admins only, and every view is audited
    url = f"/api/imports/{import_id}/residual-risk/tokens"
    assert client.get(url, headers=auth("analytiker")).status_code == 403
    assert client.get(f"/api/imports/{import_id}/residual-risk", headers=auth("validerare_a1")).status_code == 403
    assert client.get(f"/api/imports/{import_id}/residual-risk", headers=auth("analytiker_b")).status_code == 404
    tokens = client.get(url, headers=auth("admin")).json()["tokens"]
    assert any(t["token"] == "99887766" and "kundnummer är " in t["fore"] for t in tokens)
    assert all("Wallström" not in t["fore"] + t["token"] + t["efter"] for t in tokens)
    with session_scope(engine) as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "visa_restrisk")) is not None


def test_pages_show_counts_and_an_audited_admin_review(
    seeded: dict[str, Any],
    engine: Engine,
    tmp_path: Path,  # noqa: F811
) -> None:
    from api.app import create_app
    from tests.test_api_support import PASSWORD, make_settings
    from tests.test_web_pages import post_login

    import_id = _import(tmp_path, engine)
    p = seeded["project_a"]
    with TestClient(create_app(make_settings(tmp_path)), follow_redirects=False) as client:
        _pages(client, p, import_id, engine, post_login, PASSWORD)


def _pages(client: TestClient, p: int, import_id: int, engine: Engine, post_login: Any, password: str) -> None:
    PASSWORD = password
    assert post_login(client, "analytiker", PASSWORD).status_code == 303
    assert f"/projekt/{p}/restrisk" in client.get("/projekt").text
    page = client.get(f"/projekt/{p}/restrisk")
    assert page.status_code == 200 and "långa sifferföljder" in page.text
    assert f"import {import_id} (csv)" in page.text
    assert "99887766" not in page.text and "Zorblax" not in page.text
    assert "Granska orden" not in page.text
    review = f"/projekt/{p}/importer/{import_id}/restrisk"
    assert client.get(review, follow_redirects=False).status_code == 403

    client.cookies.clear()
    assert post_login(client, "admin", PASSWORD).status_code == 303
    assert review in client.get(f"/projekt/{p}/restrisk").text
    page = client.get(review)
    assert page.status_code == 200 and "<mark>99887766</mark>" in page.text
    with session_scope(engine) as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "visa_restrisk"))
        assert entry is not None and entry.object_id == str(import_id)

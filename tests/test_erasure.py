"""Erasure (nlp/erasure.py) over the real API, web page and CLI, on real imports:
record ids scrubbed from every JSON list, the embedding cache emptied of the answers,
the text gone from the database file, and imports made with another key listed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from api.app import create_app
from nlp import embed as E
from nlp.cli import app as cli_app
from nlp.config import get_settings
from nlp.keys import start_new_generation
from nlp.pipeline import import_export
from nlp.store.db import session_scope
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Insight,
    RecordRow,
    Theme,
    ThemeEdit,
    Tombstone,
)
from tests.test_api_support import PASSWORD, make_settings, seed, token_headers
from tests.test_keys import export_part
from tests.test_web_pages import csrf_of, post_login

VICTIM = "R1002"  # a respondent of the example export with two free-text answers


def login(client: TestClient, username: str) -> str:
    assert post_login(client, username, PASSWORD).status_code == 303
    return csrf_of(client.get("/projekt").text)


def _records(engine: Engine, import_id: int) -> list[tuple[int, str, str | None]]:
    with session_scope(engine) as s:
        return [
            tuple(r)
            for r in s.execute(
                select(RecordRow.id, RecordRow.text, RecordRow.respondent_key)
                .where(RecordRow.import_id == import_id)
                .order_by(RecordRow.id)
            )
        ]


def _victim_ids(engine: Engine, import_id: int) -> tuple[list[int], list[str], list[int]]:
    from nlp.pseudonymise import Pseudonymiser, load_or_create_key

    rkey = Pseudonymiser(load_or_create_key()).respondent_key(VICTIM)
    rows = _records(engine, import_id)
    victims = [r for r in rows if r[2] == rkey]
    return [r[0] for r in victims], [r[1] for r in victims], [r[0] for r in rows if r[2] != rkey]


def _raw_db_bytes() -> bytes:
    base = Path(get_settings().db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in (base, Path(f"{base}-wal")) if p.exists())


def _plant_references(engine: Engine, project_id: int, victims: list[int], others: list[int], victim_text: str) -> None:
    """Every place that lists record ids, as the app writes them."""
    with session_scope(engine) as s:
        imp_id = s.scalar(select(RecordRow.import_id).where(RecordRow.id == others[0]))
        run = AnalysisRun(import_id=imp_id, status="klar", taxonomy_id="samsjuklighet")
        s.add(run)
        s.flush()
        s.add(Theme(run_id=run.id, topic=0, label="t", example_record_ids=[victims[0], others[0]]))
        s.add(
            Classification(
                run_id=run.id,
                record_id=others[0],
                taxonomy_id="samsjuklighet",
                model_version="v",
                evidence=[
                    {
                        "label": "respekt",
                        "words": [],
                        "examples": [
                            {"id": str(victims[0]), "text": victim_text, "similarity": 0.9},
                            {"id": str(others[1]), "text": "annat", "similarity": 0.5},
                        ],
                    }
                ],
            )
        )
        s.add(
            ThemeEdit(
                project_id=project_id,
                kind="sammanfoga",
                member_record_ids=victims + others[:2],
                payload={
                    "teman": [0, 1],
                    "grupper": [[victims[0], others[0]], [others[1]]],
                    "namn": "x",
                    "run_id": run.id,
                },
            )
        )
        s.add(
            ThemeEdit(
                project_id=project_id,
                kind="dela",
                member_record_ids=[victims[0], others[0]],
                payload={
                    "tema": 0,
                    "delar": [{"namn": "a", "record_ids": [victims[0]]}, {"namn": "b", "record_ids": [others[0]]}],
                },
            )
        )
        s.add(
            Insight(
                project_id=project_id, title="i", evidence={"theme_ids": [1], "record_ids": [victims[0], others[0]]}
            )
        )


def test_erasure_scrubs_ids_cache_and_database_file(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    summary = import_export(export_part(tmp_path, "a.csv", 1), project="projekt-a", engine=engine)
    victims, texts, others = _victim_ids(engine, summary.import_id)
    assert len(victims) == 2
    _plant_references(engine, ids["project_a"], victims, others, texts[0])
    cache = E.EmbeddingCache("testmodell", 4)
    all_texts = [t for _, t, _ in _records(engine, summary.import_id)]
    with cache.connect() as conn:
        cache.put(conn, "passage", [cache.digest(t) for t in all_texts], np.ones((len(all_texts), 4), dtype=np.float32))
    sqlite = get_settings().db_url.startswith("sqlite")
    if sqlite:  # the test can fail: the text is in the file before
        assert texts[0].encode("utf-8") in _raw_db_bytes()

    with TestClient(create_app(make_settings(tmp_path))) as client:
        r = client.post(
            f"/api/projects/{ids['project_a']}/erasure",
            headers=token_headers(client, "analytiker"),
            json={"respondent_id": VICTIM},
        )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["svar"] == 2 and out["cachade_vektorer"] == 2
    assert out["cachade_fynd"] == 2  # the import's pseudonymisation finds of their two texts
    assert out["fullstandig"] is True and out["ej_sokta_importer"] == []

    gone = set(victims)
    with session_scope(engine) as s:
        for t in s.scalars(select(Theme).where(Theme.label == "t")):
            assert not gone & set(t.example_record_ids) and others[0] in t.example_record_ids
        ev = s.scalar(select(Classification).where(Classification.model_version == "v")).evidence
        assert [e["id"] for e in ev[0]["examples"]] == [str(others[1])]
        for edit in s.scalars(select(ThemeEdit)):
            flat = [
                *edit.member_record_ids,
                *[i for g in edit.payload.get("grupper", []) for i in g],
                *[i for p in edit.payload.get("delar", []) for i in p["record_ids"]],
            ]
            assert not gone & set(flat) and others[0] in flat
        merge = s.scalar(select(ThemeEdit).where(ThemeEdit.kind == "sammanfoga"))
        assert merge.payload["teman"] == [0, 1]  # theme ids are not record ids
        assert s.scalar(select(Insight)).evidence["record_ids"] == [others[0]]
    with cache.connect() as conn:
        left = cache.get(conn, "passage", [cache.digest(t) for t in all_texts])
    assert len(left) == len(set(all_texts)) - len(set(texts))
    assert not {cache.digest(t) for t in texts} & set(left)
    if sqlite:
        raw = _raw_db_bytes()
        for t in texts:
            assert t.encode("utf-8") not in raw


def test_imports_made_with_another_key_are_listed_not_reported_as_erased(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    old = import_export(export_part(tmp_path, "gammal.csv", 1), project="projekt-a", engine=engine)
    old_victims, _, _ = _victim_ids(engine, old.import_id)
    get_settings().key_file.unlink()  # the key is lost; an admin starts a new generation
    with session_scope(engine) as s:
        start_new_generation(s, actor="admin")
    new = import_export(export_part(tmp_path, "ny.csv", 1, n=13), project="projekt-a", engine=engine)
    new_victims, _, _ = _victim_ids(engine, new.import_id)
    assert old_victims and new_victims

    with TestClient(create_app(make_settings(tmp_path)), follow_redirects=False) as client:
        csrf = login(client, "analytiker")
        page = client.post(f"/projekt/{ids['project_a']}/radera", data={"csrf_token": csrf, "respondent_id": VICTIM})
        assert page.status_code == 200 and "kunde inte sökas" in page.text
        # Files are listed by their neutral stored name, never the user's file name.
        old_name = f"import {old.import_id} (csv)"
        assert old_name in page.text and "gammal.csv" not in page.text and VICTIM not in page.text
        done = client.post(
            f"/projekt/{ids['project_a']}/radera/bekrafta",
            data={"csrf_token": csrf, "respondent_id": VICTIM, "bekrafta": "ja", "n_found": "2"},
        )
        assert done.status_code == 200
        assert "bara delvis klar" in done.text and old_name in done.text
        assert "Raderingen är klar" not in done.text
        api = client.post(
            f"/api/projects/{ids['project_a']}/erasure",
            headers=token_headers(client, "analytiker"),
            json={"respondent_id": VICTIM},
        )
    body = api.json()
    assert body["fullstandig"] is False
    assert [u["import_id"] for u in body["ej_sokta_importer"]] == sorted(
        [old.import_id, ids["import_a"]]
    )  # the seeded import too: made before any key
    with session_scope(engine) as s:
        assert s.scalars(select(RecordRow.id).where(RecordRow.id.in_(new_victims))).all() == []
        assert len(s.scalars(select(RecordRow.id).where(RecordRow.id.in_(old_victims))).all()) == 2
        assert s.scalars(select(Tombstone)).first().counts["ej_sokta_importer"] == 2


def test_cli_erasure_reports_what_it_could_not_reach(engine: Engine, tmp_path: Path) -> None:
    old = import_export(export_part(tmp_path, "gammal.csv", 1), engine=engine)
    get_settings().key_file.unlink()
    runner = CliRunner()
    assert runner.invoke(cli_app, ["nyckel", "ny", "--bekrafta"]).exit_code == 0
    import_export(export_part(tmp_path, "ny.csv", 1, n=13), engine=engine)
    res = runner.invoke(cli_app, ["radera", "--projekt", "standard"], input=f"{VICTIM}\n")
    assert res.exit_code == 3, res.output
    assert "Raderat: 2 svar" in res.output and f"import {old.import_id} (csv)" in res.output
    assert "Inte fullständigt" in res.output and VICTIM not in res.output


def test_erasure_without_a_key_says_so_and_creates_none(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    imported = import_export(export_part(tmp_path, "a.csv", 1), project="projekt-a", engine=engine)
    key_file = get_settings().key_file
    key_file.write_text("skadad\n", encoding="ascii")
    with TestClient(create_app(make_settings(tmp_path)), follow_redirects=False) as client:
        csrf = login(client, "analytiker")
        page = client.post(f"/projekt/{ids['project_a']}/radera", data={"csrf_token": csrf, "respondent_id": VICTIM})
        api = client.post(
            f"/api/projects/{ids['project_a']}/erasure",
            headers=token_headers(client, "analytiker"),
            json={"respondent_id": VICTIM},
        )
    assert page.status_code == 409 and "skadad" in page.text
    assert str(key_file) not in page.text and str(key_file.parent) not in page.text
    assert api.status_code == 409 and str(key_file) not in api.text
    key_file.unlink()
    with session_scope(engine) as s:
        n = s.scalar(select(Import.n_records).where(Import.id == imported.import_id))
    assert n > 0 and not key_file.exists()

"""Stories and interview notes as documents, through the real app: the upload page with its
small form (date, unit, source), the worker's import and analysis, pseudonymisation of the
text and of the file names, and what the page keeps after an error."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from nlp.jobs import EmbeddedWorker
from nlp.store import session_scope
from nlp.store.models import Import, Job, RecordRow
from tests.document_files import ANNA, SECOND, docx_bytes, odt_bytes, zip_bytes
from tests.test_web_pages import csrf_of, demo, login  # noqa: F401 - demo is a fixture

Demo = tuple[TestClient, dict[str, Any]]
TOPICS = [
    ("Väntetiden till psykiatrin var lång.", "Jag ringde många gånger utan svar."),
    ("Personalen på boendet var vänlig.", "De lyssnade när jag berättade om min vardag."),
    ("Det var svårt att få hjälp med både missbruk och ångest.", "Ingen ville ta ansvar för helheten."),
]


def _stories() -> bytes:
    members = {"Anna Svensson 19121212-1212.docx": docx_bytes(ANNA, SECOND)}
    for i in range(14):
        first, second = TOPICS[i % 3]
        make = docx_bytes if i % 2 else (lambda *p: odt_bytes(p[0], *p[1:]))
        members[f"berattelse-{i:02d}.{'docx' if i % 2 else 'odt'}"] = make(f"{first} Berättelse {i}.", second)
    return zip_bytes(members)


@pytest.fixture
def keyed() -> None:
    from nlp.pseudonymise import load_or_create_key

    load_or_create_key()  # the seeded import stands for one made with this test's key


def _form(client: TestClient, pid: int) -> str:
    page = client.get(f"/projekt/{pid}/dokument")
    assert page.status_code == 200
    return page.text


def test_the_form_sends_token_and_fields_before_the_file(demo: Demo) -> None:
    client, ids = demo
    login(client, "analytiker1")
    html = _form(client, ids["project_id"])
    form = re.search(r"<form[^>]+/dokument[^>]*>.*?</form>", html, re.S).group(0)
    order = [form.index(f'name="{n}"') for n in ("csrf_token", "datum", "verksamhet", "kalla", "fil")]
    assert order == sorted(order)
    assert ".docx" in form and ".odt" in form and ".zip" in form
    assert f"/projekt/{ids['project_id']}/dokument" in client.get("/projekt").text


@pytest.mark.slow  # the real embedding model, themes and classifier on 15 stories
def test_documents_are_analysed_whole_and_per_paragraph_and_pseudonymised(
    demo: Demo, engine: Engine, keyed: None
) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    token = csrf_of(_form(client, pid))
    data = {"csrf_token": token, "datum": "2025-03-14", "verksamhet": "Psykiatri Norr", "kalla": "patientforum"}
    resp = client.post(f"/projekt/{pid}/dokument", data=data, files={"fil": ("Anna Svensson.zip", _stories())})
    assert resp.status_code == 303, resp.text
    job_id = int(resp.headers["location"].rsplit("/", 1)[1])
    EmbeddedWorker(engine).run_pending()
    with session_scope(engine) as s:
        job = s.get(Job, job_id)
        assert job.status == "klar", job.error
        imp = s.get(Import, job.import_id)
        records = list(s.scalars(select(RecordRow).where(RecordRow.import_id == imp.id)))
        stored = " ".join([imp.filename, job.filename or "", str(job.params)] + [r.text for r in records])
        run_id = job.run_id
        assert {r.question for r in records} == {"Hela berättelsen", "Stycke 1", "Stycke 2"}
        assert {r.row for r in records} == set(range(2, 17))  # 15 stories
        assert {(r.date.isoformat(), r.unit, r.source_type) for r in records} == {
            ("2025-03-14", "Psykiatri Norr", "patientforum")
        }
        assert all(r.respondent_key and len(r.respondent_key) == 64 for r in records)  # the file name, keyed
    assert "Anna" not in stored and "Svensson" not in stored and "19121212" not in stored
    assert "[PERSON_" in stored
    assert job_id and imp.filename.startswith("import ")
    export = client.get(f"/api/runs/{run_id}/export", params={"format": "csv_respondenter"})
    assert export.status_code == 200, export.text
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    # The run covers the whole project (its earlier imports too): the stories are their own respondents.
    stories = [row for row in rows if row["Verksamhet"] == "Psykiatri Norr"]
    assert len(stories) == 15 and {"Hela berättelsen", "Stycke 1", "Stycke 2"} <= set(rows[0])
    assert {row["Källa"] for row in stories} == {"Patientforum"}
    assert len({(row.get("Import"), row["Rad"]) for row in rows}) == len(rows)  # no respondent folded into another


def test_a_wrong_date_keeps_what_was_typed_and_nothing_is_kept(demo: Demo, tmp_path: Path) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    token = csrf_of(_form(client, pid))
    data = {"csrf_token": token, "datum": "14 mars", "verksamhet": "Boende Väst", "kalla": "berattelse"}
    resp = client.post(f"/projekt/{pid}/dokument", data=data, files={"fil": ("a.docx", docx_bytes(ANNA))})
    assert resp.status_code == 422
    assert "Datumet känns inte igen" in resp.text
    assert 'value="Boende Väst"' in resp.text and 'value="berattelse" selected' in resp.text
    assert not [p for p in (tmp_path / "uppladdningar").rglob("*") if p.is_file()]


def test_a_pdf_gets_an_error_about_the_uploaded_file_not_its_name(demo: Demo) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    token = csrf_of(_form(client, pid))
    resp = client.post(
        f"/projekt/{pid}/dokument",
        data={"csrf_token": token, "verksamhet": "Boende Väst"},
        files={"fil": ("Anna Svensson.pdf", b"%PDF-1.4 ...")},
    )
    assert resp.status_code == 415 and "Filtypen känns inte igen" in resp.text
    assert "Anna" not in resp.text and 'value="Boende Väst"' in resp.text
    # The export form: a PDF is named as "den uppladdade filen", never export.csv or its own name.
    page = client.get(f"/projekt/{pid}/ladda-upp").text
    resp = client.post(
        f"/projekt/{pid}/ladda-upp", data={"csrf_token": csrf_of(page)}, files={"fil": ("fel.pdf", b"%PDF-1.4 ...")}
    )
    assert "fel.pdf" not in resp.text and "export.csv" not in resp.text
    assert "Fel i den uppladdade filen" in resp.text or "Filtypen känns inte igen" in resp.text

"""A project's own taxonomy through the page: upload (validated, versioned), errors that keep
what was typed, going back to an earlier version, and the choices in the pages that use it.
Real app and database; no embedding model needed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from nlp.store import session_scope
from nlp.store.models import AuditEntry, ProjectTaxonomy
from tests.test_web_review import app_ids, client_for  # noqa: F401

OWN = """\
id: vardupplevelse-test
name: Vårdupplevelse (test)
source: {document: Egen värdemodell, section: hela filen}
labels:
  - id: bemotande
    title: Bemötande
    description: Hur personalen möter och behandlar personen.
    examples: [Sköterskan var vänlig och lyssnade.]
  - id: tillganglighet
    title: Tillgänglighet
    description: Att nå verksamheten och få en tid i rimlig tid.
    examples: [Det tog tre veckor att få en tid.]
"""


def _upload(client: Any, csrf: str, pid: int, text: str, as_file: bool = True) -> Any:
    if as_file:
        return client.post(
            f"/projekt/{pid}/taxonomi",
            data={"csrf_token": csrf},
            files={"fil": ("Taxonomi Anna Berg.yaml", text.encode("utf-8"), "application/yaml")},
        )
    return client.post(f"/projekt/{pid}/taxonomi", data={"csrf_token": csrf, "yaml": text})


def _versions(engine: Engine, pid: int) -> int:
    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(ProjectTaxonomy).where(ProjectTaxonomy.project_id == pid))


def test_upload_is_validated_versioned_and_offered_where_analyses_start(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    analyst, csrf = client_for(app, "analytiker1")
    html = analyst.get(f"/projekt/{pid}/taxonomi").text
    assert "Projektet har ingen egen taxonomi" in html

    resp = _upload(analyst, csrf, pid, OWN)
    assert resp.status_code == 303, resp.text
    html = analyst.get(resp.headers["location"]).text
    assert "Version <strong>1</strong>" in html and "Bemötande" in html and "Tillgänglighet" in html
    assert "används i nästa analys" in html
    # the file's own name (which could name a person) is stored nowhere
    with session_scope(engine) as s:
        row = s.scalars(select(ProjectTaxonomy)).one()
        assert row.taxonomy_id == "vardupplevelse-test" and row.created_by == "analytiker1"
        assert "Anna" not in repr(row.__dict__)
        assert s.scalar(select(func.count()).where(AuditEntry.action == "taxonomi_uppladdad")) == 1

    # pasted text works too, and a second upload is version 2 with its label changes named
    resp = _upload(analyst, csrf, pid, OWN.replace("tillganglighet", "information"), as_file=False)
    assert resp.status_code == 303
    html = analyst.get(f"/projekt/{pid}/taxonomi").text
    assert "Version <strong>2</strong>" in html
    assert "nya etiketter information" in html and "borttagna etiketter tillganglighet" in html

    # the model page offers the project's own taxonomy first
    html = analyst.get(f"/projekt/{pid}/modeller").text
    assert '<option value="vardupplevelse-test"' in html


def test_a_broken_file_gets_a_swedish_error_keeps_the_text_and_stores_nothing(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    analyst, csrf = client_for(app, "analytiker1")
    broken = OWN.replace("    title: Tillgänglighet\n", "")
    resp = _upload(analyst, csrf, pid, broken, as_file=False)
    assert resp.status_code == 422
    assert "Fel i taxonomifilen som laddades upp" in resp.text and "title" in resp.text
    assert "Vårdupplevelse (test)" in resp.text  # the pasted text is still in the form
    resp = _upload(analyst, csrf, pid, "id: [oavslutad\n")
    assert resp.status_code == 422 and "inte giltig YAML (rad" in resp.text
    assert "Anna" not in resp.text  # the uploaded file's name is not echoed
    resp = _upload(analyst, csrf, pid, "x" * (530 * 1024))  # read, then refused
    assert resp.status_code == 422 and "större än 512 kB" in resp.text
    resp = _upload(analyst, csrf, pid, "x" * (2 * 1024 * 1024))  # refused by its declared size, unread
    assert resp.status_code == 413 and "större än 512 kB" in resp.text
    resp = analyst.post(
        f"/projekt/{pid}/taxonomi",
        data={"csrf_token": csrf},
        files={"fil": ("t.yaml", OWN.encode("utf-16"), "application/yaml")},
    )
    assert resp.status_code == 422 and "UTF-8" in resp.text
    assert _versions(engine, pid) == 0


def test_a_short_title_is_accepted_shown_and_checked_for_length(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    analyst, csrf = client_for(app, "analytiker1")
    with_short = OWN.replace("    title: Bemötande\n", "    title: Bemötande\n    short_title: Gott bemötande\n")
    resp = _upload(analyst, csrf, pid, with_short)
    assert resp.status_code == 303, resp.text
    assert "kort: Gott bemötande" in analyst.get(f"/projekt/{pid}/taxonomi").text

    too_long = with_short.replace("Gott bemötande", "Gott bemötande av all personal på mottagningen")
    resp = _upload(analyst, csrf, pid, too_long)
    assert resp.status_code == 422 and "short_title" in resp.text and "högst 30 tecken" in resp.text
    assert _versions(engine, pid) == 1


def test_going_back_to_an_earlier_version_and_who_may(app_ids: tuple[Any, dict[str, Any]], engine: Engine) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    analyst, csrf = client_for(app, "analytiker1")
    _upload(analyst, csrf, pid, OWN)
    _upload(analyst, csrf, pid, OWN.replace("Vårdupplevelse (test)", "Andra versionen"))
    with session_scope(engine) as s:
        first = s.scalars(select(ProjectTaxonomy).where(ProjectTaxonomy.version == 1)).one().id
    resp = analyst.post(f"/projekt/{pid}/taxonomi/{first}/anvand", data={"csrf_token": csrf})
    assert resp.status_code == 303
    html = analyst.get(f"/projekt/{pid}/taxonomi").text
    assert "Version <strong>3</strong>: Vårdupplevelse (test)" in html and "återställd från version 1" in html
    yaml_text = analyst.get(f"/projekt/{pid}/taxonomi/{first}.yaml")
    assert yaml_text.status_code == 200 and yaml_text.text == OWN

    validator, vcsrf = client_for(app, "granskare1")
    assert validator.get(f"/projekt/{pid}/taxonomi").status_code == 403
    assert _upload(validator, vcsrf, pid, OWN).status_code == 403
    assert _versions(engine, pid) == 3

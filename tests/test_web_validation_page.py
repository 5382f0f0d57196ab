"""The validator page over HTTP (TestClient against the real app and a real database):
every label of an answer ticked in one view, identical answers judged together, the part
of the page validera.js asks for, undo, "Mina bedömningar" with the outcome of disputes,
and agreement figures on the joint-analysis page instead of the volunteer's."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from nlp.store import session_scope
from nlp.store.models import AnalysisRun, AuditEntry, RecordRow, Suggestion, ValidationEvent
from nlp.taxonomy import load_taxonomy, taxonomy_snapshot
from nlp.validation_status import confidence_text
from tests.test_web_pages import csrf_of, demo, get_engine_of, login  # noqa: F401 - demo is a fixture


def _form(html: str) -> dict[str, Any]:
    """The judging form's fields as the page rendered them (ticked boxes only)."""
    form = html[html.index('id="beslut-form"') :]
    form = form[: form.index("</form>")]
    checked = re.findall(r'name="etikett" value="([^"]+)" checked', form)
    return {
        "csrf_token": csrf_of(html),
        "record_id": re.search(r'name="record_id" value="(\d+)"', form).group(1),
        "taxonomy_id": re.search(r'name="taxonomy_id" value="([^"]+)"', form).group(1),
        "foreslagen": re.findall(r'name="foreslagen" value="([^"]+)"', form),
        "etikett": checked,
        "grupp": re.findall(r'name="grupp" value="([^"]+)"', form),
    }


def _judge(client: TestClient, pid: int, beslut: str = "accept", **change: Any) -> dict[str, Any]:
    """Read the page, submit the form as shown (with `change`); returns the fields sent."""
    fields = {**_form(client.get(f"/projekt/{pid}/validera").text), "beslut": beslut, **change}
    resp = client.post(f"/projekt/{pid}/validera", data=fields)
    assert resp.status_code == 303, resp.text
    return fields


def _group_ids(fields: dict[str, Any]) -> set[int]:
    return {int(fields["record_id"])} | {int(x) for v in fields["grupp"] for x in v.split(",")}


def test_every_label_in_one_view_with_its_confidence_and_highlighted_evidence(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    login(client, "granskare1")
    html = client.get(f"/projekt/{ids['project_id']}/validera").text
    fields = _form(html)
    assert fields["foreslagen"] and fields["etikett"] == fields["foreslagen"][:1]
    with session_scope(get_engine_of(client)) as s:
        best = s.scalars(
            select(Suggestion)
            .where(Suggestion.record_id == int(fields["record_id"]), Suggestion.run_id == ids["run_id"])
            .order_by(Suggestion.probability.desc())
        ).first()
        text = s.get(RecordRow, int(fields["record_id"])).text
    # The model's suggestion, pre-ticked, worded by the one function.
    assert f"(förslag: {confidence_text(best.probability)})" in html
    # Every other label of the taxonomy can be ticked too.
    n_labels = len(load_taxonomy("samsjuklighet").labels)
    assert len(re.findall(r'name="etikett" value=', html)) == n_labels
    # The seeded evidence words (the answer's first two) are highlighted in the answer.
    assert f"<mark>{text.split()[0]}</mark>" in html
    # The seed repeats its texts: the identical answers are judged with this one.
    assert re.search(r"Gäller också \d+ likadana svar", html)
    # Every answer the page shows is an audited read: the grouped ones too.
    with session_scope(get_engine_of(client)) as s:
        reads = [a.details for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "las_svar"))]
    logged = {r for d in reads for r in d.get("record_ids", [])}
    assert _group_ids(fields) <= logged
    # Agreement figures are not for the volunteer: they are on the joint-analysis page.
    assert "Krippendorff" not in html and "Alfa" not in html
    assert "autofocus" in html and 'data-key="j"' in html


def test_one_judgement_saves_each_label_for_the_whole_group(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    extra = (
        "natverk" if "natverk" not in _form(client.get(f"/projekt/{pid}/validera").text)["foreslagen"] else "respekt"
    )
    first = _form(client.get(f"/projekt/{pid}/validera").text)
    sent = _judge(client, pid, etikett=[*first["etikett"], extra], kommentar="Ring [PERSON_1] på 070-123 45 67")
    group = _group_ids(sent)
    assert len(group) > 5
    with session_scope(get_engine_of(client)) as s:
        events = s.scalars(select(ValidationEvent)).all()
        texts = {s.get(RecordRow, rid).text for rid in group}
    assert len(texts) == 1  # identical answers only, in the seed
    assert {e.record_id for e in events} == group
    assert len({e.batch for e in events}) == 1 and events[0].batch
    by_label = {(e.label_id, e.decision) for e in events}
    assert by_label == {(first["etikett"][0], "accept"), (extra, "accept")}
    assert all("070-123" not in (e.comment or "") for e in events)  # pseudonymised as in the API
    html = client.get(f"/projekt/{pid}/validera?meddelande=sparat").text
    assert "Ditt beslut är sparat." in html
    assert f"Du har granskat {len(group)} av" in html
    assert int(_form(html)["record_id"]) not in group
    # "Inget av förslagen stämmer" rejects the suggestions; "Vet inte" leaves them undecided.
    sent = _judge(client, pid, "reject")
    sent2 = _judge(client, pid, "unsure")
    with session_scope(get_engine_of(client)) as s:
        rejected = s.scalars(select(ValidationEvent).where(ValidationEvent.record_id == int(sent["record_id"]))).all()
        unsure = s.scalars(select(ValidationEvent).where(ValidationEvent.record_id == int(sent2["record_id"]))).all()
    assert {e.decision for e in rejected} == {"reject"} and {e.decision for e in unsure} == {"unsure"}


def test_nothing_ticked_is_refused_and_the_answer_stays(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    fields = {**_form(client.get(f"/projekt/{pid}/validera").text), "beslut": "accept", "etikett": []}
    resp = client.post(f"/projekt/{pid}/validera", data=fields)
    assert resp.status_code == 303 and "fel=etikett" in resp.headers["location"]
    html = client.get(resp.headers["location"]).text
    assert "Kryssa i minst ett område" in html and _form(html)["record_id"] == fields["record_id"]
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == 0


def test_fetch_gets_only_the_next_answers_part(demo: tuple[TestClient, dict[str, Any]]) -> None:
    """What validera.js asks for: the same post, answered (after the redirect) with the
    part of the page that changes, carrying the message."""
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    fields = {**_form(client.get(f"/projekt/{pid}/validera").text), "beslut": "accept"}
    resp = client.post(f"/projekt/{pid}/validera", data=fields, headers={"X-Granskning": "1"}, follow_redirects=True)
    assert resp.status_code == 200
    assert "<html" not in resp.text
    assert 'id="granskning"' in resp.text and 'data-meddelande="Ditt beslut är sparat."' in resp.text
    assert _form(resp.text)["record_id"] != fields["record_id"]


def test_undo_withdraws_the_latest_judgement_and_shows_the_answer_again(
    demo: tuple[TestClient, dict[str, Any]],
) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    first = _judge(client, pid)
    second = _judge(client, pid)
    html = client.get(f"/projekt/{pid}/validera").text
    assert "Ångra mitt senaste beslut" in html
    resp = client.post(f"/projekt/{pid}/validera/angra", data={"csrf_token": csrf_of(html)})
    assert resp.status_code == 303 and "meddelande=angrat" in resp.headers["location"]
    html = client.get(resp.headers["location"]).text
    assert "Ditt senaste beslut är ångrat." in html
    assert _form(html)["record_id"] == second["record_id"]
    with session_scope(get_engine_of(client)) as s:
        left = {e.record_id for e in s.scalars(select(ValidationEvent))}
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "beslut_angrat")).one()
    assert left == _group_ids(first)
    assert sorted(audit.details["record_ids"]) == sorted(_group_ids(second))


def test_undo_is_refused_once_joint_analysis_settled_it(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    login(client, "granskare1")
    sent = _judge(client, pid)
    client.post("/logga-ut", data={"csrf_token": csrf_of(client.get("/projekt").text)})
    csrf = login(client, "samordnare1")
    resp = client.post(
        f"/projekt/{pid}/omstridda",
        data={"csrf_token": csrf, "record_id": sent["record_id"], "label_id": sent["etikett"][0],
              "taxonomy_id": "samsjuklighet", "beslut": "reject"},
    )  # fmt: skip
    assert resp.status_code == 303
    client.post("/logga-ut", data={"csrf_token": csrf})
    csrf = login(client, "granskare1")
    resp = client.post(f"/projekt/{pid}/validera/angra", data={"csrf_token": csrf})
    assert "fel=avgjort" in resp.headers["location"]
    assert "kan inte ångras" in client.get(resp.headers["location"]).text
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == len(_group_ids(sent)) + 1


def test_my_judgements_show_how_a_dispute_was_settled(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    csrf = login(client, "granskare2")
    theirs = _judge(client, pid, "reject")
    client.post("/logga-ut", data={"csrf_token": csrf})
    csrf = login(client, "granskare1")
    mine = _judge(client, pid)  # the same answers: the queue has the same order for everyone
    assert mine["record_id"] == theirs["record_id"]
    html = client.get(f"/projekt/{pid}/validera/mina").text
    assert "omstridd, väntar på gemensam analys" in html
    assert re.search(r"Ni var överens i <strong>0\u00a0%</strong>", html)
    client.post("/logga-ut", data={"csrf_token": csrf})
    csrf = login(client, "samordnare1")
    coord = client.get(f"/projekt/{pid}/omstridda").text
    # Identical answers disputed on the same label: one card, settled together.
    assert "1 omstridd etikett" not in coord and re.search(r"Gäller också \d+ likadana svar", coord)
    group = re.findall(r'name="grupp" value="(\d+)"', coord)
    shown = re.search(r'name="record_id" value="(\d+)"', coord).group(1)
    assert {int(shown), *map(int, group)} == _group_ids(mine)
    resp = client.post(
        f"/projekt/{pid}/omstridda",
        data={"csrf_token": csrf, "record_id": shown, "label_id": mine["etikett"][0],
              "taxonomy_id": "samsjuklighet", "beslut": "reject", "grupp": group},
    )  # fmt: skip
    assert resp.status_code == 303
    assert "Inga omstridda etiketter just nu." in client.get(f"/projekt/{pid}/omstridda").text
    client.post("/logga-ut", data={"csrf_token": csrf})
    login(client, "granskare1")
    html = client.get(f"/projekt/{pid}/validera/mina").text
    assert "avgjort i gemensam analys – stämmer inte (inte som du bedömde)" in html
    assert f"gällde {len(_group_ids(mine))} likadana svar" in html


def test_agreement_tables_are_on_the_joint_analysis_page(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    csrf = login(client, "granskare2")
    _judge(client, pid)
    client.post("/logga-ut", data={"csrf_token": csrf})
    csrf = login(client, "granskare1")
    _judge(client, pid)
    assert "Samstämmighet" not in client.get(f"/projekt/{pid}/validera").text
    client.post("/logga-ut", data={"csrf_token": csrf})
    login(client, "samordnare1")
    html = client.get(f"/projekt/{pid}/omstridda").text
    assert "Samstämmighet per etikett mellan granskare" in html
    assert "Samstämmighet per etikett mellan organisationer" in html
    assert re.search(r'<td class="num">100\u00a0%</td>', html)  # both accepted: full raw agreement


def test_older_single_label_form_still_works(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    pid = ids["project_id"]
    csrf = login(client, "granskare1")
    rid = str(ids["record_ids"][0])
    base = {"csrf_token": csrf, "record_id": rid, "label_id": "respekt", "taxonomy_id": "samsjuklighet"}
    resp = client.post(f"/projekt/{pid}/validera", data={**base, "beslut": "other"})
    assert resp.headers["location"].endswith("fel=annan")
    resp = client.post(
        f"/projekt/{pid}/validera",
        data={**base, "beslut": "other", "annan_etikett": "natverk", "kommentar": "Handlar om anhöriga"},
    )
    assert resp.status_code == 303
    with session_scope(get_engine_of(client)) as s:
        e = s.scalars(select(ValidationEvent)).one()
        assert e.decision == "other" and e.other_labels == ["natverk"] and e.comment == "Handlar om anhöriga"


def test_form_post_without_csrf_is_refused(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "granskare1")
    for path in ("validera", "validera/angra"):
        resp = client.post(
            f"/projekt/{ids['project_id']}/{path}",
            data={"record_id": str(ids["record_ids"][0]), "foreslagen": "respekt", "etikett": "respekt",
                  "taxonomy_id": "samsjuklighet", "beslut": "accept"},
        )  # fmt: skip
        assert resp.status_code == 403
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == 0


def test_validator_page_shows_the_titles_of_the_runs_own_taxonomy(demo: tuple[TestClient, dict[str, Any]]) -> None:
    """The titles come from the taxonomy the run stored, not from today's file."""
    client, ids = demo
    tax = load_taxonomy("samsjuklighet")
    stored = tax.model_copy(
        update={"labels": [lab.model_copy(update={"title": f"Sparad titel {i}"}) for i, lab in enumerate(tax.labels)]}
    )
    with session_scope(get_engine_of(client)) as s:
        s.execute(
            update(AnalysisRun)
            .where(AnalysisRun.id == ids["run_id"])
            .values(taxonomy_snapshot=taxonomy_snapshot(stored))
        )
    login(client, "granskare1")
    html = client.get(f"/projekt/{ids['project_id']}/validera").text
    assert re.search(r"Sparad titel \d+", html)
    assert not any(lab.title in html for lab in tax.labels if lab.title not in {x.title for x in stored.labels})

"""The validator page over HTTP (TestClient against the real app and a real database):
the suggestion in plain words, decisions, comments, agreement between organisations."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from nlp.store import session_scope
from nlp.store.models import AnalysisRun, ValidationEvent
from nlp.taxonomy import load_taxonomy, taxonomy_snapshot
from tests.test_web_pages import csrf_of, demo, get_engine_of, login  # noqa: F401 - demo is a fixture


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

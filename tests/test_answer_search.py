"""The answer browser's search and filters on a real database (SQLite, or the PostgreSQL of
BRUKARROST_TEST_DATABASE_URL): Swedish inflections through the database's own full-text
search, every filter, counts with intervals, small-cell suppression, paging and the audit
of what was shown. Data: tests/browser/seed.py plus a few answers written here."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select, text, update

from api.services import answers
from api.services.answers import PER_PAGE, AnswerFilter, browse, prepare_search
from nlp.core import DECLINED
from nlp.report import load_run_report, render_html, report_json
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, AuditEntry, Import, RecordRow, ThemeAssignment, User
from nlp.store.search import highlight, index_import, search_hits, stems
from tests.browser.seed import seed

WAIT_TEXTS = {
    "inflected": "Väntetiderna till psykiatrin är alldeles för långa.",
    "definite": "Jag tycker att väntetiden på akuten var okej.",
    "other_word": "Jag fick vänta länge men personalen var snäll.",
    "plural": "Långa väntetider gör att jag ger upp.",
}


@pytest.fixture
def data(engine: Engine) -> dict[str, Any]:
    ids = seed(engine)
    with session_scope(engine) as s:
        imp = s.get(Import, ids["import_id"])
        added = {}
        for i, (key, value) in enumerate(WAIT_TEXTS.items()):
            rec = RecordRow(
                import_id=imp.id,
                row=1000 + i,
                question="Vad kan bli bättre?",
                text=value,
                text_sha256=hashlib.sha256(value.encode()).hexdigest(),
                date=date(2025, 3, 10),
                unit="Psykiatrin",
                source_type="enkat",
                gender="kvinna",
                age_group="30-49",
                pii_spans=[],
            )
            s.add(rec)
            s.flush()
            added[key] = rec.id
        # Every sixth seeded answer: the respondent chose not to state a gender.
        for i, rid in enumerate(ids["record_ids"]):
            if i % 6 == 0:
                s.execute(update(RecordRow).where(RecordRow.id == rid).values(gender=DECLINED))
    ids["wait"] = added
    return ids


def _browse(engine: Engine, data: dict[str, Any], page: int = 1, **filters: Any) -> answers.AnswerPage:
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, data["run_id"])
        user = s.get(User, data["users"]["analytiker1"])
        f = AnswerFilter(**filters)
        prepare_search(s, run, f.query)
        return browse(s, user, run, f, page)


def _search_ids(engine: Engine, data: dict[str, Any], query: str) -> set[int]:
    with session_scope(engine) as s:
        index_import(s, data["import_id"])
        hits = search_hits(s, query)
        assert hits is not None
        return set(s.scalars(select(hits.c.record_id)))


def test_stems_are_swedish_snowball() -> None:
    assert stems("Väntetiderna, väntetiden och väntetider") == ["väntetid", "väntetid", "och", "väntetid"]


def test_search_finds_swedish_inflections_and_needs_every_word(engine: Engine, data: dict[str, Any]) -> None:
    wait = data["wait"]
    found = _search_ids(engine, data, "väntetid")
    assert {wait["inflected"], wait["definite"], wait["plural"]} <= found
    assert wait["other_word"] not in found  # "vänta" is another word
    # The seed's "väntetiden är orimlig" answers are found too, and nothing without the word.
    with session_scope(engine) as s:
        texts = dict(s.execute(select(RecordRow.id, RecordRow.text).where(RecordRow.id.in_(found))).all())
    assert all("väntetid" in t.lower() for t in texts.values())
    both = _search_ids(engine, data, "långa väntetiderna")
    assert both == {wait["inflected"], wait["plural"]}
    # Words FTS5 would read as operators are searched as words.
    assert _search_ids(engine, data, "väntetid OR NOT personal") == set()


def test_search_index_forgets_deleted_and_changed_answers(engine: Engine, data: dict[str, Any]) -> None:
    wait = data["wait"]
    assert wait["inflected"] in _search_ids(engine, data, "psykiatrin")
    with session_scope(engine) as s:
        s.execute(delete(RecordRow).where(RecordRow.id == wait["inflected"]))  # as erasure deletes
        s.execute(update(RecordRow).where(RecordRow.id == wait["plural"]).values(text="Bra bemötande."))
        if s.get_bind().dialect.name == "sqlite":
            # The stems of the erased answer are gone from disk, not only hidden by a join.
            left = s.scalar(text("SELECT count(*) FROM answer_stems WHERE rowid = :r"), {"r": wait["inflected"]})
            assert left == 0
    assert wait["inflected"] not in _search_ids(engine, data, "psykiatrin")
    assert wait["plural"] not in _search_ids(engine, data, "väntetid")
    assert wait["plural"] in _search_ids(engine, data, "bemötandet")


def test_deleting_an_import_empties_its_search_index(engine: Engine, data: dict[str, Any]) -> None:
    _search_ids(engine, data, "väntetid")
    with session_scope(engine) as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("SQLite's own index table; PostgreSQL's index follows the table by itself")
        assert s.scalar(text("SELECT count(*) FROM answer_stems")) > 0
        s.execute(delete(Import).where(Import.id == data["import_id"]))  # FK cascade to records
        assert s.scalar(text("SELECT count(*) FROM answer_stems")) == 0


def test_postgresql_search_uses_the_gin_index(engine: Engine, data: dict[str, Any]) -> None:
    with session_scope(engine) as s:
        if s.get_bind().dialect.name != "postgresql":
            pytest.skip("PostgreSQL only")
        s.execute(text("SET LOCAL enable_seqscan = off"))
        hits = search_hits(s, "väntetid")
        plan = "\n".join(
            r[0]
            for r in s.execute(
                text(
                    "EXPLAIN "
                    + str(select(hits.c.record_id).compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
                )
            )
        )
    assert "ix_records_text_swedish" in plan


def test_highlight_marks_the_inflected_words() -> None:
    pieces = highlight("Väntetiderna är långa, väntan är lång.", "väntetid lång")
    assert [p for p, found in pieces if found] == ["Väntetiderna", "långa", "lång"]
    assert "".join(p for p, _ in pieces) == "Väntetiderna är långa, väntan är lång."


def test_browse_counts_the_selection_with_an_interval(engine: Engine, data: dict[str, Any]) -> None:
    result = _browse(engine, data, query="väntetid")
    n_all = len(data["record_ids"]) + len(WAIT_TEXTS)
    found = _search_ids(engine, data, "väntetid")
    assert result.selection.k == len(found) and result.selection.n == n_all
    lo, hi = result.selection.ci
    assert lo < len(found) / n_all < hi
    assert {h.record_id for h in result.hits} <= found
    assert any(found for h in result.hits for _, found in h.pieces)
    # The labels among the selection add up to the answers that hold them.
    assert all(c.n == len(found) for _, c in result.labels)


def test_browse_filters(engine: Engine, data: dict[str, Any]) -> None:
    with session_scope(engine) as s:

        def count(*where: Any) -> int:
            return s.scalar(
                select(func.count()).select_from(RecordRow).where(RecordRow.import_id == data["import_id"], *where)
            )

        declined = count(RecordRow.gender == DECLINED)
        psychiatry = count(RecordRow.unit == "Psykiatrin")
        forum = count(RecordRow.source_type == "patientforum")
        march = count(RecordRow.date >= date(2025, 3, 1), RecordRow.date < date(2025, 4, 1))
        respect = s.scalar(
            select(func.count())
            .select_from(ThemeAssignment)
            .where(ThemeAssignment.theme_id == data["theme_ids"]["respekt"])
        )
    assert _browse(engine, data, gender=DECLINED).selection.k == declined
    assert _browse(engine, data, unit="Psykiatrin").selection.k == psychiatry
    assert _browse(engine, data, source="patientforum").selection.k == forum
    assert _browse(engine, data, period_from="2025-03", period_to="2025-03").selection.k == march
    theme = data["theme_ids"]["respekt"]
    by_theme = _browse(engine, data, theme=theme)
    assert by_theme.selection.k == respect > 0
    # The seed writes respekt answers as strengths, the rest as challenges.
    assert _browse(engine, data, valence="styrka").selection.k == by_theme.selection.k
    decided = _browse(engine, data, label="respekt", status="beslutad").selection.k
    assert decided == _browse(engine, data, label="respekt").selection.k == by_theme.selection.k
    # "Kan också handla om": in the prediction set but not decided.
    maybe = _browse(engine, data, label="helhet", status="mojlig")
    assert 0 < maybe.selection.k
    assert _browse(engine, data, label="helhet", status="godkand").selection.k == 0  # nobody judged yet
    # Filters combine.
    combined = _browse(engine, data, query="väntetid", unit="Psykiatrin", gender="kvinna")
    assert combined.selection.k <= _browse(engine, data, query="väntetid").selection.k
    assert combined.options.gender and any(o.title == "Vill ej svara" for o in combined.options.gender)


def test_small_selections_are_suppressed(engine: Engine, data: dict[str, Any]) -> None:
    result = _browse(engine, data, query="alldeles")  # one answer
    assert result.selection.k == 1 and result.selection.hidden
    assert result.hits == [] and result.selection.count is None
    # A unit with fewer answers than the threshold is not offered as a filter value.
    assert "Liten enhet" not in {o.value for o in result.options.unit}


def test_paging_and_the_audit_of_shown_answers(engine: Engine, data: dict[str, Any]) -> None:
    first = _browse(engine, data)
    second = _browse(engine, data, page=2)
    assert len(first.hits) == PER_PAGE and second.first == PER_PAGE + 1
    assert not {h.record_id for h in first.hits} & {h.record_id for h in second.hits}
    # Newest first when not searching.
    assert [h.period for h in first.hits] == sorted((h.period for h in first.hits), reverse=True)
    with session_scope(engine) as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "las_svar")).all()
    shown = [rid for e in entries for rid in e.details["record_ids"]]
    assert sorted(shown) == sorted(h.record_id for h in first.hits + second.hits)
    assert all("väntetid" not in str(e.details) for e in entries)  # no query text in the log


def test_a_query_without_words_searches_nothing(engine: Engine, data: dict[str, Any]) -> None:
    result = _browse(engine, data, query="–?!")
    assert result.no_words and result.selection.k == len(data["record_ids"]) + len(WAIT_TEXTS)


def test_report_breakdown_keeps_declined_apart_and_shows_age(engine: Engine, data: dict[str, Any]) -> None:
    with session_scope(engine) as s:
        rep = load_run_report(s, data["run_id"], threshold=5)
    gender = {g.key: g for g in rep.breakdown("gender").groups}
    assert gender[DECLINED].title == "Vill ej svara" and "okänt" not in gender
    assert gender[DECLINED].n == sum(1 for i in range(len(data["record_ids"])) if i % 6 == 0)
    assert [g.title for g in rep.breakdown("age_group").groups] == ["30-49"]
    # The self-contained HTML file: every area per group, with intervals, "Vill ej svara" apart.
    html = render_html(report_json(rep))
    section = html.split('id="h-uppdelning"')[1].split("</section>")[0]
    assert section.count('<th scope="rowgroup"') == len(rep.labels) * 4  # four dimensions
    assert "Vill ej svara (" in section and "Åldersgrupp" in section
    assert re.search(r"\d+\u00a0%–\d+\u00a0%", section)

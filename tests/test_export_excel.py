"""Exports that open well in Excel, through the real app and database: the workbook read back
with openpyxl and the CSV files with the csv module.

One row per respondent with the export's questions as columns; one row per answer; a summary;
label titles, not ids; probabilities as numbers in their own columns; decided labels only
where a person decided; curated theme names."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, select

from nlp.store.db import session_scope
from nlp.store.models import (
    Classification,
    Import,
    RecordRow,
    Suggestion,
    ThemeAssignment,
    ThemeEdit,
)
from tests.test_api_support import LABELS, auth, client, seeded  # noqa: F401

SECOND = "Vad kan bli bättre?"
TITLE = {
    "respekt": "Bli lyssnad på, få förståelse och bli behandlad med samma respekt som andra",
    "helhet": "Stöd och vård som hänger ihop som en helhet",
    "tidig-hjalp": "Tidig hjälp med psykisk ohälsa och missbruk",
}


def _second_question(engine: Engine, seeded: dict[str, Any]) -> list[int]:
    """A second question, answered on the first ten rows, that comes FIRST in the export's
    columns; and a curated name for theme 0. Returns the new answers' ids."""
    run, imp_id = seeded["run_a"], seeded["import_a"]
    new_ids = []
    with session_scope(engine) as s:
        imp = s.get(Import, imp_id)
        imp.text_columns = [SECOND, "svar"]
        for rec in s.scalars(select(RecordRow).where(RecordRow.id.in_(seeded["records_a"][:10]))):
            extra = RecordRow(
                import_id=imp_id,
                row=rec.row,
                question=SECOND,
                text=f"Kortare väntan, rad {rec.row}",
                text_sha256=f"x{rec.row:063d}",
                date=rec.date,
                unit=rec.unit,
                source_type=rec.source_type,
                gender=rec.gender,
                age_group=rec.age_group,
                pii_spans=[],
            )
            s.add(extra)
            s.flush()
            new_ids.append(extra.id)
            s.add(Classification(run_id=run, record_id=extra.id, taxonomy_id="samsjuklighet", model_version="zs-1"))
            for lab in LABELS:
                s.add(
                    Suggestion(
                        run_id=run,
                        record_id=extra.id,
                        taxonomy_id="samsjuklighet",
                        label_id=lab,
                        probability=0.9 if lab == "tidig-hjalp" else 0.1,
                        in_prediction_set=lab == "tidig-hjalp",
                        decided=lab == "tidig-hjalp",
                        model_version="zs-1",
                    )
                )
        theme0 = seeded["themes_a"][1]  # topic 0 (the first is "övrigt")
        members = list(s.scalars(select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id == theme0)))
        s.add(
            ThemeEdit(
                project_id=seeded["project_a"], kind="namn", member_record_ids=members, payload={"namn": "Väntan"}
            )
        )
    return new_ids


def _decide(client: TestClient, auth: Any, rec: int, label: str, *decisions: tuple[str, str]) -> None:
    for user, decision in decisions:
        r = client.post(
            f"/api/records/{rec}/decisions", headers=auth(user), json={"label_id": label, "decision": decision}
        )
        assert r.status_code in (200, 201), r.text


def test_workbook_has_summary_respondents_and_answers(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    new_ids = _second_question(engine, seeded)
    first, second = seeded["records_a"][0], seeded["records_a"][1]
    _decide(client, auth, first, "respekt", ("validerare_a1", "accept"), ("validerare_b", "accept"))
    _decide(client, auth, second, "helhet", ("validerare_a1", "accept"), ("validerare_b", "reject"))  # disputed
    _decide(client, auth, new_ids[0], "tidig-hjalp", ("validerare_a1", "reject"))  # the model's choice, rejected
    r = client.get(f"/api/runs/{seeded['run_a']}/export", headers=auth("analytiker"), params={"format": "xlsx"})
    assert r.status_code == 200, r.text
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["sammanfattning", "respondenter", "svar"]

    answers = list(wb["svar"].values)
    head = list(answers[0])
    assert len(answers) == 1 + 40 + 10
    prob_cols = [i for i, h in enumerate(head) if h.startswith("Sannolikhet: ")]
    assert {head[i].removeprefix("Sannolikhet: ") for i in prob_cols} >= set(TITLE.values())
    assert not any(h in LABELS for h in head), "label ids as headings"
    by_id = {row[0]: dict(zip(head, row, strict=True)) for row in answers[1:]}
    for row in answers[1:]:
        assert all(isinstance(row[i], int | float) and 0 <= row[i] <= 1 for i in prob_cols)
    decided = "Beslutade etiketter (av granskare)"
    assert by_id[first][decided] == TITLE["respekt"]
    assert by_id[second][decided] is None  # disputed: nobody's decision holds
    assert by_id[new_ids[0]][decided] is None and by_id[new_ids[0]]["Modellens förslag"] == TITLE["tidig-hjalp"]
    assert by_id[new_ids[0]]["Granskning"] == f"{TITLE['tidig-hjalp']}: avvisad"
    assert by_id[new_ids[1]][f"Sannolikhet: {TITLE['tidig-hjalp']}"] == 0.9
    people = sum(1 for row in by_id.values() if row[decided])
    assert people == 1, "decided labels only where a person decided"
    assert any(row["Teman"] == "Väntan" for row in by_id.values()), "the curated theme name"
    assert not any(row["Teman"] == "tema 0" for row in by_id.values())

    resp = list(wb["respondenter"].values)
    rhead = list(resp[0])
    assert len(resp) == 1 + 40  # one row per respondent
    # The export's question order: the second question was its first column.
    assert rhead.index(SECOND) < rhead.index("svar")
    assert f"{SECOND} – beslutade etiketter" in rhead and "svar – teman" in rhead
    row2 = dict(zip(rhead, resp[1], strict=True))
    assert row2["Rad"] == 2 and row2[SECOND] == "Kortare väntan, rad 2" and "[PERSON_1]" in row2["svar"]
    assert row2["svar – beslutade etiketter"] == TITLE["respekt"]
    assert dict(zip(rhead, resp[-1], strict=True))[SECOND] is None  # row 41 did not answer it

    summary = {(row[0], row[1]): row for row in list(wb["sammanfattning"].values)[1:]}
    assert summary[("Översikt", "Svar")][2] == 50
    assert summary[("Tema", "Väntan")][2] >= 5 and isinstance(summary[("Tema", "Väntan")][3], float)
    # One person-decided label: below the small-cell threshold, so hidden.
    assert summary[("Etikett, beslutad av granskare", TITLE["respekt"])][2] == "färre än 5"
    assert summary[("Etikett, beslutad av granskare", TITLE["respekt"])][3] is None


def test_csv_files_open_in_swedish_excel(client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine) -> None:
    _second_question(engine, seeded)
    h = auth("analytiker")
    for fmt, n_rows, key in (("csv", 50, "Svar-id"), ("csv_respondenter", 40, "Rad")):
        r = client.get(f"/api/runs/{seeded['run_a']}/export", headers=h, params={"format": fmt})
        assert r.status_code == 200, r.text
        assert r.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
        rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
        assert len(rows) == n_rows and all(row[key] for row in rows)
    prob = f"Sannolikhet: {TITLE['respekt']}"
    answers = list(
        csv.DictReader(
            io.StringIO(client.get(f"/api/runs/{seeded['run_a']}/export", headers=h).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert all("," in row[prob] and 0 <= float(row[prob].replace(",", ".")) <= 1 for row in answers if row[prob] != "0")
    assert {row["Källa"] for row in answers} == {"Enkät"}

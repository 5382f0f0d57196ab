"""Everything stored is pseudonymised (issue 12).

The plant test is the issue's measure: identifiers planted in the upload's file name, in
every metadata column, in the answers and in every web form that stores text are run through
the real web service (TestClient against the real app, a real SQLite/PostgreSQL database, the
real embedding model), and then every byte written under the data dir (database, -wal,
embedding cache, downloaded exports and report, the pages served, job files, the app's log)
is searched for them, also in normalised forms.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from nlp.jobs import EmbeddedWorker
from nlp.safe_store import MetadataGuard, neutral_file_name, safe_free_text
from tests.conftest import EXAMPLE_EXPORT
from tests.test_api_support import PASSWORD, make_settings, seeded  # noqa: F401

NAME, PNR, PHONE, EMAIL = "Ingegerd Wallström", "19121212-1212", "070-174 23 95", "ingegerd.wallstrom@exempel.se"
PLANT = f"{NAME} {PNR} {PHONE} {EMAIL}"
# Searched case-insensitively in every byte: the forms as typed and normalised ones.
NEEDLES = [
    "ingegerd",
    "wallström",
    "wallstrom",
    "wallstr\\u00f6m",
    PNR,
    "121212-1212",
    "191212121212",
    "1212121212",
    PHONE,
    "0701742395",
    "701742395",
    "070-1742395",
    EMAIL,
    "ingegerd.wallstrom",
]
FILE_NAME = f"Enkät {NAME} {PNR}.csv"


def test_metadata_keeps_unit_names_but_not_people() -> None:
    guard = MetadataGuard(b"k" * 32)
    assert guard.safe("unit", "Vårdcentralen Gripen") == "Vårdcentralen Gripen"
    assert guard.safe("unit", "Psykiatrimottagningen Södermalm") == "Psykiatrimottagningen Södermalm"
    out = guard.safe("unit", f"Dr {NAME}s mottagning, tel {PHONE}")
    assert re.fullmatch(r"Dr \[PERSON_1\]s? mottagning, tel \[TELEFON_1\]", out), out
    # the same unit on the next row gets the same pseudonym: breakdowns by unit still group
    assert guard.safe("unit", f"Dr {NAME}s mottagning, tel {PHONE}") == out
    assert guard.safe("age_group", "45-54") == "45-54"
    assert re.fullmatch(r"\[PERSON_\d\] \[PERSONNUMMER_1\]", guard.safe("age_group", f"{NAME} {PNR}") or "")
    assert guard.counts_json() == {"unit": {"PERSON": 2, "TELEFON": 2}, "age_group": {"PERSON": 1, "PERSONNUMMER": 1}}
    assert "Gripen" not in repr(guard)


def test_free_text_replaces_identifiers_and_keeps_units_and_dates() -> None:
    out = safe_free_text(f"Ring {NAME} på {PHONE} om Vårdcentralen Gripen senast 2025-03-01, {EMAIL}")
    assert out == "Ring [PERSON_1] på [TELEFON_1] om Vårdcentralen Gripen senast 2025-03-01, [EPOST_1]"
    assert safe_free_text(None) is None and safe_free_text("  ") == "  "
    assert neutral_file_name("import", 3, "CSV") == "import 3 (csv)"


# --- the plant test --------------------------------------------------------------------


def _planted_export() -> bytes:
    """The example export's first 40 rows, identifiers planted in every column but the date,
    plus an extra column the mapping does not use."""
    lines = EXAMPLE_EXPORT.read_text(encoding="utf-8-sig").splitlines()[:41]
    header = lines[0].split(";") + ["Handläggare"]
    rows = [line.split(";") + [""] for line in lines[1:]]
    sentence = f"Jag pratade med {NAME}, ring {PHONE} eller mejla {EMAIL}, personnummer {PNR}."
    for i in (2, 5, 9):
        r = rows[i]
        r[0] = f"R-{PNR}-{i}"  # respondent id
        r[2] = f"Dr {NAME}s mottagning, tel {PHONE}, {EMAIL}, {PNR}"  # verksamhet
        r[3] = PLANT  # källa
        r[4] = PLANT  # kön
        r[5] = f"{NAME} {PNR}"  # åldersgrupp
        r[6] = (r[6] + " " if r[6] else "") + sentence  # an answer
        r[8] = f"{NAME} var min kontakt. {sentence}"  # another answer
        r[9] = PLANT  # extra column
    return ("\ufeff" + "\n".join(";".join(r) for r in [header, *rows]) + "\n").encode("utf-8")


def _login(client: TestClient, username: str) -> str:
    from tests.test_web_pages import csrf_of, post_login

    client.cookies.clear()
    resp = post_login(client, username, PASSWORD)
    assert resp.status_code == 303, resp.text
    return csrf_of(client.get("/projekt").text)


class _Recorder:
    """Keeps every response body under the data dir, so what pages show is searched too."""

    def __init__(self, client: TestClient, directory: Path) -> None:
        self.client, self.directory, self.n = client, directory, 0
        directory.mkdir(parents=True, exist_ok=True)

    def __call__(self, method: str, url: str, **kwargs: Any) -> Any:
        resp = self.client.request(method, url, **kwargs)
        self.n += 1
        (self.directory / f"{self.n:03d}.bin").write_bytes(resp.content)
        return resp


@pytest.fixture
def app_log(isolated_settings: Path) -> Iterator[Path]:
    """Everything the app logs, at every level, written to a file in the data dir."""
    isolated_settings.mkdir(parents=True, exist_ok=True)
    path = isolated_settings / "app.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def _all_bytes(root: Path) -> Iterator[tuple[str, bytes]]:
    """Every file under root (and its path), with zip archives (xlsx) opened up."""
    for path in sorted(p for p in root.rglob("*")):
        yield str(path.relative_to(root)), str(path.relative_to(root)).encode()
        if not path.is_file():
            continue
        data = path.read_bytes()
        yield str(path.relative_to(root)), data
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in zf.namelist():
                    yield f"{path.relative_to(root)}!{name}", zf.read(name)


def _leaks(root: Path) -> list[str]:
    found = []
    needles = [n.lower().encode("utf-8") for n in NEEDLES]
    for where, data in _all_bytes(root):
        low = data.lower()
        found += [f"{where}: {n.decode()}" for n in needles if n in low]
    return found


def _upload_and_run(post: _Recorder, csrf: str, project: int, engine: Engine) -> dict[str, Any]:
    resp = post(
        "POST",
        f"/projekt/{project}/ladda-upp",
        data={"csrf_token": csrf},
        files={"fil": (FILE_NAME, _planted_export(), "text/csv")},
    )
    assert resp.status_code == 303, resp.text
    job_id = int(resp.headers["location"].split("/")[2])
    post("GET", f"/jobb/{job_id}/kolumner")
    mapping = {
        "csrf_token": csrf,
        "textkolumn": ["Vad fungerar bra?", "Övriga synpunkter"],
        "falt_respondent_id": "Respondent-ID",
        "falt_date": "Datum",
        "falt_unit": "Verksamhet",
        "falt_source_type": "Källa",
        "falt_gender": "Kön",
        "falt_age_group": "Åldersgrupp",
        "taxonomi": "samsjuklighet",
    }
    assert post("POST", f"/jobb/{job_id}/kolumner", data=mapping).status_code == 303
    EmbeddedWorker(engine).run_pending()
    job = post("GET", f"/api/jobs/{job_id}").json()
    assert job["status"] == "klar", job["error"]
    post("GET", f"/jobb/{job_id}")
    return job


def _use_every_form(post: _Recorder, client: TestClient, ids: dict[str, Any], job: dict[str, Any]) -> None:
    from nlp.taxonomy import load_taxonomy

    p, run = ids["project_a"], job["run_id"]
    label = load_taxonomy("samsjuklighet").labels[0].id
    records = post("GET", f"/api/projects/{p}/records?import_id={job['import_id']}").json()
    rec = records[0]["id"]
    themes = [t for t in post("GET", f"/api/runs/{run}/themes").json()["themes"] if t["topic"] >= 0]
    assert len(themes) >= 2, "the planted export should give at least two themes"
    tid = [t["id"] for t in themes]

    csrf = _login(client, "validerare_a1")  # validator: decision with a comment
    post("GET", f"/projekt/{p}/validera")
    r = post(
        "POST",
        f"/projekt/{p}/validera",
        data={
            "csrf_token": csrf,
            "record_id": rec,
            "label_id": label,
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
            "kommentar": f"Svaret nämner {PLANT}",
        },
    )
    assert r.status_code == 303, r.text

    csrf = _login(client, "samordnare")  # coordinator: joint decision, themes, insight, action
    for url, data in [
        (
            f"/projekt/{p}/omstridda",
            {
                "record_id": rec,
                "label_id": label,
                "taxonomy_id": "samsjuklighet",
                "beslut": "reject",
                "kommentar": f"Avgjort med {PLANT}",
            },
        ),
        (f"/projekt/{p}/teman/{tid[0]}/namn", {"namn": f"Tema om {NAME} {PHONE}"}),
        (f"/projekt/{p}/teman/sammanfoga", {"tema": [str(tid[0]), str(tid[1])], "namn": f"Hos {NAME} {PNR}"}),
        (f"/projekt/{p}/teman/{tid[0]}/dela", {"notering": f"Dela, fråga {PLANT}"}),
        (f"/projekt/{p}/insikter", {"rubrik": f"Insikt {NAME} {PNR}", "beskrivning": PLANT}),
        (
            f"/projekt/{p}/atgarder",
            {"rubrik": f"Åtgärd {NAME} {PHONE}", "ansvarig": f"{NAME} {EMAIL}", "status": "planerad"},
        ),
    ]:
        r = post("POST", url, data={"csrf_token": csrf, **data})
        assert r.status_code == 303 and "fel=" not in r.headers.get("location", ""), (url, r.text)
    action = post("GET", f"/api/projects/{p}/actions", headers={"X-CSRF-Token": csrf}).json()[-1]["id"]
    r = post("POST", f"/projekt/{p}/atgarder/{action}", data={"csrf_token": csrf, "ansvarig": PLANT, "status": "pagar"})
    assert r.status_code == 303, r.text
    r = post("PATCH", f"/api/actions/{action}", json={"notes": PLANT}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    for url in (f"/projekt/{p}/nytt", f"/projekt/{p}/omstridda", "/projekt"):
        post("GET", url)

    csrf = _login(client, "admin")  # admin: a project name
    r = post("POST", "/admin/projekt", data={"csrf_token": csrf, "kortnamn": "planterat", "namn": PLANT})
    assert r.status_code == 303, r.text
    post("GET", "/admin")


def _downloads(post: _Recorder, client: TestClient, job: dict[str, Any], out: Path) -> None:
    _login(client, "analytiker")
    run = job["run_id"]
    out.mkdir(parents=True, exist_ok=True)
    for url, name in [
        (f"/api/runs/{run}/export?format=csv", "export.csv"),
        (f"/api/runs/{run}/export?format=xlsx", "export.xlsx"),
        (f"/api/runs/{run}/report", "rapport.html"),
    ]:
        r = post("GET", url)
        assert r.status_code == 200, (url, r.text)
        (out / name).write_bytes(r.content)
    post("GET", f"/korningar/{run}/rapport")
    post("GET", f"/api/projects/{job['project_id']}/datasets")


def test_planted_identifiers_are_never_written(
    engine: Engine,
    seeded: dict[str, Any],
    isolated_settings: Path,
    app_log: Path,  # noqa: F811
) -> None:
    data_dir = isolated_settings
    settings = make_settings(data_dir, upload_dir=data_dir / "uppladdningar")
    with TestClient(create_app(settings), follow_redirects=False) as client:
        post = _Recorder(client, data_dir / "sidor")
        csrf = _login(client, "analytiker")
        job = _upload_and_run(post, csrf, seeded["project_a"], engine)
        _downloads(post, client, job, data_dir / "nedladdat")
        _use_every_form(post, client, seeded, job)
    engine.dispose()  # flush SQLite's WAL into the file too (both are searched)
    leaks = _leaks(data_dir)
    assert leaks == [], "planted identifiers were written:\n" + "\n".join(leaks[:60])
    assert re.search(rb"uppladdning \d+ \(csv\)", b"".join(d for _, d in _all_bytes(data_dir / "sidor")))

"""Property-based fuzzing of the upload and preview path (hypothesis): random and mutated
CSV, JSON, JSON Lines and XLSX bytes give a preview or a Swedish error (InputError, a 4xx
page), never a 500, a hang or a traceback. Budgets are bounded (max_examples, deadline) so
the module runs in well under a minute."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.errors import InputError
from nlp.ingest import inspect_export, read_answers
from tests.test_web_pages import csrf_of, demo, login  # noqa: F401 - demo is a fixture

ROWS = [
    {
        "id": i,
        "datum": f"2024-05-{1 + i % 28:02d}",
        "kön": "Kvinna" if i % 2 else "Man",
        "Vad kan bli bättre?": f"Jag fick vänta länge på en tid hos mottagningen, svar {i}",
    }
    for i in range(12)
]


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(rows[0]))
    for row in rows:
        ws.append(list(row.values()))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SEEDS = {
    "csv": (
        "id;datum;kön;Vad kan bli bättre?\n"
        + "".join(f'{r["id"]};{r["datum"]};{r["kön"]};"{r["Vad kan bli bättre?"]}"\n' for r in ROWS)
    ).encode(),
    "json": json.dumps({"svar": ROWS}, ensure_ascii=False).encode(),
    "jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS).encode(),
    "xlsx": _xlsx(ROWS),
}
_TOKENS = [
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b";",
    b",",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff",
    b"PK\x03\x04",
    b"<row>",
    b"</c>",
    b'<c t="s"><v>99</v></c>',
    b"1e999",
    b"9" * 5000,
    b"2024-13-45",
]


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes with a few flips, cuts, insertions and repeated stretches."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        if not buf:
            break
        i = draw(st.integers(0, len(buf) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if op == "flip":
            buf[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del buf[i : i + draw(st.integers(1, 200))]
        elif op == "insert":
            buf[i:i] = draw(st.one_of(st.sampled_from(_TOKENS), st.binary(max_size=16)))
        else:
            j = min(len(buf), i + draw(st.integers(1, 40)))
            buf[i:i] = bytes(buf[i:j]) * draw(st.integers(1, 300))
    return bytes(buf)


@st.composite
def xlsx_with_mutated_xml(draw: st.DrawFn) -> bytes:
    """A well-formed zip whose sheet or shared strings XML is mutated (reaches openpyxl)."""
    src = zipfile.ZipFile(io.BytesIO(SEEDS["xlsx"]))
    target = draw(st.sampled_from([n for n in src.namelist() if n.startswith("xl/")]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            raw = src.read(name)
            dst.writestr(name, draw(mutated(raw)) if name == target else raw)
    return out.getvalue()


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)

FILES = st.one_of(
    st.tuples(st.sampled_from(list(SEEDS)), st.binary(max_size=2000)),
    st.sampled_from(list(SEEDS)).flatmap(lambda fmt: st.tuples(st.just(fmt), mutated(SEEDS[fmt]))),
    st.tuples(st.just("xlsx"), xlsx_with_mutated_xml()),
    st.tuples(st.just("json"), _json_values.map(lambda v: json.dumps(v).encode())),
    st.tuples(
        st.just("jsonl"),
        st.lists(_json_values, max_size=6).map(lambda vs: "".join(json.dumps(v) + "\n" for v in vs).encode()),
    ),
)


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_reading_gives_a_preview_or_a_swedish_error(tmp_path_factory: Any, case: tuple[str, bytes]) -> None:
    fmt, content = case
    path = tmp_path_factory.mktemp("fuzz") / f"export.{fmt}"
    path.write_bytes(content)
    try:
        preview = inspect_export(path)
        assert preview.columns and preview.text_columns
        for _ in read_answers(path):
            pass
    except InputError as exc:
        assert str(exc).startswith("Fel i fil export.") and exc.message.isprintable()


@settings(
    max_examples=15, deadline=20_000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(case=FILES)
def test_web_upload_gives_a_preview_or_a_4xx_page(
    demo: tuple[TestClient, dict[str, Any]], case: tuple[str, bytes]
) -> None:
    client, ids = demo
    pid = ids["project_id"]
    if "analytiker1" not in client.get("/projekt").text:
        login(client, "analytiker1")
    form = client.get(f"/projekt/{pid}/ladda-upp").text
    fmt, content = case
    resp = client.post(
        f"/projekt/{pid}/ladda-upp", data={"csrf_token": csrf_of(form)}, files={"fil": (f"export.{fmt}", content)}
    )
    assert resp.status_code == 303 or 400 <= resp.status_code < 500, resp.status_code
    assert "Traceback" not in resp.text
    if resp.status_code != 303:
        assert 'class="notice' in resp.text or "Fel" in resp.text

"""The JSON Lines export format: one object per answer, values kept exactly."""

from __future__ import annotations

import json

from nlp.report import FORMATS


def test_jsonl_writes_one_object_per_answer() -> None:
    fmt = FORMATS["jsonl"]
    body = fmt.write(["svar_id", "text"], [[1, "=1+1"], [2, "Rad ett\nrad två"]])
    lines = body.decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"svar_id": 1, "text": "=1+1"},
        {"svar_id": 2, "text": "Rad ett\nrad två"},
    ]
    assert fmt.suffix == "jsonl" and fmt.write(["svar_id"], []) == b""

"""The report of one analysis run as files: rapport.json plus a self-contained HTML file that
opens in a browser without a server. Both render the read model (nlp/report/model.py), so
they show the same figures as the web page and the API.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine

from nlp.private_files import private_dir, write_private_text
from nlp.report.as_json import report_json
from nlp.report.charts import chart_svg, p_chart, pct
from nlp.report.load import load_run_report
from nlp.store import init_db, session_scope

TEMPLATES = Path(__file__).resolve().parent / "mallar"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))


def build_report(run_id: int, *, engine: Engine | None = None) -> dict[str, Any]:
    """rapport.json of a finished run (small groups hidden), read from the database."""
    with session_scope(engine or init_db()) as s:
        return report_json(load_run_report(s, run_id))


def _run_chart_svg(label: dict[str, Any]) -> str:
    """The same accessible SVG p-chart the web pages draw, from the report's own numbers."""
    chart = label["styrdiagram"]
    if chart is None:
        return '<p class="muted">Dolt: för få svar för ett diagram.</p>'
    run = p_chart(label["titel"], chart["manader"], chart["antal_per_manad"], chart["antal"])
    return str(chart_svg(run, f"styrdiagram-{label['id']}"))


_ENV.filters["pct"] = pct
_ENV.globals["run_chart"] = _run_chart_svg


def render_html(data: dict[str, Any]) -> str:
    """The self-contained HTML file of a report_json() document."""
    return _ENV.get_template("rapport.html.j2").render(r=data)


def write_report(run_id: int, out_dir: str | Path, *, engine: Engine | None = None) -> Path:
    """Write rapport.json and rapport.html to out_dir; returns the HTML path."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = private_dir(Path(out_dir))  # pseudonymised answers: 0600 files, new folders 0700
    data = build_report(run_id, engine=engine)
    html = render_html(data)
    times = data["tider_s"]
    times["lagring_rapport"] = round(times.get("lagring_rapport", 0.0) + time.perf_counter() - t0, 1)
    cpu = data["cpu_tider_s"]
    cpu["lagring_rapport"] = round(cpu.get("lagring_rapport", 0.0) + time.process_time() - c0, 1)
    write_private_text(out / "rapport.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return write_private_text(out / "rapport.html", html)

"""The report of one analysis run: JSON plus a self-contained HTML file that opens in a
browser without a server. Built only from what is stored (pseudonymised text).

Everything here is meant to be shared outside the analyst's own view, so groups
smaller than the suppression threshold are hidden: small themes are merged into
"övrigt", and breakdown cells below the threshold are shown as "färre än N".
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine, select

from nlp.charts import chart_svg, p_chart, pct
from nlp.config import get_settings
from nlp.errors import BrukarrostError
from nlp.private_files import private_dir, write_private_text
from nlp.stats import wilson_interval
from nlp.store import init_db, session_scope
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Project,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
)

TEMPLATES = Path(__file__).resolve().parent / "mallar"
VALENCE_SV = {"styrka": "styrka", "utmaning": "utmaning", "blandad": "blandad", "neutral": "neutral"}
BREAKDOWNS = {"gender": "Kön", "unit": "Verksamhet", "source_type": "Källa"}


def _month(d: date | None) -> str | None:
    return d.strftime("%Y-%m") if d else None


def build_report(run_id: int, *, engine: Engine | None = None) -> dict[str, Any]:
    """Collect everything the report shows, with small groups suppressed."""
    from nlp.taxonomy import load_taxonomy

    engine = engine or init_db()
    threshold = get_settings().suppression_threshold
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, run_id)
        if run is None:
            raise BrukarrostError(f"Analysen {run_id} finns inte.")
        if run.status != "klar":
            raise BrukarrostError(f"Analysen {run_id} är inte klar (status: {run.status}).")
        imp = s.get(Import, run.import_id)
        project = s.get(Project, imp.project_id)
        records = {
            r.id: r
            for r in s.scalars(select(RecordRow).where(RecordRow.import_id == imp.id)).all()
        }
        themes = s.scalars(select(Theme).where(Theme.run_id == run_id).order_by(Theme.topic)).all()
        assignments = s.execute(
            select(ThemeAssignment.record_id, ThemeAssignment.theme_id, ThemeAssignment.weight)
            .join(Theme, Theme.id == ThemeAssignment.theme_id)
            .where(Theme.run_id == run_id)
        ).all()
        classifications = s.scalars(
            select(Classification).where(Classification.run_id == run_id)
        ).all()
        suggestions = s.scalars(select(Suggestion).where(Suggestion.run_id == run_id)).all()

        taxonomy = load_taxonomy(run.taxonomy_id or "samsjuklighet")
        n = len(records)
        dates = [r.date for r in records.values() if r.date]

        # Each record's main theme (highest weight) for counts over time.
        main_theme: dict[int, int] = {}
        best: dict[int, float] = {}
        for rid, tid, w in assignments:
            if w > best.get(rid, -1.0):
                best[rid], main_theme[rid] = w, tid

        theme_rows, other = _themes_section(themes, records, threshold, n)
        months = sorted({m for m in (_month(r.date) for r in records.values()) if m})
        per_month_total = Counter(_month(r.date) for r in records.values() if r.date)

        labels = _labels_section(
            taxonomy, records, classifications, suggestions, months, per_month_total, threshold
        )
        unsure = sum(1 for c in classifications if c.unsure)
        valence = Counter(c.valence for c in classifications if c.valence)

        data: dict[str, Any] = {
            "rubrik": f"Brukarröst – rapport för {imp.filename}",
            "projekt": project.name,
            "fil": imp.filename,
            "analys_id": run.id,
            "skapad": run.finished_at.isoformat() if run.finished_at else None,
            "antal_svar": n,
            "antal_respondentrader": imp.n_rows,
            "fragor": sorted({r.question for r in records.values()}),
            "period": [min(dates).isoformat(), max(dates).isoformat()] if dates else None,
            "modeller": {
                "inbaddning": run.embed_model,
                "klassificerare": run.classifier_version,
                "taxonomi": taxonomy.id,
            },
            "personuppgifter_ersatta": dict(imp.pii_counts or {}),
            "doljningsgrans": threshold,
            "teman": theme_rows + ([other] if other["antal"] else []),
            "nya_eller_vaxande_teman": [
                {"tema": t.label, "tema_id": t.topic, "varfor": t.emerging}
                for t in themes
                if t.emerging and t.size >= threshold
            ],
            "teman_over_tid": _theme_over_time(themes, main_theme, records, months, threshold),
            "taxonomi": {"id": taxonomy.id, "namn": taxonomy.name},
            "etiketter": labels,
            "osakra": {"antal": unsure, "andel": unsure / n if n else 0.0},
            "valens": {k: _suppress(v, threshold) for k, v in valence.items()},
            "uppdelningar": _breakdowns(
                records, classifications, _decided_labels(suggestions), taxonomy, threshold
            ),
        }
    return data


def _suppress(count: int, threshold: int) -> int | str:
    return count if count >= threshold else f"färre än {threshold}"


def _themes_section(
    themes: Iterable[Theme], records: dict[int, RecordRow], threshold: int, n: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows, other_count, other_words = [], 0, []
    for t in themes:
        if t.topic == -1 or t.size < threshold:
            other_count += t.size
            continue
        lo, hi = t.ci_low, t.ci_high
        rows.append(
            {
                "id": t.topic,
                "namn": t.label,
                "fras": t.phrase,
                "ord": list(t.words)[:10],
                "antal": t.size,
                "andel": t.share,
                "ki95": [lo, hi],
                "exempel": [
                    records[i].text for i in (t.example_record_ids or []) if i in records
                ][:5],
                "ny_eller_vaxande": t.emerging,
            }
        )
    rows.sort(key=lambda r: -r["antal"])
    lo, hi = wilson_interval(other_count, n)
    other = {
        "id": -1, "namn": "övrigt", "fras": "svar som inte passar i något tema, och små teman",
        "ord": other_words, "antal": other_count, "andel": other_count / n if n else 0.0,
        "ki95": [lo, hi], "exempel": [], "ny_eller_vaxande": None,
    }
    return rows, other


def _theme_over_time(
    themes: Iterable[Theme], main_theme: dict[int, int], records: dict[int, RecordRow],
    months: list[str], threshold: int,
) -> list[dict[str, Any]]:
    by_theme: dict[int, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for rid, rec in records.items():
        m = _month(rec.date)
        if m is None:
            continue
        totals[m] += 1
        if rid in main_theme:
            by_theme[main_theme[rid]][m] += 1
    out = []
    for t in themes:
        if t.topic == -1 or t.size < threshold:
            continue
        counts = [by_theme[t.id][m] for m in months]
        out.append(
            {
                "tema": t.label,
                "manader": months,
                "antal": counts,
                "andel": [c / totals[m] if totals[m] else 0.0 for c, m in zip(counts, months)],
            }
        )
    return out


def _labels_section(
    taxonomy: Any, records: dict[int, RecordRow], classifications: list[Classification],
    suggestions: list[Suggestion], months: list[str], per_month_total: Counter[str],
    threshold: int,
) -> list[dict[str, Any]]:
    n = len(classifications)
    prob_sum: Counter[str] = Counter()
    decided = _decided_labels(suggestions)
    for sug in suggestions:
        prob_sum[sug.label_id] += sug.probability
    in_set: Counter[str] = Counter()
    members_of: dict[str, list[Classification]] = defaultdict(list)
    for c in classifications:
        for label in c.prediction_set or []:
            in_set[label] += 1
        for label in decided.get(c.record_id, ()):
            members_of[label].append(c)
    out = []
    for label in taxonomy.labels:
        members = members_of.get(label.id, [])
        k = len(members)
        lo, hi = wilson_interval(k, n)
        val = Counter(c.valence for c in members if c.valence)
        per_month = Counter(_month(records[c.record_id].date) for c in members)
        successes = [per_month.get(m, 0) for m in months]
        totals = [per_month_total.get(m, 0) for m in months]
        run = p_chart(label.title, months, totals, successes)
        out.append(
            {
                "id": label.id,
                "titel": label.title,
                "antal": _suppress(k, threshold),
                "andel": k / n if n and k >= threshold else None,
                "ki95": [lo, hi] if k >= threshold else None,
                "i_forslagsmangd": _suppress(in_set[label.id], threshold),
                "medelsannolikhet": prob_sum[label.id] / n if n else 0.0,
                "flaggor": {
                    "styrka": _suppress(val.get("styrka", 0), threshold),
                    "utmaning": _suppress(val.get("utmaning", 0), threshold),
                    "blandad": _suppress(val.get("blandad", 0), threshold),
                },
                # A label whose count is hidden gets no run chart: its monthly counts would add up
                # to the hidden count.
                "styrdiagram": None if k < threshold else {
                    "manader": [pt.period for pt in run.points],
                    "andel": [pt.share for pt in run.points],
                    "antal": [pt.x for pt in run.points],
                    "antal_per_manad": [pt.n for pt in run.points],
                    "centrallinje": run.centre,
                    "ovre_grans": [pt.ucl for pt in run.points],
                    "undre_grans": [pt.lcl for pt in run.points],
                },
            }
        )
    return out


def _decided_labels(suggestions: Iterable[Suggestion]) -> dict[int, set[str]]:
    """record id → the labels the classifier decided on (not the whole prediction set,
    which is wide by design when the model is unsure)."""
    out: dict[int, set[str]] = defaultdict(set)
    for sug in suggestions:
        if sug.decided:
            out[sug.record_id].add(sug.label_id)
    return out


def _breakdowns(
    records: dict[int, RecordRow], classifications: list[Classification],
    decided: dict[int, set[str]], taxonomy: Any, threshold: int,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr, title in BREAKDOWNS.items():
        group_total: Counter[str] = Counter()
        group_label: dict[str, Counter[str]] = defaultdict(Counter)
        for c in classifications:
            g = getattr(records[c.record_id], attr) or "okänt"
            group_total[g] += 1
            for label in decided.get(c.record_id, ()):
                group_label[g][label] += 1
        groups = []
        for g, total in sorted(group_total.items(), key=lambda kv: -kv[1]):
            if total < threshold:
                groups.append({"grupp": f"(dold grupp, färre än {threshold} svar)", "antal": None,
                               "etiketter": {}})
                continue
            groups.append(
                {
                    "grupp": g,
                    "antal": total,
                    "etiketter": {
                        lab.id: {
                            "antal": _suppress(group_label[g][lab.id], threshold),
                            "andel": (group_label[g][lab.id] / total
                                      if group_label[g][lab.id] >= threshold else None),
                        }
                        for lab in taxonomy.labels
                    },
                }
            )
        out[title] = groups
    return out


def _run_chart_svg(label: dict[str, Any]) -> str:
    """The same accessible SVG p-chart the web pages draw, from the report's own numbers."""
    chart = label["styrdiagram"]
    if chart is None:
        return '<p class="muted">Dolt: för få svar för ett diagram.</p>'
    run = p_chart(label["titel"], chart["manader"], chart["antal_per_manad"], chart["antal"])
    return str(chart_svg(run, f"styrdiagram-{label['id']}"))


def render_html(data: dict[str, Any]) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    env.filters["pct"] = pct
    env.globals["run_chart"] = _run_chart_svg
    return env.get_template("rapport.html.j2").render(r=data)


def write_report(run_id: int, out_dir: str | Path, *, engine: Engine | None = None) -> Path:
    """Write rapport.json and rapport.html to out_dir; returns the HTML path."""
    out = private_dir(Path(out_dir))  # pseudonymised answers: 0600 files, new folders 0700
    data = build_report(run_id, engine=engine)
    write_private_text(out / "rapport.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
    html_path = write_private_text(out / "rapport.html", render_html(data))
    return html_path

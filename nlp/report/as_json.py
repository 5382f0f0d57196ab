"""JSON renderings of the read model: rapport.json (the file report) and the API's cells."""

from __future__ import annotations

from typing import Any

from nlp.report.model import Breakdown, Cell, LabelFigures, RunReport, ThemeFigures

FILE_BREAKDOWNS = ("gender", "age_group", "unit", "source_type")  # the file shows months as run charts


def cell_json(cell: Cell) -> dict[str, Any]:
    """A count as the API gives it: share with 95 % CI, None where the small-cell rule hides."""
    ci = cell.ci
    return {
        "antal": cell.count,
        "n": None if cell.n < cell.threshold else cell.n,
        "andel": cell.share,
        "ki95": list(ci) if ci else None,
        "dold": cell.hidden,
    }


def hidden_groups_text(threshold: int) -> str:
    return f"(dolda grupper med färre än {threshold} svar)"


def report_json(rep: RunReport) -> dict[str, Any]:
    """rapport.json: everything the HTML file shows, with small cells hidden."""
    other = rep.other
    return {
        "rubrik": f"Brukarröst – rapport för {rep.filename}",
        "projekt": rep.project_name,
        "fil": rep.filename,
        "analys_id": rep.run_id,
        "skapad": rep.finished_at.isoformat() if rep.finished_at else None,
        "antal_svar": rep.n_answers,
        "antal_respondentrader": rep.n_rows,
        "fragor": rep.questions,
        "period": [rep.period[0].isoformat(), rep.period[1].isoformat()] if rep.period else None,
        "modeller": {
            "inbaddning": rep.embed_model,
            "klassificerare": rep.classifier_version,
            "taxonomi": rep.taxonomy_id,
            "kalibrering": {**rep.calibration, "text": rep.calibration_text} if rep.calibration else None,
        },
        # Wall seconds per stage; write_report adds the report's own time to lagring_rapport.
        "tider_s": dict(rep.timings),
        # CPU seconds per stage, all threads of the analysing process (not cluster workers).
        "cpu_tider_s": dict(rep.cpu_timings),
        "personuppgifter_ersatta": rep.pii_counts,
        "doljningsgrans": rep.threshold,
        "raknar": "forslagsmangd" if rep.counts_prediction_sets else "beslutade",
        "teman": [_theme(t) for t in rep.shown_themes]
        + (
            [
                {
                    "id": -1,
                    "namn": "övrigt",
                    "fras": "svar som inte passar i något tema, och små teman",
                    "ord": [],
                    "antal": other.text if other.hidden else other.k,
                    "andel": other.share,
                    "ki95": list(other.ci) if other.ci else None,
                    "exempel": [],
                    "ny_eller_vaxande": None,
                }
            ]
            if other.k
            else []
        ),
        "nya_eller_vaxande_teman": [_signal(t) for t in rep.emerging_themes],
        "temamappning": rep.theme_mapping,
        "teman_over_tid": [
            {
                "tema": t.title,
                "manader": rep.months,
                "antal": [c.count for c in t.over_time],
                "andel": [c.share for c in t.over_time],
            }
            for t in rep.shown_themes
        ],
        "taxonomi": {"id": rep.taxonomy_id, "namn": rep.taxonomy_name},
        "etiketter": [_label(lab) for lab in rep.labels],
        "osakra": {"antal": rep.unsure.text if rep.unsure.hidden else rep.unsure.k, "andel": rep.unsure.share},
        "valens": {k: (c.text if c.hidden else c.k) for k, c in rep.valence.items() if c.k},
        "uppdelningar": {
            b.title: _breakdown(b, rep.threshold) for b in rep.breakdowns if b.dimension in FILE_BREAKDOWNS
        },
    }


def _theme(t: ThemeFigures) -> dict[str, Any]:
    return {
        "id": t.topic,
        "namn": t.title,
        "namn_fran_modellen": t.label,
        "namngivet": t.name is not None,
        "fras": t.phrase,
        "ord": t.words,
        "antal": t.size,
        "andel": t.share,
        "ki95": list(t.ci),
        "exempel": [e.text for e in t.examples],
        "ny_eller_vaxande": t.emerging,
        "nyckel": t.key,
        "antal_per_import": [
            {"import": name, "antal": c.text if c.hidden else c.k, "andel": c.share} for name, c in t.per_import
        ],
        "antal_per_period": [c.count for c in t.over_time],
    }


def _signal(t: ThemeFigures) -> dict[str, Any]:
    """A new or growing theme: its key, the kind of signal, and the import and period it comes from."""
    flag = t.emerging or {}
    return {
        "tema": t.title,
        "tema_id": t.topic,
        "nyckel": t.key,
        "signal": flag.get("kind"),
        "import": flag.get("import"),
        "period": flag.get("period"),
        "varfor": flag,
    }


def _label(lab: LabelFigures) -> dict[str, Any]:
    c = lab.counted
    chart = lab.chart
    return {
        "id": lab.id,
        "titel": lab.title,
        "antal": c.text if c.hidden else c.k,
        "andel": c.share,
        "ki95": list(c.ci) if c.ci else None,
        "i_forslagsmangd": lab.in_set.text if lab.in_set.hidden else lab.in_set.k,
        "medelsannolikhet": lab.mean_probability,
        "flagga": lab.flag,
        "belagg": lab.quotes,
        "flaggor": {v: (cell.text if cell.hidden else cell.k) for v, cell in lab.valence.items() if v != "neutral"},
        "styrdiagram": None
        if chart is None
        else {
            "manader": [pt.period for pt in chart.points],
            "andel": [pt.share for pt in chart.points],
            "antal": [pt.x for pt in chart.points],
            "antal_per_manad": [pt.n for pt in chart.points],
            "centrallinje": chart.centre,
            "ovre_grans": [pt.ucl for pt in chart.points],
            "undre_grans": [pt.lcl for pt in chart.points],
        },
    }


def _breakdown(b: Breakdown, threshold: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "grupp": g.title,
            "antal": g.n,
            "etiketter": {
                lab: {"antal": c.text if c.hidden else c.k, "andel": c.share, "ki95": list(c.ci) if c.ci else None}
                for lab, c in g.cells.items()
            },
        }
        for g in b.groups
    ]
    if b.hidden_groups:
        rows.append({"grupp": hidden_groups_text(threshold), "antal": None, "etiketter": {}})
    return rows

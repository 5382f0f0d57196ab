"""The report stage: one read model of a run (model.py, built by load.py) that the HTML file,
the web page, the JSON API and every export render; export formats as a registry (formats/).
Loading reads the store (report → store is this stage's one allowed edge)."""

from nlp.report.answers import COLUMNS, STATUS_TEXT, AnswerFacts, answer_facts, answer_table, run_record_ids
from nlp.report.as_json import cell_json, hidden_groups_text, report_json
from nlp.report.charts import ChartPoint, RunChart, chart_svg, p_chart, pct
from nlp.report.curation import CuratedTheme, CuratedThemes, curated_themes
from nlp.report.dot_plot import axis_top, breakdown_panel, breakdown_top, dot_plot_svg
from nlp.report.export_book import export_book
from nlp.report.formats import FORMATS, ExportBook, ExportFormat, Sheet
from nlp.report.html_file import build_report, render_html, write_report
from nlp.report.load import Labelling, load_run_report, run_labelling
from nlp.report.model import (
    DIMENSIONS,
    SOURCE_TEXT,
    Breakdown,
    Cell,
    Example,
    Group,
    LabelFigures,
    RunReport,
    ThemeFigures,
    group_title,
)
from nlp.report.runs import finished_run, label_titles, latest_run, latest_run_id, run_import_ids, run_label_titles
from nlp.report.themes import example, month, theme_chart, themes_for_run

__all__ = [
    "COLUMNS",
    "DIMENSIONS",
    "FORMATS",
    "SOURCE_TEXT",
    "STATUS_TEXT",
    "AnswerFacts",
    "ExportBook",
    "Sheet",
    "Breakdown",
    "Cell",
    "ChartPoint",
    "CuratedTheme",
    "CuratedThemes",
    "Example",
    "ExportFormat",
    "Group",
    "LabelFigures",
    "Labelling",
    "RunChart",
    "RunReport",
    "ThemeFigures",
    "answer_facts",
    "answer_table",
    "axis_top",
    "breakdown_panel",
    "breakdown_top",
    "export_book",
    "build_report",
    "cell_json",
    "chart_svg",
    "curated_themes",
    "dot_plot_svg",
    "example",
    "finished_run",
    "group_title",
    "hidden_groups_text",
    "label_titles",
    "latest_run",
    "latest_run_id",
    "load_run_report",
    "month",
    "p_chart",
    "pct",
    "render_html",
    "report_json",
    "run_import_ids",
    "run_label_titles",
    "run_labelling",
    "run_record_ids",
    "theme_chart",
    "themes_for_run",
    "write_report",
]

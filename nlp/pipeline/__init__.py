"""The chain, composed in this one place: ingest → pseudonymise → store (one transaction),
then embed → themes → classify → store for an analysis run, and the report.

The CLI, the job worker (and so the API) call these functions; stages never call each
other. One module per flow:
- `importing`: an export becomes an import (`import_export`);
- `analysis`: an analysis run of an import (`create_run`, `analyse_import`, `analyse_export`);
- `project`: a project analysed as a whole (`analyse_project`), themes with stable keys;
- `runs`: a run's row: creation, progress, its end (klar/fel);
- `results`: what a run stores;
- `files`: the file-only commands (pseudonymise, themes, classify a file; nothing stored);
- `training`: a candidate classifier from settled human labels.
"""

from __future__ import annotations

import importlib
from typing import Any

# Name → module. Loaded on first use (PEP 562): the web service and the job worker import this
# package at start, and only an analysis needs classify (scikit-learn), themes and spaCy.
_EXPORTS = {
    "analyse_export": "analysis",
    "analyse_import": "analysis",
    "create_run": "runs",
    "find_themes": "analysis",
    "find_themes_placed": "analysis",
    "STAGES": "common",
    "StageTimer": "common",
    "TIME_LABELS": "common",
    "format_times": "common",
    "Progress": "common",
    "FileClassification": "files",
    "classify_file": "files",
    "pseudonymise_file": "files",
    "pseudonymise_file_rows": "files",
    "themes_of_file": "files",
    "ImportSummary": "importing",
    "get_or_create_project": "importing",
    "import_export": "importing",
    "store_results": "results",
    "analyse_project": "project",
    "load_project": "project_state",
    "preview_split": "project",
    "update_project_themes": "project",
    "MIN_TRAINING_EXAMPLES": "training",
    "TRAINING_STAGES": "training",
    "train_candidate": "training",
    "validated_examples": "training",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value

"""The chain, composed in this one place: ingest → pseudonymise → store (one transaction),
then embed → themes → classify → store for an analysis run, and the report.

The CLI, the job worker (and so the API) call these functions; stages never call each
other. One module per flow:
- `importing`: an export becomes an import (`import_export`);
- `analysis`: an analysis run of an import (`create_run`, `analyse_import`, `analyse_export`);
- `results`: what a run stores;
- `files`: the file-only commands (pseudonymise, themes, classify a file; nothing stored);
- `training`: a candidate classifier from settled human labels.
"""

from nlp.pipeline.analysis import (
    analyse_export,
    analyse_import,
    create_run,
    find_themes,
)
from nlp.pipeline.common import STAGES, Progress
from nlp.pipeline.files import (
    FileClassification,
    classify_file,
    pseudonymise_file,
    pseudonymise_file_rows,
    themes_of_file,
)
from nlp.pipeline.importing import ImportSummary, get_or_create_project, import_export
from nlp.pipeline.results import store_results
from nlp.pipeline.training import (
    MIN_TRAINING_EXAMPLES,
    train_candidate,
    validated_examples,
)

__all__ = [
    "MIN_TRAINING_EXAMPLES",
    "STAGES",
    "FileClassification",
    "ImportSummary",
    "Progress",
    "analyse_export",
    "analyse_import",
    "classify_file",
    "create_run",
    "find_themes",
    "get_or_create_project",
    "import_export",
    "pseudonymise_file",
    "pseudonymise_file_rows",
    "store_results",
    "themes_of_file",
    "train_candidate",
    "validated_examples",
]

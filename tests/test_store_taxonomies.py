"""What a taxonomy id means within a project: its own upload, else a run's snapshot, else a
shipped file; never a path. Real database, no model."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from nlp.errors import ConfigError
from nlp.store import (
    add_taxonomy_version,
    current_project_taxonomy,
    project_taxonomy_choices,
    project_taxonomy_ids,
    resolve_taxonomy,
    session_scope,
)
from nlp.store.models import AnalysisRun
from nlp.taxonomy import Taxonomy, load_taxonomy, taxonomy_snapshot
from tests.browser.seed import seed


def _own(taxonomy_id: str, title: str = "Bemötande") -> Taxonomy:
    base = load_taxonomy("samsjuklighet")
    first = base.labels[0].model_copy(update={"title": title})
    return base.model_copy(update={"id": taxonomy_id, "name": f"Egen {taxonomy_id}", "labels": [first]})


def test_resolution_order_and_versions(engine: Engine) -> None:
    ids = seed(engine)
    pid = ids["project_id"]
    with session_scope(engine) as s:
        assert current_project_taxonomy(s, pid) is None
        assert resolve_taxonomy(s, pid, "samsjuklighet").id == "samsjuklighet"  # shipped file
        with pytest.raises(ConfigError, match="Okänd taxonomi 'egen'"):
            resolve_taxonomy(s, pid, "egen")
        # a run that used a file outside etiketter/ keeps meaning that file's labels
        s.execute(
            update(AnalysisRun)
            .where(AnalysisRun.id == ids["run_id"])
            .values(taxonomy_id="egen", taxonomy_snapshot=taxonomy_snapshot(_own("egen", "Från körningen")))
        )
        assert resolve_taxonomy(s, pid, "egen").labels[0].title == "Från körningen"
        # the project's own upload wins over a run's snapshot of the same id
        v1 = add_taxonomy_version(s, pid, "yaml 1", _own("egen", "Version 1"), actor="a")
        v2 = add_taxonomy_version(s, pid, "yaml 2", _own("egen", "Version 2"), actor="a")
        assert (v1.version, v2.version) == (1, 2)
        assert current_project_taxonomy(s, pid).id == v2.id
        assert resolve_taxonomy(s, pid, "egen").labels[0].title == "Version 2"
        assert project_taxonomy_ids(s, pid)[0] == "egen"
        assert project_taxonomy_choices(s, pid)[0] == ("egen", "Egen egen")
        # another project sees none of it
        with pytest.raises(ConfigError):
            resolve_taxonomy(s, ids["other_project_id"], "egen")


def test_an_id_is_never_read_as_a_path(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    with session_scope(engine) as s:
        for sneaky in (str(outside), "../etiketter/samsjuklighet", "samsjuklighet.yaml"):
            with pytest.raises(ConfigError):
                resolve_taxonomy(s, ids["project_id"], sneaky)

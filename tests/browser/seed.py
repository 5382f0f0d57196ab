"""Real rows for the web page tests: users of every role, a project and a finished run.

Written through the ORM into the test's real database (SQLite or PostgreSQL), so the
HTML tests run in seconds without the embedding model. The browser tests use the real
pipeline on the demo export instead.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.passwords import hash_password
from nlp.store import session_scope
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Project,
    ProjectMember,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    User,
)

PASSWORD = "Lösen-för-test-123"
USERS = {
    "admin1": ("admin", None),
    "analytiker1": ("analyst", None),
    "samordnare1": ("coordinator", None),
    "granskare1": ("validator", "RSMH Värmland"),
    "granskare2": ("validator", "Attention Karlstad"),
    "utomstaende": ("validator", "Annan förening"),  # not a member of the project
}
LABELS = ["tillganglighet", "respekt", "helhet"]
_TEXTS = {
    "tillganglighet": [
        "Det tar veckor att få en tid och telefonkön är lång.",
        "Ingen svarar i telefon, väntetiden är orimlig.",
    ],
    "respekt": ["Personalen lyssnade på mig och tog mig på allvar.", "Jag blev bemött med respekt av [PERSON_1]."],
    "helhet": ["Jag bollas mellan psykiatrin och socialtjänsten.", "Ingen samordnar mina insatser."],
}


@lru_cache(maxsize=1)
def _password_hash() -> str:
    # argon2 is slow on purpose; one hash shared by all seeded users keeps tests fast.
    return hash_password(PASSWORD)


def seed(engine: Engine, *, n_months: int = 10, per_month: int = 20) -> dict[str, Any]:
    """Insert a project with one finished run; returns ids for the tests."""
    rnd = random.Random(7)
    out: dict[str, Any] = {}
    with session_scope(engine) as s:
        project = Project(slug="demo", name="Demoprojekt", settings={})
        other = Project(slug="annat", name="Annat projekt", settings={})
        s.add_all([project, other])
        s.flush()
        out["users"] = _seed_users(s, project, other)
        imp, run = _seed_import_and_run(s, project, n_rows=n_months * per_month)
        themes = _seed_themes(s, run)
        records: list[int] = []
        for m in range(n_months):
            for k in range(per_month):
                # The first label grows in the last two months: an emerging theme.
                if m >= n_months - 2 and k < per_month * 9 // 10:
                    lab = "tillganglighet"
                else:
                    lab = LABELS[(k + m) % 3]
                rec = _seed_record(s, imp, themes[lab], rnd, index=len(records), month=m, k=k, per_month=per_month)
                records.append(rec.id)
                _seed_classification(s, run, rec, lab, k, rnd)
        _set_theme_shares(themes, len(records), per_month)
        out.update(
            project_id=project.id,
            other_project_id=other.id,
            run_id=run.id,
            import_id=imp.id,
            theme_ids={lab: t.id for lab, t in themes.items()},
            record_ids=records,
        )
    return out


def _seed_users(s: Session, project: Project, other: Project) -> dict[str, int]:
    """USERS, members of `project` except "utomstaende" (of `other`); returns ids by username."""
    user_ids = {}
    for name, (role, org) in USERS.items():
        u = User(
            username=name,
            display_name=name.capitalize(),
            role=role,
            organisation=org,
            password_hash=_password_hash(),
            active=True,
        )
        s.add(u)
        s.flush()
        user_ids[name] = u.id
        s.add(ProjectMember(project_id=(other.id if name == "utomstaende" else project.id), user_id=u.id))
    return user_ids


def _seed_import_and_run(s: Session, project: Project, *, n_rows: int) -> tuple[Import, AnalysisRun]:
    imp = Import(
        project_id=project.id,
        filename="enkat.csv",
        file_sha256="a" * 64,
        n_rows=n_rows,
        text_columns=["Vad kan bli bättre?"],
    )
    s.add(imp)
    s.flush()
    run = AnalysisRun(
        import_id=imp.id,
        status="klar",
        stage="klar",
        taxonomy_id="samsjuklighet",
        embed_model="test",
        classifier_version="nollskott-1",
        finished_at=datetime.now(UTC),
    )
    s.add(run)
    s.flush()
    return imp, run


def _seed_themes(s: Session, run: AnalysisRun) -> dict[str, Theme]:
    """One theme per label; sizes and shares are filled in as records come."""
    themes = {}
    for topic, lab in enumerate(LABELS):
        t = Theme(
            run_id=run.id,
            topic=topic,
            label=f"{topic}_{lab}",
            phrase=f"tema om {lab}",
            words=[lab, "svar", "vård"],
            size=0,
            share=0.0,
            ci_low=0.0,
            ci_high=0.0,
            example_record_ids=[],
            emerging=None,
        )
        s.add(t)
        themes[lab] = t
    s.flush()
    return themes


def _seed_record(
    s: Session, imp: Import, theme: Theme, rnd: random.Random, *, index: int, month: int, k: int, per_month: int
) -> RecordRow:
    """Answer `k` of `month` (the `index`th in all), about `theme`'s label, assigned to `theme`."""
    lab = LABELS[theme.topic]
    text = rnd.choice(_TEXTS[lab])
    rec = RecordRow(
        import_id=imp.id,
        row=index + 2,
        question="Vad kan bli bättre?",
        text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        respondent_key=f"r{index}",
        date=date(2025 + month // 12, month % 12 + 1, 1 + k % 28),
        unit=["Psykiatrin", "Beroendevården", "Socialtjänsten"][k % 3]
        if not (k == per_month - 1 and month < 3)
        else "Liten enhet",
        source_type=["enkat", "patientforum", "berattelse"][k % 3],
        gender=["kvinna", "man"][k % 2],
        age_group="30-49",
        pii_spans=[],
    )
    s.add(rec)
    s.flush()
    theme.size += 1
    if len(theme.example_record_ids) < 3:
        theme.example_record_ids = [*theme.example_record_ids, rec.id]
    s.add(ThemeAssignment(record_id=rec.id, theme_id=theme.id, weight=1.0))
    return rec


def _seed_classification(s: Session, run: AnalysisRun, rec: RecordRow, lab: str, k: int, rnd: random.Random) -> None:
    """The record's classification and one suggestion per label; only `lab` is decided."""
    prob = 0.55 + 0.4 * rnd.random()
    # As on zero-shot: an unsure answer's prediction set holds every label, and a
    # quarter of the others also "kan handla om" helhet.
    pset = list(LABELS) if prob < 0.6 else sorted({lab, "helhet"} if k % 4 == 0 else {lab})
    s.add(
        Classification(
            run_id=run.id,
            record_id=rec.id,
            taxonomy_id="samsjuklighet",
            model_version="nollskott-1",
            prediction_set=pset,
            unsure=prob < 0.6,
            unsure_reason="för stor mängd" if prob < 0.6 else None,
            valence="styrka" if lab == "respekt" else "utmaning",
            valence_probability=0.8,
            evidence=[{"label": lab, "words": rec.text.split()[:2], "examples": []}],
        )
    )
    for other_lab in LABELS:
        p = prob if other_lab == lab else 0.1 * rnd.random()
        s.add(
            Suggestion(
                run_id=run.id,
                record_id=rec.id,
                taxonomy_id="samsjuklighet",
                label_id=other_lab,
                probability=p,
                in_prediction_set=other_lab in pset,
                decided=other_lab == lab,
                model_version="nollskott-1",
            )
        )


def _set_theme_shares(themes: dict[str, Theme], n: int, per_month: int) -> None:
    for t in themes.values():
        t.share = t.size / n
        t.ci_low, t.ci_high = max(0.0, t.share - 0.05), min(1.0, t.share + 0.05)
    # The shape nlp/themes/trends.py gives an emerging flag.
    themes["tillganglighet"].emerging = {
        "theme_id": 0,
        "kind": "ökar",
        "share": 0.9,
        "centre": 0.35,
        "ucl": 0.65,
        "n": per_month,
        "reason": "Andelen steg till 90 % i den senaste perioden, över den övre kontrollgränsen 65 %.",
    }

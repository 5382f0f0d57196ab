"""A project for the validator's browser test: forty answers of varied wording (so twenty
judgements are twenty different answers), a few identical and near-identical ones, evidence
as character spans on some answers and as words on others, and earlier decisions by another
validator (the "similar answers others validated"). Written through the ORM into a real
database; run in a child process by tests/browser/test_granskning.py."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine

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
    ValidationEvent,
)

ACCOUNTS = {
    "granskare1": ("validator", "RSMH Värmland"),
    "granskare2": ("validator", "Attention Värmland"),
    "samordnare": ("coordinator", None),
}
# (text, best label, second label or None). Distinct wording; the first is repeated below.
ANSWERS: list[tuple[str, str, str | None]] = [
    ("Mer personal behövs på avdelningen.", "tillganglighet", None),
    ("Det tog tre månader att få en första tid. Under tiden blev jag sämre.", "tillganglighet", "tidig-hjalp"),
    ("Personalen lyssnade på mig och tog mig på allvar.", "respekt", None),
    ("Jag bollas mellan psykiatrin och socialtjänsten och ingen tar ansvar.", "helhet", "en-person"),
    ("Ingen frågade hur min familj mådde, fast de också påverkas.", "natverk", None),
    ("Jag fick vara med och bestämma om min medicin.", "behandling-val", "egen-formaga"),
    ("Telefonkön är alltid full och ingen ringer tillbaka.", "tillganglighet", None),
    ("Min kontaktperson slutade och ingen sa något.", "en-person", "helhet"),
    ("Det är svårt att få hjälp med boendet när man mår dåligt.", "vardag", "helhet"),
    ("Jag kände mig utestängd från gruppverksamheten för att jag dricker.", "inte-utestangd", None),
    ("Bra bemötande i receptionen men läkaren hade bråttom.", "respekt", "tillganglighet"),
    ("Hade jag fått hjälp tidigare hade jag inte behövt läggas in.", "tidig-hjalp", None),
    ("Jag vill lära mig hantera ångesten själv.", "egen-formaga", None),
    ("Samma sak måste berättas för varje ny person jag träffar.", "en-person", "helhet"),
    ("Min sambo fick inte vara med på mötena.", "natverk", "respekt"),
    ("Väntetiden till beroendevården var orimligt lång.", "tillganglighet", "tidig-hjalp"),
    ("De pratade över huvudet på mig som om jag inte fanns.", "respekt", None),
    ("Ingen hjälpte mig med ekonomin och räkningarna.", "vardag", None),
    ("Jag fick välja mellan samtal och medicin, det var bra.", "behandling-val", None),
    ("Socialtjänsten och vården hade olika planer för mig.", "helhet", None),
    ("Jag blev nekad behandling för att jag också har ett missbruk.", "inte-utestangd", "helhet"),
    ("Skönt att min kontaktperson var densamma hela året.", "en-person", None),
    ("Kurator saknades helt på mottagningen i sommar.", "tillganglighet", None),
    ("Jag önskar att någon hade fångat upp mig i skolan.", "tidig-hjalp", None),
    ("Personalen pratade med mina föräldrar utan att fråga mig.", "respekt", "natverk"),
    ("Det var bra att få träffa andra med samma erfarenhet.", "natverk", "egen-formaga"),
    ("Appen för att boka tid fungerar inte.", "tillganglighet", None),
    ("Jag fick hjälp att hitta ett arbete som passar mig.", "vardag", "egen-formaga"),
    ("Ingen förklarade biverkningarna av medicinen.", "behandling-val", "respekt"),
    ("Tack för att ni inte gav upp om mig.", "respekt", None),
]
# Repeats of the first answer: identical after normalising, and one near-identical variant.
REPEATS = [
    "Mer personal behövs på avdelningen!",
    "mer personal behövs på avdelningen",
    "Mer personal behövs på avdelningen",
]
NEAR = "Mera personal behövs på avdelningen."


def seed_validation(engine: Engine, password: str) -> dict[str, Any]:
    """Insert the project; returns its id, the run id and the user ids."""
    with session_scope(engine) as s:
        project = Project(slug="granskning", name="Brukarenkät psykiatri och beroende", settings={})
        s.add(project)
        s.flush()
        users = _users(s, project, password)
        imp = Import(
            project_id=project.id,
            filename="enkat.csv",
            file_sha256="b" * 64,
            n_rows=len(ANSWERS) + len(REPEATS) + 1,
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
        theme = Theme(run_id=run.id, topic=0, label="0_svar", phrase="svar om vården", words=["vård"], size=0,
                      share=1.0, ci_low=0.9, ci_high=1.0, example_record_ids=[], emerging=None)  # fmt: skip
        s.add(theme)
        s.flush()
        rows = [*ANSWERS, *((t, ANSWERS[0][1], None) for t in REPEATS), (NEAR, ANSWERS[0][1], None)]
        recs = [_answer(s, imp, run, theme, i, text, best, second) for i, (text, best, second) in enumerate(rows)]
        theme.size = len(recs)
        _earlier_decisions(s, project, users["granskare2"], [(recs[i], ANSWERS[i][1]) for i in range(22, 28)])
        return {"project_id": project.id, "run_id": run.id, "users": {n: u.id for n, u in users.items()}}


def _users(s: Any, project: Project, password: str) -> dict[str, User]:
    h = hash_password(password)
    out = {}
    for name, (role, org) in ACCOUNTS.items():
        u = User(username=name, display_name=name.capitalize(), role=role, organisation=org, password_hash=h,
                 active=True)  # fmt: skip
        s.add(u)
        s.flush()
        s.add(ProjectMember(project_id=project.id, user_id=u.id))
        out[name] = u
    return out


def _answer(
    s: Any, imp: Import, run: AnalysisRun, theme: Theme, i: int, text: str, best: str, second: str | None
) -> RecordRow:
    rec = RecordRow(
        import_id=imp.id, row=i + 2, question="Vad kan bli bättre?", text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(), respondent_key=f"r{i}",
        date=date(2026, 1 + i % 9, 1 + i % 27), unit=["Psykiatrin", "Beroendevården"][i % 2],
        source_type=["enkat", "patientforum"][i % 2], gender=["kvinna", "man"][i % 2], age_group="30-49",
        pii_spans=[],
    )  # fmt: skip
    s.add(rec)
    s.flush()
    s.add(ThemeAssignment(record_id=rec.id, theme_id=theme.id, weight=1.0))
    # Distinct probabilities, so the queue (least certain first) has one order.
    prob = 0.52 + (i * 7 % 45) / 100
    first_sentence = text.split(". ")[0]
    evidence: dict[str, Any] = {"label": best, "words": text.split()[1:3], "examples": []}
    if i % 2 == 0:  # as the classifier gives them: character spans into the pseudonymised text
        evidence["spans"] = [{"start": 0, "end": len(first_sentence)}]
    pset = [best] + ([second] if second else [])
    s.add(Classification(run_id=run.id, record_id=rec.id, taxonomy_id="samsjuklighet", model_version="nollskott-1",
                         prediction_set=pset, unsure=False, unsure_reason=None, valence="utmaning",
                         valence_probability=0.8, evidence=[evidence]))  # fmt: skip
    for lab, p in ((best, prob), *(((second, 0.35 + (i % 5) / 10),) if second else ())):
        s.add(Suggestion(run_id=run.id, record_id=rec.id, taxonomy_id="samsjuklighet", label_id=lab,
                         probability=p, in_prediction_set=True, decided=lab == best, model_version="nollskott-1"))  # fmt: skip
    return rec


def _earlier_decisions(s: Any, project: Project, user: User, judged: list[tuple[RecordRow, str]]) -> None:
    for k, (rec, label) in enumerate(judged):
        s.add(ValidationEvent(record_id=rec.id, project_id=project.id, user_id=user.id, taxonomy_id="samsjuklighet",
                              label_id=label,
                              decision="accept" if k % 3 else "reject", other_labels=[], actor=user.username,
                              organisation=user.organisation, role=user.role, is_resolution=False,
                              batch=f"tidigare{k}"))  # fmt: skip

"""ORM models. Every text column holds pseudonymised text only.

Human work (validation events, theme names, merges) is stored here as data, never
only inside a model file, so it survives retraining and library upgrades.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # e.g. {"pii_categories": [...]}: which personal-data categories are replaced
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Joint analysis: may validators see other organisations' decisions and comments, not
    # only counts? Off by default (migration 0005); the rule is api.access.visible_decisions.
    validators_see_all: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    imports: Mapped[list[Import]] = relationship(back_populates="project")


class Import(Base):
    """One export read into the database. Written in one transaction."""

    __tablename__ = "imports"
    __table_args__ = (UniqueConstraint("project_id", "file_sha256", name="uq_import_file"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    n_rows: Mapped[int] = mapped_column(Integer, default=0)
    n_records: Mapped[int] = mapped_column(Integer, default=0)
    text_columns: Mapped[list[Any]] = mapped_column(JSON, default=list)
    column_mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    pii_counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Added in 0004: key_fingerprint() of the pseudonym key the import was made with
    # (a keyed digest, never the key). NULL for imports made before 0004.
    key_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    # Added in 0006: replacements in the metadata, {field: {category: n}} (counts only).
    metadata_pii_counts: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    project: Mapped[Project] = relationship(back_populates="imports")
    records: Mapped[list[RecordRow]] = relationship(back_populates="import_", cascade="all, delete-orphan")


class RecordRow(Base):
    """One pseudonymised answer with its metadata."""

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("import_id", "row", "question", name="uq_record_cell"),
        Index("ix_records_respondent", "respondent_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    row: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)  # pseudonymised
    text_sha256: Mapped[str] = mapped_column(String(64))
    # Keyed HMAC of the respondent id (which may itself be personal data).
    respondent_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    unit: Mapped[str | None] = mapped_column(String(300), nullable=True)
    source_type: Mapped[str | None] = mapped_column(String(50), nullable=True)
    gender: Mapped[str | None] = mapped_column(String(50), nullable=True)
    age_group: Mapped[str | None] = mapped_column(String(50), nullable=True)
    # [{"start", "end", "label"}] in the ORIGINAL text: offsets only, no content.
    pii_spans: Mapped[list[Any]] = mapped_column(JSON, default=list)

    import_: Mapped[Import] = relationship(back_populates="records")


class ResidualToken(Base):
    """A risky token the pseudonymiser kept (added in 0006): kind and offsets in the
    pseudonymised field of a record, never the token itself (nlp/residual_risk.py)."""

    __tablename__ = "residual_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(30))  # text | unit | age_group
    kind: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class AnalysisRun(Base):
    """One run of embed → themes → classify over an import, with models and settings."""

    __tablename__ = "analysis_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="pagar")  # pagar | klar | fel
    stage: Mapped[str | None] = mapped_column(String(50), nullable=True)
    progress_n: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    embed_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    taxonomy_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # The parsed taxonomy the run used (nlp.taxonomy.taxonomy_snapshot), so editing or deleting
    # its file later never changes an old report; None for runs stored before migration 0008.
    taxonomy_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    classifier_version: Mapped[str | None] = mapped_column(String(100), nullable=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)

    themes: Mapped[list[Theme]] = relationship(back_populates="run", cascade="all, delete-orphan")


class Theme(Base):
    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("run_id", "topic", name="uq_theme_topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("analysis_runs.id", ondelete="CASCADE"), index=True)
    topic: Mapped[int] = mapped_column(Integer)  # -1 is "övrigt"
    label: Mapped[str] = mapped_column(String(300))
    phrase: Mapped[str | None] = mapped_column(String(500), nullable=True)
    words: Mapped[list[Any]] = mapped_column(JSON, default=list)
    size: Mapped[int] = mapped_column(Integer, default=0)
    share: Mapped[float] = mapped_column(Float, default=0.0)
    ci_low: Mapped[float] = mapped_column(Float, default=0.0)
    ci_high: Mapped[float] = mapped_column(Float, default=0.0)
    example_record_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    emerging: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # the project theme ("T3") it is: stable across imports and refits (migration 0009)
    key: Mapped[str | None] = mapped_column(String(20), nullable=True)

    run: Mapped[AnalysisRun] = relationship(back_populates="themes")


class ProjectThemeRow(Base):
    """A project's theme across all its imports (nlp/themes/project.py): a stable key, its
    centroid and calibrated threshold, a few representative answers, and a human name."""

    __tablename__ = "project_themes"
    __table_args__ = (UniqueConstraint("project_id", "key", name="uq_project_theme_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(300), nullable=True)  # a human's name
    label: Mapped[str] = mapped_column(String(300), default="")  # the generated name
    centroid: Mapped[list[Any]] = mapped_column(JSON, default=list)  # unit vector of pseudonymised answers
    threshold: Mapped[float] = mapped_column(Float, default=1.0)
    floor: Mapped[float] = mapped_column(Float, default=1.0)
    size: Mapped[int] = mapped_column(Integer, default=0)
    representative_record_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="SET NULL"), nullable=True)
    parent_key: Mapped[str | None] = mapped_column(String(20), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ThemeAssignment(Base):
    __tablename__ = "theme_assignments"

    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0)


class ThemeEdit(Base):
    """Human work on themes (name, merge, split), matched to refitted themes by members."""

    __tablename__ = "theme_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # namn | sammanfoga | dela
    # member record ids of the theme(s) the edit was made on, for matching after refits
    member_record_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Classification(Base):
    """Per record and run: the prediction set, "osäker", valence and evidence."""

    __tablename__ = "classifications"
    __table_args__ = (UniqueConstraint("run_id", "record_id", name="uq_classification"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("analysis_runs.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    taxonomy_id: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str] = mapped_column(String(100))
    prediction_set: Mapped[list[Any]] = mapped_column(JSON, default=list)
    unsure: Mapped[bool] = mapped_column(Boolean, default=False)
    unsure_reason: Mapped[str | None] = mapped_column(String(50), nullable=True)
    valence: Mapped[str | None] = mapped_column(String(20), nullable=True)
    valence_probability: Mapped[float | None] = mapped_column(Float, nullable=True)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Suggestion(Base):
    """A label suggested for a record: a "förslag" with a calibrated probability."""

    __tablename__ = "suggestions"
    __table_args__ = (UniqueConstraint("run_id", "record_id", "label_id", name="uq_suggestion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("analysis_runs.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    taxonomy_id: Mapped[str] = mapped_column(String(100))
    label_id: Mapped[str] = mapped_column(String(100))
    probability: Mapped[float] = mapped_column(Float)
    in_prediction_set: Mapped[bool] = mapped_column(Boolean, default=False)
    # The classifier's own decision (probability over its cross-validated threshold).
    decided: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    model_version: Mapped[str] = mapped_column(String(100))


class ValidationEvent(Base):
    """A human decision on a label. Append-only: disagreement is kept, never overwritten."""

    __tablename__ = "validation_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("records.id", ondelete="SET NULL"), index=True, nullable=True
    )
    taxonomy_id: Mapped[str] = mapped_column(String(100))
    label_id: Mapped[str] = mapped_column(String(100))
    decision: Mapped[str] = mapped_column(String(20))  # accept | reject | other | unsure
    other_labels: Mapped[list[Any]] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor: Mapped[str | None] = mapped_column(String(200), nullable=True)
    organisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    role: Mapped[str | None] = mapped_column(String(50), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Added in 0002: project and user survive erasure (record_id becomes NULL, tombstone set).
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True, nullable=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    tombstone_id: Mapped[int | None] = mapped_column(ForeignKey("tombstones.id", ondelete="SET NULL"), nullable=True)
    # A decision taken in joint analysis; it settles an "omstridd" label.
    is_resolution: Mapped[bool] = mapped_column(Boolean, default=False)
    # Added in 0011: the events of one judgement (all labels, all grouped answers) share it.
    batch: Mapped[str | None] = mapped_column(String(32), index=True, nullable=True)


class AuditEntry(Base):
    """Append-only audit log: who, when, what. Never holds answer text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    object_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    object_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --- accounts, jobs, model versions, insights (added in migration 0002) -----------------


class User(Base):
    """An account. role: admin | analyst | coordinator | validator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(300))  # argon2id
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped by logout, password change and deactivation: every session cookie and token
    # carrying an older number stops working (migration 0005).
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Organisation(Base):
    """An organisation accounts belong to (added in 0012): the list names are chosen from, so
    a typo cannot make a second one. Accounts and decisions keep the name itself."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("name", name="uq_organisation_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProjectMember(Base):
    __tablename__ = "project_members"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class ApiToken(Base):
    """A bearer token for the API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The user's session_generation when issued; renewal keeps renewable_until (migration 0005).
    generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    renewable_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class LoginAttempt(Base):
    """Failed logins, for rate limiting across processes. Username stored as a hash."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username_sha256: Mapped[str] = mapped_column(String(64), index=True)
    client: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class Job(Base):
    """An upload and the analysis job on it.

    status: uppladdad (file received, mapping not confirmed) | vantar | pagar | klar | fel
    """

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="analys")  # analys | traning
    status: Mapped[str] = mapped_column(String(20), default="uppladdad", index=True)
    stage: Mapped[str | None] = mapped_column(String(50), nullable=True)
    progress_n: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # Private 0700 directory holding the raw upload; cleared when the job ends.
    upload_path: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="SET NULL"), nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("analysis_runs.id", ondelete="SET NULL"), nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # Swedish, no cell contents
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ClassifierVersion(Base):
    """A trained classifier version; exactly one active per project and taxonomy."""

    __tablename__ = "classifier_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    taxonomy_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(100))
    path: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # cross-validated
    n_examples: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ProjectTaxonomy(Base):
    """One uploaded version of a project's own taxonomy. The newest version is the one the
    project's analyses use; going back to an older one stores it again as a new version, so
    the history shows who chose what and when."""

    __tablename__ = "project_taxonomies"
    __table_args__ = (UniqueConstraint("project_id", "version", name="uq_project_taxonomy_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    taxonomy_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    yaml_text: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Tombstone(Base):
    """What is left of an erased respondent: when, by whom, how much. No key, no text."""

    __tablename__ = "tombstones"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class KeyGeneration(Base):
    """A pseudonym key accepted for imports, by its fingerprint (added in 0004).

    The first key is accepted on first use; a later one only by an explicit admin action
    (`brukarrost nyckel ny`), so a lost or replaced key file is never replaced silently."""

    __tablename__ = "key_generations"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)


class Insight(Base):
    """An insight (IAIA) with its evidence: theme, label and record ids."""

    __tablename__ = "insights"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Action(Base):
    """An improvement action (PDSA) with owner, date and status."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    insight_id: Mapped[int | None] = mapped_column(ForeignKey("insights.id", ondelete="SET NULL"), nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planerad")
    phase: Mapped[str | None] = mapped_column(String(20), nullable=True)  # plan|do|study|act
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

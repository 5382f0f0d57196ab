"""Pydantic request/response schemas (apart from the ORM models)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

IdField = Annotated[int, Field(ge=1, le=2_147_483_647)]
Role = Literal["admin", "analyst", "coordinator", "validator"]
Decision = Literal["accept", "reject", "other", "unsure"]


class ORM(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class UserOut(ORM):
    id: int
    username: str
    display_name: str | None = None
    role: str
    organisation: str | None = None
    active: bool


class LoginOut(BaseModel):
    user: UserOut
    csrf_token: str


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int  # seconds; renew with POST /api/auth/token/renew
    expires_in_days: int  # kept for older clients: whole days (0 for short-lived tokens)


class PasswordChangeIn(BaseModel):
    current_password: str = Field(min_length=1, max_length=1000)
    new_password: str = Field(min_length=1, max_length=1000)  # policy: api/passwords.py


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=100, pattern=r"^[\w.@-]+$")
    password: str = Field(min_length=1, max_length=1000)  # policy: api/passwords.py
    role: Role
    organisation: str | None = Field(default=None, max_length=200)
    display_name: str | None = Field(default=None, max_length=200)
    project_ids: list[IdField] = Field(default=[], max_length=500)


class ProjectIn(BaseModel):
    slug: str = Field(min_length=1, max_length=100, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1, max_length=200)


class ProjectOut(ORM):
    id: int
    slug: str
    name: str
    created_at: datetime


class MemberIn(BaseModel):
    user_id: IdField


class AuditOut(ORM):
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str | None
    object_id: str | None
    details: dict[str, Any]


class JobOut(ORM):
    id: int
    project_id: int
    kind: str
    status: str
    stage: str | None
    progress_n: int
    progress_total: int
    filename: str | None
    size_bytes: int
    params: dict[str, Any]
    import_id: int | None
    run_id: int | None
    result: dict[str, Any]
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class UploadOut(BaseModel):
    job: JobOut
    preview: dict[str, Any] | None = None
    preview_error: str | None = None


class MappingIn(BaseModel):
    text_columns: list[str] | None = None
    column_map: dict[str, str] | None = None
    sheet: str | None = Field(default=None, max_length=200)
    taxonomy: str = Field(default="samsjuklighet", max_length=100, pattern=r"^[\w-]+$")


class DatasetOut(BaseModel):
    import_id: int
    filename: str
    created_at: datetime
    n_rows: int
    n_records: int
    text_columns: list[Any]
    runs: list[dict[str, Any]]


class RecordOut(BaseModel):
    id: int
    import_id: int
    row: int
    question: str
    text: str  # pseudonymised
    date: date | None
    unit: str | None
    source_type: str | None
    gender: str | None
    age_group: str | None


class DecisionIn(BaseModel):
    label_id: str = Field(min_length=1, max_length=100)
    taxonomy_id: str = Field(default="samsjuklighet", min_length=1, max_length=100)
    decision: Decision
    other_labels: list[str] = Field(default=[], max_length=50)
    comment: str | None = Field(default=None, max_length=5000)


class DecisionOut(ORM):
    id: int
    record_id: int | None
    taxonomy_id: str
    label_id: str
    decision: str
    other_labels: list[Any]
    comment: str | None
    actor: str | None
    organisation: str | None
    role: str | None
    is_resolution: bool
    created_at: datetime


class ResolutionIn(BaseModel):
    label_id: str = Field(min_length=1, max_length=100)
    taxonomy_id: str = Field(default="samsjuklighet", min_length=1, max_length=100)
    decision: Literal["accept", "reject"]
    comment: str | None = Field(default=None, max_length=5000)


class ErasureIn(BaseModel):
    respondent_id: str = Field(min_length=1, max_length=500)


class InsightIn(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    description: str | None = Field(default=None, max_length=10000)
    theme_ids: list[IdField] = Field(default=[], max_length=500)
    label_ids: list[str] = Field(default=[], max_length=500)
    record_ids: list[IdField] = Field(default=[], max_length=500)


class InsightOut(ORM):
    id: int
    project_id: int
    title: str
    description: str | None
    evidence: dict[str, Any]
    created_by: str | None
    created_at: datetime


ActionStatus = Literal["planerad", "pagar", "klar", "avbruten"]


class ActionIn(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    owner: str = Field(min_length=1, max_length=200)
    due_date: date | None = None
    status: ActionStatus = "planerad"
    phase: Literal["plan", "do", "study", "act"] | None = None
    insight_id: IdField | None = None
    notes: str | None = Field(default=None, max_length=10000)


class ActionPatch(BaseModel):
    status: ActionStatus | None = None
    phase: Literal["plan", "do", "study", "act"] | None = None
    owner: str | None = Field(default=None, min_length=1, max_length=200)
    due_date: date | None = None
    notes: str | None = Field(default=None, max_length=10000)


class ActionOut(ORM):
    id: int
    project_id: int
    insight_id: int | None
    title: str
    owner: str
    due_date: date | None
    status: str
    phase: str | None
    notes: str | None
    created_by: str | None
    created_at: datetime
    updated_at: datetime


class RetrainIn(BaseModel):
    taxonomy: str = Field(default="samsjuklighet", max_length=100, pattern=r"^[\w-]+$")


class ModelVersionOut(ORM):
    id: int
    project_id: int
    taxonomy_id: str
    version: str
    metrics: dict[str, Any]
    n_examples: int
    active: bool
    created_by: str | None
    created_at: datetime
    activated_at: datetime | None


class ThemeNameIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)


class ThemeMergeIn(BaseModel):
    theme_ids: list[IdField] = Field(min_length=2, max_length=50)
    name: str | None = Field(default=None, max_length=200)


class ThemeSplitIn(BaseModel):
    n_parts: int = Field(default=2, ge=2, le=10)
    note: str | None = Field(default=None, max_length=2000)


class ThemeEditOut(ORM):
    id: int
    project_id: int
    kind: str
    payload: dict[str, Any]
    actor: str | None
    created_at: datetime

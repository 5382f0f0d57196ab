"""Pydantic request/response schemas (apart from the ORM models)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from nlp.safe_store import safe_free_text

IdField = Annotated[int, Field(ge=1, le=2_147_483_647)]
Role = Literal["admin", "analyst", "coordinator", "validator"]
Decision = Literal["accept", "reject", "other", "unsure"]


def FreeText(max_length: int, min_length: int = 0) -> Any:  # noqa: N802 - a type factory
    """A free-text form field that is stored: pseudonymised here (nlp.safe_store), so every
    page and endpoint that stores it gets the same treatment (issue 12). Limits apply to
    what was typed; the result is clipped to them (a pseudonym can be longer than a name)."""

    def clean(value: str) -> str:
        safe = safe_free_text(value)
        return safe[:max_length] if safe is not None else safe

    return Annotated[str, Field(min_length=min_length, max_length=max_length), AfterValidator(clean)]


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
    name: FreeText(200, 1)


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
    tider_s: dict[str, float] = {}  # seconds per stage of the analysis run so far


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
    comment: FreeText(5000) | None = None


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
    comment: FreeText(5000) | None = None


class ErasureIn(BaseModel):
    respondent_id: str = Field(min_length=1, max_length=500)


class InsightIn(BaseModel):
    title: FreeText(300, 1)
    description: FreeText(10000) | None = None
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
    title: FreeText(300, 1)
    owner: FreeText(200, 1)  # a role or team; a person's name in it is pseudonymised
    due_date: date | None = None
    status: ActionStatus = "planerad"
    phase: Literal["plan", "do", "study", "act"] | None = None
    insight_id: IdField | None = None
    notes: FreeText(10000) | None = None


class ActionPatch(BaseModel):
    status: ActionStatus | None = None
    phase: Literal["plan", "do", "study", "act"] | None = None
    owner: FreeText(200, 1) | None = None
    due_date: date | None = None
    notes: FreeText(10000) | None = None


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


class TaxonomyIn(BaseModel):
    yaml: str = Field(min_length=1, max_length=512 * 1024)


class TaxonomyVersionOut(ORM):
    id: int
    project_id: int
    version: int
    taxonomy_id: str
    name: str
    note: str | None
    created_by: str | None
    created_at: datetime


class ThemeNameIn(BaseModel):
    name: FreeText(200, 1)


class ThemeMergeIn(BaseModel):
    theme_ids: list[IdField] = Field(min_length=2, max_length=50)
    name: FreeText(200) | None = None


class ThemeSplitIn(BaseModel):
    n_parts: int = Field(default=2, ge=2, le=10)
    note: FreeText(2000) | None = None


class ThemeEditOut(ORM):
    id: int
    project_id: int
    kind: str
    payload: dict[str, Any]
    actor: str | None
    created_at: datetime

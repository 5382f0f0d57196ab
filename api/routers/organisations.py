"""Organisations as managed entities (admins): the list accounts choose from, created and
renamed here and on the admin page (the logic is api/services/accounts.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from api.auth import require_role
from api.deps import DB, Id
from api.services import accounts
from nlp.store.models import Organisation, User

router = APIRouter(tags=["konton"])
Admin = Annotated[User, Depends(require_role("admin"))]


class OrganisationIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


@router.get("/organisations", response_model=list[OrganisationOut])
def list_organisations(user: Admin, db: DB) -> list[Organisation]:
    return accounts.list_organisations(db)


@router.post("/organisations", response_model=OrganisationOut, status_code=201)
def create_organisation(body: OrganisationIn, user: Admin, db: DB) -> Organisation:
    """A new organisation; 409 when one by that name (spaces and case aside) exists."""
    return accounts.create_organisation(db, user, body.name)


@router.patch("/organisations/{org_id}", response_model=OrganisationOut)
def rename_organisation(org_id: Id, body: OrganisationIn, user: Admin, db: DB) -> Organisation:
    """Rename; the organisation's accounts and decisions follow."""
    return accounts.rename_organisation(db, user, org_id, body.name)

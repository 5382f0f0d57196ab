"""The project's own taxonomy (analysts and admins): upload a YAML with labels, titles,
descriptions and examples, see its versions, go back to an earlier one. The page and the API
(api/routers/taxonomies.py) go through the same service."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from api.auth import CSRF_FIELD, csrf_field_ok, verify_csrf, verify_csrf_upload
from api.deps import DB
from api.services import taxonomies
from api.services.errors import Forbidden, Invalid, TooLarge
from api.web.render import WebUser, page_project, render
from nlp.store.models import Project, User

router = APIRouter()
EDITORS = ("analyst", "admin")


def _editor_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, EDITORS, "Projektets taxonomi hanteras av analytiker.")


def _page(request: Request, user: User, db: Session, project: Project, **extra: Any) -> HTMLResponse:
    return render(
        request,
        "taxonomi.html",
        user=user,
        title="Projektets taxonomi",
        active="/projekt",
        project=project,
        max_kb=taxonomies.MAX_TAXONOMY_BYTES // 1024,
        **taxonomies.overview(db, project),
        **extra,
    )


@router.get("/projekt/{project_id}/taxonomi", response_class=HTMLResponse)
def taxonomy_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    return _page(request, user, db, _editor_project(db, user, project_id))


async def _form(request: Request) -> Any:
    """The small form, read only after its declared size is known to be small (Starlette would
    otherwise spool any size of file part); CSRF checked from its field."""
    length = request.headers.get("content-length") or ""
    if not length.isdigit() or int(length) > taxonomies.MAX_TAXONOMY_BYTES + 64 * 1024:
        raise TooLarge(f"Taxonomifilen som laddades upp är större än {taxonomies.MAX_TAXONOMY_BYTES // 1024} kB.")
    form = await request.form(max_files=1, max_fields=5, max_part_size=taxonomies.MAX_TAXONOMY_BYTES + 1)
    token = form.get(CSRF_FIELD)
    if not csrf_field_ok(request, token.encode() if isinstance(token, str) else None):
        raise Forbidden("CSRF-kontrollen misslyckades: ladda om sidan och försök igen.")
    return form


@router.post("/projekt/{project_id}/taxonomi", dependencies=[Depends(verify_csrf_upload)])
async def taxonomy_upload(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = await run_in_threadpool(_editor_project, db, user, project_id)
    form = await _form(request)
    pasted = str(form.get("yaml") or "")
    file = form.get("fil")
    data = await file.read(taxonomies.MAX_TAXONOMY_BYTES + 1) if hasattr(file, "read") else b""
    if not data.strip():
        data = pasted.encode("utf-8")
    try:
        await run_in_threadpool(taxonomies.upload, db, user, project, data)
    except Invalid as exc:
        error = exc.message
    else:
        return RedirectResponse(f"/projekt/{project_id}/taxonomi?meddelande=taxonomi", status_code=303)
    # The page again with the error and what was pasted, so nothing typed is lost.
    return await run_in_threadpool(
        lambda: _page(request, user, db, project, error=error, pasted=pasted, status_code=422)
    )


@router.post("/projekt/{project_id}/taxonomi/{version_id}/anvand", dependencies=[Depends(verify_csrf)])
def taxonomy_restore(project_id: int, version_id: int, user: WebUser, db: DB) -> Response:
    project = _editor_project(db, user, project_id)
    taxonomies.restore(db, user, project, version_id)
    return RedirectResponse(f"/projekt/{project_id}/taxonomi?meddelande=taxonomi_igen", status_code=303)


@router.get("/projekt/{project_id}/taxonomi/{version_id}.yaml")
def taxonomy_download(project_id: int, version_id: int, user: WebUser, db: DB) -> Response:
    project = _editor_project(db, user, project_id)
    row = taxonomies.version_of(db, project, version_id)
    return PlainTextResponse(
        row.yaml_text,
        media_type="application/yaml; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="taxonomi-v{row.version}.yaml"'},
    )

"""The answer browser for analysts and coordinators: every answer of the project's latest
analysis, searched in Swedish and filtered (api/services/answers.py). A plain GET form, so
the page, its filters and its pages work without JavaScript and can be bookmarked."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from api.access import REPORT_ROLES
from api.deps import DB
from api.services import answers
from api.web.render import WebUser, no_finished_run, page_run, render

router = APIRouter()

# The page's query parameters (Swedish, as users see them in the address) → filter fields.
PARAMS = {
    "q": "query",
    "tema": "theme",
    "etikett": "label",
    "status": "status",
    "valens": "valence",
    "verksamhet": "unit",
    "kalla": "source",
    "kon": "gender",
    "alder": "age_group",
    "fran": "period_from",
    "till": "period_to",
}


def filters_from(request: Request) -> answers.AnswerFilter:
    values = {field: request.query_params.get(param, "") for param, field in PARAMS.items()}
    theme = values.pop("theme").strip()
    return answers.AnswerFilter(theme=int(theme) if theme.isdigit() and len(theme) < 10 else None, **values)


def query_string(f: answers.AnswerFilter, **extra: object) -> str:
    """The filters as the page's query string (empty values left out), plus `extra`."""
    pairs = [(param, getattr(f, field)) for param, field in PARAMS.items()] + list(extra.items())
    return urlencode([(k, str(v)) for k, v in pairs if v not in (None, "")])


@router.get("/projekt/{project_id}/svar", response_class=HTMLResponse)
def answer_browser(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project, run = page_run(db, user, project_id, REPORT_ROLES, "Svaren är för analytiker och samordnare.")
    if run is None:
        return no_finished_run(request, user, "Ingen analys ännu")
    f = filters_from(request).cleaned()
    sida = request.query_params.get("sida", "1")
    answers.prepare_search(db, run, f.query)
    result = answers.browse(db, user, run, f, int(sida) if sida.isdigit() and len(sida) < 7 else 1)
    return render(
        request,
        "svar.html",
        user=user,
        title=f"Svar – {project.name}",
        active="/projekt",
        project=project,
        a=result,
        f=result.filters,
        link=lambda **extra: f"/projekt/{project.id}/svar?{query_string(result.filters, **extra)}",
    )

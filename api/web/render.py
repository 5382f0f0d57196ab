"""Shared page plumbing: templates, the signed-in user for pages, navigation per role."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from api.access import may_read_report
from api.auth import csrf_token, optional_user
from api.deps import get_db
from api.services.errors import Forbidden
from api.services.projects import ensure_project_access
from nlp.config import get_settings
from nlp.report import breakdown_panel, breakdown_top, chart_svg, latest_run, pct
from nlp.store.models import AnalysisRun, Project, User
from nlp.validation_status import confidence_text

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.filters["pct"] = pct
templates.env.globals["may_read_report"] = may_read_report  # the API's rule, for links
templates.env.filters["svg"] = chart_svg
templates.env.filters["sakerhet"] = confidence_text  # the one wording of a probability
templates.env.globals["breakdown_panel"] = breakdown_panel  # dot plots of the report's breakdowns
templates.env.globals["breakdown_top"] = breakdown_top
templates.env.filters["datum"] = lambda d: (
    d.strftime("%Y-%m-%d %H:%M") if hasattr(d, "hour") else (d.isoformat() if d else "–")
)

ROLE_TEXT = {
    "admin": "administratör",
    "analyst": "analytiker",
    "coordinator": "samordnare",
    "validator": "granskare",
}
# Messages after a redirect are picked by code, never echoed from the URL (no injected text).
MESSAGES = {
    "sparat": "Ditt beslut är sparat.",
    "namngivet": "Temat har fått sitt namn.",
    "sammanfogat": "Temana är sammanfogade.",
    "delat": "Önskemålet om att dela temat är sparat. Temat delas vid nästa analys.",
    "insikt": "Insikten är sparad.",
    "atgard": "Åtgärden är sparad.",
    "anvandare": "Användaren är skapad.",
    "medlem": "Användaren är tillagd i projektet.",
    "inaktiverad": "Kontot är inaktiverat.",
    "projekt": "Projektet är skapat.",
    "utloggad": "Du är utloggad.",
    "losenord": "Ditt lösenord är bytt. Du är utloggad överallt utom här.",
    "startad": "Analysen är startad.",
    "avgjort": "Ert gemensamma beslut är sparat.",
    "angrat": "Ditt senaste beslut är ångrat. Svaret visas igen.",
    "atgard_andrad": "Åtgärden är uppdaterad.",
    "traning": "Träningen är startad. Den nya versionen används inte förrän du byter till den.",
    "aktiverad": "Projektet använder nu den valda modellversionen i nya analyser.",
    "raderat": "Allt om respondenten är raderat.",
    "taxonomi": "Den nya taxonomiversionen är sparad och används i nästa analys.",
    "taxonomi_igen": "Den valda taxonomiversionen används igen, från nästa analys.",
    "organisation": "Organisationen är skapad.",
    "omdopt": "Organisationen har fått sitt nya namn.",
    "avbruten": "Uppladdningen är borttagen.",
}
DECISION_TEXT = {"accept": "stämmer", "reject": "stämmer inte", "other": "annan etikett", "unsure": "vet inte"}


def nav_for(user: User) -> list[tuple[str, str]]:
    items = [("/projekt", "Projekt")]
    if user.role in ("admin", "validator", "analyst", "coordinator"):
        items.append(("/validera", "Granska förslag"))
    if user.role == "admin":
        items.append(("/admin", "Administration"))
    return items


class SignInRequired(Exception):
    """Raised by `web_user` for a visitor who is not signed in; api/app.py answers with a
    redirect (303) to the login page that comes back here."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def web_user(request: Request, db: Session = Depends(get_db)) -> User:
    """The signed-in user, or SignInRequired. A copy stays on request.state for the error
    page, which is rendered after the request's session is rolled back and closed."""
    user = optional_user(request, db)
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(f"/logga-in?nasta={quote(target)}")
    request.state.user = User(**{c.key: getattr(user, c.key) for c in sa_inspect(User).column_attrs})
    return user


def render(
    request: Request,
    template: str,
    *,
    user: User | None,
    status_code: int = 200,
    active: str | None = None,
    **context: Any,
) -> HTMLResponse:
    ctx: dict[str, Any] = {
        "user": user,
        "nav": nav_for(user) if user else [],
        "active": active,
        "role_text": ROLE_TEXT.get(user.role, user.role) if user else "",
        "csrf": csrf_token(request),
        "threshold": get_settings().suppression_threshold,
        "message": MESSAGES.get(request.query_params.get("meddelande", "")),
        "decision_text": DECISION_TEXT,
    }
    ctx.update(context)
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)


def deny(request: Request, user: User | None, text: str, status_code: int = 403) -> HTMLResponse:
    """A Swedish error page (403/404) instead of the API's JSON error."""
    title = "Ingen behörighet" if status_code == 403 else "Sidan finns inte"
    return render(request, "fel.html", user=user, status_code=status_code, title=title, text=text)


def no_finished_run(request: Request, user: User, title: str) -> HTMLResponse:
    """The page shown instead of one that needs a finished analysis of the project."""
    return render(request, "fel.html", user=user, title=title, text="Projektet har ingen färdig analys ännu.")


def page_run(
    db: Session,
    user: User,
    project_id: int,
    roles: tuple[str, ...] | None = None,
    refusal: str = "Din roll har inte behörighet till detta.",
) -> tuple[Project, AnalysisRun | None]:
    """The project (as page_project) and its latest finished analysis, if any."""
    project = page_project(db, user, project_id, roles, refusal)
    return project, latest_run(db, project.id)


def page_project(
    db: Session,
    user: User,
    project_id: int,
    roles: tuple[str, ...] | None = None,
    refusal: str = "Din roll har inte behörighet till detta.",
) -> Project:
    """The project a page is about: NotFound unless the user belongs to it, then Forbidden
    (with `refusal`) unless their role is one of `roles`. api/app.py renders both as pages."""
    project = ensure_project_access(db, user, project_id)
    if roles is not None and user.role not in roles:
        raise Forbidden(refusal)
    return project


def form_text(form: Any, name: str) -> str:
    """A form field as stripped text ('' when missing)."""
    return str(form.get(name) or "").strip()


def form_ids(form: Any, name: str) -> list[int]:
    """The whole numbers among a form field's values (the schema checks their range)."""
    return [int(v) for v in form.getlist(name) if str(v).isdigit()]


# The signed-in user of a page as a parameter type: `user: WebUser`.
WebUser = Annotated[User, Depends(web_user)]


@dataclass(frozen=True)
class JudgedLabel:
    """The answer and the label a judging form is about (validation and joint analysis)."""

    record_id: int
    label_id: str
    taxonomy_id: str


def _judged_label(record_id: int = Form(...), label_id: str = Form(...), taxonomy_id: str = Form(...)) -> JudgedLabel:
    return JudgedLabel(record_id, label_id, taxonomy_id)


# The answer and label of a posted judging form as a parameter type: `label: JudgedLabelForm`.
JudgedLabelForm = Annotated[JudgedLabel, Depends(_judged_label)]

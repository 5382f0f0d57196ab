"""`brukarrost anvandare`: user accounts of the web service."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from nlp.cli.base import err_console, user_errors
from nlp.errors import InputError

anvandare_app = typer.Typer(help="Hantera användarkonton för webbtjänsten.", no_args_is_help=True)


@anvandare_app.command("skapa")
@user_errors
def anvandare_skapa(
    anvandarnamn: str = typer.Argument(..., help="Inloggningsnamn (bokstäver, siffror, . _ @ -)."),
    roll: str = typer.Option("admin", "--roll", help="admin, analyst, coordinator eller validator."),
    organisation: str | None = typer.Option(None, "--organisation", help="Organisation (krävs för validator)."),
    projekt: list[str] | None = typer.Option(
        None, "--projekt", help="Projektets kortnamn; skapas om det saknas (kan anges flera gånger)."
    ),
    losenord: str = typer.Option(
        ...,
        "--losenord",
        prompt="Lösenord",
        hide_input=True,
        confirmation_prompt=True,
        envvar="BRUKARROST_NYTT_LOSENORD",
        help="Frågas efter om det inte anges (minst 12 tecken, inte ett vanligt lösenord, inte användarnamnet).",
    ),
) -> None:
    """Skapa ett konto, t.ex. den första administratören."""
    # Lazily: the web service's accounts and the pipeline are not needed for `--help`.
    from api.schemas import UserIn
    from api.services.accounts import create_user
    from api.services.errors import ServiceError
    from api.settings import ApiSettings
    from nlp.pipeline import get_or_create_project
    from nlp.store import init_db, session_scope

    try:
        with session_scope(init_db()) as session:
            ids = [get_or_create_project(session, slug).id for slug in projekt or []]
            body = UserIn(
                username=anvandarnamn,
                password=losenord,
                role=roll,  # type: ignore[arg-type]
                organisation=organisation,
                project_ids=ids,
            )
            # At the command line the organisation is added if it is new (first setup).
            user = create_user(
                session,
                **body.model_dump(),
                min_length=ApiSettings().password_min_length,
                new_organisation=True,
            )
            session.flush()
            err_console.print(f"Kontot {user.username} ({user.role}) är skapat.", highlight=False)
    except ServiceError as exc:
        raise InputError(exc.message) from None
    except ValidationError as exc:
        rules = {
            "password": "lösenordet får inte vara tomt",
            "role": "rollen måste vara admin, analyst, coordinator eller validator",
            "username": "namnet får bara innehålla bokstäver, siffror och . _ @ -",
        }
        fields = {str(e["loc"][0]) for e in exc.errors()}
        raise InputError("; ".join(rules.get(f, f"ogiltigt värde för {f}") for f in sorted(fields)) + ".") from None

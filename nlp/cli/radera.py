"""`brukarrost radera`: erase everything about one respondent in a project."""

from __future__ import annotations

import typer

from nlp.cli.base import err_console, user_errors
from nlp.errors import InputError


@user_errors
def radera(
    projekt: str = typer.Option("standard", "--projekt", help="Projektets kortnamn."),
    respondent: str = typer.Option(
        ...,
        "--respondent",
        prompt="Respondentens id",
        hide_input=True,
        envvar="BRUKARROST_RADERA_ID",
        help="Frågas efter om det inte anges (visas inte på skärmen).",
    ),
) -> None:
    """Radera allt om en respondent i ett projekt (svar, förslag, tema-kopplingar, cachade vektorer)."""
    # Lazy: erasure loads the pseudonymiser (spaCy, seconds) and the store its database
    # libraries; `brukarrost --help` and the other commands start fast.
    from sqlalchemy import select

    from nlp.erasure import erase_respondent, purge_storage
    from nlp.store import init_db, session_scope
    from nlp.store.models import Project

    engine = init_db()
    with session_scope(engine) as session:
        proj = session.scalar(select(Project).where(Project.slug == projekt))
        if proj is None:
            raise InputError(f"Projektet {projekt!r} finns inte.")
        result = erase_respondent(session, proj.id, respondent.strip(), actor="cli")
    purge_storage(engine)
    c = result.counts
    typer.echo(
        f"Raderat: {c['svar']} svar, {c['forslag']} förslag, kopplingen till "
        f"{c['beslut']} granskningsbeslut, {c['cachade_vektorer']} cachade vektorer och "
        f"{c['cachade_fynd']} cachade pseudonymiseringsfynd."
    )
    if result.unreachable:
        err_console.print(
            f"[bold yellow]Inte fullständigt: {len(result.unreachable)} import(er) gjordes "
            "med en annan nyckel och kunde inte sökas:[/]",
            highlight=False,
        )
        for u in result.unreachable:
            err_console.print(
                f"  import {u['import_id']}: {u['fil']} ({u['importerad']})", highlight=False, markup=False
            )
        raise typer.Exit(code=3)

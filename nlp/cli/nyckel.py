"""`brukarrost nyckel`: the pseudonym key's status and a new key generation."""

from __future__ import annotations

import typer

from nlp.cli.base import user_errors
from nlp.errors import InputError

nyckel_app = typer.Typer(help="Nyckeln för pseudonymer: status och ny nyckelgeneration.", no_args_is_help=True)


@nyckel_app.command("status")
@user_errors
def nyckel_status() -> None:
    """Visa om nyckeln finns och om den stämmer med importerna i databasen (visar aldrig nyckeln)."""
    # Lazy: nlp.keys loads the pseudonymiser (spaCy, seconds) and the store its database
    # libraries; `brukarrost --help` and the other commands start fast.
    from nlp.keys import key_status
    from nlp.store import init_db, session_scope

    with session_scope(init_db()) as session:
        st = key_status(session)
    if not st["nyckel_finns"]:
        typer.echo("Ingen nyckel finns (varken BRUKARROST_KEY eller nyckelfilen).")
    else:
        typer.echo(
            f"Nyckelns fingeravtryck: {st['fingeravtryck']} "
            f"({'godkänd' if st['godkand'] else 'inte godkänd för importer'})."
        )
    typer.echo(
        f"Importer: {st['importer']}, varav {st['importer_med_annan_nyckel']} gjorda med en "
        f"annan nyckel och {st['importer_utan_fingeravtryck']} utan känd nyckel."
    )


@nyckel_app.command("ny")
@user_errors
def nyckel_ny(
    bekrafta: bool = typer.Option(False, "--bekrafta", help="Bekräfta att en ny nyckelgeneration ska börja."),
) -> None:
    """Börja en ny nyckelgeneration när den gamla nyckeln är förlorad. Svar i tidigare importer
    går sedan inte att radera per respondent (radering listar dem)."""
    # Lazy: nlp.keys loads the pseudonymiser (spaCy, seconds) and the store its database
    # libraries; `brukarrost --help` and the other commands start fast.
    from nlp.keys import start_new_generation
    from nlp.store import init_db, session_scope

    if not bekrafta:
        raise InputError(
            "En ny nyckelgeneration gör att respondenter i tidigare importer inte kan "
            "raderas med sitt id. Försök först återställa den gamla nyckeln. "
            "Kör med --bekrafta för att ändå börja en ny."
        )
    with session_scope(init_db()) as session:
        fp = start_new_generation(session, actor="cli")
    typer.echo(f"Nyckeln med fingeravtryck {fp} är godkänd för nya importer.")

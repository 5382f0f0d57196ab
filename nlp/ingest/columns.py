"""Which columns hold free text and which metadata: from header names and a sample of cells."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.ingest.cells import clip, fold, listing, meaningful
from nlp.ingest.dates import try_date
from nlp.ingest.source import Source
from nlp.ingest.types import ColumnStats

# Folded header names (cells.fold) that name each metadata field.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "respondent_id": (
        "respondentid",
        "respondent",
        "respondentnr",
        "respondentnummer",
        "id",
        "svarsid",
        "svarid",
        "responseid",
        "participantid",
        "deltagarid",
        "deltagare",
        "lopnummer",
        "lopnr",
        "lopnr",
        "identitet",
        "userid",
        "personid",
        "brukarid",
        "klientid",
    ),
    "date": (
        "datum",
        "date",
        "svarsdatum",
        "inskickad",
        "inskickat",
        "skickad",
        "tidpunkt",
        "timestamp",
        "datumtid",
        "datetime",
        "moetesdatum",
        "motesdatum",
        "besoksdatum",
        "created",
        "createdat",
        "submitted",
        "submittedat",
        "inkommen",
        "inkom",
        "registrerad",
        "svarstid",
        "starttid",
        "sluttid",
        "completed",
        "enddate",
        "startdate",
    ),
    "unit": (
        "verksamhet",
        "enhet",
        "unit",
        "avdelning",
        "mottagning",
        "klinik",
        "vardenhet",
        "department",
        "verksamhetsomrade",
        "forvaltning",
        "boende",
        "team",
        "site",
        "organisation",
        "organization",
        "kommun",
    ),
    "source_type": (
        "kalla",
        "source",
        "kalltyp",
        "sourcetype",
        "typ",
        "type",
        "insamlingssatt",
        "kanal",
        "channel",
        "datakalla",
        "svarstyp",
    ),
    "gender": ("kon", "gender", "sex", "konstillhorighet", "kontillhorighet", "konsidentitet"),
    "age_group": (
        "aldersgrupp",
        "alder",
        "age",
        "agegroup",
        "aldersintervall",
        "agerange",
        "ageband",
        "aldersklass",
        "alderskategori",
    ),
}
_TEXT_HINTS = (
    "synpunkt",
    "kommentar",
    "fritext",
    "beskriv",
    "berat",
    "comment",
    "feedback",
    "forslag",
    "vadfungerar",
    "vadkan",
    "ovrig",
    "tillagga",
    "motivera",
    "varfor",
    "oppen",
    "fritt",
    "text",
    "upplevelse",
    "forbattra",
    "story",
    "berattelse",
    "ideer",
    "onskemal",
)


def match_column(src: Source, wanted: str, columns: Sequence[str], what: str) -> str:
    """The column the caller named: exactly, else ignoring case and spaces, else folded."""
    if wanted in columns:
        return wanted
    folded = clip(" ".join(wanted.split())).casefold()
    hits = [c for c in columns if c.casefold() == folded]
    if not hits:
        hits = [c for c in columns if fold(c) == fold(wanted) and fold(wanted)]
    if len(hits) == 1:
        return hits[0]
    raise src.error(f"{what} {wanted!r} finns inte i filen. Kolumner i filen: {listing(columns)}.", column=wanted)


def auto_map(columns: Sequence[str], taken: set[str]) -> dict[str, str]:
    """Metadata fields by column name: exact folded match first, then a name starting with it."""
    mapping: dict[str, str] = {}
    normed = {c: fold(c) for c in columns}
    for exact in (True, False):
        for fld, names in FIELD_NAMES.items():
            if fld in mapping:
                continue
            for name in names:
                hit = next(
                    (
                        c
                        for c in columns
                        if c not in taken
                        and c not in mapping.values()
                        and (normed[c] == name if exact else (len(name) >= 4 and normed[c].startswith(name)))
                    ),
                    None,
                )
                if hit:
                    mapping[fld] = hit
                    break
    return mapping


_LETTER = re.compile(r"[^\W\d_]")


def classify_column(values: list[str], header: str = "") -> ColumnStats:
    """Stats over a sampled column, and a guess of its kind from the content.

    An open question's answers are longer, wordier and more varied than a category's. A
    header that reads like a question or a comment field lowers the bar, because such
    columns also get many short answers ("vet ej", "inget att tillägga").
    """
    filled = [v for v in values if v]
    if not filled:
        return ColumnStats(0, 0.0, 0.0, "tom")
    n = len(filled)
    mean_len = sum(len(v) for v in filled) / n
    unique = len(set(filled)) / n
    # "-", "." and the like are empty answers; they must not pull a text column's mean down.
    answers = [v for v in filled if meaningful(v)] or filled
    # Excel serials are left out here: a column of 5-digit ids would look like dates.
    dates = sum(1 for v in filled[:200] if try_date(v, serials=False) is not None) / min(n, 200)
    numbers = sum(1 for v in filled[:200] if re.fullmatch(r"[-+]?\d+([.,]\d+)?", v)) / min(n, 200)
    words = sum(len(v.split()) for v in answers) / len(answers)
    answer_len = sum(len(v) for v in answers) / len(answers)
    lettered = sum(1 for v in answers if _LETTER.search(v)) / len(answers)
    hinted = header.rstrip().endswith("?") or any(h in fold(header) for h in _TEXT_HINTS)
    few = n < 5
    distinct = len(set(filled))
    # A Likert scale ("Mycket nöjd" … "Inte alls nöjd") has a handful of distinct values.
    varied = few or (unique >= 0.3 and distinct >= 5)
    varied_hinted = few or (unique >= 0.2 and distinct >= 8)
    if dates >= 0.9:
        kind = "datum"
    elif numbers >= 0.9:
        kind = "id" if unique >= 0.9 and n >= 5 else "tal"
    elif lettered >= 0.8 and (
        (answer_len >= 15 and words >= 3 and varied) or (hinted and answer_len >= 8 and words >= 1.5 and varied_hinted)
    ):
        kind = "fritext"
    elif unique >= 0.9 and n >= 5 and words < 2:
        kind = "id"
    else:
        kind = "kategori"
    return ColumnStats(n, round(mean_len, 1), round(unique, 3), kind)

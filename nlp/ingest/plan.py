"""The plan of a read: columns, text columns and metadata mapping, chosen from a sample.

Text columns and metadata are chosen from the first SAMPLE_ROWS rows. A column empty
there is not read (the stream counts cells that fill it later). The first non-blank row
is the header; a date in it means the file has no header row, an error, since answers
would otherwise become question names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from nlp.ingest.cells import cell_text, column_letter, fit_row, listing
from nlp.ingest.columns import auto_map, classify_column, match_column
from nlp.ingest.dates import bad_date, try_date
from nlp.ingest.limits import Budget
from nlp.ingest.opening import open_source
from nlp.ingest.readers import READERS
from nlp.ingest.source import Source
from nlp.ingest.types import METADATA_FIELDS, SAMPLE_ROWS, ColumnStats, ReadOptions


@dataclass
class Plan:
    source: Source
    columns: list[str]
    text_columns: list[str]
    column_map: dict[str, str]
    column_stats: dict[str, ColumnStats]
    n_rows: int
    n_rows_estimated: bool
    n_sampled: int
    header_row: int


@dataclass
class _Sample:
    header_row: int
    columns: list[str]
    values: list[list[str]]  # per column, the sampled cells as text
    rows: list[int]  # the row number of each sampled row


def make_plan(path: Path, budget: Budget, options: ReadOptions) -> Plan:
    """Open the file and plan the read; the source stays open for the stream (closed on error)."""
    unknown = set(options) - ReadOptions.__optional_keys__
    if unknown:
        raise TypeError(f"unexpected keyword arguments: {', '.join(sorted(unknown))}")
    src = Source(path=path, file_format="", budget=budget)
    try:
        src = open_source(path, options.get("encoding"), options.get("delimiter"), options.get("sheet"), budget)
        return _plan_columns(src, options.get("text_columns"), options.get("column_map"))
    except BaseException:
        src.close()
        raise


def _plan_columns(src: Source, text_columns: Sequence[str] | None, column_map: Mapping[str, str] | None) -> Plan:
    sample = _read_sample(src)
    columns = sample.columns
    stats = {c: classify_column(sample.values[i], c) for i, c in enumerate(columns)}
    mapping, disabled = _overrides(src, columns, column_map)
    chosen_text = [match_column(src, c, columns, "Textkolumnen") for c in (text_columns or [])]
    _map_by_name_and_content(columns, stats, mapping, disabled, chosen_text)
    if "date" in mapping:  # a bad date within the sample fails now, before anything is read
        values = sample.values[columns.index(mapping["date"])]
        for value, row in zip(values, sample.rows):
            if value and try_date(value) is None:
                raise bad_date(src, row, mapping["date"])
    if text_columns:
        chosen = list(dict.fromkeys(chosen_text))
    else:
        chosen = _found_text_columns(src, columns, stats, set(mapping.values()))
    n_rows, estimated = _count_rows(src, len(sample.rows))
    return Plan(
        source=src,
        columns=columns,
        text_columns=chosen,
        # A field the caller switched off stays in the map as "", so passing the preview's
        # map back to read_answers does not auto-detect it again.
        column_map={f: mapping.get(f, "") for f in METADATA_FIELDS if f in mapping or f in disabled},
        column_stats=stats,
        n_rows=n_rows,
        n_rows_estimated=estimated,
        n_sampled=len(sample.rows),
        header_row=sample.header_row,
    )


def _read_sample(src: Source) -> _Sample:
    """The header and the first SAMPLE_ROWS data rows as text."""
    header_row, columns, rows = READERS[src.file_format].table(src)
    if not columns:
        raise src.error("Rubrikraden är tom: filen har inga kolumnnamn.", row=header_row)
    dated = [i for i, c in enumerate(columns) if try_date(c, serials=False) is not None]
    if dated:
        # Without a header row the first answers would become column names (and be shown
        # and stored as question names), so stop here without quoting them.
        raise src.error(
            f"Första raden ser inte ut som en rubrikrad: kolumn {column_letter(dated[0])} "
            "innehåller ett datum. Lägg till en rad med kolumnnamn överst.",
            row=header_row,
        )
    width = len(columns)
    sample = _Sample(header_row, columns, [[] for _ in columns], [])
    with closing(rows):  # closes the file or workbook when the sample ends early
        for row, cells in rows:
            cells = fit_row(src, cells, width, row, columns)
            for i, value in enumerate(cells):
                # Nested JSON values only matter (and raise) if the column is used.
                nested = isinstance(value, (dict, list))
                sample.values[i].append("" if nested else cell_text(src, value, row, columns[i]))
            sample.rows.append(row)
            if len(sample.rows) >= SAMPLE_ROWS:
                break
    if not sample.rows:
        where = f"bladet {src.sheet!r}" if src.sheet else "filen"
        raise src.error(f"Det finns bara en rubrikrad i {where}, inga svar.", row=header_row)
    return sample


def _overrides(
    src: Source, columns: list[str], column_map: Mapping[str, str] | None
) -> tuple[dict[str, str], set[str]]:
    """The caller's metadata field -> column; an override to "" or None means "no column"
    (returned in the set of switched-off fields)."""
    mapping: dict[str, str] = {}
    disabled: set[str] = set()
    for fld, col in (column_map or {}).items():
        if fld not in METADATA_FIELDS:
            raise src.error(f"Okänt metadatafält {fld!r}. Giltiga fält: {', '.join(METADATA_FIELDS)}.")
        if col is None or not str(col).strip():
            disabled.add(fld)
        else:
            mapping[fld] = match_column(src, str(col), columns, f"Kolumnen för {fld}")
    return mapping, disabled


def _map_by_name_and_content(
    columns: list[str],
    stats: Mapping[str, ColumnStats],
    mapping: dict[str, str],
    disabled: set[str],
    chosen_text: list[str],
) -> None:
    """Fill in `mapping` after the overrides: by column name, then a lone date column."""
    auto = auto_map(columns, set(mapping.values()) | set(chosen_text))
    for fld, col in auto.items():
        if fld not in mapping and fld not in disabled and stats[col].kind != "fritext":
            mapping[fld] = col
    if "date" not in mapping and "date" not in disabled:
        date_cols = [c for c in columns if stats[c].kind == "datum" and c not in mapping.values()]
        if len(date_cols) == 1:
            mapping["date"] = date_cols[0]


def _found_text_columns(
    src: Source, columns: list[str], stats: Mapping[str, ColumnStats], meta_cols: set[str]
) -> list[str]:
    chosen = [c for c in columns if c not in meta_cols and stats[c].kind == "fritext"]
    if not chosen:
        raise src.error(
            "Hittar ingen kolumn med fritextsvar. Ange textkolumnerna själv med "
            f"--textkolumn. Kolumner i filen: {listing(columns)}."
        )
    return chosen


def _count_rows(src: Source, n_sampled: int) -> tuple[int, bool]:
    """Data rows: exact if the sample was the whole file, else estimated cheaply."""
    if n_sampled < SAMPLE_ROWS:
        return n_sampled, False
    return READERS[src.file_format].estimate_rows(src, n_sampled), True

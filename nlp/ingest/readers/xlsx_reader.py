"""Excel (xlsx): a sheet by name, else the first sheet with data, read in openpyxl's
read-only mode so memory does not grow with the file. The zip is checked for bombs first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nlp.ingest.limits import check_zip
from nlp.ingest.reader import TableReader
from nlp.ingest.source import Source

ZIP = b"PK\x03\x04"  # every zip starts so; an xlsx is one


class XlsxReader(TableReader):
    key = "xlsx"
    name = "Excel (xlsx)"
    extensions = (".xlsx", ".xlsm")
    media_types = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)
    container = True

    def looks_like(self, head: bytes) -> bool:
        return head.startswith(ZIP)

    def open(self, src: Source, head: bytes, sheet: str | None) -> None:
        if not head.startswith(ZIP):
            raise src.error("Filen har ändelsen .xlsx men är ingen Excel-fil.")
        check_zip(src.path, src.budget, src.error)  # a zip bomb stops here, before openpyxl
        try:
            _open_sheet(src, sheet)
            src.max_row = _load_workbook(src)[src.sheet].max_row
        except BaseException:
            src.close()
            raise

    def rows(self, src: Source) -> Iterator[tuple[int, list[Any]]]:
        ws = _load_workbook(src)[src.sheet]
        ws.reset_dimensions()  # some tools write a wrong <dimension>; read what is there
        for row, values in _sheet_rows(src, ws):
            if any(v is not None and str(v).strip() for v in values):
                yield row, list(values)

    def estimate_rows(self, src: Source, n_sampled: int) -> int:
        if src.max_row:  # from the sheet's <dimension> tag, read before any reset
            return max(src.max_row - 1, n_sampled)
        return n_sampled


READER = XlsxReader()


def _open_sheet(src: Source, sheet: str | None) -> None:
    """Choose the sheet: by name, else the first with a header and at least one row.

    The workbook stays open for the reading that follows (Source.close closes it)."""
    wb = _load_workbook(src)
    src.sheets = list(wb.sheetnames)
    if sheet is not None:
        if sheet not in src.sheets:
            matches = [s for s in src.sheets if s.strip().casefold() == sheet.strip().casefold()]
            if len(matches) != 1:
                raise src.error(f"Bladet {sheet!r} finns inte. Blad i filen: {', '.join(map(repr, src.sheets))}.")
            sheet = matches[0]
        src.sheet = sheet
        return
    fallback = None
    for name in src.sheets:
        rows = 0
        wide_header = False
        for _, values in _sheet_rows(src, wb[name]):
            filled = sum(1 for v in values if v is not None and str(v).strip())
            if not filled:
                continue
            rows += 1
            if rows == 1:
                wide_header = filled >= 2
            if rows >= 2:
                break
        if rows >= 2 and wide_header:
            src.sheet = name
            return
        if rows >= 1 and fallback is None:
            fallback = name
    if fallback is None:
        raise src.error("Excel-filen har inga ifyllda blad.")
    src.sheet = fallback


def _load_workbook(src: Source) -> Any:
    """The source's workbook, opened once (read-only mode parses the shared strings)."""
    if src.workbook is not None:
        return src.workbook
    # openpyxl is loaded only when an xlsx file is read: it costs start-up time for CSV/JSON.
    from openpyxl import load_workbook

    broken = False
    try:
        src.workbook = load_workbook(src.path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl and zipfile raise many kinds for broken files
        broken = True
    if broken:  # raised outside the except block so no library message is chained
        raise src.error("Filen kan inte läsas som Excel-fil (xlsx); den kan vara skadad.")
    return src.workbook


def _sheet_rows(src: Source, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(sheet row, values) within the budget; a broken sheet (bad XML, bad cell) is an
    InputError naming the row, not openpyxl's traceback."""
    # Read-only mode yields empty tuples for missing rows, so counting gives sheet rows.
    rows = ws.iter_rows(values_only=True)
    row = 0
    while True:
        broken = False
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - XML, value and type errors from a damaged sheet
            broken = True
        if broken:  # raised outside the except block so no library message is chained
            raise src.error("Bladet kan inte läsas; Excel-filen kan vara skadad.", row=row + 1)
        row += 1
        src.budget.check(src.error, row, len(values))  # blank rows cost time too
        yield row, values

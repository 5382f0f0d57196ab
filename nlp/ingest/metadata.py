"""Metadata of a row: normalised categories, age bands, dates; the raw values never outlive a read.

Unknown values in the source-type and gender columns are recorded as None and counted in
`IngestStats.warnings`; they are categories, and one odd value should not stop an import.
A numeric age is turned into an age band so no exact age is stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nlp.core import DECLINED, Metadata
from nlp.ingest.cells import cell_text, fold
from nlp.ingest.dates import bad_date, try_date
from nlp.ingest.source import Source
from nlp.ingest.types import IngestStats

_SOURCE_TYPES = {
    "enkat": "enkat",
    "survey": "enkat",
    "enkatsvar": "enkat",
    "formular": "enkat",
    "questionnaire": "enkat",
    "webbenkat": "enkat",
    "pappersenkat": "enkat",
    "patientforum": "patientforum",
    "forum": "patientforum",
    "brukarforum": "patientforum",
    "patientrad": "patientforum",
    "brukarrad": "patientforum",
    "berattelse": "berattelse",
    "berattelser": "berattelse",
    "story": "berattelse",
    "intervju": "berattelse",
    "interview": "berattelse",
    "narrativ": "berattelse",
}
_GENDERS = {
    "kvinna": "kvinna",
    "k": "kvinna",
    "kvinnor": "kvinna",
    "female": "kvinna",
    "f": "kvinna",
    "woman": "kvinna",
    "flicka": "kvinna",
    "tjej": "kvinna",
    "kvinnlig": "kvinna",
    "man": "man",
    "m": "man",
    "male": "man",
    "pojke": "man",
    "kille": "man",
    "manlig": "man",
    "men": "man",
    "annat": "annat",
    "annan": "annat",
    "other": "annat",
    "ickebinar": "annat",
    "nonbinary": "annat",
    "x": "annat",
    "annatkon": "annat",
}
# Answers that mean "chose not to say": stored as DECLINED, a group of its own.
_DECLINED = {
    "villejange",
    "villinteange",
    "villintesvara",
    "villejsvara",
    "villejuppge",
    "villinteuppge",
    "prefernottosay",
    "prefernottoanswer",
}
# Answers that mean "not stated": None without a warning.
_GENDER_NONE = {
    "vetej",
    "uppgiftsaknas",
    "okand",
    "ejangett",
    "ejsvar",
    "unknown",
}
_AGE_BANDS = ((17, "0-17"), (24, "18-24"), (34, "25-34"), (44, "35-44"), (54, "45-54"), (64, "55-64"), (74, "65-74"))


_MISS = object()


def _norm_source(value: str) -> tuple[str | None, bool]:
    """(normalised value, unknown?)"""
    if not value:
        return None, False
    found = _SOURCE_TYPES.get(fold(value))
    return found, found is None


def _norm_gender(value: str) -> tuple[str | None, bool]:
    if not value:
        return None, False
    key = fold(value)
    if key in _DECLINED:
        return DECLINED, False
    found = _GENDERS.get(key)
    return found, found is None and key not in _GENDER_NONE


def _norm_age(value: str) -> str | None:
    if not value:
        return None
    if fold(value) in _DECLINED:
        return DECLINED
    if re.fullmatch(r"\d{1,3}(\s*år)?", value):
        age = int(re.match(r"\d+", value)[0])  # type: ignore[index]
        return next((band for top, band in _AGE_BANDS if age <= top), "75+")
    return re.sub(r"\s*[–—-]\s*", "-", " ".join(value.split()))


def _norm_id(value: str) -> str | None:
    return value or None


def _norm_unit(value: str) -> str | None:
    return " ".join(value.split()) or None


def row_metadata(
    src: Source,
    cells: list[Any],
    meta_idx: Mapping[str, tuple[int, str]],
    row: int,
    stats: IngestStats,
    cache: dict[tuple[str, Any], Any],
) -> Metadata:
    """Metadata of one row. `cache` lives for one read only (no raw value outlives it):
    exports repeat the same categories and dates on every row."""
    values: dict[str, Any] = {}
    for fld, (i, col) in meta_idx.items():
        raw = cells[i]
        if fld == "respondent_id" or fld == "unit":
            text = cell_text(src, raw, row, col)
            values[fld] = _norm_id(text) if fld == "respondent_id" else _norm_unit(text)
            continue
        key = (fld, raw)
        try:
            hit = cache.get(key, _MISS)
        except TypeError:  # unhashable (a JSON list/object); cell_text below rejects it
            hit = _MISS
        if hit is _MISS:
            hit = _meta_value(src, fld, raw, row, col)
            if len(cache) > 50_000:
                cache.clear()
            cache[key] = hit
        value, unknown = hit
        if unknown:
            stats.warnings[(fld, "okänt värde")] += 1
        values[fld] = value
    return Metadata(**values)


def _meta_value(src: Source, fld: str, raw: Any, row: int, col: str) -> tuple[Any, bool]:
    if fld == "date":
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None, False
        parsed = try_date(raw.strip() if isinstance(raw, str) else raw)
        if parsed is None:
            raise bad_date(src, row, col)
        return parsed, False
    text = cell_text(src, raw, row, col)
    if fld == "source_type":
        return _norm_source(text)
    if fld == "gender":
        return _norm_gender(text)
    return _norm_age(text), False

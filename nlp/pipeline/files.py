"""The file-only chains of the command line: nothing is stored, only pseudonymised text is kept.

pseudonymise a file; find themes in a file; classify a file. Each reads, pseudonymises
with the key for files (nlp.keys.key_for_files) and then runs the stages on safe text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.classify import ClassificationResult, Example, classify_texts, parse_examples
from nlp.embed import cached_embedder
from nlp.errors import InputError
from nlp.ingest import iter_json_lines, read_answers
from nlp.keys import key_for_files
from nlp.pipeline.analysis import find_themes
from nlp.pipeline.common import StageTimer
from nlp.pipeline.partitions import embed_answers
from nlp.pseudonymise import PseudonymisedRow, Pseudonymiser, jsonl_text_rows, pseudonymise_rows
from nlp.taxonomy import Taxonomy, load_taxonomy
from nlp.themes import ThemeResult, shared_view


@dataclass
class FileClassification:
    taxonomy: Taxonomy
    ids: list[Any]  # row ids, aligned with results
    results: list[ClassificationResult]
    texts: list[str] = field(default_factory=list)  # pseudonymised: evidence[].spans index into these


_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def pseudonymise_file(
    path: Path, pseudonymiser: Pseudonymiser, text_column: str | None = None
) -> Iterator[PseudonymisedRow]:
    """Stream pseudonymised rows from a JSON Lines, CSV, XLSX or JSON file: ingest reads,
    pseudonymise replaces. JSON Lines takes an `id` and a text field per line ('text' unless
    named); for CSV, XLSX and JSON the id is the respondent id when the export has one, else
    the row number."""
    path = Path(path)
    if not path.exists():
        raise InputError("Filen finns inte.", file=path)
    if path.suffix.lower() in _JSONL_SUFFIXES:
        rows = jsonl_text_rows(iter_json_lines(path), path, text_column or "text")
    else:
        answers = read_answers(path, text_columns=[text_column] if text_column else None)
        rows = ((a.meta.respondent_id or a.row, a.text, a.question) for a in answers)
    yield from pseudonymise_rows(rows, pseudonymiser)


def pseudonymise_file_rows(
    path: Path, *, categories: Sequence[str] | None = None, text_column: str | None = None
) -> Iterator[PseudonymisedRow]:
    """Pseudonymised rows of a file (`brukarrost pseudonymisera`)."""
    pseudonymiser = Pseudonymiser(key_for_files(), categories=categories)
    return pseudonymise_file(path, pseudonymiser, text_column=text_column)


def themes_of_file(
    path: Path,
    *,
    text_columns: Sequence[str] | None = None,
    date_column: str | None = None,
    period: str = "month",
    random_state: int = 42,
    shared: bool = True,
) -> ThemeResult:
    """Themes of a file's answers (`brukarrost teman`); the shared view unless shared=False.

    The wall and CPU seconds of each stage are in the result's settings (`tider_s`, `cpu_tider_s`)."""
    timer = StageTimer()
    timer("pseudonymisering", 0, 1)
    pseudonymiser = Pseudonymiser(key_for_files())
    answers = read_answers(path, text_columns=text_columns, column_map={"date": date_column} if date_column else None)
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
        raise InputError("Filen innehåller inga fritextsvar.", file=path)
    several = len({q for _, q in keys}) > 1
    ids = [f"{rid}/{q}" if several else rid for rid, q in keys]
    if len(set(ids)) != len(ids):  # repeated ids in the file: fall back to position
        ids = [f"svar {i + 1}" for i in range(len(ids))]
    timer("inbäddning", 0, len(texts))
    vectors = embed_answers(texts, cached_embedder())  # the vectors (and sentences) `analysera` reuses
    timer("teman", 0, 1)
    result = find_themes(texts, vectors, record_ids=ids, dates=dates, period=period, random_state=random_state)
    result = shared_view(result) if shared else result
    timer.stop()
    result.settings["tider_s"] = dict(timer.seconds)
    result.settings["cpu_tider_s"] = dict(timer.cpu_seconds)
    return result


def classify_file(
    path: Path,
    taxonomy: str | Path,
    *,
    examples: Path | None = None,
    text_column: str | None = None,
    coverage: float = 0.9,
) -> FileClassification:
    """Suggested labels for a file's answers (`brukarrost klassificera`); few-shot with
    validated examples (pseudonymised too), else zero-shot."""
    tax = load_taxonomy(taxonomy)
    pseudonymiser = Pseudonymiser(key_for_files())
    ids: list[Any] = []
    texts: list[str] = []
    for row in pseudonymise_file(path, pseudonymiser, text_column):
        if row.text.strip():  # only pseudonymised text is kept
            ids.append(row.id)
            texts.append(row.text)
    if not texts:
        raise InputError("Filen innehåller inga fritextsvar.", file=path)
    shots = None
    if examples is not None:
        shots = [
            Example(pseudonymiser.pseudonymise(e.text).text, e.labels, e.id)
            for e in parse_examples(iter_json_lines(examples), tax, file=examples)
        ]
    embedder = cached_embedder()
    vectors = embed_answers(texts, embedder)
    results = classify_texts(texts, vectors, tax, examples=shots, embedder=embedder, coverage=coverage)
    return FileClassification(taxonomy=tax, ids=ids, results=results, texts=texts)

"""An analysis's data-parallel stages, partition by partition: embed, classify, assign.

Both analyses (one import, a whole project) run these; `nlp.kluster.map_partitions` runs a
stage's partitions in this process or on the Dask cluster of BRUKARROST_KLUSTER. The same
function does the work either way, so a cluster run is today's run cut in pieces.

The answers are stored by partition first (nlp.pipeline.answers: record ids, pseudonymised
texts, dates), and every stage reads its partition's from there: a task sent to a worker is
a few file names, not texts. Vectors are stored by partition: one float32 .npy per partition under the run's folder
(data dir / korningar / <run id> / vektorer), written whole or not at all and reused when
present, so a partition run twice (a lost worker) does the same work once more and ends
with the same file. No process needs the N × dim matrix: the theme fit reads only its
bounded sample's rows, and the other stages read one partition at a time.

Classifications are stored by partition too: each partition's rows for the database (one
JSON line per answer) go to a file beside its vectors, and the main process gets back only
the theme sample's decided labels and valence (for the theme names). Storing then reads one partition's file
at a time into the run's single transaction, so no process holds N classification results.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from sqlalchemy import Engine

from nlp.classify import ClassificationResult, ClassifierModel, Example, classify_texts, zero_shot_model
from nlp.classify import embedding as classify_embedding
from nlp.classify.answer_calibration import MIN_ANSWERS, AnswerCalibration, fit_answer_calibration
from nlp.classify.segments import scored_spans
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND, Embedder, period_key
from nlp.embed import Progress as EmbedProgress
from nlp.embed import cached_embedder, embed_with_spans
from nlp.kluster import map_partitions
from nlp.pipeline.answers import Answers, StoredTexts, answers_bytes, read_answers
from nlp.pipeline.common import Progress, active_model, jsonable
from nlp.private_files import FILE_MODE, private_dir
from nlp.taxonomy import Taxonomy, taxonomy_from_snapshot, taxonomy_snapshot
from nlp.themes import ProjectTheme, assign
from nlp.themes.result import Pairs
from nlp.themes.sample import theme_id
from nlp.themes.vectors import StoredMatrix


@dataclass(frozen=True)
class Part:
    """One partition: its number and size, the file of its answers (nlp.pipeline.answers),
    where its vectors go, and its rows in the theme sample (local row numbers, sorted; None:
    no sample was drawn, so every row's labels come back from classifying it)."""

    index: int
    n: int
    answers: str
    path: str
    sample: np.ndarray | None = None

    def texts(self) -> list[str]:
        return read_answers(self.answers).texts


@dataclass
class PartitionedVectors:
    """An analysis's vectors, one file per partition (row order = the analysis's order)."""

    parts: list[Part]
    dim: int

    @property
    def n(self) -> int:
        return sum(p.n for p in self.parts)

    def rows(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The vectors of these rows (sorted or not), reading only the partitions they lie in."""
        return self.matrix()[rows]

    def matrix(self) -> StoredMatrix:
        """The vectors as one matrix read from the partitions' files a block at a time
        (nlp.themes.vectors): for steps that read every vector without holding them all."""
        return StoredMatrix([(p.path, p.n) for p in self.parts], self.dim)

    def all(self) -> np.ndarray:
        """The whole matrix: only for steps that need every vector at once (see the callers)."""
        if not self.parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([np.load(p.path) for p in self.parts])


def part_starts(parts: Sequence[Part]) -> np.ndarray:
    """Each partition's first row in the analysis (and, last, the number of rows)."""
    return np.cumsum([0] + [p.n for p in parts])


def local_rows(parts: Sequence[Part], rows: np.ndarray) -> Iterator[tuple[Part, np.ndarray]]:
    """Each partition with the rows of `rows` (sorted) that lie in it, as local row numbers."""
    starts = part_starts(parts)
    for k, part in enumerate(parts):
        yield part, rows[np.searchsorted(rows, starts[k]) : np.searchsorted(rows, starts[k + 1])] - starts[k]


def read_rows(parts: Sequence[Part], rows: np.ndarray) -> Answers:
    """The answers of `rows` (sorted), reading only the partitions they lie in."""
    out = Answers([], [], [])
    for part, mine in local_rows(parts, rows):
        if len(mine):
            out.extend(read_answers(part.answers).pick(mine.tolist()))
    return out


def stored_answers(parts: Sequence[Part]) -> tuple[list[Any], list[date | None], StoredTexts]:
    """Every answer's record id and date, in order, read one partition file at a time, and
    their texts as they stay in the files (StoredTexts reads the rows a step asks for)."""
    ids: list[Any] = []
    dates: list[date | None] = []
    for part in parts:
        found = read_answers(part.answers)
        ids += found.ids
        dates += found.dates
    return ids, dates, StoredTexts([(p.answers, p.n) for p in parts])


def answer_ids(parts: Sequence[Part]) -> Iterator[Any]:
    """Every answer's record id, in order, one partition file at a time."""
    for part in parts:
        yield from read_answers(part.answers).ids


def database_key(engine: Engine | None) -> str:
    """A short name for the database a run is stored in. Run ids count per database, so two
    databases that share one data dir (the product's and a test's, two PostgreSQL databases)
    both have a run 1: keyed by database, their partition files never meet. A hash, so the
    folder name carries no host or user name."""
    if engine is None:
        return "utan-databas"  # answers held in memory (embed_partitions), stored nowhere
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        url = url.set(database=os.path.realpath(url.database))  # one file, however it was named
    return hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:16]


def run_folder(run_id: int, engine: Engine | None) -> Path:
    """The run's own folder of intermediate files under the data dir (private)."""
    return get_settings().data_dir / "korningar" / database_key(engine) / str(run_id)


def remove_run_files(run_id: int, engine: Engine | None) -> None:
    """A finished run's vector files are of no further use (the cache keeps the vectors)."""
    shutil.rmtree(run_folder(run_id, engine), ignore_errors=True)


def partition(chunks: Iterable[Answers], run_id: int, engine: Engine | None) -> list[Part]:
    """The answers' partition files, one per chunk (written whole, private), in the folder of
    run `run_id` of the database `engine`."""
    folder = private_dir(run_folder(run_id, engine) / "vektorer")
    parts = []
    for i, chunk in enumerate(chunks):
        part = Part(i, len(chunk), str(folder / f"del-{i:05d}.svar.json"), str(folder / f"del-{i:05d}.npy"))
        _write_whole(part.answers, lambda fh, chunk=chunk: fh.write(answers_bytes(chunk)))
        parts.append(part)
    return parts


def chunks(answers: Answers, size: int | None = None) -> Iterator[Answers]:
    """Answers held in memory, a partition's size at a time."""
    size = size or get_settings().kluster_partition
    for start in range(0, len(answers), size):
        yield answers.pick(range(start, min(start + size, len(answers))))


def _load_part(path: str, n: int) -> np.ndarray | None:
    """A partition's vectors when its file is there and whole (a rerun reuses them)."""
    try:
        vectors = np.load(path)
    except (OSError, ValueError, EOFError):
        return None
    return vectors if vectors.ndim == 2 and len(vectors) == n and vectors.dtype == np.float32 else None


def _write_whole(path: str, write: Callable[[BinaryIO], object]) -> None:
    """Written to a private temporary file and renamed: a reader sees the whole file or none."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _save_part(path: str, vectors: np.ndarray) -> None:
    _write_whole(path, lambda fh: np.save(fh, np.ascontiguousarray(vectors, dtype=np.float32)))


def embed_answers(texts: Sequence[str], embedder: Embedder, progress: EmbedProgress | None = None) -> np.ndarray:
    """The answers' vectors. With late chunking on (nlp/classify/embedding.py), the vectors of
    the sentences the classifier scores come from the same pass and wait in the vector cache."""
    spans = [scored_spans(t) if classify_embedding.late_segments() else [] for t in texts]
    return embed_with_spans(texts, spans, embedder=embedder, kind=ANALYSIS_KIND, progress=progress)[0]


def embed_part(part: Part, *, embed_model: str) -> int:
    """Embed one partition (through the vector cache) into its file; returns the dimension.
    The model is loaded once per process (nlp.embed.get_embedder), so once per worker."""
    embedder = cached_embedder(embed_model)
    if _load_part(part.path, part.n) is None:
        _save_part(part.path, embed_answers(part.texts(), embedder))
    return embedder.dim


def embed_partitions(
    texts: Sequence[str],
    run_id: int,
    embed_model: str,
    progress: Progress,
    *,
    ids: Sequence[Any] | None = None,
    dates: Sequence[date | None] | None = None,
) -> PartitionedVectors:
    """Every answer's vector, stored by partition (stage "inbäddning"), from answers held in
    memory (`ids` default to the row numbers; `dates` to none); see embed_parts."""
    held = Answers(
        list(ids) if ids is not None else list(range(len(texts))),
        list(texts),
        list(dates) if dates is not None else [None] * len(texts),
    )
    return embed_parts(partition(chunks(held), run_id, None), embed_model, progress)


def embed_parts(parts: list[Part], embed_model: str, progress: Progress) -> PartitionedVectors:
    """Every answer's vector, stored by partition (stage "inbäddning")."""
    n = sum(p.n for p in parts)
    per = max(1, parts[0].n) if parts else 1
    progress("inbäddning", 0, n)
    dims = map_partitions(
        embed_part,
        parts,
        progress=lambda d, t: progress("inbäddning", min(d * per, n), n),
        embed_model=embed_model,
    )
    dim = dims[0] if dims else cached_embedder(embed_model).dim
    return PartitionedVectors(parts, dim)


@lru_cache(maxsize=8)
def _classifier(
    snapshot: str, version: str | None, embed_model: str, calibration: AnswerCalibration | None = None
) -> ClassifierModel:
    """The analysis's classifier, once per process and run settings: the activated version,
    else zero-shot (with the calibration from the project's validated answers, if any)."""
    tax = taxonomy_from_snapshot(json.loads(snapshot))
    model = active_model(version, tax)
    if model is not None:
        return model
    zs = zero_shot_model(tax, cached_embedder(embed_model))
    return calibration.apply(zs) if calibration is not None else zs


def answer_calibration(
    taxonomy: Taxonomy, active_version: str | None, validated: Sequence[Example], embed_model: str
) -> tuple[AnswerCalibration | None, dict[str, Any]]:
    """The zero-shot calibration from the project's validated answers when there is no usable
    activated version and at least MIN_ANSWERS of them (else None), and what the run records
    about the calibration it uses (AnalysisRun.settings["kalibrering"])."""
    if active_model(active_version, taxonomy) is not None:
        return None, {"källa": "den aktiverade versionens validerade exempel", "version": active_version}
    if len(validated) < MIN_ANSWERS:
        return None, {"källa": "taxonomins fraser", "validerade_svar": len(validated), "krävs": MIN_ANSWERS}
    embedder = cached_embedder(embed_model)
    vectors = embed_answers([e.text for e in validated], embedder)
    found = fit_answer_calibration(zero_shot_model(taxonomy, embedder), validated, vectors, embedder=embedder)
    if found is None:
        return None, {"källa": "taxonomins fraser", "validerade_svar": len(validated), "krävs": MIN_ANSWERS}
    return found, found.record()


@dataclass(frozen=True)
class PartClassified:
    """What a classified partition sends back: its answers' decided labels, its model version
    and its answers' valence (styrka, utmaning …; the themes' names say their tone)."""

    labels: list[tuple[str, ...]]
    model_version: str
    valence: list[str | None] = field(default_factory=list)


@dataclass
class ClassifiedParts:
    """An analysis's classifications, stored by partition (row order = the analysis's order):
    the theme sample's decided labels and valence in memory (every answer's when no sample
    was drawn: Part.sample), everything else in the partitions' files."""

    paths: list[str]
    labels: list[tuple[str, ...]]  # the sample's answers', in order
    model_version: str  # of the first answer ("ingen" when there are none)
    valence: list[str | None] = field(default_factory=list)  # the sample's answers', in order

    def rows(self) -> Iterator[tuple[dict[str, Any], list[list[Any]]]]:
        """Every answer's stored classification, in order, one partition file at a time:
        (classification columns, [[label, probability, in prediction set, decided], …])."""
        for path in self.paths:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    yield row["c"], row["s"]


def classified_path(part: Part) -> str:
    """The file of a partition's stored classifications, beside its vectors."""
    return str(Path(part.path).with_suffix(".klass.jsonl"))


def _stored_row(res: ClassificationResult) -> dict[str, Any]:
    """One answer's classification as the database stores it (without run, record, taxonomy)."""
    valence = res.valence
    return {
        "c": {
            "model_version": res.model_version,
            "prediction_set": list(res.prediction_set),
            "unsure": bool(res.unsure),
            "unsure_reason": getattr(res, "unsure_reason", None),
            "valence": valence.label if valence else None,
            "valence_probability": float(valence.probability) if valence else None,
            "evidence": jsonable(res.evidence),
        },
        "s": [
            [s.label, float(s.probability), s.label in res.prediction_set, bool(getattr(s, "decided", False))]
            for s in res.suggestions
        ],
    }


def classify_part(
    part: Part,
    *,
    taxonomy: Taxonomy,
    active_version: str | None,
    embed_model: str,
    calibration: AnswerCalibration | None = None,
) -> PartClassified:
    """Labels, valence and evidence for one partition's answers, from its stored vectors,
    written to the partition's file (classified_path, whole or not at all: a rerun replaces it)."""
    embedder = cached_embedder(embed_model)
    vectors = _load_part(part.path, part.n)
    if vectors is None:  # a partition whose file went missing is embedded again (cache first)
        embed_part(part, embed_model=embed_model)
        vectors = np.load(part.path)
    snapshot = json.dumps(taxonomy_snapshot(taxonomy), sort_keys=True)
    model = _classifier(snapshot, active_version, embed_model, calibration)
    results = classify_texts(part.texts(), vectors, taxonomy, embedder=embedder, model=model, kind=ANALYSIS_KIND)
    lines = ((json.dumps(_stored_row(r), ensure_ascii=False) + "\n").encode("utf-8") for r in results)
    _write_whole(classified_path(part), lambda fh: fh.writelines(lines))
    # Only the theme sample's labels and valence are sent back: the rest is in the file.
    sent = results if part.sample is None else [results[i] for i in part.sample.tolist()]
    return PartClassified(
        [tuple(r.labels) for r in sent],
        results[0].model_version if results else "ingen",
        [r.valence.label if r.valence else None for r in sent],
    )


def classify_partitions(
    vectors: PartitionedVectors,
    taxonomy: Taxonomy,
    active_version: str | None,
    embed_model: str,
    progress: Progress,
    calibration: AnswerCalibration | None = None,
) -> ClassifiedParts:
    """Every answer's classification, partition by partition (stage "klassificering"), stored
    in the partitions' files; `calibration` (see answer_calibration) applies to a zero-shot
    classifier."""
    n = vectors.n
    per = max(1, vectors.parts[0].n) if vectors.parts else 1
    progress("klassificering", 0, n)
    found = map_partitions(
        classify_part,
        vectors.parts,
        progress=lambda d, t: progress("klassificering", min(d * per, n), n),
        taxonomy=taxonomy,
        active_version=active_version,
        embed_model=embed_model,
        calibration=calibration,
    )
    # The labels come back from other processes as new strings per answer: one object per label.
    labels = [tuple(sys.intern(lab) for lab in labs) for part in found for labs in part.labels]
    version = next((p.model_version for p in found if p.labels), "ingen")
    valence = [sys.intern(v) if v else None for part in found for v in part.valence]
    return ClassifiedParts([classified_path(p) for p in vectors.parts], labels, version, valence)


def assign_part(part: Part, *, themes: Sequence[ProjectTheme], floor: bool = True) -> list[str | None]:
    """Each answer of the partition to its nearest theme (nlp.themes.assign)."""
    vectors = _load_part(part.path, part.n)
    if vectors is None:
        raise FileNotFoundError(part.path)
    return assign(themes, vectors, floor=floor)


def assign_partitions(vectors: PartitionedVectors, themes: Sequence[ProjectTheme]) -> list[str | None]:
    """Every answer's nearest theme key (None = none near enough), in parallel by partition."""
    found = map_partitions(assign_part, vectors.parts, themes=list(themes))
    return [k for keys in found for k in keys]


# A placed partition's row that is in the fitted sample: it keeps the fit's own themes.
IN_SAMPLE = -2


def placed_path(vectors_path: str) -> str:
    """The file of a partition's placements (theme id per row, int32), beside its vectors."""
    return str(Path(vectors_path).with_suffix(".tema.npy"))


def save_placed(part: Part, topics: np.ndarray) -> None:
    """A partition's placements (theme id per row, IN_SAMPLE for the sample's), whole or not at all."""
    _write_whole(placed_path(part.path), lambda fh: np.save(fh, topics))


def place_part(part: Part, *, themes: Sequence[ProjectTheme], period: str) -> dict[tuple[int, str | None], int]:
    """Each answer of the partition outside the sample (Part.sample) to its nearest theme
    (nlp.themes.assign, as assign_part), stored in the partition's placement file (whole or
    not at all: a rerun writes the same file); returns the placed answers' counts per
    (theme id, period), the period read from the partition's answers."""
    vectors = _load_part(part.path, part.n)
    if vectors is None:
        raise FileNotFoundError(part.path)
    topics = np.fromiter((theme_id(k) for k in assign(themes, vectors, floor=True)), dtype=np.int32, count=part.n)
    if part.sample is not None:
        topics[part.sample] = IN_SAMPLE
    save_placed(part, topics)
    dates = read_answers(part.answers).dates
    counts: Counter[tuple[int, str | None]] = Counter()
    for t, d in zip(topics.tolist(), dates, strict=True):
        if t != IN_SAMPLE:
            counts[(t, period_key(d, period) if d is not None else None)] += 1
    return dict(counts)


@dataclass
class StoredPlacements:
    """The placed rest of an analysis (nlp.themes.PlacedRest): counts in memory, each answer's
    theme in its partition's file, read back with its record id one partition at a time."""

    parts: list[Part]
    counts: dict[tuple[int, str | None], int]

    def pairs(self, held: Mapping[Any, Pairs]) -> Iterator[tuple[Any, Pairs]]:
        for part in self.parts:
            topics = np.load(placed_path(part.path)).tolist()
            for rid, t in zip(read_answers(part.answers).ids, topics, strict=True):
                yield rid, (held[rid] if t == IN_SAMPLE else [(t, 1.0)])


def place_partitions(vectors: PartitionedVectors, themes: Sequence[ProjectTheme], period: str) -> StoredPlacements:
    """Every answer outside the sample (each Part.sample) placed by partition, in parallel;
    only the counts per theme and period come back (see nlp.themes.sample.fit_sample_placed)."""
    counts: Counter[tuple[int, str | None]] = Counter()
    for found in map_partitions(place_part, vectors.parts, themes=list(themes), period=period):
        counts.update(found)
    return StoredPlacements(list(vectors.parts), dict(counts))

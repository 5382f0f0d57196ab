"""Retraining: settled human labels → a candidate classifier version, stored but not active."""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy import Engine, select

from nlp.classify import ClassifierModel, Example, evaluate, train_classifier, zero_shot_model
from nlp.embed import cached_embedder
from nlp.errors import BrukarrostError
from nlp.pipeline.common import Progress, active_version, finite
from nlp.pipeline.partitions import embed_answers
from nlp.store import session_scope
from nlp.store.models import ClassifierVersion, RecordRow, ValidationEvent
from nlp.taxonomy import Taxonomy, load_taxonomy
from nlp.validation_status import statuses

MIN_TRAINING_EXAMPLES = 10
# The stages a training job reports, in order (the job page draws one bar over them).
TRAINING_STAGES = ("träningsdata", "inbäddning", "träning", "jämförelse")


def validated_examples(engine: Engine, project_id: int, taxonomy_id: str) -> list[dict[str, Any]]:
    """Settled human labels of a project: [{record_id, text, label_id, value (1/0)}].

    Only labels whose status is "godkand" (1) or "avvisad" (0) count; disputed ("omstridd")
    and unsure ones are left out until resolved.
    """
    with session_scope(engine) as session:
        events = session.scalars(
            select(ValidationEvent).where(
                ValidationEvent.project_id == project_id,
                ValidationEvent.taxonomy_id == taxonomy_id,
                ValidationEvent.record_id.is_not(None),
            )
        ).all()
        settled = {
            (rid, label): 1 if st == "godkand" else 0
            for (rid, _tax, label), st in statuses(events).items()
            if st in ("godkand", "avvisad")
        }
        ids = sorted({rid for rid, _ in settled})
        texts = (
            dict(session.execute(select(RecordRow.id, RecordRow.text).where(RecordRow.id.in_(ids))).all())
            if ids
            else {}
        )
    return [
        {"record_id": rid, "text": texts[rid], "label_id": label, "value": value}
        for (rid, label), value in sorted(settled.items())
        if rid in texts
    ]


def validated_answers(engine: Engine, project_id: int, taxonomy_id: str) -> list[Example]:
    """The project's validated answers, one per answer with its approved labels (as training
    reads them): what zero-shot is calibrated on until a trained version is activated."""
    return _training_set(validated_examples(engine, project_id, taxonomy_id))


def train_candidate(
    engine: Engine,
    project_id: int,
    taxonomy: str | Taxonomy,
    *,
    actor: str,
    progress: Progress,
) -> dict[str, Any]:
    """Train a new version on the project's settled labels and store it as a candidate, with
    cross-validated metrics and the current version's metrics on the same examples.

    `taxonomy` is a Taxonomy (e.g. the project's own upload) or the id of a shipped file."""
    progress("träningsdata", 0, 1)
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    examples = validated_examples(engine, project_id, tax.id)
    if len(examples) < MIN_TRAINING_EXAMPLES:
        raise BrukarrostError(
            f"För få granskade etiketter för att träna en ny modell: {len(examples)} "
            f"(minst {MIN_TRAINING_EXAMPLES} behövs). Omstridda etiketter räknas inte förrän "
            "de är avgjorda."
        )
    progress("träningsdata", 1, 1)
    train = _training_set(examples)
    embedder = cached_embedder()  # the classifier embeds "query:" vectors with it too
    progress("inbäddning", 0, len(train))
    E = embed_answers(
        [x.text for x in train], embedder, progress=lambda done, total: progress("inbäddning", done, total)
    )
    progress("träning", 0, 1)
    model, metrics = train_classifier(train, tax, embeddings=E, embedder=embedder)
    path = model.save()
    progress("jämförelse", 0, 1)  # the current version on the same examples, for the page's comparison
    current, current_metrics = _current_on_same_examples(engine, project_id, tax, train, E, embedder)
    with session_scope(engine) as session:
        row = ClassifierVersion(
            project_id=project_id,
            taxonomy_id=tax.id,
            version=model.version,
            path=str(path),
            metrics=finite(
                {
                    "korsvaliderade": metrics,
                    "nuvarande_version": current.version,
                    "nuvarande_pa_samma_exempel": current_metrics,
                }
            ),
            n_examples=len(train),
            active=False,
            created_by=actor,
        )
        session.add(row)
        session.flush()
        version_id = row.id
    progress("jämförelse", 1, 1)
    return {"version_id": version_id, "version": model.version, "exempel": len(train)}


def _training_set(examples: list[dict[str, Any]]) -> list[Example]:
    """One example per answer with its approved labels."""
    by_record: dict[int, tuple[str, list[str]]] = {}
    for e in examples:
        text, labels = by_record.setdefault(e["record_id"], (e["text"], []))
        if e["value"] == 1:
            labels.append(e["label_id"])
    # A record whose labels were all rejected is a negative example (empty label set).
    return [
        Example(text=t, labels=tuple(sorted(set(labs))), id=str(rid)) for rid, (t, labs) in sorted(by_record.items())
    ]


def _current_on_same_examples(
    engine: Engine,
    project_id: int,
    tax: Taxonomy,
    train: list[Example],
    E: np.ndarray,
    embedder: Any,
) -> tuple[ClassifierModel, dict[str, Any]]:
    """The active version (zero-shot without one) and its metrics on the training examples
    (in-sample if it was trained on them)."""
    with session_scope(engine) as session:
        version = active_version(session, project_id, tax.id)
    current = ClassifierModel.load(version) if version else zero_shot_model(tax, embedder)
    Y = np.array([[int(lab in x.labels) for lab in tax.label_ids] for x in train])
    prob = current.predict_proba([x.text for x in train], E, embedder=embedder)
    return current, evaluate(prob, prob >= current.threshold, Y, current.prediction_sets(prob, 0.9))

"""Zero-shot calibrated on a project's first validated answers (issue 11): the map, the
threshold and the conformal sets come from labelled answers, not the taxonomy's phrases,
until a trained version is activated; the run records which calibration it used.

The real embedding model, the real database and the real pipeline: no mocks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy.special import xlogy
from sqlalchemy import select

from nlp.classify import Example, classify_texts, labels_matrix, train_classifier, zero_shot_model
from nlp.classify.answer_calibration import MIN_ANSWERS, fit_answer_calibration
from nlp.classify.metrics import label_nonconformity, nonconformity
from nlp.classify.predict import answer_scores
from nlp.core import ANALYSIS_KIND
from nlp.embed import embed_texts
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, Import, Suggestion, ValidationEvent
from tests.conftest import EXAMPLE_EXPORT

# Answers as users write them: longer than the label phrases, often about two things.
ANSWERS = [
    ("Undersköterskan var lugn och vänlig hela tiden, och hon förklarade vad som skulle hända.", ("bemotande",)),
    ("Jag kände mig inte lyssnad på. Läkaren tittade mest i datorn.", ("bemotande",)),
    ("Fick ringa i två dagar innan någon svarade, och sedan var det tre veckor till en tid.", ("tillganglighet",)),
    ("Väntade en och en halv timme på akuten trots att jag hade ont.", ("tillganglighet",)),
    ("Trevligt folk i receptionen, men det tog en månad att få komma.", ("bemotande", "tillganglighet")),
    ("Behandlingen kostade nästan tretusen kronor, det hade ingen sagt innan.", ("kostnad",)),
    ("Avgiften var rimlig och personalen var tillmötesgående.", ("bemotande", "kostnad")),
    ("Parkeringen var trång men annars inget att säga.", ()),
    ("Tandläkaren var hårdhänt och otrevlig när jag sa att det gjorde ont.", ("bemotande",)),
    ("Det gick snabbt att boka via appen och jag kom in samma dag.", ("tillganglighet",)),
    ("Räkningen blev mycket högre än vad jag fått veta i telefon.", ("kostnad",)),
    ("Sköterskan tog sig tid med min mamma. Däremot kom vi aldrig fram på telefon.", ("bemotande", "tillganglighet")),
]


@pytest.fixture(scope="module")
def answers() -> list[Example]:
    return [Example(t, labs, f"r{i}") for i, (t, labs) in enumerate(ANSWERS)]


@pytest.fixture(scope="module")
def vectors(embedder, answers) -> np.ndarray:
    return embed_texts([e.text for e in answers], embedder=embedder, kind=ANALYSIS_KIND)


def _log_loss(p: np.ndarray, Y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-(xlogy(Y, p) + xlogy(1 - Y, 1 - p)).mean())


def test_too_few_answers_or_a_trained_version_keep_their_own_calibration(tax, embedder, answers, vectors) -> None:
    zs = zero_shot_model(tax, embedder)
    few = MIN_ANSWERS - 1
    assert fit_answer_calibration(zs, answers[:few], vectors[:few], embedder=embedder) is None
    trained, _ = train_classifier(answers, tax, embeddings=vectors, embedder=embedder, n_folds=3)
    assert fit_answer_calibration(trained, answers, vectors, embedder=embedder) is None


def test_the_answers_calibration_fits_them_better_than_the_phrases_and_names_itself(
    tax, embedder, answers, vectors
) -> None:
    zs = zero_shot_model(tax, embedder)
    cal = fit_answer_calibration(zs, answers, vectors, embedder=embedder)
    assert cal is not None and cal.n_answers == len(answers)
    model = cal.apply(zs)
    assert model.version.startswith(zs.version) and f"kal{len(answers)}" in model.version
    assert model.mode == "zero-shot" and model.metrics["calibrated_on"] == f"{len(answers)} validerade svar"
    assert cal.record()["källa"] == "validerade svar" and cal.record()["svar"] == len(answers)
    # The zero-shot model is left as it was (it is cached per process).
    assert zero_shot_model(tax, embedder).version == zs.version

    Y = labels_matrix([e.labels for e in answers], tax.label_ids, "test")
    raw = answer_scores(zs, [e.text for e in answers], vectors, embedder=embedder)
    assert _log_loss(model.calibrate(raw), Y) < _log_loss(zs.calibrate(raw), Y)

    # classify_texts reads the new map, threshold and conformal scores.
    res = classify_texts([e.text for e in answers], vectors, tax, model=model, embedder=embedder, valence=False)
    prob = np.array([[r.probabilities[lab] for lab in tax.label_ids] for r in res])
    assert np.allclose(prob, model.calibrate(raw), atol=1e-4)
    assert {r.model_version for r in res} == {model.version}
    # Split-conformal on these very answers: at least the stated share of their true labels is
    # inside the answer's set (per label; with fewer than 9 answers per label, pooled).
    scores = nonconformity(model.calibrate(raw), Y)
    assert np.array_equal(np.sort(scores), np.sort(model.calibration_scores))
    np.testing.assert_allclose(model.label_calibration, label_nonconformity(model.calibrate(raw), Y))
    inside = [lab in r.prediction_set for e, r in zip(answers, res) for lab in e.labels]
    assert np.mean(inside) >= 0.9


def test_other_labels_on_the_same_answers_give_another_version(tax, embedder, answers, vectors) -> None:
    zs = zero_shot_model(tax, embedder)
    a = fit_answer_calibration(zs, answers, vectors, embedder=embedder)
    flipped = [Example(e.text, () if e.labels else ("kostnad",), e.id) for e in answers]
    b = fit_answer_calibration(zs, flipped, vectors, embedder=embedder)
    assert a is not None and b is not None
    assert a.digest != b.digest and a.apply(zs).version != b.apply(zs).version
    # Mostly wrong labels say the answers' scores mean less: lower probabilities on the same scores.
    raw = answer_scores(zs, [e.text for e in answers], vectors, embedder=embedder)
    Y = labels_matrix([e.labels for e in answers], tax.label_ids, "test")
    assert a.apply(zs).calibrate(raw)[Y > 0].mean() > b.apply(zs).calibrate(raw)[Y > 0].mean()


def _validate(engine: Any, project_id: int, n: int) -> list[int]:
    """Accept the first label of the first run's best suggestion on n answers (as a validator would)."""
    with session_scope(engine) as s:
        rows = s.execute(
            select(Suggestion.record_id, Suggestion.label_id)
            .where(Suggestion.decided.is_(True))
            .order_by(Suggestion.record_id, Suggestion.probability.desc())
        ).all()
        first: dict[int, str] = {}
        for rid, label in rows:
            first.setdefault(rid, label)
        chosen = sorted(first)[:n]
        for rid in chosen:
            s.add(
                ValidationEvent(
                    record_id=rid,
                    taxonomy_id="samsjuklighet",
                    label_id=first[rid],
                    decision="accept",
                    project_id=project_id,
                    actor="granskare1",
                    role="validator",
                )
            )
    return chosen


def test_an_analysis_with_validated_answers_uses_and_records_their_calibration(engine) -> None:
    from nlp.pipeline import analyse_import, import_export

    summary = import_export(EXAMPLE_EXPORT)
    first = analyse_import(summary.import_id, engine=engine)
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, first)
        assert run.settings["kalibrering"]["källa"] == "taxonomins fraser"
        assert run.settings["kalibrering"]["validerade_svar"] == 0
        zs_version = run.classifier_version
        project_id = s.get(Import, summary.import_id).project_id
    chosen = _validate(engine, project_id, MIN_ANSWERS + 2)
    assert len(chosen) == MIN_ANSWERS + 2

    second = analyse_import(summary.import_id, engine=engine)
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, second)
        assert run.settings["kalibrering"]["källa"] == "validerade svar"
        assert run.settings["kalibrering"]["svar"] == len(chosen)
        assert "tider_s" in run.settings  # the run's other settings are kept
        assert run.classifier_version.startswith(zs_version) and f"-kal{len(chosen)}-" in run.classifier_version
        versions = set(s.scalars(select(Suggestion.model_version).where(Suggestion.run_id == second)))
        assert versions == {run.classifier_version}
    from nlp.report import build_report

    shown = build_report(second, engine=engine)["modeller"]["kalibrering"]
    assert shown["svar"] == len(chosen)
    assert shown["text"] == f"sannolikheter kalibrerade på {len(chosen)} validerade svar"
    assert "inga validerade svar" in build_report(first, engine=engine)["modeller"]["kalibrering"]["text"]

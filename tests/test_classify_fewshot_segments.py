"""Few-shot with sentences (issue 11): validated long answers train the heads with their
sentences too, answers are scored with their best sentence, and calibration, threshold and
conformal scores are fitted on that combined score of the validated answers, out of fold."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import nlp.classify.training as training
from nlp.classify import ClassifierModel, Example, classify_texts, train_classifier
from nlp.classify.heads import Heads
from nlp.classify.model import best_segment_scores, combine_segment_scores
from nlp.classify.segments import segment_spans
from nlp.core import ANALYSIS_KIND

pytestmark = pytest.mark.utan_databas

# A small validated set as users produce it: long answers about several things, and the rare
# label (kostnad, 4 of 24) only ever in one sentence of an answer about something else.
VALIDATED = [
    ("Sköterskan var varm och tog sig tid att förklara allt. Jag kände mig sedd.", ("bemotande",)),
    ("Läkaren avbröt mig hela tiden och verkade stressad. Jag fick aldrig säga det jag ville.", ("bemotande",)),
    ("Receptionisten var otrevlig när jag kom. Sedan blev det bättre hos tandläkaren.", ("bemotande",)),
    ("Alla i personalen hälsade och var vänliga. Det gjorde besöket lättare.", ("bemotande",)),
    ("Jag blev bemött med respekt, trots att jag var sen.", ("bemotande",)),
    ("Barnmorskan lyssnade verkligen på våra frågor. Hon var lugn och trygg.", ("bemotande",)),
    ("Det tog tre veckor att få en tid. När jag väl kom fram var det fullbokat igen.", ("tillganglighet",)),
    ("Ingen svarade i telefonen på flera dagar. Till slut åkte jag dit själv.", ("tillganglighet",)),
    ("Väntetiden på akuten var sex timmar. Det är inte rimligt.", ("tillganglighet",)),
    ("Bokningen på nätet fungerade smidigt och jag fick en tid samma vecka.", ("tillganglighet",)),
    ("Man kommer aldrig fram på telefon, kön är alltid full.", ("tillganglighet",)),
    ("Jag fick vänta i väntrummet i över en timme efter min bokade tid.", ("tillganglighet",)),
    ("Tandhygienisten var trevlig och noggrann. Men att få en tid tog två månader.", ("bemotande", "tillganglighet")),
    ("Personalen var snäll. Däremot var telefonkön orimligt lång.", ("bemotande", "tillganglighet")),
    ("Doktorn var nonchalant. Och jag fick vänta länge på återbesöket.", ("bemotande", "tillganglighet")),
    ("Fint bemötande i kassan. Sedan gick allt snabbt och jag slapp vänta.", ("bemotande", "tillganglighet")),
    (
        "Mycket trevlig tandläkare som förklarade allt. Räkningen blev dock 4000 kronor, långt över prislappen.",
        ("bemotande", "kostnad"),
    ),
    ("Kom fram direkt på telefon. Men avgiften för besöket var alldeles för hög.", ("tillganglighet", "kostnad")),
    ("Personalen var vänlig. Priset för behandlingen var dock helt orimligt.", ("bemotande", "kostnad")),
    ("Fick en tid samma dag. Betalade 900 kronor för tio minuter, det kändes dyrt.", ("tillganglighet", "kostnad")),
    ("Jag har inget mer att säga om besöket.", ()),
    ("Parkeringen utanför var full.", ()),
    ("Läkaren lyssnade inte alls på mig. Jag gick därifrån utan svar.", ("bemotande",)),
    ("Det var omöjligt att boka om tiden via appen. Jag ringde tio gånger.", ("tillganglighet",)),
]

# Held out: the cost is one sentence of a longer answer about something else.
HELD_OUT = [
    "Sjuksköterskan var jättegullig och tog sig tid. Men fakturan på 1500 kronor kom som en chock.",
    "Jag fick en tid redan dagen efter. Däremot tyckte jag att det kostade på tok för mycket.",
]


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return [Example(t, labs, f"v{i}") for i, (t, labs) in enumerate(VALIDATED)]


def test_combined_score_is_the_mean_in_log_space_and_one_sentence_keeps_its_own() -> None:
    own = np.array([[0.04, 0.5], [0.3, 0.2]])
    seg = [np.array([[0.64, 0.1], [0.01, 0.2]]), np.zeros((0, 2))]
    best = best_segment_scores(own, seg)
    assert best.tolist() == [[0.64, 0.2], [0.3, 0.2]]
    np.testing.assert_allclose(combine_segment_scores(own, best), [[0.16, np.sqrt(0.1)], [0.3, 0.2]])


def test_a_rare_label_said_in_one_sentence_is_learned_from_a_few_validated_answers(tax, embedder, examples) -> None:
    model, metrics = train_classifier(examples, tax, embedder=embedder)
    assert model.mode == "few-shot" and model.segment_scoring
    assert metrics["calibrated_on"] == "validerade exempel"
    # conformal scores come from the validated answers (one per answer with a label)
    assert len(model.calibration_scores) == sum(bool(labs) for _, labs in VALIDATED)
    res = classify_texts(HELD_OUT, embedder.embed(HELD_OUT, ANALYSIS_KIND), tax, model=model, embedder=embedder)
    for text, r in zip(HELD_OUT, res):
        assert "kostnad" in r.labels, (text, r.probabilities)
        (spans,) = [e["spans"] for e in r.to_json()["evidence"] if e["label"] == "kostnad"]
        quoted = text[spans[0]["start"] : spans[0]["end"]]
        assert any(w in quoted for w in ("kronor", "kostade")), quoted


def test_sentences_of_a_held_out_answer_never_train_the_fold_that_scores_it(
    tax, embedder, examples, monkeypatch
) -> None:
    fits: list[set[str]] = []
    real_fit = Heads.fit.__func__

    def recording_fit(cls, texts, E, Y, weights):
        fits.append(set(texts))
        return real_fit(cls, texts, E, Y, weights)

    monkeypatch.setattr(Heads, "fit", classmethod(recording_fit))
    train_classifier(examples, tax, embedder=embedder, n_folds=4)
    answers = {e.text for e in examples}
    final = fits[-1]
    folds = [f for f in fits[:-1] if f & answers]  # not the taxonomy-only head
    assert len(folds) == 4
    sentences = {t: [t[a:b] for a, b in segment_spans(t)] for t in answers}
    assert any(len(s) > 1 and set(s) & final for s in sentences.values()), "sentences train the final heads"
    held_out = [answers - f for f in folds]
    assert sorted(t for h in held_out for t in h) == sorted(answers)  # each answer scored once
    for f, h in zip(folds, held_out):
        for t in h:
            if len(sentences[t]) > 1:
                assert not set(sentences[t]) & f, t


def test_versions_without_sentence_scoring_load_and_score_whole_answers(
    tax, embedder, examples, tmp_path: Path
) -> None:
    model, _ = train_classifier(examples, tax, embedder=embedder)
    d = model.save(tmp_path)
    assert ClassifierModel.load(model.version, tmp_path).segment_scoring
    # a version saved before sentence scoring has no such key: it was calibrated on whole answers
    meta = (d / "modell.json").read_text(encoding="utf-8").replace('"segment_scoring": true, ', "")
    (d / "modell.json").write_text(meta, encoding="utf-8")
    old = ClassifierModel.load(model.version, tmp_path)
    assert not old.segment_scoring and not old.scores_segments
    E = embedder.embed(HELD_OUT, ANALYSIS_KIND)
    res = classify_texts(HELD_OUT, E, tax, model=old, embedder=embedder, valence=False)
    whole = old.predict_proba(HELD_OUT, E, embedder=embedder)
    got = np.array([[r.probabilities[lab] for lab in tax.label_ids] for r in res])
    np.testing.assert_allclose(got, whole, atol=1e-4)


def test_switching_sentences_off_gives_a_whole_answer_model(tax, embedder, examples, monkeypatch) -> None:
    monkeypatch.setattr(training, "SEGMENTS", False)
    model, _ = train_classifier(examples, tax, embedder=embedder)
    assert not model.segment_scoring


def test_mi_picks_each_labels_sentence_again_with_heads_fitted_on_the_answers(
    tax, embedder, examples, monkeypatch
) -> None:
    monkeypatch.setattr(training, "SEGMENT_LABELS", "mi")
    monkeypatch.setattr(training, "MI_ROUNDS", 1)
    pickers: list[Heads] = []
    rows: list[np.ndarray] = []
    real_rows = training._segment_rows

    def recording_rows(seg, Y_ex, w_ex, heads):
        pickers.append(heads)
        out = real_rows(seg, Y_ex, w_ex, heads)
        rows.append(out[1])
        return out

    monkeypatch.setattr(training, "_segment_rows", recording_rows)
    model, _ = train_classifier(examples, tax, embedder=embedder)
    assert model.segment_scoring and len(pickers) == 2
    # the first pick is the taxonomy-only head's, the second one's heads learned the answers
    assert len(pickers[1].tfidf_vocab) > len(pickers[0].tfidf_vocab)
    # still one sentence per label of every validated answer with several sentences
    several = [labs for t, labs in VALIDATED if len(segment_spans(t)) > 1]
    assert rows[1].sum() == rows[0].sum() == sum(len(labs) for labs in several)

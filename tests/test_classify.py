"""The classifier with the real embedding model on a tiny taxonomy, its metrics and CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from nlp.classify import (
    ClassifierModel,
    Example,
    classify_texts,
    conformal_threshold,
    expected_calibration_error,
    nonconformity,
    parse_examples,
    train_classifier,
)
from nlp.errors import ConfigError, InputError
from nlp.ingest import iter_json_lines
from nlp.taxonomy import Taxonomy, load_taxonomy, load_taxonomy_text

pytestmark = pytest.mark.utan_databas

TINY = """
id: liten
name: Liten testtaxonomi
source: {document: Testdokument, section: avsnitt 1}
labels:
  - id: vantetid
    title: Väntetider och telefonköer
    description: Att få vänta länge på en tid eller i telefonkö innan man kommer fram.
    examples: [Jag väntade i telefonkö i en timme., Det tog tre månader att få en tid., Ingen svarar i telefonen.]
  - id: bemotande
    title: Bemötande och respekt
    description: Hur personalen bemöter och lyssnar på den som söker hjälp.
    examples: [Personalen var vänlig och lyssnade., Läkaren var nedlåtande mot mig., Jag blev behandlad med respekt.]
  - id: anhoriga
    title: Stöd till anhöriga
    description: Att familj och närstående får information, vara med och eget stöd.
    examples: [Min mamma fick inte vara med på mötet., Anhöriggruppen hjälpte oss mycket., Som förälder fick jag ingen information.]
off_topic_examples: [vet ej, inget att tillägga, Det finns för få parkeringsplatser., Kaffet är för dyrt.]
"""

TEXTS = [
    "Jag satt i telefonkön i nästan två timmar innan någon svarade.",
    "Sköterskan var så snäll och tog sig tid att lyssna på mig.",
    "Min pappa fick aldrig någon information om hur jag mådde.",
    "vet ej",
    "Parkeringen vid sjukhuset är alldeles för liten.",
]


@pytest.fixture(scope="module")
def tiny() -> Taxonomy:
    return load_taxonomy_text(TINY, "liten.yaml")


@pytest.fixture(scope="module")
def vectors(embedder) -> np.ndarray:
    """The one kind of vector the pipeline embeds ("query:")."""
    from nlp.core import ANALYSIS_KIND

    return embedder.embed(TEXTS, kind=ANALYSIS_KIND)


@pytest.fixture(scope="module")
def passage_vectors(embedder) -> np.ndarray:
    return embedder.embed(TEXTS, kind="passage")


def test_zero_shot_labels_clear_answers_and_leaves_off_topic_unlabelled(tiny, embedder, vectors) -> None:
    res = classify_texts(TEXTS, vectors, tiny, embedder=embedder)
    assert len(res) == len(TEXTS)
    for r in res:
        assert all(0.0 <= p <= 1.0 for p in r.probabilities.values())
        assert r.model_version.startswith("liten-zs")
        assert r.valence is not None and r.valence.label in {"styrka", "utmaning", "blandad", "neutral"}
    assert "vantetid" in res[0].prediction_set
    assert max(res[0].probabilities, key=res[0].probabilities.get) == "vantetid"
    assert max(res[1].probabilities, key=res[1].probabilities.get) == "bemotande"
    assert max(res[2].probabilities, key=res[2].probabilities.get) == "anhoriga"
    for off in res[3:]:  # "vet ej" and parking: no forced label, and "osäker"
        assert off.labels == [] and off.unsure
    # evidence: for every decided label, the words come from the answer itself
    for text, r in zip(TEXTS, res):
        for ev in r.evidence:
            assert ev["label"] in r.labels
            assert all(w in text for w in ev["words"])
    # valence of the clearly positive and clearly negative answer
    assert res[1].valence.label == "styrka"


def test_few_shot_model_roundtrip_and_evidence_examples(tiny, embedder, vectors, tmp_path: Path) -> None:
    ex = [
        Example(t, labs, f"e{i}")
        for i, (t, labs) in enumerate(
            [
                ("Fick vänta på att någon skulle ringa tillbaka i flera veckor.", ("vantetid",)),
                ("Telefontiden var alltid full.", ("vantetid",)),
                ("Kön till mottagningen var jättelång.", ("vantetid",)),
                ("Kuratorn lyssnade verkligen på mig.", ("bemotande",)),
                ("De pratade över huvudet på mig.", ("bemotande",)),
                ("Ett respektfullt och varmt bemötande.", ("bemotande",)),
                ("Min fru fick vara med på samtalen.", ("anhoriga",)),
                ("Ingen frågade hur barnen mådde.", ("anhoriga",)),
                ("Syskonen fick stöd av en egen kontakt.", ("anhoriga",)),
                ("Inget att säga.", ()),
                ("Wifi fungerar inte.", ()),
            ]
        )
    ]
    model, metrics = train_classifier(ex, tiny, embedder=embedder, n_folds=5)
    assert model.mode == "few-shot"
    assert {"macro_f1", "coverage", "ece", "mean_set_size"} <= set(metrics)
    path = model.save(tmp_path)
    assert (path / "modellkort.json").is_file()
    loaded = ClassifierModel.load(model.version, tmp_path)
    a = model.predict_proba(TEXTS, vectors, embedder=embedder)
    b = loaded.predict_proba(TEXTS, vectors, embedder=embedder)
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    # The per-label calibration scores travel with the version: the same sets after loading ...
    assert loaded.label_calibration is not None
    np.testing.assert_array_equal(loaded.prediction_sets(a, 0.9), model.prediction_sets(a, 0.9))
    # ... and a version saved before them keeps the sets of all an answer's labels.
    loaded.label_calibration = None
    np.testing.assert_array_equal(loaded.prediction_sets(a, 0.9), 1 - a <= model.qhat(0.9))
    res = classify_texts(TEXTS[:1], vectors[:1], tiny, model=loaded, embedder=embedder, valence=False)
    assert res[0].labels[:1] == ["vantetid"]
    shown = res[0].evidence[0]["examples"]
    assert shown and all(e["id"] in {"e0", "e1", "e2"} for e in shown)


def test_heads_read_query_vectors_and_mixed_model_roundtrips(
    tiny, embedder, vectors, passage_vectors, tmp_path: Path
) -> None:
    import dataclasses
    import json as _json

    from nlp.classify import zero_shot_model

    zs = zero_shot_model(tiny, embedder)
    assert zs.embed_kind == "query"
    # one pass: the query vectors passed in are what the heads read, as they are ...
    np.testing.assert_array_equal(zs.features(TEXTS, vectors, embedder, kind="query"), vectors)
    # ... and given passage vectors, the heads still read the texts' query vectors
    np.testing.assert_allclose(zs.features(TEXTS, passage_vectors, embedder, kind="passage"), vectors, atol=1e-5)
    assert not np.allclose(passage_vectors, vectors, atol=1e-3)
    ex = [
        Example("Telefonkön var lång.", ("vantetid",), "a"),
        Example("Bra bemötande.", ("bemotande",), "b"),
        Example("Mamma fick vara med.", ("anhoriga",), "c"),
    ]
    few, _ = train_classifier(ex, tiny, embedder=embedder)
    mixed = dataclasses.replace(few, version="blandad", zs_heads=zs.heads, zs_mix=0.5)
    mixed.save(tmp_path)
    loaded = ClassifierModel.load("blandad", tmp_path)
    assert loaded.zs_mix == 0.5 and loaded.zs_heads is not None and loaded.embed_kind == "query"
    a = mixed.predict_proba(TEXTS, vectors, embedder=embedder)
    np.testing.assert_allclose(loaded.predict_proba(TEXTS, vectors, embedder=embedder), a, rtol=1e-5, atol=1e-6)
    assert not np.allclose(a, few.predict_proba(TEXTS, vectors, embedder=embedder), atol=1e-4)
    # a version saved before the prefix and the mix existed loads as passage-only, unmixed
    meta_path = tmp_path / "blandad" / "modell.json"
    meta = _json.loads(meta_path.read_text(encoding="utf-8"))
    for key in ("embed_kind", "zs_mix", "zs_tfidf_vocab"):
        meta.pop(key)
    meta_path.write_text(_json.dumps(meta), encoding="utf-8")
    old = ClassifierModel.load("blandad", tmp_path)
    assert old.embed_kind == "passage" and old.zs_mix == 0.0
    np.testing.assert_array_equal(old.features(TEXTS, passage_vectors, kind="passage"), passage_vectors)
    # a passage version in a one-pass (query) run embeds the texts with its own prefix ...
    np.testing.assert_allclose(old.features(TEXTS, vectors, embedder, kind="query"), passage_vectors, atol=1e-5)
    res = classify_texts(TEXTS[:2], vectors[:2], tiny, model=old, embedder=embedder, valence=False)
    np.testing.assert_allclose(
        [[r.probabilities[lab] for lab in tiny.label_ids] for r in res],
        # the same two texts in one batch: int8 activations are quantised per batch
        old.predict_proba(TEXTS[:2], embedder.embed(TEXTS[:2], kind="passage"), kind="passage"),
        atol=1e-3,
    )
    # ... and without an embedder to do that, it says in Swedish that it needs retraining
    with pytest.raises(ConfigError, match="Träna om"):
        old.predict_proba(TEXTS, vectors)


def test_word_head_roundtrips_and_older_versions_load_without_it(tiny, embedder, vectors, tmp_path: Path) -> None:
    import json as _json

    ex = [
        Example("Telefonkön var lång.", ("vantetid",), "a"),
        Example("Bra bemötande.", ("bemotande",), "b"),
        Example("Mamma fick vara med.", ("anhoriga",), "c"),
    ]
    model, _ = train_classifier(ex, tiny, embedder=embedder, version="ord")
    assert model.heads.word_coef is not None and "telefonkön" in model.heads.word_vocab
    model.save(tmp_path)
    loaded = ClassifierModel.load("ord", tmp_path)
    a = model.predict_proba(TEXTS, vectors, embedder=embedder)
    np.testing.assert_allclose(loaded.predict_proba(TEXTS, vectors, embedder=embedder), a, rtol=1e-5, atol=1e-6)
    # the word head changes the scores (it is really read), and a version saved before
    # it existed still loads and averages the two heads it has
    meta_path = tmp_path / "ord" / "modell.json"
    meta = _json.loads(meta_path.read_text(encoding="utf-8"))
    meta.pop("word_vocab")
    meta_path.write_text(_json.dumps(meta), encoding="utf-8")
    old = ClassifierModel.load("ord", tmp_path)
    assert old.heads.word_coef is None
    b = old.predict_proba(TEXTS, vectors, embedder=embedder)
    assert b.shape == a.shape and not np.allclose(a, b, atol=1e-4)


def test_unsure_names_why_the_model_cannot_decide(tiny, embedder, vectors) -> None:
    from nlp.classify import MAX_OPEN, OPEN_P, UNSURE_TOP_P

    res = classify_texts(TEXTS, vectors, tiny, embedder=embedder, coverage=0.99, valence=False)
    assert any(len(r.prediction_set) > 1 for r in res)
    for r in res:
        p = r.probabilities
        top = max(p.values())
        open_labels = [lab for lab in r.prediction_set if lab not in r.labels and p[lab] >= OPEN_P]
        expected = (
            "utanför ämnet"
            if not r.labels
            else "tom mängd"
            if not r.prediction_set
            else "ingen säker etikett"
            if top < UNSURE_TOP_P
            else "flera möjliga"
            if len(open_labels) > MAX_OPEN
            else None
        )
        assert r.unsure_reason == expected and r.unsure == (expected is not None)


def test_unsure_reasons_on_calibrated_probabilities() -> None:
    from nlp.classify.predict import unsure_reason

    p = np.array([0.8, 0.4, 0.3, 0.05])
    everything = np.ones(4, bool)
    assert unsure_reason(p, p >= 0.5, p >= 0.5) is None  # one clear label, the rest ruled out
    assert unsure_reason(p, p >= 0.5, everything) == "flera möjliga"  # 0.4 and 0.3 neither in nor out
    assert unsure_reason(p, p >= 0.35, everything) is None  # only 0.3 left open
    assert unsure_reason(p * 0.5, p * 0.5 >= 0.2, everything) == "ingen säker etikett"  # best is 0.4
    assert unsure_reason(p, p >= 0.9, everything) == "utanför ämnet"
    assert unsure_reason(p, p >= 0.5, np.zeros(4, bool)) == "tom mängd"


def test_conformal_threshold_reaches_coverage_on_exchangeable_scores() -> None:
    rng = np.random.default_rng(1)
    hits = []
    for _ in range(300):
        s = rng.beta(2, 5, size=51)
        q = conformal_threshold(s[:50], 0.9)
        hits.append(s[50] <= q)
    assert 0.86 <= np.mean(hits) <= 0.97
    assert conformal_threshold(np.array([0.1, 0.2]), 0.9) == 1.0  # too few: everything possible


def test_nonconformity_means_all_gold_labels_in_set() -> None:
    prob = np.array([[0.9, 0.2, 0.1], [0.4, 0.8, 0.1], [0.1, 0.1, 0.1]])
    gold = np.array([[1, 1, 0], [0, 1, 0], [0, 0, 0]])
    np.testing.assert_allclose(nonconformity(prob, gold), [0.8, 0.2])  # no-label row skipped


def test_label_sets_hold_the_stated_share_of_true_labels() -> None:
    from nlp.classify.metrics import label_nonconformity, label_threshold

    rng = np.random.default_rng(3)

    def draw(n: int) -> tuple[np.ndarray, np.ndarray]:
        # answers with one to three true labels of five, true labels scoring higher
        Y = (rng.uniform(size=(n, 5)) < [0.7, 0.5, 0.3, 0.2, 0.1]).astype(int)
        return np.where(Y > 0, rng.beta(3.0, 1.5, size=(n, 5)), rng.beta(1.0, 4.0, size=(n, 5))), Y

    inside, all_in = [], []
    for _ in range(200):
        Pc, Yc = draw(40)
        q = label_threshold(label_nonconformity(Pc, Yc), 0.9)
        Pt, Yt = draw(40)
        S = 1 - Pt <= q
        inside.append(S[Yt > 0].mean())
        all_in.append(np.all(S | (Yt == 0), 1)[Yt.any(1)].mean())
    assert 0.89 <= np.mean(inside) <= 0.95
    # the weaker promise: an answer with several labels has all of them inside less often
    assert np.mean(all_in) < 0.88
    np.testing.assert_allclose(
        label_nonconformity(np.array([[0.9, 0.2], [0.4, 0.8]]), np.array([[1, 1], [0, 1]])),
        [[0, 0.1], [1, 0.8], [1, 0.2]],
    )


def test_ece_separates_calibrated_from_overconfident() -> None:
    rng = np.random.default_rng(0)
    p = rng.uniform(size=20000)
    y = rng.uniform(size=20000) < p
    assert expected_calibration_error(p, y) < 0.02
    assert expected_calibration_error(np.where(p > 0.5, 0.99, 0.01), y) > 0.15


def test_parse_examples_errors_name_file_row_and_column(tiny, tmp_path: Path) -> None:
    f = tmp_path / "exempel.jsonl"
    f.write_text(
        '{"text": "bra", "labels": ["vantetid"]}\n{"text": "hemlig text", "labels": ["nej"]}\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as exc:
        parse_examples(iter_json_lines(f), tiny, file=f)
    assert "exempel.jsonl" in exc.value.message and "rad 2" in exc.value.message
    assert "labels" in exc.value.message and "hemlig" not in exc.value.message
    f.write_text('{"text": "bra", "labels": ["vantetid"]}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="rad 2"):
        parse_examples(iter_json_lines(f), tiny, file=f)


def test_cli_json_output_is_pseudonymised(tmp_path: Path) -> None:
    from nlp.cli import app

    inp = tmp_path / "svar.jsonl"
    rows = [
        {"id": "a", "text": "Ring mig på 070-123 45 67, jag väntade i telefonkö i tre timmar."},
        {"id": "b", "text": "inget att tillägga"},
    ]
    inp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", "samsjuklighet", "--json"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["id"] for o in out] == ["a", "b"]
    for o in out:
        assert {"suggestions", "prediction_set", "unsure", "valence", "evidence"} <= set(o)
    assert "070-123" not in result.stdout and "45 67" not in result.stdout
    assert out[1]["suggestions"] == [] and out[1]["unsure"] is True


def test_cli_bad_input_gives_swedish_error(tmp_path: Path) -> None:
    from nlp.cli import app

    inp = tmp_path / "svar.jsonl"
    inp.write_text('{"id": 1, "text": "hej"}\n{trasig\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", "samsjuklighet", "--json"])
    assert result.exit_code != 0
    assert "svar.jsonl" in result.output and "rad 2" in result.output
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", "saknas"])
    assert result.exit_code != 0 and "finns inte" in result.output


def test_cli_classifies_with_a_taxonomy_file_and_names_what_is_broken_in_it(tmp_path: Path) -> None:
    """`--taxonomi PATH` takes a user's own taxonomy file, with the schema's Swedish errors."""
    from nlp.cli import app

    own = tmp_path / "egen.yaml"
    source = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "taxonomi_vardupplevelse.yaml"
    own.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    tax = load_taxonomy(own)
    inp = tmp_path / "svar.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": "Jag väntade i telefonkö i tre timmar."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", str(own), "--json"])
    assert result.exit_code == 0, result.output
    (out,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert out["prediction_set"] and set(out["prediction_set"]) <= set(tax.label_ids)
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", str(own)])
    assert result.exit_code == 0 and tax.name.split()[0] in result.output
    own.write_text(source.read_text(encoding="utf-8").replace("  description:", "  beskrivning:", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["klassificera", str(inp), "--taxonomi", str(own)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "Fel i taxonomifilen egen.yaml: etikett nr 1 (id 'bemotande')" in said and "okänt fält" in said


def test_a_model_on_query_vectors_needs_the_callers_embedder(tiny, embedder, vectors) -> None:
    from nlp.classify import zero_shot_model

    zs = zero_shot_model(tiny, embedder)
    with pytest.raises(ConfigError, match="ingen inbäddningsmodell"):
        zs.predict_proba(TEXTS, vectors, kind="passage")  # the stage never picks an embedding model itself


def test_valence_head_reads_its_own_kind_of_vector(embedder, vectors, passage_vectors, tmp_path: Path) -> None:
    import json as _json

    from nlp.classify import fit_valence_head, load_valence_head, predict_valence

    y = np.array([1, 0] * (len(TEXTS) // 2) + [1] * (len(TEXTS) % 2))
    head = fit_valence_head(vectors, y, embed_model=embedder.model_id)
    assert head.embed_kind == "query"
    head.save(tmp_path / "ny")
    now = predict_valence(TEXTS, vectors, embedder=embedder, directory=tmp_path / "ny")
    # a head saved before the kind was recorded reads "passage:" vectors: it gets the texts
    # embedded with that prefix and gives what it gives on passage vectors
    old = fit_valence_head(passage_vectors, y, embed_model=embedder.model_id)
    old.save(tmp_path / "gammal")
    card = tmp_path / "gammal" / "modellkort.json"
    meta = _json.loads(card.read_text(encoding="utf-8"))
    meta.pop("embed_kind")
    card.write_text(_json.dumps(meta), encoding="utf-8")
    assert load_valence_head(embedder, tmp_path / "gammal").embed_kind == "passage"
    got = predict_valence(TEXTS, vectors, embedder=embedder, directory=tmp_path / "gammal")
    want = predict_valence(TEXTS, passage_vectors, kind="passage", directory=tmp_path / "gammal")
    assert [v.label for v in got] == [v.label for v in want] and len(now) == len(TEXTS)
    with pytest.raises(ConfigError, match="Träna om"):
        predict_valence(TEXTS, vectors, directory=tmp_path / "gammal")


def test_label_shifts_lift_a_label_whose_scores_sit_low_and_need_enough_answers() -> None:
    from scipy.special import expit

    from nlp.classify.calibration import LABEL_SHIFT_MIN, best_threshold, choose_label_shifts, macro_f1, platt

    rng = np.random.default_rng(5)

    def draw(n: int) -> tuple[np.ndarray, np.ndarray]:
        Y = (rng.uniform(size=(n, 3)) < [0.6, 0.4, 0.15]).astype(int)
        # the rare third label's true answers score like the others' false ones under a shared map
        z = np.where(Y > 0, [1.0, 1.0, -1.5], [-1.5, -1.5, -3.0]) + rng.normal(0, 0.8, size=(n, 3))
        return expit(z), Y

    raw, Y = draw(2 * LABEL_SHIFT_MIN)
    shift = choose_label_shifts(raw, Y, (1.0, 0.0))
    assert shift[2] > 0.5 and abs(shift[2]) > abs(shift[0])
    new_raw, new_Y = draw(3000)  # unseen answers
    before = macro_f1(platt(new_raw, 1.0, 0.0), new_Y, best_threshold(platt(raw, 1.0, 0.0), Y))
    after = macro_f1(platt(new_raw, 1.0, 0.0, shift), new_Y, best_threshold(platt(raw, 1.0, 0.0, shift), Y))
    assert after > before + 0.02
    assert not choose_label_shifts(raw[: LABEL_SHIFT_MIN - 1], Y[: LABEL_SHIFT_MIN - 1], (1.0, 0.0)).any()

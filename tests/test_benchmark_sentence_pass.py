"""benchmarks/sentence_pass.py: its rules pick the answers the classifier scores sentence by
sentence, and applied to the classifier they reach training and prediction alike."""

from __future__ import annotations

import pytest

import nlp.classify.embedding
import nlp.classify.model
import nlp.classify.predict
import nlp.classify.segments
import nlp.classify.training
from benchmarks import sentence_pass
from nlp.classify.segments import segment_spans

pytestmark = pytest.mark.utan_databas

TWO = "Trevlig personal på mottagningen, men omöjligt att komma fram på telefon."
THREE = "Trevlig personal på mottagningen. Lång väntan i kassan. Rent och fint i väntrummet."


def test_rules_count_segments_and_words() -> None:
    two, three = segment_spans(TWO), segment_spans(THREE)
    assert (len(two), len(three)) == (2, 3)
    assert sentence_pass.scores_sentences(sentence_pass.parse_rule("alla"), TWO, two)
    assert not sentence_pass.scores_sentences(sentence_pass.parse_rule("minseg:3"), TWO, two)
    assert sentence_pass.scores_sentences(sentence_pass.parse_rule("minseg:3"), THREE, three)
    assert not sentence_pass.scores_sentences(sentence_pass.parse_rule("minord:12"), TWO, two)
    assert sentence_pass.scores_sentences(sentence_pass.parse_rule("minord:11"), TWO, two)
    assert not sentence_pass.scores_sentences(sentence_pass.parse_rule("alla"), "Bra bemötande.", [(0, 14)])


def test_an_unknown_rule_stops_the_run() -> None:
    with pytest.raises(SystemExit):
        sentence_pass.parse_rule("minseg")
    with pytest.raises(SystemExit):
        sentence_pass.parse_rule("kortast:3")


def test_applied_rule_scores_a_skipped_answer_whole_in_training_and_prediction(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, name in [
        (nlp.classify.predict, "segment_spans"),
        (nlp.classify.training, "scored_spans"),
        (nlp.classify.segments, "MIN_WORDS"),
        (nlp.classify.embedding, "span_vectors_with"),
        (nlp.classify.model, "span_vectors_with"),
        (nlp.classify.training, "span_vectors_with"),
    ]:
        monkeypatch.setattr(module, name, getattr(module, name))  # restored after the test
    sentence_pass.apply_rule(sentence_pass.parse_rule("minseg:3"))
    assert nlp.classify.training.scored_spans(TWO) == []
    assert nlp.classify.predict.segment_spans(TWO) == [(0, len(TWO))]
    assert nlp.classify.training.scored_spans(THREE) == segment_spans(THREE)
    assert nlp.classify.predict.segment_spans(THREE) == segment_spans(THREE)

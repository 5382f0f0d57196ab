"""The pure pieces of the validator page: the one wording of confidence, which answers are
grouped as identical or near-identical, and the evidence highlighted in the answer."""

from __future__ import annotations

import pytest

from api.services.answer_groups import NEAR, answer_key, group_texts, similarity
from api.web.validator_view import evidence_lines, highlight, label_choices
from nlp.validation_status import CONFIDENCE_WORDS, confidence_text

pytestmark = pytest.mark.utan_databas


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.0, "mindre troligt (0\u00a0%)"),
        (0.294, "mindre troligt (29\u00a0%)"),
        (0.3, "osäkert (30\u00a0%)"),
        (0.4949, "osäkert (49\u00a0%)"),
        (0.4951, "möjligt (50\u00a0%)"),  # shown as 50 %: worded as 50 %, never as "osäkert"
        (0.5, "möjligt (50\u00a0%)"),
        (0.78, "troligt (78\u00a0%)"),
        (0.9, "mycket troligt (90\u00a0%)"),
        (1.0, "mycket troligt (100\u00a0%)"),
        (1.7, "mycket troligt (100\u00a0%)"),
        (None, "okänd säkerhet"),
        (float("nan"), "okänd säkerhet"),
    ],
)
def test_confidence_is_worded_by_its_band(p: float | None, text: str) -> None:
    assert confidence_text(p) == text


def test_the_same_shown_percentage_always_reads_the_same() -> None:
    by_percent: dict[str, set[str]] = {}
    for i in range(10001):
        words, percent = confidence_text(i / 10000).rsplit(" (", 1)
        by_percent.setdefault(percent, set()).add(words)
    assert all(len(w) == 1 for w in by_percent.values())
    # And the phrases follow the probability: never a weaker phrase for a higher value.
    order = [w for _, w in CONFIDENCE_WORDS][::-1]
    seen = [order.index(confidence_text(i / 100).rsplit(" (", 1)[0]) for i in range(101)]
    assert seen == sorted(seen)


def test_identical_after_normalising() -> None:
    assert answer_key("  Mer PERSONAL!! ") == answer_key("mer personal") == "mer personal"
    assert answer_key("Ring [PERSON_1] snart") == answer_key("ring [PERSON_7] snart.")
    assert similarity("Mer personal!", "mer personal") == 1.0


def test_near_identical_forgives_typos_but_not_a_negation() -> None:
    long_a = "Det tar alldeles för lång tid att få en tid hos läkaren på vårdcentralen"
    long_b = "Det tar aldeles för lång tid att få en tid hos läkaren på vårdcentralen."
    assert similarity(long_a, long_b) >= NEAR
    assert similarity("Inte bra bemötande", "Bra bemötande") < NEAR
    assert similarity("Personalen var inte snäll mot mig", "Personalen var snäll mot mig") < NEAR
    assert similarity("Mer personal", "Mindre personal") < NEAR


def test_group_texts_puts_identical_first_and_leaves_others_out() -> None:
    head = "Mer personal behövs på avdelningen, det är för få som jobbar"
    others = [
        (1, "mer personal behövs på avdelningen – det är för få som jobbar"),
        (2, "Mer personal behövs på avdelningen, det är för få som jobbar!"),
        (3, "Mer personal behövs på avdelningen, det är för få som jobbar där"),
        (4, "Bättre mat på avdelningen"),
    ]
    groups = group_texts(head, others)
    assert groups[0]["identical"] and groups[0]["ids"] == [1, 2]
    assert [g["ids"] for g in groups[1:]] == [[3]] and not groups[1]["identical"]


def test_highlight_marks_the_classifiers_spans_and_merges_overlaps() -> None:
    text = "Bra personal. Men telefonkön är lång och ingen svarar."
    start = text.index("Men")
    evidence = [
        {"label": "tillganglighet", "words": ["personal"], "spans": [{"start": start, "end": len(text)}]},
        {"label": "tillganglighet", "spans": [{"start": start + 4, "end": start + 14}, {"start": 5, "end": 999}]},
        {"label": "respekt", "spans": [{"start": 0, "end": 3}]},
    ]
    pieces = highlight(text, evidence, ["tillganglighet"])
    assert pieces == [(text[:start], False), (text[start:], True)]
    assert "".join(p for p, _ in pieces) == text
    lines = evidence_lines(evidence, {"tillganglighet": "Tillgänglighet"}, ["tillganglighet"], text)
    assert lines[0]["kind"] == "meningar" and lines[0]["parts"][0] == text[start:]


def test_highlight_falls_back_to_the_evidence_words() -> None:
    text = "Väntetiden var lång. Väntetiderna är långa, och väntetid överallt."
    pieces = highlight(text, [{"label": "a", "words": ["väntetid", "lång"]}], ["a"])
    assert [p for p, marked in pieces if marked] == ["lång", "väntetid"]  # whole words only
    assert highlight(text, [{"label": "b", "words": ["lång"]}], ["a"]) == [(text, False)]
    assert highlight("", None, ["a"]) == []


def test_label_choices_pre_tick_the_model_suggestions() -> None:
    titles = {"a": "Alfa", "b": "Beta", "c": "Gamma", "d": "Delta"}
    sugg = [
        {"label_id": "a", "probability": 0.4, "in_prediction_set": True},
        {"label_id": "b", "probability": 0.62, "in_prediction_set": True},
        {"label_id": "c", "probability": 0.2, "in_prediction_set": True},
        {"label_id": "d", "probability": 0.05, "in_prediction_set": True},
    ]
    choices = label_choices(sugg, titles)
    assert [(c["label_id"], c["checked"]) for c in choices["suggested"]] == [("b", True), ("a", False), ("c", False)]
    assert choices["suggested"][0]["confidence"] == confidence_text(0.62)
    assert [c["label_id"] for c in choices["rest"]] == ["d"]

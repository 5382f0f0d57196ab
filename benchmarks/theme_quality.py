"""Theme quality on real Swedish text with known topics: the product against plain BERTopic.

    python benchmarks/theme_quality.py                 # both sets, "query:" and "passage:" vectors
    python benchmarks/theme_quality.py --typ query --upprepa 2
    python benchmarks/theme_quality.py --n 500 --set recensioner --typ query   # a quick check

Known-topic sets, built here from the shared real data (../shared/data/real, never copied),
pseudonymised as the product does before anything embeds them (benchmarks/shared_texts.py); the
known topic of a review is read from the raw review, in memory:

* "recensioner": the reviews whose text names exactly one kind of business through an
  unambiguous keyword (car/garage, cleaning, estate agent, restaurant, delivery, craftsmen,
  hairdresser, naprapath/massage, removals); reviews naming none or several are left out.
* "recensioner+forum": the same plus 500 forum paragraphs about immigration (Absabank-Imm,
  Språkbanken Text, University of Gothenburg, CC BY 4.0) as one more topic.

For each set and kind of e5 vector, in one run on the very same vectors: the product's
`fit_themes` and BERTopic with default settings (`language="multilingual"`, its own UMAP and
HDBSCAN). Figures: themes, outlier share, NMI and ARI (outliers count as one more cluster,
as a user of either tool sees them) and purity of the non-outliers. `--upprepa` fits the
product again in the same process and checks that the themes are identical.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.shared_texts import FORUM, REVIEWS, count_rows, load, require  # noqa: E402

# Kind of business → keywords that name it and nothing else (checked by reading samples).
BUSINESS = {
    "bil": r"verkstad|\bbil(en|ar|arna)?\b|\bdäck(en)?\b|mekaniker|besiktning",
    "städ": r"städ",
    "mäklare": r"mäklar|visning(en)?\b|budgivning",
    "restaurang": r"restaurang|servitör|\bmaten\b|\bmenyn?\b|\blunch|\bmiddag|pizza|\brätter(na)?\b",
    "leverans": r"leverans|\bpaketet\b|beställning(en)?\b|webbshop|nätbutik",
    "hantverk": r"rörmokare|elektriker|snickare|hantverkare|målare|takläggning",
    "frisör": r"frisör|klippning|\bhåret\b|klippte",
    "naprapat": r"naprapat|kiropraktor|massage|massör",
    "flytt": r"flyttfirma|flyttgubb|flytthjälp|\bflytten\b|bärhjälp|flyttkartong",
}
# Keywords of other kinds: a review naming one of these as well is ambiguous and left out.
OTHER_KINDS = r"tandläkar|tandvård|hotell|\brummet\b|vårdcentral|läkare(n)?\b|doktor"
N_FORUM = 500


PATTERNS = {k: re.compile(v, re.IGNORECASE) for k, v in BUSINESS.items()}
OTHER_PATTERN = re.compile(OTHER_KINDS, re.IGNORECASE)


def business_of(text: str) -> str | None:
    """The one kind of business a review names, or None (none, several, or an ambiguous one)."""
    hits = [k for k, p in PATTERNS.items() if p.search(text)]
    return hits[0] if len(hits) == 1 and not OTHER_PATTERN.search(text) else None


def business_of_row(row: dict[str, str]) -> str | None:
    """business_of of a raw row of the reviews file (a label for shared_texts.load)."""
    return business_of(row["text"])


def business_reviews(n: int | None = None) -> tuple[list[str], list[str], list[int]]:
    """The first n (all if None) reviews naming exactly one kind of business, pseudonymised,
    with that kind (read from the raw review) as their topic, and their rows."""
    got = load(
        REVIEWS,
        n,
        keep=lambda _i, row: business_of_row(row) is not None,
        label=business_of_row,
    )
    return got.texts, got.labels, got.rows


def forum_paragraphs(n: int) -> tuple[list[str], list[int]]:
    """n forum paragraphs in a fixed random choice (seed 0), in file order, pseudonymised, with their rows."""
    chosen = set(np.random.default_rng(0).permutation(count_rows(FORUM))[:n].tolist())
    got = load(FORUM, keep=lambda i, _row: i in chosen)
    return got.texts, got.rows


def known_topic_sets(
    saved: Path | None, n: int | None = None
) -> dict[str, tuple[list[str], list[str], dict[str, Any]]]:
    """name → (texts, topics, vectors by kind or {} to embed them here); `n`: only the first n reviews."""
    texts, topics, rows = business_reviews(n)
    forum, forum_rows = forum_paragraphs(N_FORUM)
    vectors: dict[str, Any] = {}
    both: dict[str, Any] = {}
    for kind in ("query", "passage") if saved else ():
        if (saved / f"rev_{kind}.npy").is_file():
            rev = np.load(saved / f"rev_{kind}.npy")
            vectors[kind] = rev[rows]
            if (saved / f"forum_{kind}.npy").is_file():
                both[kind] = np.vstack([rev[rows], np.load(saved / f"forum_{kind}.npy")[forum_rows]])
    return {
        "recensioner": (texts, topics, vectors),
        "recensioner+forum": (texts + forum, topics + ["invandring"] * len(forum), both),
    }


def scores(truth: list[str], labels: np.ndarray) -> dict[str, float]:
    """NMI and ARI (outliers = one more cluster), purity of non-outliers, outlier share."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    labels = np.asarray(labels)
    inlier = labels != -1
    purity = 0.0
    if inlier.any():
        by_cluster: dict[int, Counter[str]] = {}
        for t, c in zip(np.asarray(truth)[inlier], labels[inlier]):
            by_cluster.setdefault(int(c), Counter())[t] += 1
        purity = sum(c.most_common(1)[0][1] for c in by_cluster.values()) / int(inlier.sum())
    return {
        "teman": len(set(labels.tolist()) - {-1}),
        "övrigt": float(np.mean(~inlier)),
        "NMI": float(normalized_mutual_info_score(truth, labels)),
        "ARI": float(adjusted_rand_score(truth, labels)),
        "renhet": purity,
    }


def product_labels(texts: list[str], vectors: np.ndarray) -> np.ndarray:
    from nlp.themes import fit_themes

    ids = list(range(len(texts)))
    result = fit_themes(texts, vectors, record_ids=ids)
    return np.array([result.assignments[i][0][0] for i in ids])


def bertopic_labels(texts: list[str], vectors: np.ndarray) -> np.ndarray:
    """BERTopic exactly as a newcomer runs it, on precomputed vectors."""
    from bertopic import BERTopic

    topics, _ = BERTopic(language="multilingual").fit_transform(texts, embeddings=vectors)
    return np.asarray(topics)


def embed(texts: list[str], kind: str) -> np.ndarray:
    from nlp.embed import embed_texts

    return embed_texts(texts, kind=kind)  # type: ignore[arg-type]


def _row(name: str, s: dict[str, float], seconds: float) -> str:
    return (
        f"  {name:<34} {s['teman']:>5} {s['övrigt']:>7.1%} {s['NMI']:>6.3f} {s['ARI']:>6.3f} "
        f"{s['renhet']:>7.3f} {seconds:>7.1f}"
    )


def run_set(
    name: str, texts: list[str], truth: list[str], kinds: list[str], repeat: int, saved: dict[str, Any]
) -> None:
    print(f"\n{name}: {len(texts)} texter, {len(set(truth))} kända ämnen {dict(Counter(truth))}")
    print(f"  {'metod':<34} {'teman':>5} {'övrigt':>7} {'NMI':>6} {'ARI':>6} {'renhet':>7} {'sek':>7}")
    for kind in kinds:
        vectors = saved[kind] if kind in saved else embed(texts, kind)
        t0 = time.perf_counter()
        ours = product_labels(texts, vectors)
        print(_row(f"brukarrost teman ({kind}:)", scores(truth, ours), time.perf_counter() - t0), flush=True)
        for k in range(1, repeat):
            again = product_labels(texts, vectors)
            print(f"  samma process, anpassning {k + 1}: {'identisk' if np.array_equal(again, ours) else 'ANNORLUNDA'}")
        t0 = time.perf_counter()
        plain = bertopic_labels(texts, vectors)
        print(_row(f"BERTopic standard ({kind}:)", scores(truth, plain), time.perf_counter() - t0), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--typ", choices=["query", "passage", "båda"], default="båda", help="e5-prefix för vektorerna")
    ap.add_argument("--upprepa", type=int, default=2, help="anpassa produktens teman så många gånger (kontroll)")
    ap.add_argument("--n", type=int, help="bara de första N recensionerna med känt ämne (för en snabb kontroll)")
    ap.add_argument("--set", choices=["recensioner", "recensioner+forum", "alla"], default="alla")
    ap.add_argument(
        "--vektorer",
        type=Path,
        help="mapp med sparade vektorer för hela filerna i filordning (rev_query.npy, forum_query.npy, "
        "rev_passage.npy …), av de pseudonymiserade texterna, i stället för att bädda in här",
    )
    args = ap.parse_args()
    require(REVIEWS, FORUM)
    kinds = ["query", "passage"] if args.typ == "båda" else [args.typ]
    print(f"Maskinens last (1, 5, 15 min): {os.getloadavg()}")
    for name, (texts, truth, saved) in known_topic_sets(args.vektorer, args.n).items():
        if args.set in ("alla", name):
            run_set(name, texts, truth, kinds, args.upprepa, saved)


if __name__ == "__main__":
    main()

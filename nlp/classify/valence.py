"""Valence per answer: styrka, utmaning, blandad or neutral.

A binary positive/negative head on the answers' embeddings gives P(positiv): the kind its
model card names (`embed_kind`; "query:" since the one-pass build, a card without it is
from before and reads "passage:", so those answers are embedded again for it). The shipped
head (nlp/modeller/klassificerare/valens/) is 384 coefficients and an intercept, fitted
on real Swedish reviews; it contains no text (see its model card for why shipping it is
acceptable). If the file is missing, a zero-shot head from prototype sentences written
for this project is used instead, so the product works on a fresh machine.

The four classes are read off P(positiv): clearly positive → styrka, clearly negative
→ utmaning; in between, an answer with a contrast word ("men", "fast", "tyvärr" …) is
blandad, otherwise neutral. The in-between rule is a heuristic: the reviews have no
mixed/neutral labels to learn it from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

from nlp.classify.embedding import check_embed_model, embed_with
from nlp.classify.results import Valence
from nlp.core import ANALYSIS_KIND, Embedder, Kind
from nlp.errors import ConfigError
from nlp.modeller import SHIPPED_DIR

SHIPPED_MODEL_DIR = SHIPPED_DIR / "klassificerare"
VALENCE_DIR = SHIPPED_MODEL_DIR / "valens"
HIGH, LOW = 0.7, 0.3
_CONTRAST = re.compile(r"\b(men|fast|dock|tyvärr|tyvarr|däremot|daremot|samtidigt|annars|trots)\b", re.IGNORECASE)

# Written for this project (not taken from any data set).
POSITIVE_PROTOTYPES = [
    "Jag är mycket nöjd med hjälpen jag fick.",
    "Personalen var fantastisk och brydde sig verkligen.",
    "Det fungerade jättebra, tack för allt.",
    "Jag blev väl bemött och kände mig trygg.",
    "Bästa stödet jag har fått, rekommenderas varmt.",
    "Snabb och bra hjälp, allt gick smidigt.",
]
NEGATIVE_PROTOTYPES = [
    "Jag är väldigt missnöjd, ingen hjälpte mig.",
    "Bemötandet var dåligt och nedlåtande.",
    "Det fungerade inte alls och ingen bryr sig.",
    "Jag fick vänta alldeles för länge och blev arg.",
    "Katastrof, jag skulle aldrig gå dit igen.",
    "Ingen lyssnade och allt blev fel.",
]


@dataclass
class ValenceHead:
    coef: np.ndarray
    intercept: float
    source: str  # "recensioner" | "prototyper"
    embed_model: str
    embed_kind: Kind = ANALYSIS_KIND  # which e5 prefix the head reads

    def p_positive(self, E: np.ndarray, embed_model: str) -> np.ndarray:
        """P(positiv) for vectors from the embedding model `embed_model`; vectors from any
        other model are refused (same dimension is no guarantee of the same space)."""
        check_embed_model(self.embed_model, embed_model, "Valenshuvudet")
        return expit(np.asarray(E, dtype=np.float64) @ self.coef + self.intercept)

    def save(self, directory: Path = VALENCE_DIR, card: dict[str, Any] | None = None) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            directory / "valens.npz", coef=self.coef.astype(np.float32), intercept=np.float32(self.intercept)
        )
        meta = {"source": self.source, "embed_model": self.embed_model, "embed_kind": self.embed_kind, **(card or {})}
        (directory / "modellkort.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        return directory


_HEADS: dict[tuple[str, str | None], ValenceHead] = {}


def read_valence_head(directory: Path = VALENCE_DIR) -> ValenceHead | None:
    """The saved head in `directory`, or None if there is none."""
    f = directory / "valens.npz"
    if not f.is_file():
        return None
    z = np.load(f)
    meta = json.loads((directory / "modellkort.json").read_text(encoding="utf-8"))
    # A card without the kind is from before it was recorded: those heads read "passage:".
    return ValenceHead(
        z["coef"].astype(np.float64),
        float(z["intercept"]),
        meta["source"],
        meta.get("embed_model", "okänd"),
        meta.get("embed_kind", "passage"),
    )


def load_valence_head(embedder: Embedder | None = None, directory: Path = VALENCE_DIR) -> ValenceHead:
    """The saved head if it was fitted on `embedder`'s model, else the prototype (zero-shot)
    head built with `embedder`: a head from another model would read vectors it never saw."""
    model_id = getattr(embedder, "model_id", None)
    key = (str(directory), model_id)
    if key in _HEADS:
        return _HEADS[key]
    head = read_valence_head(directory)
    if head is None or (model_id is not None and head.embed_model != model_id):
        head = prototype_head(embedder)
    _HEADS[key] = head
    return head


def prototype_head(embedder: Embedder | None = None) -> ValenceHead:
    """Zero-shot: the direction from the negative to the positive prototype centroid."""
    P = embed_with(embedder, POSITIVE_PROTOTYPES, ANALYSIS_KIND)
    N = embed_with(embedder, NEGATIVE_PROTOTYPES, ANALYSIS_KIND)
    d = P.mean(0) - N.mean(0)
    mid = (P.mean(0) + N.mean(0)) / 2
    # scale so that the prototypes themselves sit near p = 0.9 / 0.1
    spread = float(np.median(np.abs((np.vstack([P, N]) - mid) @ d))) or 1.0
    coef = d * (2.2 / spread)
    return ValenceHead(coef, float(-mid @ coef), "prototyper", getattr(embedder, "model_id", "okänd"), ANALYSIS_KIND)


def valence_from_p(p: float, text: str) -> Valence:
    if p >= HIGH:
        return Valence("styrka", round(float(p), 4))
    if p <= LOW:
        return Valence("utmaning", round(float(1 - p), 4))
    balance = 1 - abs(2 * p - 1)  # 1 when positive and negative weigh equally
    return Valence("blandad" if _CONTRAST.search(text) else "neutral", round(float(balance), 4))


def predict_valence(
    texts: Sequence[str],
    embeddings: np.ndarray,
    *,
    embedder: Embedder | None = None,
    kind: Kind = ANALYSIS_KIND,
    directory: Path = VALENCE_DIR,
) -> list[Valence]:
    """Valence from the texts' `kind` embeddings; a head fitted on the other kind gets the
    texts embedded with its own prefix (a second pass, through the caller's cache)."""
    head = load_valence_head(embedder, directory)
    if head.embed_kind != kind:
        if embedder is None:
            raise ConfigError(
                f"Valenshuvudet är tränat på {head.embed_kind!r}-vektorer men fick {kind!r}-vektorer. "
                "Träna om det med: python benchmarks/classify.py --bygg-valens"
            )
        embeddings = embed_with(embedder, texts, head.embed_kind)
    p = head.p_positive(embeddings, getattr(embedder, "model_id", head.embed_model))
    return [valence_from_p(float(pi), t) for pi, t in zip(p, texts)]


def fit_valence_head(
    E: np.ndarray, y: np.ndarray, *, embed_model: str, C: float = 1.0, embed_kind: Kind = ANALYSIS_KIND
) -> ValenceHead:
    lr = LogisticRegression(C=C, max_iter=3000).fit(np.asarray(E) * 10, y)
    return ValenceHead(lr.coef_[0] * 10, float(lr.intercept_[0]), "recensioner", embed_model, embed_kind)


def model_card(n_train: int, accuracy: float, n_test: int) -> dict[str, Any]:
    return {
        "skapad": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": f"{n_train} verkliga svenska recensioner (positiv/negativ); datan följer inte med",
        "mått": {
            "träffsäkerhet_binär": round(accuracy, 4),
            "n_test": n_test,
            "test": "hållna recensioner som huvudet inte tränats på",
        },
        "källa": "timpal0l/swedish-sentiment, sentiment-sv-small.csv, commit "
        "1eedf0adcd85875fa78fdac9b2ae3f85b038f125; de första 2000 i en slumpordning med frö 0",
        "varför_vikterna_följer_med": (
            "Huvudet är 384 koefficienter och ett intercept: inga texter, inga ord och inget som "
            "återskapar en enskild recension. Datan saknar licens och följer därför inte med. "
            "Tas filen bort används prototypmeningar skrivna för projektet (zero-shot)."
        ),
        "klasser": "styrka om P(positiv) ≥ 0,7; utmaning om ≤ 0,3; däremellan blandad vid "
        "kontrastord (men, fast, tyvärr …), annars neutral (heuristik)",
        "bygg": "python benchmarks/classify.py --bygg-valens",
    }

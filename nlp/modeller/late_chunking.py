"""Late chunking: vectors of a text's segments taken from the text's own encoder pass.

Instead of running the encoder again on each sentence, the token states of the whole text
(the encoder's last layer, before pooling) are mean-pooled over the tokens of each segment
(Günther et al. 2024, "Late Chunking: Contextual Chunk Embeddings Using Long-Context
Embedding Models"). A segment's vector then costs a few additions, and it also carries
the context of the rest of the answer. Backends give token states and, per token, the end
offset of the characters it covers; these helpers assign tokens to character spans and pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

CharSpan = tuple[int, int]

__all__ = ["SegmentPool", "CharSpan", "token_segments", "with_token_states"]


def token_segments(token_ends: Sequence[int] | np.ndarray, spans: Sequence[CharSpan]) -> np.ndarray:
    """Per token, the index of the span that holds the token's last character, or -1.

    Offsets are in the same string as the spans. The last character decides because a
    token's leading space (SentencePiece "▁", BPE "Ġ") lies before the word it starts."""
    last = np.asarray(token_ends, dtype=np.int64) - 1
    if len(spans) == 0 or len(last) == 0:
        return np.full(len(last), -1, dtype=np.int64)
    starts = np.array([a for a, _ in spans], dtype=np.int64)
    stops = np.array([b for _, b in spans], dtype=np.int64)
    k = np.searchsorted(starts, last, side="right") - 1
    inside = (k >= 0) & (last < stops[np.maximum(k, 0)])
    return np.where(inside, k, -1)


class SegmentPool:
    """Sums of token states per segment, added window by window (a long text is cut in
    windows; a segment across a window edge gets its tokens from both)."""

    def __init__(self, n_segments: int, dim: int) -> None:
        self.sums = np.zeros((n_segments, dim), dtype=np.float64)
        self.counts = np.zeros(n_segments, dtype=np.int64)

    def add(self, states: np.ndarray, segment_of: np.ndarray) -> None:
        """`states`: tokens × dim; `segment_of`: each token's segment index (-1: none)."""
        keep = segment_of >= 0
        if not keep.any():
            return
        np.add.at(self.sums, segment_of[keep], np.asarray(states, dtype=np.float64)[keep])
        self.counts += np.bincount(segment_of[keep], minlength=len(self.counts))

    def vectors(self) -> np.ndarray:
        """float32 unit vectors, one per segment; NaN rows for a segment no token fell in
        (the caller embeds those on their own)."""
        out = np.full(self.sums.shape, np.nan, dtype=np.float32)
        have = self.counts > 0
        means = self.sums[have] / self.counts[have, None]
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        out[have] = (means / np.maximum(norms, 1e-12)).astype(np.float32)
        return out


def with_token_states(onnx_path: Path) -> tuple[bytes | str, str | None]:
    """An ONNX encoder whose output "pooled" is a mean pooling (Mul by the mask, ReduceSum,
    Div), with the token states that pooling reads (a LayerNormalization's output) as a
    second output, and that output's name. The file itself is unchanged, so a built model,
    its id and the vectors cached with it stay valid. (path, None) for any other graph."""
    try:
        import onnx  # a protobuf library, no torch: only to add the output at load
    except ImportError:  # without it the model runs as built, sentences in a pass of their own
        return str(onnx_path), None

    model = onnx.load(str(onnx_path))
    made_by = {o: n for n in model.graph.node for o in n.output}
    div = made_by.get("pooled")
    reduce = made_by.get(div.input[0]) if div is not None and div.op_type == "Div" else None
    mul = made_by.get(reduce.input[0]) if reduce is not None and reduce.op_type == "ReduceSum" else None
    name = None
    for x in mul.input if mul is not None and mul.op_type == "Mul" else ():
        if x in made_by and made_by[x].op_type.endswith("LayerNormalization"):
            name = x
    if name is None:
        return str(onnx_path), None
    model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, ["b", "l", None]))
    return model.SerializeToString(), name

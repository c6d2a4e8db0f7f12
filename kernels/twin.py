"""NumPy twin of the native kernels (kernels/rubricc_kernels.cpp): same contract, IDENTICAL results.

Used when the C++ library is not built. Packing itself is :func:`rubricc.kernels.pack.pack_fused` (the
layout reference); this module adds rubric splitting, length bucketing, logit gathering and reward
aggregation. The aggregation sums each response's criteria in order in float64 and computes the sigmoid
with the C library's ``exp`` (``math.exp``), exactly as the C++ code does, so both paths agree bit for
bit and equal :func:`rubricc.scoring.score`.
"""
from __future__ import annotations

import math
from typing import Sequence, Tuple

import numpy as np

NEURAL, PROGRAM, MISSING = 0, 1, 2


def split_criteria(crit_lens: Sequence[int], ctx_len: int, max_seq_len: int) -> np.ndarray:
    """Chunk index of each criterion: consecutive criteria share a fused sequence while
    ``ctx_len + sum(lens) <= max_seq_len`` (a chunk always holds at least one criterion)."""
    out = np.zeros(len(crit_lens), dtype=np.int64)
    chunk, used, count = 0, ctx_len, 0
    for i, n in enumerate(crit_lens):
        if count > 0 and used + n > max_seq_len:
            chunk += 1
            used = ctx_len
            count = 0
        used += int(n)
        count += 1
        out[i] = chunk
    return out


def bucket(lengths: Sequence[int], token_budget: int, max_batch: int) -> Tuple[np.ndarray, np.ndarray]:
    """Length buckets: ``order`` (longest first, ties by index) and ``starts`` (bucket b is
    ``order[starts[b]:starts[b+1]]``). A bucket grows while ``(count + 1) * longest <= token_budget``
    and ``count < max_batch``."""
    lengths = np.asarray(lengths, dtype=np.int64)
    n = len(lengths)
    order = np.argsort(-lengths, kind="stable").astype(np.int64)
    starts = []
    i = 0
    while i < n:
        starts.append(i)
        tmax = int(lengths[order[i]])
        count = 1
        i += 1
        while i < n and count < max_batch and (count + 1) * tmax <= token_budget:
            count += 1
            i += 1
    starts.append(n)
    return order, np.asarray(starts, dtype=np.int64)


def gather(logits: np.ndarray, read_index: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(logits, dtype=np.float32).reshape(-1)[np.asarray(read_index, dtype=np.int64)]


def _sigmoid(z: float) -> float:
    try:
        return 1.0 / (1.0 + math.exp(-z))
    except OverflowError:  # exp(-z) is +inf in C: 1 / inf = 0
        return 0.0


def aggregate_inputs(counts, weights, kind, logits, value, temperature: float):
    """Checks and converts the inputs of ``aggregate`` (shared by the twin and the native wrapper):
    contiguous int64 counts and weights, int8 kinds, float32 logits, float64 values, and M criteria."""
    if not temperature > 0:
        raise ValueError("temperature must be positive")
    counts = np.ascontiguousarray(counts, dtype=np.int64)
    weights = np.ascontiguousarray(weights, dtype=np.int64)
    kind = np.ascontiguousarray(kind, dtype=np.int8)
    logits = np.ascontiguousarray(logits, dtype=np.float32)
    value = np.ascontiguousarray(value, dtype=np.float64)
    M = int(counts.sum())
    if not (len(weights) == len(kind) == len(logits) == len(value) == M):
        raise ValueError("counts, weights, kind, logits and value do not line up")
    return counts, weights, kind, logits, value, M


def aggregate(counts, weights, kind, logits, value, temperature: float, clip: bool = True,
              missing_drop: bool = False) -> Tuple[np.ndarray, np.ndarray]:
    """The batched form of :func:`rubricc.scoring.score` (contract: ``rk_aggregate`` in rubricc_kernels.h).

    Response r owns the next ``counts[r]`` criteria. The verdict of a NEURAL criterion is its calibrated
    probability ``1 / (1 + exp(-logit / temperature))``, of a PROGRAM criterion its ``value``; a MISSING
    one counts as 0, or is left out of numerator and denominator with ``missing_drop``. Returns
    ``(probs [M], rewards [R])`` in float64; NaN marks a missing verdict or an undefined reward.
    """
    counts, weights, kind, logits, value, M = aggregate_inputs(counts, weights, kind, logits, value, temperature)
    probs = np.full(M, np.nan)
    neural = kind == NEURAL
    z = logits.astype(np.float64) / float(temperature)
    probs[neural] = [_sigmoid(x) for x in z[neural].tolist()]
    program = kind == PROGRAM
    probs[program] = value[program]
    verdict = np.where(kind == MISSING, 0.0, probs)
    counted = (kind != MISSING) if missing_drop else np.ones(M, dtype=bool)
    R = len(counts)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) if R else np.zeros(0, np.int64)
    num = np.zeros(R)
    den = np.zeros(R)
    wf = weights.astype(np.float64)
    # the C++ loop's summation order: step j adds criterion j of every response that has one
    for j in range(int(counts.max()) if R else 0):
        rows = np.nonzero(counts > j)[0]
        idx = starts[rows] + j
        rows, idx = rows[counted[idx]], idx[counted[idx]]
        num[rows] = num[rows] + wf[idx] * verdict[idx]
        pos = weights[idx] > 0
        den[rows[pos]] = den[rows[pos]] + wf[idx[pos]]
    rewards = np.full(R, np.nan)
    ok = den > 0
    r = num[ok] / den[ok]
    if clip:
        r = np.where(r > 0.0, r, 0.0)
        r = np.where(r < 1.0, r, 1.0)
    rewards[ok] = r
    return probs, rewards

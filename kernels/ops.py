"""One API over the two implementations of the fused-batch kernels: native C++ (ctypes) or NumPy twin.

``get_ops("auto")`` gives the native kernels when the library is built, else the twin;
``get_ops("numpy")`` / ``get_ops("native")`` force one (the latter raises if it is not built). Both
objects have the same methods and return identical arrays (tests/test_kernels.py).
"""
from __future__ import annotations

from typing import Dict, Sequence, Tuple

import numpy as np

from rubricc.kernels import pack as _pack
from rubricc.kernels import twin as _twin


def _ptr(a: np.ndarray):
    return a.ctypes.data


class NumpyOps:
    name = "numpy"

    def pack_fused(self, contexts, criteria, pad_id: int, pad_to: int = 0) -> Dict[str, np.ndarray]:
        return _pack.pack_fused(contexts, criteria, pad_id, pad_to)

    def split_criteria(self, crit_lens, ctx_len: int, max_seq_len: int) -> np.ndarray:
        return _twin.split_criteria(crit_lens, ctx_len, max_seq_len)

    def bucket(self, lengths, token_budget: int, max_batch: int) -> Tuple[np.ndarray, np.ndarray]:
        return _twin.bucket(lengths, token_budget, max_batch)

    def gather(self, logits, read_index) -> np.ndarray:
        return _twin.gather(logits, read_index)

    def aggregate(self, counts, weights, kind, logits, value, temperature, clip=True, missing_drop=False):
        return _twin.aggregate(counts, weights, kind, logits, value, temperature, clip, missing_drop)


class NativeOps:
    name = "native"

    def __init__(self, lib):
        self.lib = lib

    def pack_fused(self, contexts: Sequence[Sequence[int]], criteria: Sequence[Sequence[Sequence[int]]],
                   pad_id: int, pad_to: int = 0) -> Dict[str, np.ndarray]:
        if len(contexts) != len(criteria):
            raise ValueError("one list of criteria per context")
        if any(isinstance(c, _pack.Windows) for c in contexts):  # windows: the reference packs them
            return _pack.pack_fused(contexts, criteria, pad_id, pad_to)
        B = len(contexts)
        ctx_len = np.fromiter((len(c) for c in contexts), dtype=np.int64, count=B)
        n_crit = np.fromiter((len(k) for k in criteria), dtype=np.int64, count=B)
        flat_crit = [c for ks in criteria for c in ks]
        crit_len = np.fromiter((len(c) for c in flat_crit), dtype=np.int64, count=len(flat_crit))
        ctx_off = np.zeros(B + 1, np.int64)
        np.cumsum(ctx_len, out=ctx_off[1:])
        seq_off = np.zeros(B + 1, np.int64)
        np.cumsum(n_crit, out=seq_off[1:])
        crit_off = np.zeros(len(flat_crit) + 1, np.int64)
        np.cumsum(crit_len, out=crit_off[1:])
        ctx_tok = np.fromiter((t for c in contexts for t in c), dtype=np.int64, count=int(ctx_off[-1]))
        crit_tok = np.fromiter((t for c in flat_crit for t in c), dtype=np.int64, count=int(crit_off[-1]))
        lengths = ctx_len.copy()
        np.add.at(lengths, np.repeat(np.arange(B), n_crit), crit_len)
        T = int(max([pad_to, *lengths.tolist()])) if B else int(pad_to)
        out = {k: np.empty((B, T), np.int64) for k in ("input_ids", "segment_ids", "position_ids")}
        read = np.empty(len(flat_crit), np.int64)
        m = self.lib.rk_pack_fused(B, _ptr(ctx_tok), _ptr(ctx_off), _ptr(crit_tok), _ptr(crit_off), _ptr(seq_off),
                                   int(pad_id), T, _ptr(out["input_ids"]), _ptr(out["segment_ids"]),
                                   _ptr(out["position_ids"]), _ptr(read))
        if m < 0:
            raise ValueError(f"rk_pack_fused failed with code {m}")
        out["read_index"] = read
        return out

    def split_criteria(self, crit_lens, ctx_len: int, max_seq_len: int) -> np.ndarray:
        lens = np.ascontiguousarray(crit_lens, dtype=np.int64)
        out = np.empty(len(lens), np.int64)
        self.lib.rk_split_criteria(len(lens), _ptr(lens), int(ctx_len), int(max_seq_len), _ptr(out))
        return out

    def bucket(self, lengths, token_budget: int, max_batch: int) -> Tuple[np.ndarray, np.ndarray]:
        lens = np.ascontiguousarray(lengths, dtype=np.int64)
        n = len(lens)
        order = np.empty(n, np.int64)
        starts = np.empty(n + 1, np.int64)
        nb = self.lib.rk_bucket(n, _ptr(lens), int(token_budget), int(max_batch), _ptr(order), _ptr(starts))
        return order, starts[: nb + 1].copy()

    def gather(self, logits, read_index) -> np.ndarray:
        lg = np.ascontiguousarray(logits, dtype=np.float32)
        ri = np.ascontiguousarray(read_index, dtype=np.int64)
        if len(ri) and (ri.min() < 0 or ri.max() >= lg.size):
            raise IndexError("read_index out of range")
        out = np.empty(len(ri), np.float32)
        self.lib.rk_gather(len(ri), _ptr(lg), _ptr(ri), _ptr(out))
        return out

    def aggregate(self, counts, weights, kind, logits, value, temperature, clip=True, missing_drop=False):
        counts, weights, kind, logits, value, M = _twin.aggregate_inputs(counts, weights, kind, logits, value,
                                                                        temperature)
        probs = np.empty(M, np.float64)
        rewards = np.empty(len(counts), np.float64)
        rc = self.lib.rk_aggregate(len(counts), _ptr(counts), _ptr(weights), _ptr(kind), _ptr(logits), _ptr(value),
                                   float(temperature), int(bool(clip)), int(bool(missing_drop)), _ptr(probs),
                                   _ptr(rewards))
        if rc < 0:
            raise ValueError(f"rk_aggregate failed with code {rc}")
        return probs, rewards


def get_ops(prefer: str = "auto"):
    """``"auto"``: native when built, else NumPy; ``"native"``: native or RuntimeError; ``"numpy"``."""
    if prefer == "numpy":
        return NumpyOps()
    from rubricc.kernels import native

    lib = native.load()
    if lib is not None:
        return NativeOps(lib)
    if prefer == "native":
        raise RuntimeError("the native kernels are not built (pip install needs cmake and a C++ compiler; "
                           "or set RUBRICC_KERNELS_LIB)")
    return NumpyOps()

"""The fused (prefix-shared) input layout, NumPy reference (DESIGN section 6), with response windows.

One sequence per response: ``[window_0][window_1]...[crit_1]...[crit_N]`` where

* window_0 = ``[CLS] prompt [SEP] chunk_0 [SEP]``         segment 0,        positions 0 .. len-1
* window_w = ``[CLS] (prompt tail [SEP]) chunk_w [SEP]``  segment -(w + 1), positions 0 .. len-1
* crit_k   = ``[CLS] criterion_k [SEP]``                  segment k,        positions O .. O+len_k-1

``chunk_w`` are consecutive pieces of the response's first ``max_response_len`` tokens (each may repeat
the last ``overlap`` tokens of the one before). Attention (built inside the model from ``segment_ids``):
a context token (segment 0 or <= -2) attends to the keys of its own window; a criterion token (segment
>= 1) attends to every window of its sequence and to its own criterion; padding (segment -1) is never
attended to. In one rule: token i may attend to token j iff ``seg[j] != -1`` and (``seg[j] == seg[i]`` or
(``seg[i]`` is not a window and ``seg[j]`` is one)). Criterion k is read at its first token (its [CLS]).

A context is either a plain token list (one window: the layout of bundles written before windows, whose
criteria start at ``O = len(context)``) or a :class:`Windows` (its windows and the fixed criterion offset
``O``, the window length, so a criterion's positions do not depend on how long the response is). With one
window and no windows in play every array is exactly what it was before windows existed.

The pairwise layout is the degenerate case: one criterion per sequence.

This module is the reference that training, export, the runtime and the native kernel all share; the
C++ kernel in this folder must give identical arrays (tests/test_kernels.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import numpy as np


@dataclass(frozen=True)
class Windowing:
    """How a response is cut into windows (``verifier.json``'s ``window_len``, ``window_overlap``,
    ``max_response_len``, ``window_prompt_tail``). ``window_len`` is also the criteria's position offset."""
    window_len: int
    overlap: int = 0
    max_response_len: int = 8192
    prompt_tail: int = 0  # prompt tokens repeated at the start of every later window (0: none)

    def check(self, max_prompt_len: int = 0, max_criterion_len: int = 0, max_positions: int = 0) -> None:
        """ValueError naming the field for settings no response can use."""
        if self.window_len < 8:
            raise ValueError("window_len must be at least 8")
        room = self.window_len - 2 - (self.prompt_tail + 1 if self.prompt_tail else 0)
        if self.prompt_tail < 0 or room < 4:
            raise ValueError("window_prompt_tail must be >= 0 and leave at least 4 response tokens per window")
        if not 0 <= self.overlap <= room // 2:
            raise ValueError(f"window_overlap must be in [0, {room // 2}] (half a later window's {room} "
                             "response tokens)")
        if self.max_response_len < 1:
            raise ValueError("max_response_len must be at least 1")
        if max_positions and self.window_len + max_criterion_len > max_positions:
            raise ValueError(f"window_len + max_criterion_len = {self.window_len + max_criterion_len} exceeds "
                             f"the encoder's {max_positions} positions")


class Windows(list):
    """A windowed context: a list of windows (token lists) and ``offset``, the first criterion position."""

    def __init__(self, windows: Sequence[Sequence[int]], offset: int):
        super().__init__(list(w) for w in windows)
        if not self or any(len(w) == 0 for w in self):
            raise ValueError("a windowed context needs at least one non-empty window")
        self.offset = int(offset)

    def __reduce__(self):
        return (Windows, (list(self), self.offset))


def windows_of(context) -> List[Sequence[int]]:
    """The windows of a context (a plain token list is one window)."""
    return list(context) if isinstance(context, Windows) else [context]


def context_len(context) -> int:
    """Tokens a context occupies in a fused sequence (all its windows)."""
    return sum(len(w) for w in context) if isinstance(context, Windows) else len(context)


def criterion_offset(context) -> int:
    """Position of each criterion's first token: the window offset, or the length of a plain context."""
    return context.offset if isinstance(context, Windows) else len(context)


def prompt_part(prompt_ids: Sequence[int], max_prompt_len: int, max_context_len: int) -> List[int]:
    """The prompt tokens a context of ``max_context_len`` keeps (its last ``max_prompt_len``, leaving room)."""
    if max_context_len < 4:
        raise ValueError("max_context_len must be at least 4")
    p = list(prompt_ids)[-max_prompt_len:] if max_prompt_len > 0 else []
    return p[: max(0, max_context_len - 4)]


def make_context(prompt_ids: Sequence[int], response_ids: Sequence[int], cls_id: int, sep_id: int,
                 max_prompt_len: int, max_context_len: int) -> List[int]:
    """``[CLS] prompt [SEP] response [SEP]`` truncated to ``max_context_len`` tokens.

    The prompt keeps its last ``max_prompt_len`` tokens (final instructions matter most); the response
    keeps its head, filling what the prompt leaves of the budget.
    """
    p = prompt_part(prompt_ids, max_prompt_len, max_context_len)
    room = max_context_len - 3 - len(p)
    r = list(response_ids)[: max(0, room)]
    return [cls_id, *p, sep_id, *r, sep_id]


def make_windows(prompt_ids: Sequence[int], response_ids: Sequence[int], cls_id: int, sep_id: int,
                 max_prompt_len: int, win: Windowing) -> Tuple[Windows, bool]:
    """The windows of a response and whether it was cut at ``win.max_response_len`` tokens.

    Window 0 is :func:`make_context` at ``win.window_len``; each later window holds the next response
    tokens, starting ``win.overlap`` tokens before where the previous one stopped, after ``[CLS]`` and
    (with ``win.prompt_tail``) the prompt's last tokens and a ``[SEP]``, up to ``win.window_len`` tokens.
    """
    r = list(response_ids)[: win.max_response_len]
    truncated = len(response_ids) > win.max_response_len
    first = make_context(prompt_ids, r, cls_id, sep_id, max_prompt_len, win.window_len)
    done = len(first) - 3 - len(prompt_part(prompt_ids, max_prompt_len, win.window_len))  # response tokens in it
    out = [first]
    tail = list(prompt_ids)[-win.prompt_tail:] if win.prompt_tail > 0 else []
    head = [cls_id, *tail, sep_id] if tail else [cls_id]
    room = win.window_len - len(head) - 1
    if win.overlap >= room:
        raise ValueError(f"window_overlap {win.overlap} must be below a later window's {room} response tokens")
    while done < len(r):
        start = max(0, done - win.overlap)
        chunk = r[start:start + room]
        out.append([*head, *chunk, sep_id])
        done = start + len(chunk)
    return Windows(out, win.window_len), truncated


def make_criterion(criterion_ids: Sequence[int], cls_id: int, sep_id: int, max_criterion_len: int) -> List[int]:
    """``[CLS] criterion [SEP]`` truncated to ``max_criterion_len`` tokens."""
    if max_criterion_len < 3:
        raise ValueError("max_criterion_len must be at least 3")
    return [cls_id, *list(criterion_ids)[: max_criterion_len - 2], sep_id]


def fused_length(context, criteria: Sequence[Sequence[int]]) -> int:
    return context_len(context) + sum(len(c) for c in criteria)


def sequence_limit(context, max_seq_len: int) -> int:
    """The longest fused sequence a context's criteria are packed into (split beyond it): ``max_seq_len``,
    or twice the context where that is longer, so that a long windowed context is not copied once per
    criterion. ``max_seq_len`` 0 (the pairwise layout: every criterion alone) stays 0."""
    return max(max_seq_len, 2 * context_len(context)) if max_seq_len > 0 else 0


def window_segment(w: int) -> int:
    """Segment id of window ``w``: 0 for the first (the layout before windows), then -2, -3, ..."""
    return 0 if w == 0 else -(w + 1)


def pack_fused(contexts: Sequence, criteria: Sequence[Sequence[Sequence[int]]],
               pad_id: int, pad_to: int = 0) -> Dict[str, np.ndarray]:
    """Packs sequences (one per response) into padded arrays.

    ``contexts[b]`` is a context from :func:`make_context` or :func:`make_windows`; ``criteria[b]`` its
    list of criterion token lists from :func:`make_criterion`. Returns int64 arrays ``input_ids``,
    ``segment_ids``, ``position_ids`` of shape [B, T] (T = the longest sequence, or ``pad_to`` if larger)
    and ``read_index`` [M]: the flat index ``b * T + t`` of each criterion's first token, sequences in
    order, criteria in order within a sequence.
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
        t = 0
        for w, win in enumerate(windows_of(ctx)):
            n = len(win)
            input_ids[b, t:t + n] = win
            segment_ids[b, t:t + n] = window_segment(w)
            position_ids[b, t:t + n] = np.arange(n)
            t += n
        off = criterion_offset(ctx)
        for k, crit in enumerate(crits, 1):
            n = len(crit)
            input_ids[b, t:t + n] = crit
            segment_ids[b, t:t + n] = k
            position_ids[b, t:t + n] = np.arange(off, off + n)
            read.append(b * T + t)
            t += n
    return {
        "input_ids": input_ids,
        "segment_ids": segment_ids,
        "position_ids": position_ids,
        "read_index": np.asarray(read, dtype=np.int64),
    }


def is_window(segment_ids: np.ndarray) -> np.ndarray:
    """True where a segment id marks a context window (0, or -2 and below)."""
    return (segment_ids == 0) | (segment_ids <= -2)


def attention_allowed(segment_ids: np.ndarray) -> np.ndarray:
    """Boolean [B, T, T] mask, True where query i may attend to key j (reference for the model's mask)."""
    q = segment_ids[:, :, None]
    k = segment_ids[:, None, :]
    return (k != -1) & ((k == q) | (~is_window(q) & is_window(k)))

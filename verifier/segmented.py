"""The fused layout computed segment by segment: the same function as :class:`Verifier`, far less work.

In the fused layout (``rubricc.kernels.pack``) context tokens attend only to the context, and the tokens
of criterion k attend to the context and to criterion k. So the context's hidden states never depend on
the criteria, and the criteria never see each other. :class:`SegmentedVerifier` uses that directly:

* the context of each response runs through the encoder once, alone (ordinary padded self-attention),
  keeping each layer's keys and values;
* every criterion runs as its own short sequence whose attention keys are the owning context's cached
  keys and values followed by its own. No [T, T] block mask is ever built: attention costs
  ``C^2 + sum_k len_k * (C + len_k)`` per response instead of ``(C + sum_k len_k)^2``;
* criteria are independent of each other, so they are sorted by length and run in chunks padded only
  to the chunk's longest;
* only each criterion's first token is read, so the last layer computes queries, attention output and
  feed-forward for that token alone (the context needs only the last layer's keys and values).

The result equals ``Verifier(input_ids, segment_ids, position_ids)`` at each criterion's first token up
to float rounding (tests/test_segmented.py). Works with BERT-family encoders (post-LayerNorm, absolute
positions), which is what the verifier uses; :func:`supports` says whether an encoder qualifies.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


def supports(encoder: nn.Module) -> bool:
    """True for a BERT-style encoder whose layers this module knows how to run."""
    try:
        layer = encoder.encoder.layer[0]
        _ = (layer.attention.self.query, layer.attention.self.key, layer.attention.self.value,
             layer.attention.output.dense, layer.attention.output.LayerNorm, layer.intermediate.dense,
             layer.output.dense, layer.output.LayerNorm, encoder.embeddings.word_embeddings,
             encoder.embeddings.position_embeddings, encoder.embeddings.LayerNorm)
    except AttributeError:
        return False
    pe = getattr(encoder.config, "position_embedding_type", "absolute")
    return pe == "absolute" and not getattr(encoder.config, "is_decoder", False)


class SegmentedVerifier(nn.Module):
    """Wraps a :class:`rubricc.verifier.model.Verifier` (shares its weights)."""

    def __init__(self, verifier: nn.Module):
        super().__init__()
        enc = verifier.encoder
        if not supports(enc):
            raise ValueError(f"{type(enc).__name__} is not a BERT-style encoder; use the masked Verifier")
        self.verifier = verifier
        cfg = enc.config
        self.heads = int(cfg.num_attention_heads)
        self.head_dim = int(cfg.hidden_size) // self.heads
        act = getattr(cfg, "hidden_act", "gelu")
        if act == "gelu":
            self.act = F.gelu
        else:
            from transformers.activations import ACT2FN

            self.act = ACT2FN[act]

    # -- pieces --------------------------------------------------------------------------------
    def _embed(self, ids: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
        e = self.verifier.encoder.embeddings
        x = e.word_embeddings(ids) + e.position_embeddings(pos)
        x = x + e.token_type_embeddings.weight[0]
        return e.LayerNorm(x)

    def _split(self, x: torch.Tensor) -> torch.Tensor:  # [N, L, H*D] -> [N, H, L, D]
        n, length, _ = x.shape
        return x.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def _finish(self, layer, attn: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        """Attention output projection, residual, LayerNorm, feed-forward, residual, LayerNorm."""
        n, _, length, _ = attn.shape
        attn = attn.transpose(1, 2).reshape(n, length, -1)
        ao = layer.attention.output
        x = ao.LayerNorm(ao.dense(attn) + x)
        h = self.act(layer.intermediate.dense(x))
        return layer.output.LayerNorm(layer.output.dense(h) + x)

    # -- the pass ------------------------------------------------------------------------------
    def context_kv(self, ctx_ids: torch.Tensor, ctx_len: torch.Tensor) -> List[Tuple[torch.Tensor, torch.Tensor]]:
        """Runs padded contexts [B, C] through the encoder; returns each layer's (keys, values) [B, H, C, D]."""
        B, C = ctx_ids.shape
        pos = torch.arange(C, device=ctx_ids.device).expand(B, C)
        x = self._embed(ctx_ids, pos)
        valid = torch.arange(C, device=ctx_ids.device)[None, :] < ctx_len[:, None]
        mask = valid[:, None, None, :]  # [B, 1, 1, C] boolean: True = attend
        layers = self.verifier.encoder.encoder.layer
        kv = []
        for li, layer in enumerate(layers):
            a = layer.attention.self
            k, v = self._split(a.key(x)), self._split(a.value(x))
            kv.append((k, v))
            if li + 1 < len(layers):  # the last layer's context outputs are never read
                q = self._split(a.query(x))
                x = self._finish(layer, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), x)
        return kv

    def criteria_logits(self, kv, ctx_len: torch.Tensor, crit_ids: torch.Tensor, crit_len: torch.Tensor,
                        owner: torch.Tensor) -> torch.Tensor:
        """Logits [M] of padded criteria [M, K] (``owner[m]``: row of their context in ``kv``)."""
        M, K = crit_ids.shape
        dev = crit_ids.device
        C = kv[0][0].shape[2]
        start = ctx_len[owner]
        ar = torch.arange(K, device=dev)
        pos = start[:, None] + ar[None, :]
        x = self._embed(crit_ids, pos.clamp(max=self.verifier.encoder.embeddings.position_embeddings.num_embeddings - 1))
        ctx_ok = torch.arange(C, device=dev)[None, :] < start[:, None]
        own_ok = ar[None, :] < crit_len[:, None]
        mask = torch.cat([ctx_ok, own_ok], dim=1)[:, None, None, :]  # [M, 1, 1, C + K]
        layers = self.verifier.encoder.encoder.layer
        for li, layer in enumerate(layers):
            a = layer.attention.self
            kc, vc = kv[li]
            k = torch.cat([kc.index_select(0, owner), self._split(a.key(x))], dim=2)
            v = torch.cat([vc.index_select(0, owner), self._split(a.value(x))], dim=2)
            if li + 1 == len(layers):
                x = x[:, :1]  # only the first token is read
            q = self._split(a.query(x))
            x = self._finish(layer, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), x)
        return self.verifier.head(x[:, 0]).squeeze(-1)


def pad(rows: Sequence[Sequence[int]], pad_id: int) -> Tuple[np.ndarray, np.ndarray]:
    """Right-padded int64 array [N, max len] and the lengths [N]."""
    lens = np.fromiter((len(r) for r in rows), np.int64, len(rows))
    out = np.full((len(rows), int(lens.max()) if len(rows) else 0), pad_id, np.int64)
    for i, r in enumerate(rows):
        out[i, :len(r)] = r
    return out, lens


def chunk_by_length(lengths: Sequence[int], token_budget: int) -> List[np.ndarray]:
    """Indices sorted by length, cut into chunks whose padded size (count x longest) fits ``token_budget``."""
    order = np.argsort(np.asarray(lengths), kind="stable")
    chunks, cur, longest = [], [], 0
    for i in order:
        n = int(lengths[i])
        if cur and max(longest, n) * (len(cur) + 1) > token_budget:
            chunks.append(np.asarray(cur, np.int64))
            cur, longest = [], 0
        cur.append(int(i))
        longest = max(longest, n)
    if cur:
        chunks.append(np.asarray(cur, np.int64))
    return chunks


@torch.inference_mode()
def score_fused(model: SegmentedVerifier, contexts: Sequence[Sequence[int]],
                criteria: Sequence[Sequence[Sequence[int]]], pad_id: int, crit_budget: int = 4096,
                dtype: Optional[torch.dtype] = None) -> np.ndarray:
    """Logits of every criterion of every context, flat in order (context by context).

    ``contexts`` / ``criteria`` are what :func:`rubricc.kernels.pack.pack_fused` takes; ``dtype``
    ``torch.bfloat16`` runs under CPU autocast (AMX where the CPU has it).
    """
    ctx, ctx_len = pad(contexts, pad_id)
    flat = [c for cs in criteria for c in cs]
    owner_all = np.repeat(np.arange(len(contexts)), [len(cs) for cs in criteria])
    out = np.zeros(len(flat), np.float32)
    if not flat:
        return out
    with torch.autocast("cpu", dtype=dtype or torch.bfloat16, enabled=dtype is not None and dtype != torch.float32):
        ctx_len_t = torch.from_numpy(ctx_len)
        kv = model.context_kv(torch.from_numpy(ctx), ctx_len_t)
        lens = np.fromiter((len(c) for c in flat), np.int64, len(flat))
        for idx in chunk_by_length(lens, crit_budget):
            ids, cl = pad([flat[i] for i in idx], pad_id)
            lg = model.criteria_logits(kv, ctx_len_t, torch.from_numpy(ids), torch.from_numpy(cl),
                                       torch.from_numpy(owner_all[idx]))
            out[idx] = lg.float().numpy()
    return out

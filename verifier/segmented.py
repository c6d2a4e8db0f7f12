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

from typing import List, Sequence, Tuple

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


class _Layer:
    """One encoder layer's weights in the compute dtype: fused q/k/v, k/v and q projections, the rest as is;
    LayerNorms stay in fp32 (as under autocast)."""

    def __init__(self, layer, dtype: torch.dtype):
        a = layer.attention.self

        def cast(t):
            return t.detach().to(dtype).contiguous()

        self.qkv_w = cast(torch.cat([a.query.weight, a.key.weight, a.value.weight]))
        self.qkv_b = cast(torch.cat([a.query.bias, a.key.bias, a.value.bias]))
        d = a.query.weight.shape[0]
        self.q_w, self.q_b = self.qkv_w[:d], self.qkv_b[:d]
        self.kv_w, self.kv_b = self.qkv_w[d:], self.qkv_b[d:]
        self.o_w, self.o_b = cast(layer.attention.output.dense.weight), cast(layer.attention.output.dense.bias)
        self.i_w, self.i_b = cast(layer.intermediate.dense.weight), cast(layer.intermediate.dense.bias)
        self.f_w, self.f_b = cast(layer.output.dense.weight), cast(layer.output.dense.bias)
        self.ln1 = layer.attention.output.LayerNorm
        self.ln2 = layer.output.LayerNorm


class SegmentedVerifier(nn.Module):
    """Wraps a :class:`rubricc.verifier.model.Verifier` for inference. ``dtype``: the matrix-product dtype
    (``torch.bfloat16`` runs them on AMX where present); embeddings, residuals and LayerNorms stay fp32, as
    under CPU autocast. Weights are copied once, at construction."""

    def __init__(self, verifier: nn.Module, dtype: torch.dtype = torch.float32):
        super().__init__()
        enc = verifier.encoder
        if not supports(enc):
            raise ValueError(f"{type(enc).__name__} is not a BERT-style encoder; use the masked Verifier")
        self.verifier = verifier
        self.dtype = dtype
        cfg = enc.config
        self.heads = int(cfg.num_attention_heads)
        self.head_dim = int(cfg.hidden_size) // self.heads
        self.max_positions = enc.embeddings.position_embeddings.num_embeddings
        act = getattr(cfg, "hidden_act", "gelu")
        if act == "gelu":
            self.act = F.gelu
        else:
            from transformers.activations import ACT2FN

            self.act = ACT2FN[act]
        self.layers = [_Layer(layer, dtype) for layer in enc.encoder.layer]

    # -- pieces --------------------------------------------------------------------------------
    def _embed(self, ids: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
        e = self.verifier.encoder.embeddings
        x = e.word_embeddings(ids) + e.position_embeddings(pos)
        x = x + e.token_type_embeddings.weight[0]
        return e.LayerNorm(x)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:  # [N, L, H*D] -> [N, H, L, D]
        n, length, _ = x.shape
        return x.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def _kv(self, ly: _Layer, xc: torch.Tensor):
        kv = F.linear(xc, ly.kv_w, ly.kv_b)
        k, v = kv.chunk(2, dim=-1)
        return self._heads(k), self._heads(v)

    def _finish(self, ly: _Layer, attn: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        """Attention output projection, residual, LayerNorm, feed-forward, residual, LayerNorm."""
        n, _, length, _ = attn.shape
        attn = attn.transpose(1, 2).reshape(n, length, -1)
        x = ly.ln1(F.linear(attn, ly.o_w, ly.o_b).float() + x)
        h = self.act(F.linear(x.to(self.dtype), ly.i_w, ly.i_b))
        return ly.ln2(F.linear(h, ly.f_w, ly.f_b).float() + x)

    # -- the pass ------------------------------------------------------------------------------
    def context_kv(self, ctx_ids: torch.Tensor, ctx_len: torch.Tensor) -> List[Tuple[torch.Tensor, torch.Tensor]]:
        """Runs padded contexts [B, C] through the encoder; returns each layer's (keys, values) [B, H, C, D]."""
        B, C = ctx_ids.shape
        pos = torch.arange(C, device=ctx_ids.device).expand(B, C)
        x = self._embed(ctx_ids, pos)
        valid = torch.arange(C, device=ctx_ids.device)[None, :] < ctx_len[:, None]
        mask = valid[:, None, None, :]  # [B, 1, 1, C] boolean: True = attend
        kv = []
        for li, ly in enumerate(self.layers):
            xc = x.to(self.dtype)
            if li + 1 < len(self.layers):
                q, k, v = F.linear(xc, ly.qkv_w, ly.qkv_b).chunk(3, dim=-1)
                q, k, v = self._heads(q), self._heads(k), self._heads(v)
                kv.append((k, v))
                x = self._finish(ly, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), x)
            else:  # the last layer's context outputs are never read: keys and values only
                kv.append(self._kv(ly, xc))
        return kv

    def criteria_logits(self, kv, ctx_len: torch.Tensor, crit_ids: torch.Tensor, crit_len: torch.Tensor,
                        owner: torch.Tensor) -> torch.Tensor:
        """Logits [M] of padded criteria [M, K] (``owner[m]``: row of their context in ``kv``)."""
        M, K = crit_ids.shape
        dev = crit_ids.device
        C = kv[0][0].shape[2]
        start = ctx_len[owner]
        ar = torch.arange(K, device=dev)
        pos = (start[:, None] + ar[None, :]).clamp(max=self.max_positions - 1)  # padding may run past the end
        x = self._embed(crit_ids, pos)
        ctx_ok = torch.arange(C, device=dev)[None, :] < start[:, None]
        own_ok = ar[None, :] < crit_len[:, None]
        mask = torch.cat([ctx_ok, own_ok], dim=1)[:, None, None, :]  # [M, 1, 1, C + K]
        for li, ly in enumerate(self.layers):
            kc, vc = kv[li]
            xc = x.to(self.dtype)
            if li + 1 < len(self.layers):
                q, k, v = F.linear(xc, ly.qkv_w, ly.qkv_b).chunk(3, dim=-1)
                q, k, v = self._heads(q), self._heads(k), self._heads(v)
            else:  # only the first token is read: its query alone
                k, v = self._kv(ly, xc)
                x = x[:, :1]
                q = self._heads(F.linear(xc[:, :1], ly.q_w, ly.q_b))
            k = torch.cat([kc.index_select(0, owner), k], dim=2)
            v = torch.cat([vc.index_select(0, owner), v], dim=2)
            x = self._finish(ly, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), x)
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
                criteria: Sequence[Sequence[Sequence[int]]], pad_id: int, crit_budget: int = 2048) -> np.ndarray:
    """Logits of every criterion of every context, flat in order (context by context).

    ``contexts`` / ``criteria`` are what :func:`rubricc.kernels.pack.pack_fused` takes (each criterion's
    positions must stay below the encoder's limit, as the runtime's truncation ensures).
    """
    ctx, ctx_len = pad(contexts, pad_id)
    flat = [c for cs in criteria for c in cs]
    owner_all = np.repeat(np.arange(len(contexts)), [len(cs) for cs in criteria])
    out = np.zeros(len(flat), np.float32)
    if not flat:
        return out
    ctx_len_t = torch.from_numpy(ctx_len)
    kv = model.context_kv(torch.from_numpy(ctx), ctx_len_t)
    lens = np.fromiter((len(c) for c in flat), np.int64, len(flat))
    for idx in chunk_by_length(lens, crit_budget):
        ids, cl = pad([flat[i] for i in idx], pad_id)
        lg = model.criteria_logits(kv, ctx_len_t, torch.from_numpy(ids), torch.from_numpy(cl),
                                   torch.from_numpy(owner_all[idx]))
        out[idx] = lg.float().numpy()
    return out

"""The fused layout computed segment by segment: the same function as :class:`Verifier`, far less work.

In the fused layout (``rubricc.kernels.pack``) context tokens attend only to the context, and the tokens
of criterion k attend to the context and to criterion k. So the context's hidden states never depend on
the criteria, and the criteria never see each other. :class:`SegmentedVerifier` uses that directly:

* the context of each response runs through the encoder once, alone (ordinary padded self-attention),
  keeping each layer's keys and values;
* criterion tokens attend to the owning context's cached keys and values and to their own criterion.
  The two parts run as separate attentions that also return their log-sum-exp, and are merged exactly
  (the "cascade" / shared-prefix form): the context part batches all criterion tokens of a response as
  queries against its context (no copy of the context's keys per criterion), the own part is a short
  padded attention per criterion. No [T, T] block mask is ever built: attention costs
  ``C^2 + sum_k len_k * (C + len_k)`` per response instead of ``(C + sum_k len_k)^2``;
* criterion tokens are packed without padding for every matrix product (gathered into padded views
  only for attention);
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
        """Attention output projection, residual, LayerNorm, feed-forward, residual, LayerNorm
        (``attn`` [..., H*D], ``x`` the layer's fp32 input of the same leading shape)."""
        x = ly.ln1(F.linear(attn.to(self.dtype), ly.o_w, ly.o_b).float() + x)
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
                a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)  # [B, H, C, D]
                x = self._finish(ly, a.transpose(1, 2).reshape(B, C, -1), x)
            else:  # the last layer's context outputs are never read: keys and values only
                kv.append(self._kv(ly, xc))
        return kv

    def _merge(self, o1, l1, o2, l2) -> torch.Tensor:
        """Exact softmax over the union of two key sets from each part's output and log-sum-exp."""
        lse = torch.logaddexp(l1, l2)
        out = o1.float() * torch.exp(l1 - lse).unsqueeze(-1) + o2.float() * torch.exp(l2 - lse).unsqueeze(-1)
        return out.reshape(out.shape[0], -1)

    def _cascade(self, q, k, v, kc, vc, ctx_mask, lay: "_CriteriaLayout", last: bool) -> torch.Tensor:
        """Attention of criterion tokens (or, in the last layer, their first tokens) -> [rows, H*D] fp32."""
        H, D = self.heads, self.head_dim
        sq = lay.r_stream if last else lay.stream
        inv1 = lay.r_stream_inv if last else lay.stream_inv
        b, lq = sq.shape
        o1, l1 = attention_lse(q[sq].transpose(1, 2), kc, vc, ctx_mask)  # [B, H, Lq, D], [B, H, Lq]
        o1 = o1.transpose(1, 2).reshape(b * lq, H, D)[inv1]
        l1 = l1.transpose(1, 2).reshape(b * lq, H)[inv1]
        ki = lay.crit
        m, kmax = ki.shape
        k2, v2 = k[ki].transpose(1, 2), v[ki].transpose(1, 2)  # [M, H, Kmax, D]
        if last:
            o2, l2 = attention_lse(q[:m].unsqueeze(1).transpose(1, 2), k2, v2, lay.own_mask)
            o2, l2 = o2[:, :, 0], l2[:, :, 0]  # [M, H, D], [M, H]
        else:
            o2, l2 = attention_lse(q[ki].transpose(1, 2), k2, v2, lay.own_mask)
            o2 = o2.transpose(1, 2).reshape(m * kmax, H, D)[lay.crit_inv]
            l2 = l2.transpose(1, 2).reshape(m * kmax, H)[lay.crit_inv]
        return self._merge(o1, l1, o2, l2)

    def criteria_logits(self, kv, ctx_len: torch.Tensor, lay: "_CriteriaLayout") -> torch.Tensor:
        """Logits [M] of the criteria in ``lay`` (a :class:`_CriteriaLayout` over contexts ``lay.owners``)."""
        H, D = self.heads, self.head_dim
        o0, o1 = lay.owners
        x = self._embed(lay.ids.unsqueeze(0), lay.pos.unsqueeze(0))[0]  # [T + 1, hidden]: packed, one dummy row
        C = kv[0][0].shape[2]
        valid = torch.arange(C)[None, :] < ctx_len[o0:o1, None]
        ctx_mask = torch.zeros(valid.shape, dtype=self.dtype).masked_fill(~valid, float("-inf"))[:, None, None, :]
        for li, ly in enumerate(self.layers):
            kc, vc = kv[li][0][o0:o1], kv[li][1][o0:o1]
            xc = x.to(self.dtype)
            last = li + 1 == len(self.layers)
            if not last:
                q, k, v = F.linear(xc, ly.qkv_w, ly.qkv_b).view(-1, 3, H, D).unbind(1)
                a = self._cascade(q, k, v, kc, vc, ctx_mask, lay, last=False)
                x = self._finish(ly, torch.cat([a, a.new_zeros(1, a.shape[1])]), x)
            else:  # only each criterion's first token is read: its query alone
                k, v = F.linear(xc, ly.kv_w, ly.kv_b).view(-1, 2, H, D).unbind(1)
                xr = x[lay.first]
                q = F.linear(xr.to(self.dtype), ly.q_w, ly.q_b).view(-1, H, D)
                q = torch.cat([q, q.new_zeros(1, H, D)])  # dummy query row for padded stream slots
                x = self._finish(ly, self._cascade(q, k, v, kc, vc, ctx_mask, lay, last=True), xr)
        return self.verifier.head(x).squeeze(-1)


def attention_lse(q, k, v, mask):
    """Scaled dot-product attention returning (output, log-sum-exp of the scaled, masked scores)."""
    try:
        return torch.ops.aten._scaled_dot_product_flash_attention_for_cpu(q, k, v, 0.0, False, attn_mask=mask)[:2]
    except (AttributeError, RuntimeError, TypeError):  # another torch or device: plain math
        s = (q.float() @ k.float().transpose(-1, -2)) * (q.shape[-1] ** -0.5) + mask.float()
        lse = torch.logsumexp(s, dim=-1)
        return (torch.softmax(s, dim=-1) @ v.float()).to(q.dtype), lse


class _CriteriaLayout:
    """Index arrays for a group of contexts' criteria packed token by token (one dummy token at the end).

    ``stream`` [B, Lq]: each context's criterion tokens in order (padded with the dummy), the queries of
    the context part; ``crit`` [M, Kmax]: each criterion's tokens (padded with the dummy), the own part;
    ``*_inv``: where each packed token sits in those views; ``r_stream``: the same for first tokens only.
    """

    def __init__(self, crits: Sequence[Sequence[int]], owner: np.ndarray, owners: Tuple[int, int],
                 ctx_len: np.ndarray, pad_id: int, dtype: torch.dtype, max_positions: int):
        o0, o1 = owners
        b = o1 - o0
        m = len(crits)
        lens = np.fromiter((len(c) for c in crits), np.int64, m)
        t = int(lens.sum())
        starts = np.zeros(m, np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        tok_crit = np.repeat(np.arange(m), lens)
        tok_off = np.arange(t) - starts[tok_crit]
        own = owner - o0  # local owner of each criterion (ascending)
        tok_own = own[tok_crit]
        ids = np.full(t + 1, pad_id, np.int64)
        if t:
            ids[:t] = np.concatenate([np.asarray(c, np.int64) for c in crits])
        pos = np.zeros(t + 1, np.int64)
        pos[:t] = np.minimum(ctx_len[owner][tok_crit] + tok_off, max_positions - 1)
        # context-part query streams
        per_own = np.bincount(tok_own, minlength=b)
        own_start = np.zeros(b, np.int64)
        np.cumsum(per_own[:-1], out=own_start[1:])
        lq = int(per_own.max()) if b else 0
        spos = np.arange(t) - own_start[tok_own]
        stream = np.full((b, lq), t, np.int64)
        stream[tok_own, spos] = np.arange(t)
        # own-part views
        kmax = int(lens.max())
        crit = np.full((m, kmax), t, np.int64)
        crit[tok_crit, tok_off] = np.arange(t)
        own_mask = np.where(np.arange(kmax)[None, :] < lens[:, None], 0.0, -np.inf)
        # first tokens
        n_per = np.bincount(own, minlength=b)
        c_start = np.zeros(b, np.int64)
        np.cumsum(n_per[:-1], out=c_start[1:])
        rank = np.arange(m) - c_start[own]
        nmax = int(n_per.max()) if b else 0
        r_stream = np.full((b, nmax), m, np.int64)
        r_stream[own, rank] = np.arange(m)
        T = torch.from_numpy
        self.owners = owners
        self.ids, self.pos = T(ids), T(pos)
        self.first = T(starts)
        self.stream, self.stream_inv = T(stream), T(tok_own * lq + spos)
        self.crit, self.crit_inv = T(crit), T(tok_crit * kmax + tok_off)
        self.own_mask = T(own_mask).to(dtype)[:, None, None, :]
        self.r_stream, self.r_stream_inv = T(r_stream), T(own * nmax + rank)


def pad(rows: Sequence[Sequence[int]], pad_id: int) -> Tuple[np.ndarray, np.ndarray]:
    """Right-padded int64 array [N, max len] and the lengths [N]."""
    lens = np.fromiter((len(r) for r in rows), np.int64, len(rows))
    out = np.full((len(rows), int(lens.max()) if len(rows) else 0), pad_id, np.int64)
    for i, r in enumerate(rows):
        out[i, :len(r)] = r
    return out, lens


@torch.inference_mode()
def score_fused(model: SegmentedVerifier, contexts: Sequence[Sequence[int]],
                criteria: Sequence[Sequence[Sequence[int]]], pad_id: int, crit_budget: int = 8192) -> np.ndarray:
    """Logits of every criterion of every context, flat in order (context by context).

    ``contexts`` / ``criteria`` are what :func:`rubricc.kernels.pack.pack_fused` takes (each criterion's
    positions must stay below the encoder's limit, as the runtime's truncation ensures). Criteria run in
    groups of whole contexts holding about ``crit_budget`` criterion tokens.
    """
    ctx, ctx_len = pad(contexts, pad_id)
    flat = [c for cs in criteria for c in cs]
    counts = np.fromiter((len(cs) for cs in criteria), np.int64, len(criteria))
    owner_all = np.repeat(np.arange(len(contexts)), counts)
    out = np.zeros(len(flat), np.float32)
    if not flat:
        return out
    ctx_len_t = torch.from_numpy(ctx_len)
    kv = model.context_kv(torch.from_numpy(ctx), ctx_len_t)
    tokens = np.fromiter((sum(len(c) for c in cs) for cs in criteria), np.int64, len(criteria))
    first = np.concatenate([[0], np.cumsum(counts)])
    o0 = 0
    while o0 < len(contexts):
        o1, total = o0, 0
        while o1 < len(contexts) and (o1 == o0 or total + tokens[o1] <= crit_budget):
            total += int(tokens[o1])
            o1 += 1
        a, b = int(first[o0]), int(first[o1])
        if b > a:
            lay = _CriteriaLayout(flat[a:b], owner_all[a:b], (o0, o1), ctx_len, pad_id, model.dtype,
                                  model.max_positions)
            out[a:b] = model.criteria_logits(kv, ctx_len_t, lay).float().numpy()
        o0 = o1
    return out

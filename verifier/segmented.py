"""The fused layout computed segment by segment: the same function as :class:`Verifier`, far less work.

In the fused layout (``rubricc.kernels.pack``) context tokens attend only to the context, and the tokens
of criterion k attend to the context and to criterion k. So the context's hidden states never depend on
the criteria, and the criteria never see each other. :class:`SegmentedVerifier` uses that directly:

* the context of each response runs through the encoder once, alone (ordinary padded self-attention),
  keeping each layer's keys and values; a windowed context (``rubricc.kernels.pack.Windows``) runs as
  its windows, all windows of the batch as one batch of independent sequences, so the cost grows
  linearly with the response's length;
* criterion tokens attend to the owning context's cached keys and values and to their own criterion.
  The two parts run as separate attentions that also return their log-sum-exp, and are merged exactly
  (the "cascade" / shared-prefix form): the context part batches all criterion tokens of a response as
  queries against its context (no copy of the context's keys per criterion; with windows, against the
  concatenated keys and values of all its windows), the own part is a short
  padded attention per criterion. No [T, T] block mask is ever built: attention costs
  ``C^2 + sum_k len_k * (C + len_k)`` per response instead of ``(C + sum_k len_k)^2``. On a GPU both
  parts and their merge run as one fused Triton kernel (``rubricc.kernels.cascade``: the windows' keys
  and values packed without padding, read once per block of criterion tokens; :func:`choose_attention`);
* criterion tokens are packed without padding for every matrix product (gathered into padded views
  only for attention);
* only each criterion's first token is read, so the last layer computes queries, attention output and
  feed-forward for that token alone (the context needs only the last layer's keys and values).

The result equals ``Verifier(input_ids, segment_ids, position_ids)`` at each criterion's first token up
to float rounding (tests/test_segmented.py). Works with BERT-family encoders (post-LayerNorm, absolute
positions), which is what the verifier uses; :func:`supports` says whether an encoder qualifies.
"""
from __future__ import annotations

import os
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


ATTENTIONS = ("auto", "torch", "triton")


def kernel_blocks() -> Tuple[int, int]:
    """(criterion tokens per program, keys per tile) of the Triton kernel: (32, 32) on a GPU; (64, 128) in
    Triton's interpreter, whose cost goes by programs and tiles rather than by elements."""
    return (64, 128) if os.environ.get("TRITON_INTERPRET") == "1" else (32, 32)


def choose_attention(attention: str, device: torch.device, head_dim: int) -> str:
    """"torch" or "triton" for ``attention`` ("auto": the Triton kernel on CUDA when triton imports and the
    head size suits it; "triton" on a CPU needs Triton's interpreter, ``TRITON_INTERPRET=1``)."""
    if attention not in ATTENTIONS:
        raise ValueError(f"attention must be one of {ATTENTIONS}, not {attention!r}")
    if attention == "torch" or (attention == "auto" and device.type != "cuda"):
        return "torch"  # triton is not even imported
    from rubricc.kernels import cascade

    usable = cascade.available() and head_dim >= 16 and not head_dim & (head_dim - 1)
    if attention == "auto":
        return "triton" if usable else "torch"
    if not usable:
        raise RuntimeError(f"attention='triton' needs triton (pip install triton) and a power-of-two head size "
                           f">= 16 (this encoder's is {head_dim})")
    if device.type != "cuda" and os.environ.get("TRITON_INTERPRET") != "1":
        raise RuntimeError("attention='triton' on a CPU runs in Triton's interpreter: set TRITON_INTERPRET=1 "
                           "before triton is imported")
    return "triton"


class SegmentedVerifier(nn.Module):
    """Wraps a :class:`rubricc.verifier.model.Verifier` for inference. ``dtype``: the matrix-product dtype
    (``torch.bfloat16`` runs them on AMX where present, and on a GPU); embeddings, residuals and LayerNorms
    stay fp32, as under CPU autocast. ``attention``: how criterion tokens attend (:func:`choose_attention`):
    "torch" (two attentions merged by log-sum-exp), "triton" (the fused kernel) or "auto"; the choice is
    ``self.attention``. Weights are copied once, at construction, on the verifier's device."""

    def __init__(self, verifier: nn.Module, dtype: torch.dtype = torch.float32, attention: str = "auto"):
        super().__init__()
        enc = verifier.encoder
        if not supports(enc):
            raise ValueError(f"{type(enc).__name__} is not a BERT-style encoder; use the masked Verifier")
        self.verifier = verifier
        self.dtype = dtype
        cfg = enc.config
        self.heads = int(cfg.num_attention_heads)
        self.head_dim = int(cfg.hidden_size) // self.heads
        self.attention = choose_attention(attention, next(verifier.parameters()).device, self.head_dim)
        self.blocks = kernel_blocks() if self.attention == "triton" else None
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

    def pack_context(self, kv, win_len: np.ndarray) -> List[Tuple[torch.Tensor, torch.Tensor]]:
        """Each layer's window keys and values [NW, H, W, D] as the Triton kernel reads them: the real tokens
        of every window, one window after another, [sum(win_len), H, D]."""
        if not kv:
            return kv
        nw, H, W, D = kv[0][0].shape
        idx = np.flatnonzero(np.arange(W)[None, :] < np.asarray(win_len)[:, None])
        idx = torch.from_numpy(idx).to(kv[0][0].device)
        return [tuple(t.transpose(1, 2).reshape(nw * W, H, D)[idx] for t in pair) for pair in kv]

    def _cascade_triton(self, q, k, v, kc, vc, keys: "_PackedKeys", lay: "_CriteriaLayout",
                        last: bool) -> torch.Tensor:
        """:meth:`_cascade` as one Triton kernel over packed tokens -> [rows, H*D] in the compute dtype."""
        from rubricc.kernels.cascade import cascade_attention

        ix = lay.kernel
        if last:
            rows, resp, crit, lo, hi, blocks = ix["m"], ix["crit_resp"], ix["crit_ids"], ix["crit_lo"], \
                ix["crit_hi"], ix["crit_blocks"]
        else:
            rows, resp, crit, lo, hi, blocks = ix["t"], ix["tok_resp"], ix["tok_crit"], ix["tok_lo"], \
                ix["tok_hi"], ix["tok_blocks"]
        out, _ = cascade_attention(q[:rows], resp, crit, k, v, ix["tok_crit"], lo, hi, kc, vc, keys.lo, keys.hi,
                                   block_m=self.blocks[0], block_n=self.blocks[1], blocks=blocks)
        return out.reshape(rows, -1)

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

    def criteria_logits(self, kv, keys, lay: "_CriteriaLayout") -> torch.Tensor:
        """Logits [M] of the criteria in ``lay`` (a :class:`_CriteriaLayout` over contexts ``lay.owners``),
        ``keys`` saying where those contexts' keys sit in ``kv`` (the windows' keys and values): a
        :class:`_ContextKeys` for the torch attention, a :class:`_PackedKeys` (``kv`` packed by
        :meth:`pack_context`, ``lay`` built with ``kernel=self.blocks[0]``) for the Triton kernel."""
        H, D = self.heads, self.head_dim
        x = self._embed(lay.ids.unsqueeze(0), lay.pos.unsqueeze(0))[0]  # [T + 1, hidden]: packed, one dummy row
        if self.attention == "triton":
            def attend(q, k, v, kc, vc, last):
                return self._cascade_triton(q, k, v, kc, vc, keys, lay, last)
        else:
            ctx_mask = torch.zeros(keys.valid.shape, dtype=self.dtype, device=keys.valid.device)
            ctx_mask = ctx_mask.masked_fill(~keys.valid, float("-inf"))[:, None, None, :]

            def attend(q, k, v, kc, vc, last):
                return self._cascade(q, k, v, kc, vc, ctx_mask, lay, last)
        for li, ly in enumerate(self.layers):
            kc, vc = keys.gather(kv[li][0]), keys.gather(kv[li][1])
            xc = x.to(self.dtype)
            last = li + 1 == len(self.layers)
            if not last:
                q, k, v = F.linear(xc, ly.qkv_w, ly.qkv_b).view(-1, 3, H, D).unbind(1)
                a = attend(q, k, v, kc, vc, last=False)
                x = self._finish(ly, torch.cat([a, a.new_zeros(1, a.shape[1])]), x)
            else:  # only each criterion's first token is read: its query alone
                k, v = F.linear(xc, ly.kv_w, ly.kv_b).view(-1, 2, H, D).unbind(1)
                xr = x[lay.first]
                q = F.linear(xr.to(self.dtype), ly.q_w, ly.q_b).view(-1, H, D)
                q = torch.cat([q, q.new_zeros(1, H, D)])  # dummy query row for padded stream slots
                x = self._finish(ly, attend(q, k, v, kc, vc, last=True), xr)
        return self.verifier.head(x).squeeze(-1)


def attention_lse(q, k, v, mask):
    """Scaled dot-product attention returning (output, log-sum-exp of the scaled, masked scores)."""
    if q.device.type == "cpu":
        try:
            return torch.ops.aten._scaled_dot_product_flash_attention_for_cpu(q, k, v, 0.0, False, attn_mask=mask)[:2]
        except (AttributeError, RuntimeError, TypeError):  # another torch: plain math below
            pass
    # other devices (on CUDA the segmented pass uses rubricc.kernels.cascade's fused kernel instead)
    s = (q.float() @ k.float().transpose(-1, -2)) * (q.shape[-1] ** -0.5) + mask.float()
    lse = torch.logsumexp(s, dim=-1)
    return (torch.softmax(s, dim=-1) @ v.float()).to(q.dtype), lse


class _ContextKeys:
    """Where the keys of contexts ``o0 .. o1 - 1`` sit among the encoded windows: ``gather(k)`` turns a
    layer's window keys [NW, H, W, D] into each context's concatenated window keys [b, H, n * W, D] (a slice,
    no copy, when every context is one window), ``valid`` [b, n * W] marks the real ones."""

    def __init__(self, win_first: np.ndarray, win_len: np.ndarray, o0: int, o1: int, width: int, device="cpu"):
        n = np.diff(win_first[o0:o1 + 1])
        nmax = int(n.max())
        self.rows = (int(win_first[o0]), int(win_first[o1]))
        self.table = None
        if nmax == 1:
            lens = win_len[win_first[o0]:win_first[o1]]
            valid = np.arange(width)[None, :] < lens[:, None]
        else:
            slot = np.arange(nmax)[None, :]
            table = np.where(slot < n[:, None], win_first[o0:o1, None] + slot, win_first[o0])  # [b, nmax]
            lens = np.where(slot < n[:, None], win_len[table], 0)
            valid = (np.arange(width)[None, None, :] < lens[:, :, None]).reshape(len(n), nmax * width)
            self.table = torch.from_numpy(table).to(device)
        self.valid = torch.from_numpy(valid).to(device)

    def gather(self, k: torch.Tensor) -> torch.Tensor:
        if self.table is None:
            return k[self.rows[0]:self.rows[1]]
        b, n = self.table.shape
        g = k[self.table.reshape(-1)]  # [b * n, H, W, D]
        _, H, W, D = g.shape
        return g.view(b, n, H, W, D).transpose(1, 2).reshape(b, H, n * W, D)


class _PackedKeys:
    """Where the keys of contexts ``o0 .. o1 - 1`` sit in the packed window keys (:meth:`SegmentedVerifier.
    pack_context`): ``lo``/``hi`` [b] int32, each context's token range; ``gather`` is the identity."""

    def __init__(self, win_first: np.ndarray, win_len: np.ndarray, o0: int, o1: int, device="cpu"):
        tok_first = np.concatenate([[0], np.cumsum(win_len)])
        T = lambda a: torch.from_numpy(np.ascontiguousarray(a, dtype=np.int32)).to(device)  # noqa: E731
        self.lo, self.hi = T(tok_first[win_first[o0:o1]]), T(tok_first[win_first[o0 + 1:o1 + 1]])

    @staticmethod
    def gather(k: torch.Tensor) -> torch.Tensor:
        return k


class _CriteriaLayout:
    """Index arrays for a group of contexts' criteria packed token by token (one dummy token at the end).

    ``stream`` [B, Lq]: each context's criterion tokens in order (padded with the dummy), the queries of
    the context part; ``crit`` [M, Kmax]: each criterion's tokens (padded with the dummy), the own part;
    ``*_inv``: where each packed token sits in those views; ``r_stream``: the same for first tokens only.
    ``kernel`` (a block size; 0: none) adds ``kernel``, the int32 index arrays of the Triton kernel: each
    token's (``tok_*``) and each criterion's (``crit_*``, the last layer's queries) response, criterion and
    own key range, and their query blocks of at most ``kernel`` queries.
    """

    def __init__(self, crits: Sequence[Sequence[int]], owner: np.ndarray, owners: Tuple[int, int],
                 offset: np.ndarray, pad_id: int, dtype: torch.dtype, max_positions: int, device="cpu",
                 kernel: int = 0):
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
        pos[:t] = np.minimum(offset[owner][tok_crit] + tok_off, max_positions - 1)
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
        T = lambda a: torch.from_numpy(a).to(device)  # noqa: E731
        self.owners = owners
        self.ids, self.pos = T(ids), T(pos)
        self.first = T(starts)
        self.stream, self.stream_inv = T(stream), T(tok_own * lq + spos)
        self.crit, self.crit_inv = T(crit), T(tok_crit * kmax + tok_off)
        self.own_mask = T(own_mask).to(dtype)[:, None, None, :]
        self.r_stream, self.r_stream_inv = T(r_stream), T(own * nmax + rank)
        self.kernel = None
        if kernel:
            from rubricc.kernels.cascade import query_blocks

            ends = starts + lens
            I32 = lambda a: torch.from_numpy(np.ascontiguousarray(a, dtype=np.int32)).to(device)  # noqa: E731
            self.kernel = dict(
                t=t, m=m, tok_resp=I32(tok_own), tok_crit=I32(tok_crit), tok_lo=I32(starts[tok_crit]),
                tok_hi=I32(ends[tok_crit]), tok_blocks=I32(query_blocks(tok_own, kernel)), crit_resp=I32(own),
                crit_ids=I32(np.arange(m)), crit_lo=I32(starts), crit_hi=I32(ends),
                crit_blocks=I32(query_blocks(own, kernel)))


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

    ``contexts`` / ``criteria`` are what :func:`rubricc.kernels.pack.pack_fused` takes (plain or windowed
    contexts; each criterion's positions must stay below the encoder's limit, as the runtime's truncation
    ensures). All windows run as one batch; criteria run in groups of whole contexts holding about
    ``crit_budget`` criterion tokens.
    """
    from rubricc.kernels.pack import criterion_offset, windows_of

    wins = [windows_of(c) for c in contexts]
    win_first = np.zeros(len(contexts) + 1, np.int64)
    np.cumsum([len(w) for w in wins], out=win_first[1:])
    ctx, win_len = pad([w for ws in wins for w in ws], pad_id)
    offset = np.fromiter((criterion_offset(c) for c in contexts), np.int64, len(contexts))
    flat = [c for cs in criteria for c in cs]
    counts = np.fromiter((len(cs) for cs in criteria), np.int64, len(criteria))
    owner_all = np.repeat(np.arange(len(contexts)), counts)
    out = np.zeros(len(flat), np.float32)
    if not flat:
        return out
    device = next(model.verifier.parameters()).device
    kv = model.context_kv(torch.from_numpy(ctx).to(device), torch.from_numpy(win_len).to(device))
    fused_kernel = model.attention == "triton"
    if fused_kernel:
        kv = model.pack_context(kv, win_len)
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
            lay = _CriteriaLayout(flat[a:b], owner_all[a:b], (o0, o1), offset, pad_id, model.dtype,
                                  model.max_positions, device, kernel=model.blocks[0] if fused_kernel else 0)
            keys = (_PackedKeys(win_first, win_len, o0, o1, device) if fused_kernel
                    else _ContextKeys(win_first, win_len, o0, o1, ctx.shape[1], device))
            out[a:b] = model.criteria_logits(kv, keys, lay).float().cpu().numpy()
        o0 = o1
    return out

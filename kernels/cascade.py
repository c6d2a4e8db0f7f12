"""Cascade (shared-prefix) attention of criterion tokens, fused in one Triton kernel, and its reference.

In the fused layout a criterion token attends to every key of its response's context (all its windows)
and to the keys of its own criterion, never to other criteria (DESIGN section 6). The segmented pass
(``rubricc.verifier.segmented``) computes that as two attentions merged by their log-sum-exp. The kernel
here does both parts in one program with an online softmax (the same merge, done tile by tile):

* one program per (block of ``BLOCK_M`` query tokens of one response, head): the block's queries are
  loaded once; the response's context keys and values are streamed in tiles of ``BLOCK_N`` from a packed,
  padding-free array (the windows of every response one after another), and read once for all the
  criteria of the block;
* then the own part: the block's queries belong to consecutive criteria whose tokens are consecutive in
  the packed criterion array, so their own keys form one contiguous range, streamed the same way with a
  mask "same criterion";
* products in the inputs' dtype (bf16 on a GPU) with fp32 accumulation; the output and, optionally, the
  log-sum-exp of each query's scores.

Inputs are packed without padding: ``q`` [NQ, H, D] (the queries: every criterion token, or in the last
layer only each criterion's first token), ``k``/``v`` [T, H, D] (every criterion token), ``kc``/``vc``
[S, H, D] (every context token of every window). :func:`cascade_reference` is the plain torch definition
the kernel is tested against (``TRITON_INTERPRET=1`` runs the kernel on a CPU, which is how CI checks it;
:func:`compile_ahead` compiles it for a GPU without one, which checks the compiled path). The segmented
pass (``SegmentedVerifier(..., attention="triton")``, the default on CUDA) calls :func:`cascade_attention`.
"""
from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

try:  # Triton is optional: the reference and the CPU paths do not need it
    import triton
    import triton.language as tl
except ImportError:  # pragma: no cover - exercised where triton is absent
    triton = None


def available() -> bool:
    return triton is not None


def cascade_reference(q, q_resp, q_crit, k, v, k_crit, kc, vc, ctx_lo, ctx_hi, scale: Optional[float] = None):
    """Attention of each query over its response's context keys ``kc[ctx_lo[r]:ctx_hi[r]]`` and the keys
    ``k[j]`` with ``k_crit[j] == q_crit[i]``, in fp32; returns (output [NQ, H, D], lse [NQ, H])."""
    import torch

    scale = q.shape[-1] ** -0.5 if scale is None else scale
    out = torch.zeros(q.shape, dtype=torch.float32, device=q.device)
    lse = torch.zeros(q.shape[:2], dtype=torch.float32, device=q.device)
    for i in range(q.shape[0]):
        r = int(q_resp[i])
        own = (k_crit == q_crit[i]).nonzero().flatten()
        keys = torch.cat([kc[int(ctx_lo[r]):int(ctx_hi[r])], k[own]]).float()  # [n, H, D]
        vals = torch.cat([vc[int(ctx_lo[r]):int(ctx_hi[r])], v[own]]).float()
        s = torch.einsum("hd,nhd->hn", q[i].float(), keys) * scale
        lse[i] = torch.logsumexp(s, dim=-1)
        out[i] = torch.einsum("hn,nhd->hd", torch.softmax(s, dim=-1), vals)
    return out, lse


def query_blocks(q_resp: np.ndarray, block_m: int) -> np.ndarray:
    """[n_blocks, 2] (first, end) query ranges: consecutive queries of one response, at most ``block_m``."""
    q_resp = np.asarray(q_resp)
    starts = np.flatnonzero(np.r_[True, q_resp[1:] != q_resp[:-1]]) if len(q_resp) else np.zeros(0, np.int64)
    ends = np.r_[starts[1:], len(q_resp)]
    out = [(a, min(a + block_m, e)) for s, e in zip(starts, ends) for a in range(s, e, block_m)]
    return np.asarray(out, np.int32).reshape(-1, 2)


if triton is not None:
    @triton.jit
    def _cascade_kernel(Q, K, V, KC, VC, O, LSE, q_resp, q_crit, k_crit, own_lo, own_hi, ctx_lo, ctx_hi, blocks,
                        sq_n, sq_h, sk_n, sk_h, sc_n, sc_h, so_n, so_h, scale,
                        D: tl.constexpr, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr, WRITE_LSE: tl.constexpr,
                        PRECISION: tl.constexpr):
        blk = tl.program_id(0)
        h = tl.program_id(1)
        q0 = tl.load(blocks + 2 * blk)
        q1 = tl.load(blocks + 2 * blk + 1)
        offs_m = q0 + tl.arange(0, BLOCK_M)
        in_m = offs_m < q1
        offs_d = tl.arange(0, D)
        q = tl.load(Q + offs_m[:, None] * sq_n + h * sq_h + offs_d[None, :], mask=in_m[:, None], other=0.0)
        r = tl.load(q_resp + q0)
        crit = tl.load(q_crit + offs_m, mask=in_m, other=-1)
        m_i = tl.full([BLOCK_M], float("-inf"), tl.float32)
        l_i = tl.zeros([BLOCK_M], tl.float32)
        acc = tl.zeros([BLOCK_M, D], tl.float32)
        # the context part: every window's keys of response r, read once for all the block's criteria
        c0 = tl.load(ctx_lo + r)
        c1 = tl.load(ctx_hi + r)
        for start in range(c0, c1, BLOCK_N):
            offs_n = start + tl.arange(0, BLOCK_N)
            in_n = offs_n < c1
            kt = tl.load(KC + offs_n[:, None] * sc_n + h * sc_h + offs_d[None, :], mask=in_n[:, None], other=0.0)
            s = tl.dot(q, tl.trans(kt), input_precision=PRECISION) * scale
            s = tl.where(in_n[None, :], s, float("-inf"))
            m_new = tl.maximum(m_i, tl.max(s, 1))
            p = tl.exp(s - m_new[:, None])
            alpha = tl.exp(m_i - m_new)
            vt = tl.load(VC + offs_n[:, None] * sc_n + h * sc_h + offs_d[None, :], mask=in_n[:, None], other=0.0)
            acc = acc * alpha[:, None] + tl.dot(p.to(vt.dtype), vt, input_precision=PRECISION)
            l_i = l_i * alpha + tl.sum(p, 1)
            m_i = m_new
        # the own part: the block's criteria's tokens are one contiguous range of K/V
        o0 = tl.load(own_lo + q0)
        o1 = tl.load(own_hi + q1 - 1)
        for start in range(o0, o1, BLOCK_N):
            offs_n = start + tl.arange(0, BLOCK_N)
            in_n = offs_n < o1
            kcrit = tl.load(k_crit + offs_n, mask=in_n, other=-2)
            kt = tl.load(K + offs_n[:, None] * sk_n + h * sk_h + offs_d[None, :], mask=in_n[:, None], other=0.0)
            s = tl.dot(q, tl.trans(kt), input_precision=PRECISION) * scale
            s = tl.where(kcrit[None, :] == crit[:, None], s, float("-inf"))
            m_new = tl.maximum(m_i, tl.max(s, 1))
            m_safe = tl.where(m_new == float("-inf"), 0.0, m_new)  # a tile without any own key for a row
            p = tl.exp(s - m_safe[:, None])
            alpha = tl.exp(m_i - m_safe)
            vt = tl.load(V + offs_n[:, None] * sk_n + h * sk_h + offs_d[None, :], mask=in_n[:, None], other=0.0)
            acc = acc * alpha[:, None] + tl.dot(p.to(vt.dtype), vt, input_precision=PRECISION)
            l_i = l_i * alpha + tl.sum(p, 1)
            m_i = m_new
        out = acc / l_i[:, None]
        tl.store(O + offs_m[:, None] * so_n + h * so_h + offs_d[None, :], out.to(O.dtype.element_ty), mask=in_m[:, None])
        if WRITE_LSE:
            tl.store(LSE + offs_m * tl.num_programs(1) + h, m_i + tl.log(l_i), mask=in_m)


def compile_ahead(arch: int = 90, dtype: str = "bf16", block_m: int = 32, block_n: int = 32, head_dim: int = 32):
    """Compiles the kernel for an NVIDIA GPU of compute capability ``arch`` (90: H100/H200) without one
    (Triton lowers it to PTX and ptxas, shipped in the triton wheel, to a cubin), as a GPU would on first
    use; ``dtype`` "bf16", "fp16" or "fp32" (full-fp32 products). Returns Triton's compiled kernel (its
    ``asm`` holds "ptx" and "cubin"). Needs ``TRITON_INTERPRET`` unset when triton was imported."""
    from triton.backends.compiler import GPUTarget
    from triton.compiler import ASTSource

    if triton is None:
        raise RuntimeError("compile_ahead needs triton (pip install triton)")
    sig = {name: f"*{dtype}" for name in ("Q", "K", "V", "KC", "VC", "O")}
    sig["LSE"] = "*fp32"
    sig.update({name: "*i32" for name in ("q_resp", "q_crit", "k_crit", "own_lo", "own_hi", "ctx_lo", "ctx_hi",
                                          "blocks")})
    sig.update({name: "i32" for name in ("sq_n", "sq_h", "sk_n", "sk_h", "sc_n", "sc_h", "so_n", "so_h")})
    sig["scale"] = "fp32"
    const = {"D": head_dim, "BLOCK_M": block_m, "BLOCK_N": block_n, "WRITE_LSE": False,
             "PRECISION": "ieee" if dtype == "fp32" else None}
    sig.update({name: "constexpr" for name in const})
    names = list(sig)
    src = ASTSource(fn=_cascade_kernel, signature=sig, constexprs={(names.index(k),): v for k, v in const.items()})
    return triton.compile(src, target=GPUTarget("cuda", arch, 32))


def cascade_attention(q, q_resp, q_crit, k, v, k_crit, own_lo, own_hi, kc, vc, ctx_lo, ctx_hi,
                      scale: Optional[float] = None, block_m: int = 32, block_n: int = 32,
                      with_lse: bool = False, blocks=None) -> Tuple["object", Optional["object"]]:
    """The fused kernel (see the module docstring). ``q_resp``/``q_crit`` [NQ]: each query's response and
    criterion (queries grouped by response, in packed order); ``k_crit`` [T]: each criterion token's
    criterion; ``own_lo``/``own_hi`` [NQ]: the range of ``k`` holding the query's own criterion;
    ``ctx_lo``/``ctx_hi`` [R]: each response's range of ``kc``. Index arrays are int32 tensors on the
    device of ``q``. ``blocks``: :func:`query_blocks` of ``q_resp`` for ``block_m`` as an int32 tensor on
    that device, when the caller has it (else computed here, which reads ``q_resp`` back to the host).
    fp32 inputs are multiplied in full fp32 (no TF32 on a GPU). Returns (output [NQ, H, D] in ``q``'s
    dtype, lse [NQ, H] fp32 or None)."""
    import torch

    if triton is None:
        raise RuntimeError("cascade_attention needs triton (pip install triton)")
    nq, H, D = q.shape
    if D & (D - 1) or D < 16:
        raise ValueError(f"head size {D} must be a power of two >= 16")
    scale = D ** -0.5 if scale is None else float(scale)
    out = torch.empty_like(q)
    lse = torch.empty((nq, H), dtype=torch.float32, device=q.device) if with_lse else out.new_empty(1, dtype=torch.float32)
    if nq == 0:
        return out, (lse if with_lse else None)
    if blocks is None:
        blocks = torch.from_numpy(query_blocks(q_resp.cpu().numpy(), block_m)).to(q.device)
    q, k, v, kc, vc = (t.contiguous() for t in (q, k, v, kc, vc))
    _cascade_kernel[(blocks.shape[0], H)](
        q, k, v, kc, vc, out, lse, q_resp, q_crit, k_crit, own_lo, own_hi, ctx_lo, ctx_hi, blocks,
        q.stride(0), q.stride(1), k.stride(0), k.stride(1), kc.stride(0), kc.stride(1), out.stride(0), out.stride(1),
        scale, D=D, BLOCK_M=block_m, BLOCK_N=block_n, WRITE_LSE=with_lse,
        PRECISION="ieee" if q.dtype == torch.float32 else None)
    return out, (lse if with_lse else None)

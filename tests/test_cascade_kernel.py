"""The fused cascade-attention Triton kernel (rubricc.kernels.cascade) against its torch reference and
against the segmented pass's two-part attention merged by log-sum-exp. Without a GPU the kernel runs in
Triton's interpreter (TRITON_INTERPRET=1), so CI checks it on every push."""
import os

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("triton", reason="the cascade kernel needs triton (pip install triton)")


@pytest.fixture(scope="module")
def cascade():
    if not torch.cuda.is_available() and os.environ.get("TRITON_INTERPRET") != "1":
        pytest.fail("no GPU and TRITON_INTERPRET is not 1 (tests/conftest.py sets it before triton is imported)")
    import rubricc.kernels.cascade as mod

    return mod


def packed_case(seed, windows, crit_counts, heads=2, dim=16, first_only=False, dtype=torch.float32):
    """Random packed inputs: response r has ``windows[r]`` windows of random lengths and ``crit_counts[r]``
    criteria of 1-9 tokens. Returns the kernel's arguments."""
    rng = np.random.default_rng(seed)
    g = torch.Generator().manual_seed(seed)
    ctx_lens = [int(sum(rng.integers(3, 40, size=w))) for w in windows]
    ctx_lo = np.concatenate([[0], np.cumsum(ctx_lens)[:-1]]).astype(np.int32)
    ctx_hi = (ctx_lo + np.asarray(ctx_lens)).astype(np.int32)
    lens = [rng.integers(1, 10, size=n) for n in crit_counts]
    k_crit, tok_resp, lo, hi = [], [], [], []
    t = 0
    c = 0
    for r, ls in enumerate(lens):
        for n in ls:
            k_crit += [c] * int(n)
            tok_resp += [r] * int(n)
            lo += [t] * int(n)
            hi += [t + int(n)] * int(n)
            t += int(n)
            c += 1
    k_crit, tok_resp, lo, hi = (np.asarray(a, np.int32) for a in (k_crit, tok_resp, lo, hi))
    if first_only:
        sel = np.flatnonzero(np.r_[True, k_crit[1:] != k_crit[:-1]])
    else:
        sel = np.arange(t)
    S = int(ctx_hi[-1])
    rnd = lambda *s: torch.randn(*s, generator=g).to(dtype)  # noqa: E731
    T32 = lambda a: torch.from_numpy(np.ascontiguousarray(a, dtype=np.int32))  # noqa: E731
    args = dict(q=rnd(len(sel), heads, dim), q_resp=T32(tok_resp[sel]), q_crit=T32(k_crit[sel]),
                k=rnd(t, heads, dim), v=rnd(t, heads, dim), k_crit=T32(k_crit), own_lo=T32(lo[sel]),
                own_hi=T32(hi[sel]), kc=rnd(S, heads, dim), vc=rnd(S, heads, dim), ctx_lo=T32(ctx_lo),
                ctx_hi=T32(ctx_hi))
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return {k: v.to(device) for k, v in args.items()}


@pytest.mark.parametrize("windows,crits,first_only,block", [
    ([1], [1], False, 16),
    ([1, 2, 7], [3, 1, 5], False, 16),
    ([2, 1], [40, 2], False, 32),
    ([7, 1, 3], [4, 6, 2], True, 16),
])
def test_kernel_equals_reference(cascade, windows, crits, first_only, block):
    a = packed_case(len(crits) * 7 + len(windows), windows, crits, first_only=first_only)
    ref_o, ref_l = cascade.cascade_reference(a["q"], a["q_resp"], a["q_crit"], a["k"], a["v"], a["k_crit"],
                                             a["kc"], a["vc"], a["ctx_lo"], a["ctx_hi"])
    out, lse = cascade.cascade_attention(**a, block_m=block, block_n=block, with_lse=True)
    assert torch.allclose(out, ref_o, atol=1e-5, rtol=1e-5), float((out - ref_o).abs().max())
    assert torch.allclose(lse, ref_l, atol=1e-5, rtol=1e-5)


def test_reference_equals_the_segmented_merge(cascade):
    """The reference is the segmented pass's definition: context part and own part, each with its
    log-sum-exp, merged exactly (rubricc.verifier.segmented.attention_lse)."""
    from rubricc.verifier.segmented import attention_lse

    a = packed_case(3, [2], [3])
    ref_o, _ = cascade.cascade_reference(a["q"], a["q_resp"], a["q_crit"], a["k"], a["v"], a["k_crit"],
                                         a["kc"], a["vc"], a["ctx_lo"], a["ctx_hi"])
    q = a["q"].transpose(0, 1)[None]                      # [1, H, NQ, D]
    kc, vc = a["kc"].transpose(0, 1)[None], a["vc"].transpose(0, 1)[None]
    o1, l1 = attention_lse(q, kc, vc, torch.zeros(1, 1, 1, kc.shape[2]))
    own = (a["q_crit"][:, None] == a["k_crit"][None, :])
    mask = torch.zeros(own.shape).masked_fill(~own, float("-inf"))[None, None]
    o2, l2 = attention_lse(q, a["k"].transpose(0, 1)[None], a["v"].transpose(0, 1)[None], mask)
    lse = torch.logaddexp(l1, l2)
    merged = o1 * torch.exp(l1 - lse)[..., None] + o2 * torch.exp(l2 - lse)[..., None]
    assert torch.allclose(merged[0].transpose(0, 1), ref_o, atol=1e-5)


def test_half_precision_inputs_within_stated_tolerance(cascade):
    """Half-precision products with fp32 accumulation, as on a GPU: within 3e-2 of the fp32 reference (8
    bits of mantissa for bf16; the outputs are averages of unit-variance values). Triton's interpreter has
    no bf16 arithmetic (NumPy has no bf16 type), so on a CPU the same path is checked in fp16."""
    dtype = torch.bfloat16 if torch.cuda.is_available() else torch.float16
    a = packed_case(11, [3, 1], [5, 2], dtype=dtype)
    ref_o, _ = cascade.cascade_reference(**{k: a[k] for k in ("q", "q_resp", "q_crit", "k", "v", "k_crit", "kc",
                                                               "vc", "ctx_lo", "ctx_hi")})
    out, _ = cascade.cascade_attention(**a, block_m=16, block_n=16)
    assert out.dtype == dtype
    assert float((out.float() - ref_o).abs().max()) < 3e-2


def test_query_blocks_stay_within_one_response(cascade):
    blocks = cascade.query_blocks(np.array([0, 0, 0, 1, 2, 2, 2, 2, 2]), 2)
    assert blocks.tolist() == [[0, 2], [2, 3], [3, 4], [4, 6], [6, 8], [8, 9]]

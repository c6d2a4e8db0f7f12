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


# ----------------------------------------------------------------------------------------------
# the kernel inside the segmented pass (rubricc.verifier.segmented, attention="triton")
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny_verifier():
    """MiniLM's architecture (BERT, head size 32) shrunk to 2 layers of 2 heads, seeded random weights."""
    from transformers import BertConfig, BertModel

    from rubricc.verifier.model import Verifier

    torch.manual_seed(0)
    conf = BertConfig(vocab_size=2000, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
                      intermediate_size=128, max_position_embeddings=128, attn_implementation="eager")
    model = Verifier(BertModel(conf, add_pooling_layer=False)).eval()
    with torch.no_grad():
        model.head.weight.normal_(0, 0.2)  # logits spread over about +-2: differences would show
    return model


def windowed_batch(seed):
    """Three responses of 2, 3 and 1 windows (32 tokens) with 3, 2 and 4 criteria of 1-14 tokens, and a
    plain (pre-window) context; returns (contexts, criteria)."""
    import random

    from rubricc.kernels.pack import Windowing, make_criterion, make_windows

    rng = random.Random(seed)

    def ids(n):
        return [rng.randrange(1000, 1999) for _ in range(n)]

    contexts, criteria = [], []
    for n_resp, n_crit in ((40, 3), (50, 2), (10, 4)):
        ws, _ = make_windows(ids(15), ids(n_resp), 101, 102, 10, Windowing(32, overlap=0, prompt_tail=0))
        contexts.append(ws)
        criteria.append([make_criterion(ids(rng.randint(1, 14)), 101, 102, 16) for _ in range(n_crit)])
    contexts.append([101, *ids(20), 102])
    criteria.append([[101, 1005, 1006, 102]])
    assert [len(c) for c in contexts[:3]] == [2, 3, 1]
    return contexts, criteria


def masked_logits(model, contexts, criteria):
    from rubricc.kernels.pack import pack_fused

    p = pack_fused(contexts, criteria, 0)
    with torch.inference_mode():
        out = model(*(torch.from_numpy(p[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    return out.reshape(-1)[torch.from_numpy(p["read_index"])].numpy()


def request_device(model):
    """The model on the kernel's device: CUDA where there is one, else the CPU (Triton's interpreter)."""
    return model.to("cuda") if torch.cuda.is_available() else model


def test_segmented_pass_with_the_kernel_equals_torch_and_masked(cascade, tiny_verifier):
    """attention="triton" (the fused kernel for every layer's criterion attention, packed window keys) gives
    the torch-math pass's logits and the masked Verifier's, in fp32 to 1e-5; with a small criterion budget
    the criteria run in several groups, each with its own slice of the packed keys, and with blocks of 16
    a response's criterion tokens span several programs and its context several tiles."""
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    contexts, criteria = windowed_batch(0)
    ref = masked_logits(tiny_verifier, contexts, criteria)
    model = request_device(tiny_verifier)
    try:
        kernel = SegmentedVerifier(model, attention="triton")
        plain = SegmentedVerifier(model, attention="torch")
        assert (kernel.attention, plain.attention) == ("triton", "torch")
        default = kernel.blocks
        for budget, blocks in ((30, (16, 16)), (8192, default)):
            kernel.blocks = blocks
            got = score_fused(kernel, contexts, criteria, 0, crit_budget=budget)
            assert got.shape == ref.shape and np.std(ref) > 0.05
            assert np.abs(got - score_fused(plain, contexts, criteria, 0, crit_budget=budget)).max() < 1e-5
            assert np.abs(got - ref).max() < 1e-5
    finally:
        tiny_verifier.cpu()


def test_segmented_pass_with_the_kernel_in_half_precision(cascade, tiny_verifier):
    """Half-precision products (bf16 on a GPU; fp16 here, the interpreter has no bf16): within 0.02 of the
    fp32 masked logits, as the torch-math pass in bf16 is (tests/test_segmented.py)."""
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    dtype = torch.bfloat16 if torch.cuda.is_available() else torch.float16
    contexts, criteria = windowed_batch(2)
    ref = masked_logits(tiny_verifier, contexts, criteria)
    model = request_device(tiny_verifier)
    try:
        got = score_fused(SegmentedVerifier(model, dtype=dtype, attention="triton"), contexts, criteria, 0)
    finally:
        tiny_verifier.cpu()
    assert np.abs(got - ref).max() < 0.02


def test_kernel_compiles_for_hopper_without_a_gpu():
    """What the interpreter does not check: Triton lowering the kernel to machine code. It builds an sm_90
    (H100/H200) cubin here, as a GPU would on first use, in bf16 and with full-fp32 products (in a child
    process: the interpreter is switched on for this one when triton is imported)."""
    import subprocess
    import sys

    code = ("from rubricc.kernels.cascade import compile_ahead\n"
            "for dt in ('bf16', 'fp32'):\n"
            "    k = compile_ahead(90, dt)\n"
            "    print(dt, len(k.asm['cubin']), 'mma' in k.asm['ptx'])\n")
    env = {k: v for k, v in os.environ.items() if k != "TRITON_INTERPRET"}
    env.setdefault("TRITON_DEFAULT_FP_FUSION", "1")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    if r.returncode and "ptxas" in r.stderr and "not found" in r.stderr.lower():
        pytest.skip("this triton has no ptxas to compile with")
    assert r.returncode == 0, r.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in r.stdout.strip().splitlines())
    assert set(lines) == {"bf16", "fp32"}
    size, mma = lines["bf16"].split()
    assert int(size) > 1000 and mma == "True"  # the bf16 products run on the tensor cores

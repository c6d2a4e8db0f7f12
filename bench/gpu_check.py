"""The GPU check (issue 14): correctness first, then verdicts/s, on whatever device is there.

MiniLM-L6's architecture with seeded random weights (speed does not depend on the weights, and the
pretrained ones are too large to carry to the GPU machine); synthetic token ids, no tokenizer.

1. the fused cascade-attention Triton kernel (``rubricc.kernels.cascade``) against its torch reference;
2. the segmented pass on the device against the masked ``Verifier`` on the CPU in fp32, same weights and
   inputs (windowed contexts), largest |logit difference|;
3. verdicts/s at ``--responses`` responses x ``--criteria`` criteria of 12 tokens, with contexts of
   ``--contexts`` tokens (windows of ``--window-len``): rubricc's segmented pass (bf16 on a GPU, fp32 on a
   CPU), and per-pair scoring the TEI way (a BERT with SDPA on (criterion, context) pairs in batches
   sorted by length, so nearly without padding; cut at 512 tokens, MiniLM's limit: it reads less of a
   long context than rubricc does); the kernel alone against the two-part attention merged by
   log-sum-exp it replaces; peak device memory.

    bash bench/gpu_check.sh                 # CUDA when present
    bash bench/gpu_check.sh --device cpu    # the CPU rehearsal (small shapes, a few minutes)

Prints one line per figure and, as the last line, a JSON object with all of them.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MINILM = dict(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536,
              max_position_embeddings=512, type_vocab_size=2, hidden_act="gelu", layer_norm_eps=1e-12)
CLS, SEP, PAD = 101, 102, 0


def random_verifier(seed: int = 0):
    import torch
    from transformers import BertConfig, BertModel

    from rubricc.verifier.model import Verifier

    torch.manual_seed(seed)
    enc = BertModel(BertConfig(**MINILM), add_pooling_layer=False)
    enc.config._attn_implementation = "eager"
    model = Verifier(enc).eval()
    with torch.no_grad():
        model.head.weight.normal_(0, 0.02)
        model.head.bias.zero_()
    return model


def synthetic(n_resp: int, n_crit: int, ctx_tokens: int, window_len: int, seed: int = 0):
    """(contexts, criteria) as the runtime makes them: windowed contexts of about ``ctx_tokens`` tokens."""
    from rubricc.kernels.pack import Windowing, make_criterion, make_windows

    rng = np.random.default_rng(seed)
    win = Windowing(window_len, 0, max(ctx_tokens, 1), 0)
    contexts, criteria = [], []
    for _ in range(n_resp):
        prompt = rng.integers(1000, 29000, size=120).tolist()
        resp = rng.integers(1000, 29000, size=max(1, ctx_tokens - 124)).tolist()
        ctx, _ = make_windows(prompt, resp, CLS, SEP, 256, win)
        contexts.append(ctx)
        criteria.append([make_criterion(rng.integers(1000, 29000, size=10).tolist(), CLS, SEP, 64)
                         for _ in range(n_crit)])
    return contexts, criteria


def sync(device: str) -> None:
    if device == "cuda":
        import torch

        torch.cuda.synchronize()


def timed(fn, device: str, repeats: int) -> float:
    fn()  # warm-up (kernel compilation, allocator)
    sync(device)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        sync(device)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def check_kernel(device: str) -> Dict[str, Any]:
    import torch

    from rubricc.kernels import cascade

    if not cascade.available():
        return {"error": "triton is not installed"}
    g = torch.Generator().manual_seed(0)
    H, D = MINILM["num_attention_heads"], MINILM["hidden_size"] // MINILM["num_attention_heads"]
    ctx = [300, 700, 130]
    crit_lens = [[5, 9, 12], [3], [7, 7, 4, 11]]
    lo = np.r_[0, np.cumsum(ctx)[:-1]].astype(np.int32)
    k_crit, q_resp, olo, ohi, t, c = [], [], [], [], 0, 0
    for r, ls in enumerate(crit_lens):
        for n in ls:
            k_crit += [c] * n
            q_resp += [r] * n
            olo += [t] * n
            ohi += [t + n] * n
            t, c = t + n, c + 1
    I32 = lambda a: torch.tensor(a, dtype=torch.int32, device=device)  # noqa: E731
    R = lambda n: torch.randn(n, H, D, generator=g).to(device)  # noqa: E731
    a = dict(q=R(t), q_resp=I32(q_resp), q_crit=I32(k_crit), k=R(t), v=R(t), k_crit=I32(k_crit), own_lo=I32(olo),
             own_hi=I32(ohi), kc=R(sum(ctx)), vc=R(sum(ctx)), ctx_lo=I32(lo), ctx_hi=I32(lo + np.asarray(ctx)))
    ref, _ = cascade.cascade_reference(**{k: a[k] for k in ("q", "q_resp", "q_crit", "k", "v", "k_crit", "kc", "vc",
                                                             "ctx_lo", "ctx_hi")})
    out, _ = cascade.cascade_attention(**a)
    res = {"max_abs_diff_fp32": float((out.float() - ref).abs().max())}
    if device == "cuda":
        half = {k: (v.to(torch.bfloat16) if v.is_floating_point() else v) for k, v in a.items()}
        out16, _ = cascade.cascade_attention(**half)
        res["max_abs_diff_bf16"] = float((out16.float() - ref).abs().max())
    return res


def check_logits(device: str, window_len: int) -> Dict[str, Any]:
    import torch

    from rubricc.kernels.pack import pack_fused
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    model = random_verifier(0)
    contexts, criteria = synthetic(3, 4, 2 * window_len, window_len, seed=1)
    batch = pack_fused(contexts, criteria, PAD)
    with torch.no_grad():
        ref = model(*(torch.from_numpy(batch[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    ref = ref.reshape(-1)[torch.from_numpy(batch["read_index"])].numpy()
    seg = SegmentedVerifier(model.to(device), torch.float32)
    got = score_fused(seg, contexts, criteria, PAD)
    return {"max_abs_logit_diff_vs_cpu_fp32": float(np.abs(got - ref).max()), "verdicts": int(len(ref))}


def per_pair(model, contexts, criteria, device: str, dtype, batch: int = 64) -> int:
    """The TEI way: every (criterion, context) pair through the encoder, batches sorted by length."""
    import torch

    from rubricc.kernels.pack import windows_of

    pairs = []
    for ctx, crits in zip(contexts, criteria):
        flat = [t for w in windows_of(ctx) for t in w]
        for c in crits:
            pairs.append((c + flat[1:])[:512])
    pairs.sort(key=len)
    enc = model.encoder
    with torch.no_grad(), torch.autocast(device_type=device, dtype=dtype, enabled=dtype != torch.float32):
        for i in range(0, len(pairs), batch):
            part = pairs[i:i + batch]
            L = max(len(p) for p in part)
            ids = torch.zeros(len(part), L, dtype=torch.long)
            att = torch.zeros(len(part), L, dtype=torch.long)
            for j, p in enumerate(part):
                ids[j, :len(p)] = torch.tensor(p)
                att[j, :len(p)] = 1
            h = enc(input_ids=ids.to(device), attention_mask=att.to(device)).last_hidden_state[:, 0]
            model.head(h)
    return len(pairs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--device", default="auto", choices=("auto", "cuda", "cpu"))
    ap.add_argument("--contexts", default=None, help="context lengths in tokens (default 512,2048,4096; cpu: 512,1024)")
    ap.add_argument("--responses", type=int, default=None, help="default 16 (cpu: 4)")
    ap.add_argument("--criteria", type=int, default=None, help="default 20 (cpu: 5)")
    ap.add_argument("--window-len", type=int, default=448)
    ap.add_argument("--repeats", type=int, default=None, help="timed runs after a warm-up, median (default 3; cpu: 1)")
    args = ap.parse_args(argv)
    import torch

    device = ("cuda" if torch.cuda.is_available() else "cpu") if args.device == "auto" else args.device
    if device == "cuda" and not torch.cuda.is_available():
        print("gpu_check: --device cuda but torch sees no GPU", file=sys.stderr)
        return 2
    cpu = device == "cpu"
    lengths = [int(x) for x in (args.contexts or ("512,1024" if cpu else "512,2048,4096")).split(",")]
    repeats = args.repeats or (1 if cpu else 3)
    n_resp = args.responses or (4 if cpu else 16)
    n_crit = args.criteria or (5 if cpu else 20)
    out: Dict[str, Any] = {"bench": "gpu_check", "device": device, "torch": torch.__version__,
                           "gpu": torch.cuda.get_device_name(0) if device == "cuda" else platform.processor(),
                           "date": time.strftime("%Y-%m-%d")}
    print(f"device {device} ({out['gpu']}), torch {torch.__version__}")
    t0 = time.perf_counter()
    out["kernel_check"] = check_kernel(device)
    print(f"1. cascade kernel vs torch reference: {out['kernel_check']}")
    out["logits_check"] = check_logits(device, args.window_len)
    print(f"2. segmented on {device} vs masked Verifier on CPU fp32: {out['logits_check']}")

    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    model = random_verifier(0).to(device)
    dtype = torch.float32 if cpu else torch.bfloat16
    seg = SegmentedVerifier(model, dtype)
    rows: List[Dict[str, Any]] = []
    for L in lengths:
        contexts, criteria = synthetic(n_resp, n_crit, L, args.window_len)
        verdicts = n_resp * n_crit
        if device == "cuda":
            torch.cuda.reset_peak_memory_stats()
        s_seg = timed(lambda: score_fused(seg, contexts, criteria, PAD), device, repeats)
        peak = torch.cuda.max_memory_allocated() / 2 ** 20 if device == "cuda" else None
        s_pair = timed(lambda: per_pair(model, contexts, criteria, device, dtype), device, repeats)
        row = {"context_tokens": L, "verdicts": verdicts, "rubricc_segmented_vps": round(verdicts / s_seg, 1),
               "per_pair_sdpa_vps": round(verdicts / s_pair, 1), "ratio": round(s_pair / s_seg, 2),
               "peak_mib_segmented": None if peak is None else round(peak)}
        rows.append(row)
        print(f"3. context {L:5d} tokens: rubricc segmented {row['rubricc_segmented_vps']:9.1f} verdicts/s, per-pair "
              f"(cut at 512) {row['per_pair_sdpa_vps']:9.1f}, ratio {row['ratio']}x"
              + (f", peak {row['peak_mib_segmented']} MiB" if peak is not None else ""))
    out["throughput"] = rows
    out["shape"] = {"responses": n_resp, "criteria": n_crit, "criterion_tokens": 12, "window_len": args.window_len,
                    "dtype": str(dtype).replace("torch.", "")}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

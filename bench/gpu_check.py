"""The GPU check (issue 14): correctness first, then verdicts/s, on whatever device is there.

MiniLM-L6's architecture with seeded random weights (speed does not depend on the weights, and the
pretrained ones are not on the GPU machine, which reaches no registry or hub); synthetic token ids, and a
synthetic WordPiece vocabulary (``w<id>`` is token ``<id>``) where a tokenizer is needed. Nothing is held
out: random weights, random ids; the figures are speed and agreement, not accuracy.

1. the fused cascade-attention Triton kernel (``rubricc.kernels.cascade``) against its torch reference;
2. logits on the device against the masked ``Verifier`` on the CPU in fp32, same weights and inputs
   (windowed contexts): the segmented pass with the Triton kernel in fp32 and in bf16, the same pass with
   the torch-math attention, and the ONNX graph (fp16 on ONNX Runtime's CUDA provider);
3. verdicts/s at ``--responses`` x ``--criteria`` criteria of 12 tokens, contexts of ``--contexts`` tokens
   (windows of ``--window-len``), median of ``--repeats`` runs after a warm-up, for:
   ``segmented_triton`` (rubricc's segmented pass, the fused kernel, bf16), ``segmented_torch`` (the same
   pass with the attention it replaces: two attentions merged by log-sum-exp in torch), ``ort_fp16``
   (rubricc's ONNX backend, the bundle's fp16 graph exported by ``verifier/export.py``, CUDA provider with IO
   binding), ``per_pair_sdpa`` (every (criterion, context) pair through a BERT with SDPA, batches sorted by
   length so that equal lengths run without padding, bf16 autocast; cut at 512 tokens, MiniLM's limit: it
   reads less of a long context than rubricc does) and ``cross_encoder`` (sentence-transformers'
   ``CrossEncoder.predict`` on the device, bf16, same encoder weights, from text: its tokenization counts);
   peak device memory of each (torch's allocator; ONNX Runtime's arena as the growth of the device's used
   memory). ONNX Runtime's CUDA provider needs the onnxruntime-gpu package: where the machine has only
   onnxruntime, the ``ort_fp16`` entries carry that error (``ort_providers`` lists what there is).

    bash bench/gpu_check.sh                 # CUDA when present (under 8 minutes on one H200)
    bash bench/gpu_check.sh --device cpu    # the CPU rehearsal: every code path, small shapes, the kernel in
                                            # Triton's interpreter, ONNX Runtime's CPU provider in fp32

Every contender runs in a guard: an error becomes its entry ("error": ...) and the rest still run; past
``--budget-s`` seconds the remaining ones are skipped. One line per figure; the last line is a JSON object
with all of them.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Dict, List

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINILM = dict(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536,
              max_position_embeddings=512, type_vocab_size=2, hidden_act="gelu", layer_norm_eps=1e-12)
CLS, SEP, PAD, UNK, MASK = 101, 102, 0, 100, 103
WORDS = 1000  # token ids from here on are the words "w<id>" of the synthetic vocabulary


def importable_from_checkout() -> None:
    """``rubricc.verifier`` and ``rubricc.kernels`` live in the checkout's top-level folders (setup.cfg's
    package_dir); where the project is not installed (the GPU machine), map them from the checkout."""
    import rubricc

    if importlib.util.find_spec("rubricc.verifier") is None:
        rubricc.__path__.append(str(ROOT))


# ----------------------------------------------------------------------------------------------
# the model, its inputs, its other forms
# ----------------------------------------------------------------------------------------------
def random_verifier(seed: int = 0, attn: str = "eager"):
    import torch
    from transformers import BertConfig, BertModel

    from rubricc.verifier.model import Verifier, set_attn_implementation

    torch.manual_seed(seed)
    model = Verifier(BertModel(BertConfig(**MINILM), add_pooling_layer=False)).eval()
    set_attn_implementation(model, attn)
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
        prompt = rng.integers(WORDS, 29000, size=120).tolist()
        resp = rng.integers(WORDS, 29000, size=max(1, ctx_tokens - 124)).tolist()
        ctx, _ = make_windows(prompt, resp, CLS, SEP, 256, win)
        contexts.append(ctx)
        criteria.append([make_criterion(rng.integers(WORDS, 29000, size=10).tolist(), CLS, SEP, 64)
                         for _ in range(n_crit)])
    return contexts, criteria


def write_tokenizer(folder: Path) -> None:
    """A BERT WordPiece tokenizer whose word ``w<id>`` is token ``<id>`` (ids from :data:`WORDS`), saved
    with ``save_pretrained`` (``tokenizer.json`` and its config): no hub."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    special = {PAD: "[PAD]", UNK: "[UNK]", CLS: "[CLS]", SEP: "[SEP]", MASK: "[MASK]"}
    vocab = {special.get(i, f"[unused{i}]" if i < WORDS else f"w{i}"): i for i in range(MINILM["vocab_size"])}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", CLS), ("[SEP]", SEP)])
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", sep_token="[SEP]", pad_token="[PAD]",
                            cls_token="[CLS]", mask_token="[MASK]", model_max_length=512,
                            model_input_names=["input_ids", "token_type_ids", "attention_mask"]
                            ).save_pretrained(str(folder))


def export_ort_bundle(folder: Path, window_len: int) -> Dict[str, Any]:
    """The random verifier's ONNX graphs, made as ``verifier/export.py``'s ``export_bundle`` makes a bundle's
    (the plain export; ONNX Runtime's transformer fusions for fp32; its fp16 conversion for the fp16 variant)
    and the bundle's record (``rubricc.bundle.make_record``), returned rather than written: ``export_bundle``
    writes it through ``rubricc.formats``, which needs pydantic, absent on the GPU machine."""
    from rubricc import bundle
    from rubricc.verifier.export import VARIANTS, _fp16, _optimize, export_onnx

    out = folder / "bundle"
    out.mkdir(parents=True, exist_ok=True)
    raw = out / "model.raw.onnx"
    export_onnx(random_verifier(0), raw)
    heads, hidden = MINILM["num_attention_heads"], MINILM["hidden_size"]
    fused = _optimize(raw, out / VARIANTS["fp32"], heads, hidden)
    _fp16(raw, out / VARIANTS["fp16"], heads, hidden)
    lengths = {"layout": "fused", "max_prompt_len": 256, "max_context_len": window_len, "max_criterion_len": 64,
               "window_len": window_len}
    return bundle.make_record(lengths, (CLS, SEP, PAD), {v: VARIANTS[v] for v in ("fp32", "fp16")},
                              MINILM["max_position_embeddings"], None, export={"fused_ops": fused})


def ort_backend(folder: Path, cfg: Dict[str, Any], device: str):
    """rubricc's ONNX backend on those graphs: fp16 on the CUDA provider (IO binding), or fp32 on the CPU."""
    from rubricc.backends.onnx import OnnxBackend

    if device == "cuda":
        return OnnxBackend(folder / "bundle", cfg, providers="cuda", variant="fp16")
    return OnnxBackend(folder / "bundle", cfg, providers="cpu", variant="fp32")


def cross_encoder(folder: Path, device: str, dtype):
    """sentence-transformers' CrossEncoder over the random encoder's weights (a 1-label BERT classifier; its
    pooler and classifier are random too), loaded from a local folder."""
    import torch
    from sentence_transformers import CrossEncoder
    from transformers import BertConfig, BertForSequenceClassification

    cls = BertForSequenceClassification(BertConfig(**MINILM, num_labels=1)).eval()
    missing = cls.bert.load_state_dict(random_verifier(0).encoder.state_dict(), strict=False).missing_keys
    assert all(k.startswith("pooler.") for k in missing), missing
    cls.save_pretrained(str(folder / "cross_encoder"))
    write_tokenizer(folder / "cross_encoder")
    ce = CrossEncoder(str(folder / "cross_encoder"), device=device, max_length=512)
    if dtype != torch.float32:
        ce.to(dtype)
    return ce


def text_pairs(contexts, criteria) -> List[tuple]:
    """(criterion, context) text pairs in the synthetic vocabulary (the context: all its windows' tokens)."""
    from rubricc.kernels.pack import windows_of

    def words(ids):
        return " ".join(f"w{i}" for i in ids if i >= WORDS)

    out = []
    for ctx, crits in zip(contexts, criteria):
        text = words(t for w in windows_of(ctx) for t in w)
        out += [(words(c), text) for c in crits]
    return out


def per_pair(model, contexts, criteria, device: str, dtype, batch: int = 64) -> int:
    """Every (criterion, context) pair through the encoder (SDPA), batches sorted by length."""
    import torch

    from rubricc.kernels.pack import windows_of

    pairs = []
    for ctx, crits in zip(contexts, criteria):
        flat = [t for w in windows_of(ctx) for t in w]
        for c in crits:
            pairs.append((c + flat[1:])[:512])
    pairs.sort(key=len)
    enc = model.encoder
    with torch.inference_mode(), torch.autocast(device_type=device, dtype=dtype, enabled=dtype != torch.float32):
        for i in range(0, len(pairs), batch):
            part = pairs[i:i + batch]
            L = max(len(p) for p in part)
            ids = torch.zeros(len(part), L, dtype=torch.long)
            att = torch.zeros(len(part), L, dtype=torch.long)
            for j, p in enumerate(part):
                ids[j, :len(p)] = torch.tensor(p)
                att[j, :len(p)] = 1
            h = enc(input_ids=ids.to(device), attention_mask=att.to(device)).last_hidden_state[:, 0]
            model.head(h).float().cpu()
    return len(pairs)


# ----------------------------------------------------------------------------------------------
# measuring
# ----------------------------------------------------------------------------------------------
def sync(device: str) -> None:
    if device == "cuda":
        import torch

        torch.cuda.synchronize()


def measure(fn: Callable[[], Any], device: str, repeats: int, warmup: bool = True) -> Dict[str, Any]:
    """Median seconds of ``repeats`` runs after a warm-up (compilation, allocator), and device memory:
    torch's peak allocation and the growth of the device's used memory (ONNX Runtime's arena)."""
    import torch

    cuda = device == "cuda"
    if cuda:
        sync(device)
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
        base = torch.cuda.memory_allocated()
        used0 = torch.cuda.mem_get_info()[1] - torch.cuda.mem_get_info()[0]
    if warmup:
        fn()
        sync(device)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        sync(device)
        times.append(time.perf_counter() - t)
    out: Dict[str, Any] = {"seconds": statistics.median(times)}
    if cuda:
        free, total = torch.cuda.mem_get_info()
        out["peak_mib"] = round((torch.cuda.max_memory_allocated() - base) / 2 ** 20)
        out["device_used_growth_mib"] = round((total - free - used0) / 2 ** 20)
    return out


def guarded(name: str, fn: Callable[[], Dict[str, Any]], deadline: float) -> Dict[str, Any]:
    """``fn()``, or {"error": its last line} when it raises, or {"skipped": ...} past the deadline."""
    if time.perf_counter() > deadline:
        return {"skipped": "time budget spent"}
    try:
        return fn()
    except Exception as e:  # one contender's failure must not hide the others' figures
        print(f"{name} failed:", file=sys.stderr)
        traceback.print_exc(limit=3)
        return {"error": f"{type(e).__name__}: {str(e).strip().splitlines()[0][:300] if str(e).strip() else ''}"}


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
    half = torch.bfloat16 if device == "cuda" else torch.float16  # the interpreter has no bf16
    out16, _ = cascade.cascade_attention(**{k: (v.to(half) if v.is_floating_point() else v) for k, v in a.items()})
    res[f"max_abs_diff_{str(half)[6:]}_inputs"] = float((out16.float() - ref).abs().max())
    return res


def check_logits(device: str, window_len: int, folder: Path, cfg, deadline: float) -> Dict[str, Any]:
    """Largest |logit - the masked Verifier's on the CPU in fp32| of each form, on windowed contexts."""
    import torch

    from rubricc.kernels.pack import pack_fused
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    model = random_verifier(0)
    contexts, criteria = synthetic(3, 4, 2 * window_len, window_len, seed=1)
    batch = pack_fused(contexts, criteria, PAD)
    with torch.inference_mode():
        ref = model(*(torch.from_numpy(batch[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    ref = ref.reshape(-1)[torch.from_numpy(batch["read_index"])].numpy()
    dev = model.to(device)
    half = torch.bfloat16 if device == "cuda" else torch.float16
    out: Dict[str, Any] = {"verdicts": int(len(ref)), "logit_std": float(ref.std())}

    def seg(dtype, attention):
        def run():
            got = score_fused(SegmentedVerifier(dev, dtype, attention), contexts, criteria, PAD)
            return {"max_abs_logit_diff": float(np.abs(got - ref).max())}
        return run

    out["segmented_triton_fp32"] = guarded("segmented_triton_fp32", seg(torch.float32, "triton"), deadline)
    out[f"segmented_triton_{str(half)[6:]}"] = guarded("segmented_triton_half", seg(half, "triton"), deadline)
    out["segmented_torch_fp32"] = guarded("segmented_torch_fp32", seg(torch.float32, "torch"), deadline)
    out[f"segmented_torch_{str(half)[6:]}"] = guarded("segmented_torch_half", seg(half, "torch"), deadline)

    def ort():
        if not cfg:
            raise RuntimeError("no ONNX export (see export)")
        be = ort_backend(folder, cfg, device)
        return {"variant": be.variant, "device": be.device,
                "max_abs_logit_diff": float(np.abs(be.logits(contexts, criteria) - ref).max())}

    out["ort"] = guarded("ort", ort, deadline)
    return out


# ----------------------------------------------------------------------------------------------
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--device", default="auto", choices=("auto", "cuda", "cpu"))
    ap.add_argument("--rehearsal", action="store_true",
                    help="small shapes (contexts 128,384 in windows of 128; 2 responses x 3 criteria; one run, no "
                         "warm-up): every code path, a few minutes on a CPU with the kernel in Triton's interpreter")
    ap.add_argument("--contexts", default=None, help="context lengths in tokens (default 512,2048,4096)")
    ap.add_argument("--responses", type=int, default=None, help="default 16")
    ap.add_argument("--criteria", type=int, default=None, help="default 20")
    ap.add_argument("--window-len", type=int, default=None, help="default 448")
    ap.add_argument("--repeats", type=int, default=None, help="timed runs after a warm-up, median (default 3)")
    ap.add_argument("--budget-s", type=float, default=420,
                    help="contenders not started within this many seconds are skipped (default 420)")
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    if args.threads:
        torch.set_num_threads(args.threads)
    importable_from_checkout()
    t0 = time.perf_counter()
    deadline = t0 + args.budget_s
    device = ("cuda" if torch.cuda.is_available() else "cpu") if args.device == "auto" else args.device
    if device == "cuda" and not torch.cuda.is_available():
        print("gpu_check: --device cuda but torch sees no GPU", file=sys.stderr)
        return 2
    small = args.rehearsal
    lengths = [int(x) for x in (args.contexts or ("128,384" if small else "512,2048,4096")).split(",")]
    repeats = args.repeats or (1 if small else 3)
    n_resp = args.responses or (2 if small else 16)
    n_crit = args.criteria or (3 if small else 20)
    window_len = args.window_len or (128 if small else 448)
    cuda = device == "cuda"
    half = torch.bfloat16 if cuda else torch.float32  # a CPU without AMX runs bf16 emulated: fp32 there

    def version(mod):
        try:
            return __import__(mod).__version__
        except Exception as e:  # noqa: BLE001 - reported, not fatal
            return f"absent ({type(e).__name__})"

    out: Dict[str, Any] = {"bench": "gpu_check", "device": device, "rehearsal": small,
                           "gpu": torch.cuda.get_device_name(0) if cuda else platform.processor(),
                           "versions": {m: version(m) for m in ("torch", "triton", "transformers", "onnxruntime",
                                                                "sentence_transformers")},
                           "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}
    try:
        import onnxruntime as ort

        out["ort_providers"] = ort.get_available_providers()
    except ImportError:
        out["ort_providers"] = []
    print(f"device {device} ({out['gpu']}), {out['versions']}")
    if not cuda:
        print("CPU rehearsal: the Triton kernel runs in Triton's interpreter (TRITON_INTERPRET=1) and ONNX Runtime "
              "on its CPU provider in fp32 (the ort_fp16 row); every path runs, the speeds mean nothing")

    out["kernel_check"] = guarded("kernel", lambda: check_kernel(device), deadline)
    print(f"1. cascade kernel vs torch reference: {out['kernel_check']}")
    tmp = tempfile.TemporaryDirectory(prefix="rubricc-gpu-check-")
    folder = Path(tmp.name)
    t = time.perf_counter()
    cfg: Dict[str, Any] = {}

    def export():
        cfg.update(export_ort_bundle(folder, window_len))
        return {"fused_ops": cfg["export"]["fused_ops"], "seconds": round(time.perf_counter() - t, 1)}

    out["export"] = guarded("export", export, deadline)
    print(f"   ONNX export (verifier/export.py, fp32 + fp16): {out['export']}")
    out["logits_check"] = check_logits(device, window_len, folder, cfg, deadline)
    print(f"2. logits on {device} vs the masked Verifier on the CPU in fp32: {out['logits_check']}")

    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    model = random_verifier(0).to(device)

    def segmented(attention):
        return lambda: {"obj": SegmentedVerifier(model, half, attention=attention)}

    made = {  # each contender's model, or why it could not be made
        "segmented_triton": guarded("seg", segmented("triton"), deadline),
        "segmented_torch": guarded("seg", segmented("torch"), deadline),
        "ort_fp16": guarded("ort", lambda: {"obj": ort_backend(folder, cfg, device)}, deadline),
        "per_pair_sdpa": guarded("pair", lambda: {"obj": random_verifier(0, attn="sdpa").to(device)}, deadline),
        "cross_encoder": guarded("ce", lambda: {"obj": cross_encoder(folder, device, half)}, deadline),
    }

    def run(name: str, contexts, criteria, pairs):
        obj = made[name]["obj"]
        if name.startswith("segmented"):
            return score_fused(obj, contexts, criteria, PAD)
        if name == "ort_fp16":
            return obj.logits(contexts, criteria)
        if name == "per_pair_sdpa":
            return per_pair(obj, contexts, criteria, device, half)
        return obj.predict(pairs, batch_size=64, show_progress_bar=False)

    rows: List[Dict[str, Any]] = []
    for L in lengths:
        contexts, criteria = synthetic(n_resp, n_crit, L, window_len)
        verdicts = n_resp * n_crit
        pairs = text_pairs(contexts, criteria)
        row: Dict[str, Any] = {"context_tokens": L, "windows": len(contexts[0]), "verdicts": verdicts}
        for name in made:
            if "obj" not in made[name]:
                row[name] = dict(made[name])
                continue
            r = guarded(name, lambda: measure(lambda: run(name, contexts, criteria, pairs), device, repeats,
                                              warmup=not small), deadline)
            if "seconds" in r:
                r["vps"] = round(verdicts / r["seconds"], 1)
                r["seconds"] = round(r["seconds"], 4)
            row[name] = r
        base = row["segmented_triton"].get("seconds")
        for name in made:
            if base and row[name].get("seconds"):
                row[name]["time_vs_segmented_triton"] = round(row[name]["seconds"] / base, 2)
        rows.append(row)
        print(f"3. context {L} tokens ({row['windows']} windows), {verdicts} verdicts: " + ", ".join(
            f"{n} {row[n]['vps']} v/s" + (f" ({row[n]['peak_mib']} MiB)" if "peak_mib" in row[n] else "")
            if "vps" in row[n] else f"{n} {row[n]}" for n in made))
    out["throughput"] = rows
    out["shape"] = {"responses": n_resp, "criteria": n_crit, "criterion_tokens": 12, "window_len": window_len,
                    "repeats": repeats, "warm_up": not small, "dtype": str(half)[6:],
                    "ort": "fp16 graph, CUDA provider, IO binding" if cuda else "fp32 graph, CPU provider (rehearsal)"}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    tmp.cleanup()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

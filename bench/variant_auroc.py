"""Held-out AUROC of each exported variant of one trained verifier: ONNX fp32 / int8 / fp16 and the runtime's
torch backend in bf16 (the segmented pass), next to the torch fp32 model they were exported from.

Trains MiniLM for one short epoch on Prometheus MT-Bench (GPT-4 verdicts; 25% of prompts held out) with the
settings the slow test ``tests/test_export_variants.py`` also uses (:func:`variant_metrics`) and prints ``metrics.json``'s ``variants``:
AUROC and the largest logit change against torch fp32. About 2 minutes on 2 cores.

    python bench/variant_auroc.py
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def variant_metrics(data_dir: Path, work: Path, threads: int = 2) -> dict:
    """Distills on MT-Bench into ``work`` (settings of the slow test) and returns distill's metrics."""
    from bench.fidelity import build_mtbench
    from rubricc.verifier.distill import DistillConfig, distill

    paths = build_mtbench(data_dir, work)
    cfg = DistillConfig(epochs=1, max_context_len=160, max_prompt_len=64, max_criterion_len=48, token_budget=2048,
                        lr=8e-5, val_fraction=0.25, threads=threads, progress=False)
    return distill(paths["rubrics"], paths["responses"], paths["judgments"], work / "v", cfg, log=lambda *a: None)


def main(argv=None) -> int:
    from bench.data import shared_data

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=str(shared_data()))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    data = Path(args.data_dir)
    if not (data / "prometheus_mt_bench" / "mt_bench_eval.json").exists():
        print(f"skipped: {data}/prometheus_mt_bench is absent (shared data not checked out)")
        return 0
    with tempfile.TemporaryDirectory(prefix="rubricc-variant-auroc-") as tmp:
        m = variant_metrics(data, Path(tmp), args.threads)
    print(f"torch fp32 AUROC {m['criterion']['verifier']['auroc']}")
    print(json.dumps({"bench": "variant_auroc", "variants": m["variants"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""int8 and fp16 variants (and the torch backend's bf16 segmented pass) of a trained verifier keep its AUROC (within 0.01 of fp32) on held-out prompts of
real data (Prometheus MT-Bench, GPT-4 verdicts). Slow: trains MiniLM for one short epoch."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("RUBRICC_SHARED_DATA") or ROOT / ".." / "shared" / "data")


@pytest.mark.slow
def test_variants_keep_auroc(tmp_path):
    pytest.importorskip("torch")
    if not (DATA / "prometheus_mt_bench" / "mt_bench_eval.json").exists():
        pytest.skip(f"{DATA}/prometheus_mt_bench is absent (shared data not checked out)")
    sys.path.insert(0, str(ROOT))
    from bench.fidelity import build_mtbench
    from rubricc.verifier.distill import DistillConfig, distill

    paths = build_mtbench(DATA, tmp_path)
    cfg = DistillConfig(epochs=1, max_context_len=160, max_prompt_len=64, max_criterion_len=48, token_budget=2048,
                        lr=8e-5, val_fraction=0.25, threads=2, progress=False)
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "v", cfg, log=lambda *a: None)
    v = m["variants"]
    assert v["fp32"]["max_abs_logit_diff_vs_torch"] < 1e-4
    assert v["fp32"]["auroc"] > 0.6  # it learned something, so the comparison means something
    for name in ("int8", "fp16", "torch_bf16"):
        assert abs(v[name]["auroc"] - v["fp32"]["auroc"]) <= 0.01, (name, v)

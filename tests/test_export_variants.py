"""int8 and fp16 variants (and the torch backend's bf16 segmented pass) of a trained verifier keep its AUROC (within 0.01 of fp32) on held-out prompts of
real data (Prometheus MT-Bench, GPT-4 verdicts). Slow: trains MiniLM for one short epoch."""
import pytest

from bench.data import shared_data

DATA = shared_data()


@pytest.mark.slow
def test_variants_keep_auroc(tmp_path):
    for extra in ("torch", "transformers", "onnx", "sklearn"):
        pytest.importorskip(extra, reason=f"distilling a verifier needs the train extra ({extra})")
    if not (DATA / "prometheus_mt_bench" / "mt_bench_eval.json").exists():
        pytest.skip(f"{DATA}/prometheus_mt_bench is absent (shared data not checked out)")
    from bench.variant_auroc import variant_metrics

    m = variant_metrics(DATA, tmp_path, threads=2)
    v = m["variants"]
    assert v["fp32"]["max_abs_logit_diff_vs_torch"] < 1e-4
    assert v["fp32"]["auroc"] > 0.6  # it learned something, so the comparison means something
    for name in ("int8", "fp16", "torch_bf16"):
        assert abs(v[name]["auroc"] - v["fp32"]["auroc"]) <= 0.01, (name, v)

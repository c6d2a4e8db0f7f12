"""The main job's closing summary (scripts/demo_summary.py) says what its outputs hold: program-check
verdicts per response, flagged prompts, the label diagnosis distill recorded (never assumed), the LLM
calls each step printed."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_summary():
    spec = importlib.util.spec_from_file_location("demo_summary", ROOT / "scripts" / "demo_summary.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.summary


def write_outputs(out: Path, no_signal: bool) -> None:
    def jsonl(name, rows):
        (out / name).write_text("".join(json.dumps(r) + "\n" for r in rows))

    (out / "verifier").mkdir(parents=True)
    (out / "logs").mkdir()
    jsonl("rubrics.jsonl", [{"id": "sleep", "criteria": [
        {"id": "c1", "text": "The response contains no commas.", "weight": 2, "origin": {"source": "paper"},
         "check": {"kind": "program", "name": "no_commas", "args": {}}},
        {"id": "c2", "text": "Gives three tips.", "weight": 3, "origin": {"stage": "refine"},
         "check": {"kind": "neural"}}]}])
    (out / "compile-report.json").write_text(json.dumps({"flagged": {
        "tides": "generation failed (criteria[1].criterion 'Complete' is not a criterion (one word)); "
                 "no rubric emitted"}}))
    jsonl("program-verdicts.jsonl", [{"prompt_id": "sleep", "response_id": f"sleep-r{i}", "criterion_id": "c1",
                                      "verdict": i != 2, "check": "no_commas"} for i in range(3)])
    diagnostics = {"labels": {"criteria": 1, "constant_criteria": 1 if no_signal else 0, "verdicts": 3,
                              "yes_rate": 1 / 3},
                   "evaluation": {"split": "validation", "prompts": 1, "responses": 3, "verdicts": 3},
                   "no_signal": no_signal, "too_small": True, "warnings": ["..."]}
    (out / "verifier" / "metrics.json").write_text(json.dumps({
        "split": "validation", "diagnostics": diagnostics,
        "criterion": {"verifier": {"auroc": 0.75, "n": 3}, "baseline": {"auroc": 0.5, "n": 3}}}))
    jsonl("rewards.jsonl", [{"prompt_id": "sleep", "response_id": f"sleep-r{i}", "reward": 0.5 + 0.1 * i,
                             "verdicts": {"c1": i != 2, "c2": 0.40 + 0.01 * i}} for i in range(3)])
    (out / "logs" / "compile.log").write_text("prompts 1\nLLM: 3 calls, 2 cache hits, tokens in/out 1/1\n")
    (out / "logs" / "label.log").write_text("LLM: 0 calls, 3 cache hits, tokens in/out 0/0\n")
    (out / "timings.tsv").write_text("compile\t12\nlabel\t3\n")


def test_summary_reads_what_the_job_wrote(tmp_path):
    write_outputs(tmp_path, no_signal=True)
    text = load_summary()(tmp_path, seconds=20)
    flat = " ".join(text.split())  # prose is wrapped at 100 columns
    assert ("1 of 2 prompts, 2 criteria (1 from the example's own rubrics, 1 by the LLM); 1 is an exact program "
            "check") in flat
    assert "The response contains no commas." in text and "r0 yes  r1 yes  r2 no" in text
    assert "tides: generation failed; no rubric emitted (left out of the rest of the job)" in flat
    assert "labels carried no signal (detected by distill)" in flat and "AUROC" not in flat
    assert "1 validation prompt (3 verdicts), too few" in flat
    assert "r0 0.50  r1 0.60  r2 0.70" in text and "moves by at most 0.020 between responses" in flat
    assert "compile 3 calls (2 cache hits); label 0 calls (3 cache hits)" in flat
    assert "20s: compile 12s, label 3s" in flat and "--llm-url http://127.0.0.1:8000/v1" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_summary_reports_figures_when_labels_vary(tmp_path):
    write_outputs(tmp_path, no_signal=False)
    flat = " ".join(load_summary()(tmp_path).split())
    assert "no signal" not in flat and "validation AUROC 0.75 vs 0.50 for a per-criterion prior, on 3" in flat


def test_summary_counts_the_verdicts_on_perturbed_copies(tmp_path):
    write_outputs(tmp_path, no_signal=True)
    rows = [{"prompt_id": "sleep", "id": f"sleep-r{i}", "text": "A. B."} for i in range(3)]
    rows.append({"prompt_id": "sleep", "id": "sleep-r0~truncate", "text": "A.",
                 "meta": {"perturbation": "truncate", "of": "sleep-r0"}})
    (tmp_path / "responses+perturbed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    judged = [{"prompt_id": "sleep", "response_id": r["id"], "criterion_id": c, "verdict": True,
               "judge": "program:no_commas" if c == "c1" else "judge-m"} for r in rows for c in ("c1", "c2")]
    (tmp_path / "judgments.jsonl").write_text("".join(json.dumps(j) + "\n" for j in judged))
    flat = " ".join(load_summary()(tmp_path).split())
    assert "(1 of them on 1 truncated or reordered copy)" in flat

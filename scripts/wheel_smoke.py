"""Smoke test of an installed wheel (base install, no torch): run by scripts/wheel_check.sh in a fresh venv.

usage: python wheel_smoke.py EXAMPLES_DIR BUNDLE_DIR WHEEL_NAME
"""
import json
import os
import subprocess
import sys
import tempfile

examples, bundle, wheel = sys.argv[1:4]
here = os.path.dirname(sys.executable)


def run(*args):
    r = subprocess.run([os.path.join(here, "rubricc"), *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"wheel smoke: rubricc {' '.join(args)} failed:\n{r.stderr}")
    return r.stdout


import rubricc  # noqa: E402

assert "site-packages" in rubricc.__file__, f"not the installed wheel: {rubricc.__file__}"
assert "torch" not in sys.modules, "import rubricc imported torch"
try:
    import torch  # noqa: F401
    sys.exit("wheel smoke: torch is installed by the base install; it must not be")
except ImportError:
    pass

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "rubrics.jsonl")
    run("compile", os.path.join(examples, "rubrics_paper_format.jsonl"), "-o", out, "--no-dedupe")
    verdicts = os.path.join(tmp, "verdicts.jsonl")
    run("check", "--rubrics", out, "--responses", os.path.join(examples, "responses.jsonl"), "-o", verdicts)
    n_verdicts = sum(1 for _ in open(verdicts))
    rewards = os.path.join(tmp, "rewards.jsonl")
    run("score", "--verifier", bundle, "--rubrics", out, "--responses", os.path.join(examples, "responses.jsonl"),
        "-o", rewards)
    rows = [json.loads(line) for line in open(rewards)]
    assert rows and all(r["reward"] is None or 0.0 <= r["reward"] <= 1.0 for r in rows), rows[:2]

    from rubricc import RubricReward

    rr = RubricReward(bundle, rubrics=out)
    first = json.loads(open(out).readline())
    got = rr(prompts=[first["prompt"]], completions=["a short answer"], rubric_id=[first["id"]])
    assert len(got) == 1 and 0.0 <= got[0] <= 1.0, got
    assert "torch" not in sys.modules

print(f"wheel smoke: {wheel} ok ({n_verdicts} program verdicts, {len(rows)} rewards, no torch)")

#!/usr/bin/env bash
# The main job, end to end, on the embedded example (examples/), offline:
#   a tiny local LLM (SmolLM2-135M-Instruct on llama.cpp, loopback) writes and refines rubrics
#   (compile), grades the example responses (label); a MiniLM verifier is distilled from its verdicts
#   and exported to ONNX (distill); the responses are scored through ONNX Runtime (score).
# Outputs go to out/demo/. A second run reuses the LLM request cache and makes no request twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
OUT=${OUT:-out/demo}
mkdir -p "$OUT"
PIDFILE="$OUT/llm-server.json"
URL=$(python scripts/llm_server.py start --pidfile "$PIDFILE")
trap 'python scripts/llm_server.py stop --pidfile "$PIDFILE" >/dev/null 2>&1 || true' EXIT
LLM=(--llm-url "$URL" --llm-model smollm2)
start=$(date +%s)

echo "== 1. compile: generate a rubric per prompt, refine it on the candidates, lower criteria to checks"
# one refinement round keeps the job under 10 minutes on 2 cores; the paper's default is 4 (--rounds)
rubricc compile examples/prompts.jsonl -o "$OUT/rubrics.jsonl" "${LLM[@]}" --rounds 1 --concurrency 1 \
  --max-tokens 384 --parse-retries 0 --report "$OUT/compile-report.json"

# responses of prompts that have a compiled rubric (a prompt the tiny model failed on is flagged above)
python - examples/responses.jsonl "$OUT/rubrics.jsonl" "$OUT/responses.jsonl" <<'PY'
import json, sys
ids = {json.loads(l)["id"] for l in open(sys.argv[2])}
rows = [l for l in open(sys.argv[1]) if json.loads(l)["prompt_id"] in ids]
open(sys.argv[3], "w").writelines(rows)
print(f"   {len(rows)} responses to {len(ids)} compiled prompts")
PY

echo "== 2. check: the deterministic program checks alone (no model)"
rubricc check --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses.jsonl" -o "$OUT/program-verdicts.jsonl"

echo "== 3. label: the judge grades every (response, criterion)"
#: a prompt whose rubric the tiny model failed to write is flagged by compile, not labelled
rubricc label --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses.jsonl" -o "$OUT/judgments.jsonl" \
  "${LLM[@]}" --concurrency 1 --max-tokens 384

echo "== 4. distill: train the fused MiniLM verifier on the verdicts and export it to ONNX"
rubricc distill --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses.jsonl" \
  --judgments "$OUT/judgments.jsonl" -o "$OUT/verifier" --epochs 2 --max-context-len 256

echo "== 5. score: rewards from the ONNX verifier and the program checks"
rubricc score --verifier "$OUT/verifier" --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses.jsonl" \
  -o "$OUT/rewards.jsonl"
python - "$OUT/rewards.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(f"  {r['response_id']:<10} reward {r['reward'] if r['reward'] is None else round(r['reward'], 3)}")
PY
echo "main job done in $(( $(date +%s) - start ))s; outputs in $OUT/"

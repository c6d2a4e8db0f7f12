#!/usr/bin/env bash
# The main job, end to end, on the embedded example (examples/), offline:
#   a tiny local LLM (SmolLM2-135M-Instruct on llama.cpp, loopback) writes the rubric of the prompt that
#   has none and refines all three on their candidate responses (compile); criteria are lowered to exact
#   program checks where one exists (check); the LLM grades the rest, on the responses and on truncated and
#   reordered copies of half of them (perturb, label); a MiniLM verifier is
#   distilled from its verdicts and exported to ONNX (distill); every response is scored (score).
# Ends with a short summary of what happened (scripts/demo_summary.py). Outputs go to out/demo/; every
# step's output is also kept in out/demo/logs/. A second run reuses the LLM request cache.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
OUT=${OUT:-out/demo}
mkdir -p "$OUT/logs"
: > "$OUT/timings.tsv"
PIDFILE="$OUT/llm-server.json"
echo "== starting the tiny local LLM (SmolLM2-135M-Instruct, llama.cpp on 127.0.0.1)"
URL=$(python scripts/llm_server.py start --pidfile "$PIDFILE")
trap 'python scripts/llm_server.py stop --pidfile "$PIDFILE" >/dev/null 2>&1 || true' EXIT
LLM=(--llm-url "$URL" --llm-model smollm2)
start=$(date +%s)

# step NAME COMMAND...: runs COMMAND, shows its output, keeps it in $OUT/logs/NAME.log, times it
step() {
  local name=$1 t0
  shift
  t0=$(date +%s)
  "$@" 2>&1 | tee "$OUT/logs/$name.log"
  printf '%s\t%s\n' "$name" "$(( $(date +%s) - t0 ))" >> "$OUT/timings.tsv"
}

echo "== 1. compile: the LLM writes a rubric where the example gives none, refines every rubric on the candidates; criteria are lowered to checks"
# one refinement round keeps the job under 10 minutes on 2 cores; the paper's default is 4 (--rounds)
step compile rubricc compile examples/prompts.jsonl -o "$OUT/rubrics.jsonl" "${LLM[@]}" --rounds 1 \
  --concurrency 1 --max-tokens 384 --parse-retries 0 --report "$OUT/compile-report.json"

# responses of prompts that have a compiled rubric (a prompt the tiny model failed on is flagged above)
python - examples/responses.jsonl "$OUT/rubrics.jsonl" "$OUT/responses.jsonl" <<'PY'
import json, sys
ids = {json.loads(l)["id"] for l in open(sys.argv[2])}
rows = [l for l in open(sys.argv[1]) if json.loads(l)["prompt_id"] in ids]
open(sys.argv[3], "w").writelines(rows)
print(f"   {len(rows)} responses to {len(ids)} compiled prompts")
PY

echo "== 2. check: the exact program checks alone (no model)"
step check rubricc check --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses.jsonl" \
  -o "$OUT/program-verdicts.jsonl"

echo "== 3. perturb + label: truncated and reordered copies of half the responses (no label is certain"
echo "   for them by construction), then the LLM judge grades every (response, neural criterion), copies included;"
echo "   program checks run locally"
step perturb rubricc perturb --responses "$OUT/responses.jsonl" -o "$OUT/responses+perturbed.jsonl" \
  --kinds truncate,shuffle --share 0.5
step label rubricc label --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses+perturbed.jsonl" \
  -o "$OUT/judgments.jsonl" "${LLM[@]}" --concurrency 1 --max-tokens 384

echo "== 4. distill: train the fused MiniLM verifier on the judge's verdicts and export it to ONNX"
step distill rubricc distill --rubrics "$OUT/rubrics.jsonl" --responses "$OUT/responses+perturbed.jsonl" \
  --judgments "$OUT/judgments.jsonl" -o "$OUT/verifier" --epochs 2 --max-context-len 256

echo "== 5. score: a reward per response from the verifier and the program checks"
step score rubricc score --verifier "$OUT/verifier" --rubrics "$OUT/rubrics.jsonl" \
  --responses "$OUT/responses.jsonl" -o "$OUT/rewards.jsonl"

echo
python scripts/demo_summary.py "$OUT" --seconds "$(( $(date +%s) - start ))"

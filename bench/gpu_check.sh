#!/usr/bin/env bash
# The GPU check of issue 14 in one command (see bench/gpu_check.py): correctness of the Triton kernel and
# of the segmented pass on the device, then verdicts/s against per-pair scoring; last line JSON.
#   bash bench/gpu_check.sh                 # on the GPU machine (needs torch, transformers, triton, numpy)
#   bash bench/gpu_check.sh --device cpu    # the CPU rehearsal (Triton's interpreter; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
if [[ " $* " == *" --device cpu "* ]]; then
  export TRITON_INTERPRET=1   # read when triton is imported: the kernel runs on the CPU
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" HF_HUB_OFFLINE=1
exec timeout 480 "$PY" bench/gpu_check.py "$@"

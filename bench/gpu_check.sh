#!/usr/bin/env bash
# The GPU check of issue 14 in one command (see bench/gpu_check.py): correctness of the Triton kernel and of
# every form's logits on the device, then verdicts/s of rubricc (segmented pass with the Triton kernel, bf16;
# ONNX Runtime CUDA fp16) against per-pair SDPA and CrossEncoder.predict; peak GPU memory; last line JSON.
#   bash bench/gpu_check.sh                 # on the GPU machine (torch, triton, transformers, onnxruntime,
#                                           # sentence-transformers, numpy; no registry, no hub); < 8 minutes
#   bash bench/gpu_check.sh --device cpu    # the CPU rehearsal: small shapes, Triton's interpreter, ORT's CPU
#                                           # provider in fp32; a few minutes
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
extra=()
if [[ " $* " == *" --device cpu "* ]]; then
  export TRITON_INTERPRET=1   # read when triton is imported: the kernel runs on the CPU
  extra=(--rehearsal)
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PYTHONUNBUFFERED=1
exec timeout 480 "$PY" bench/gpu_check.py "${extra[@]}" "$@"

#!/usr/bin/env bash
# Sets up rubricc on a fresh machine, idempotently: a virtual environment in .venv, torch (CPU build,
# installed first so nothing pulls a CUDA build), the project with all extras (editable; the native
# kernels build through CMakeLists.txt when cmake and a C++ compiler are present), and the tiny local
# LLM server used by the examples and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1
quiet() { local log; log=$(mktemp); if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi; rm -f "$log"; }
echo "[setup] python $(python --version 2>&1) in .venv"
python -c "import torch" 2>/dev/null || quiet pip install "torch==2.13.0"
quiet pip install --upgrade "pip>=23" "setuptools>=64" wheel build
quiet pip install -e ".[all]"
if [ -x scripts/install_llm.sh ]; then
  quiet bash scripts/install_llm.sh
fi
echo "[setup] ready: $(python -c 'import rubricc; print("rubricc", rubricc.__version__)')"

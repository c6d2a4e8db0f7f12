#!/usr/bin/env bash
# Builds the wheel and installs it (base install only: the reward path, no torch) into a fresh virtual
# environment, then runs scripts/wheel_smoke.py there.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python -m build --wheel --outdir "$tmp/dist" . >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }
whl=$(ls "$tmp"/dist/rubricc-*.whl)
python -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --disable-pip-version-check "$whl" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; exit 1; }
# a verifier bundle made with the development environment, for the wheel's runtime to load
python -c "from rubricc.verifier.export import make_untrained_bundle; make_untrained_bundle('$tmp/bundle', layout='fused', seed=0)" \
  >"$tmp/bundle.log" 2>&1 || { cat "$tmp/bundle.log" >&2; exit 1; }
(cd "$tmp" && "$tmp/venv/bin/python" "$OLDPWD/scripts/wheel_smoke.py" "$OLDPWD/examples" "$tmp/bundle" "$(basename "$whl")")

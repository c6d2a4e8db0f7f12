#!/usr/bin/env bash
# The test command (README quick start; .ci/run calls exactly this): sets everything up, checks that a
# built wheel installs and works in a fresh virtual environment, then runs the test suite.
# RUBRICC_TEST_ARGS replaces the pytest arguments (default: the whole suite, slow end-to-end tests included;
# plain `pytest` runs the fast part only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
bash scripts/wheel_check.sh
if [ -n "${RUBRICC_TEST_ARGS:-}" ]; then
  # shellcheck disable=SC2086
  python -m pytest -p no:cacheprovider $RUBRICC_TEST_ARGS
else
  # one worker per core (pytest-xdist; at most 4, each loads its own models; an idle worker takes pending tests from a busy
  # one): tests share no port or file
  python -m pytest -p no:cacheprovider -q -rs -m "slow or not slow" -n auto --maxprocesses 4 --dist worksteal
fi

#!/usr/bin/env bash
# The test command (README quick start; .ci/run calls exactly this): sets everything up, checks that a
# built wheel installs and works in a fresh virtual environment, then runs the test suite.
# RUBRICC_TEST_ARGS passes extra pytest arguments (default: the full suite, slow end-to-end tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
bash scripts/wheel_check.sh
# shellcheck disable=SC2086
python -m pytest -p no:cacheprovider ${RUBRICC_TEST_ARGS:--q -rs}

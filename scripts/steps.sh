#!/usr/bin/env bash
# Sourced by scripts/setup.sh and scripts/install_llm.sh: `step WHAT COMMAND...` prints what it is doing,
# runs COMMAND with its output kept in a log (shown only when it fails), prints a line every minute while
# it runs (some steps take 10-15 minutes), then how long it took.
# STEP_PREFIX names the caller in each line (default "[setup]").

step() {
  local what=$1 log t0 beat rc
  shift
  log=$(mktemp)
  t0=$(date +%s)
  echo "${STEP_PREFIX:-[setup]} $what"
  (while sleep 60 >/dev/null 2>&1; do echo "${STEP_PREFIX:-[setup]}   ... still running ($(( ($(date +%s) - t0) / 60 )) min)"; done) &
  beat=$!
  # the heartbeat ends with this step, and with the script if it is interrupted
  trap 'kill "$beat" 2>/dev/null' EXIT
  rc=0
  "$@" >"$log" 2>&1 || rc=$?
  kill "$beat" 2>/dev/null || true
  wait "$beat" 2>/dev/null || true
  trap - EXIT
  if [ "$rc" -ne 0 ]; then
    cat "$log" >&2
    rm -f "$log"
    echo "${STEP_PREFIX:-[setup]} failed (exit $rc): $*" >&2
    return "$rc"
  fi
  rm -f "$log"
  echo "${STEP_PREFIX:-[setup]}   done in $(( $(date +%s) - t0 ))s"
}

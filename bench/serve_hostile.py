"""Hostile requests against a real `rubricc serve` process: is a valid request still answered quickly?

For each hostile request of issue 13 (a catastrophic regular expression in an inline rubric, a rubric of
1,500 criteria, a 300-sample request, a 7.5 MiB query, a lone surrogate and a 2**63 weight batched with
valid samples, degenerate text for the sentence and placeholder checks, 300 slow-header clients), the
hostile request is started, and while it is being served one valid single-sample request is timed. The
server's resident memory is read before, at the peak, and after it has been idle for ``--idle`` seconds.

    python bench/serve_hostile.py [--verifier out/demo/verifier] [--rubrics out/demo/rubrics.jsonl]
                                  [--threads 2] [--idle 5]

(the defaults are what `bash scripts/demo.sh` writes). Prints one line per hostile request (its status and
time, the valid request's time) and, as the last line, a JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]


def post(url: str, body: Any = None, raw: Optional[bytes] = None, timeout: float = 120.0) -> Tuple[int, float, str]:
    data = raw if raw is not None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            out = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        out, status = e.read(), e.code
    except OSError as e:
        return -1, time.perf_counter() - t0, str(e)
    return status, time.perf_counter() - t0, out[:160].decode("utf-8", "replace")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        m = re.search(r"VmRSS:\s+(\d+) kB", fh.read())
    return int(m.group(1)) / 1024 if m else float("nan")


def slow_headers(url: str, n: int, seconds: float) -> Tuple[int, float]:
    """``n`` connections that send a header line a few bytes at a time for ``seconds``; returns how many
    the server closed and the mean seconds until it did."""
    from urllib.parse import urlparse

    u = urlparse(url)
    socks = []
    for _ in range(n):
        s = socket.create_connection((u.hostname, u.port), timeout=5)
        s.sendall(b"POST /get_reward HTTP/1.1\r\nHost: x\r\n")
        socks.append((s, time.perf_counter()))
    closed_after = [None] * n
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and any(c is None for c in closed_after):
        for i, (s, t0) in enumerate(socks):
            if closed_after[i] is not None:
                continue
            try:
                s.sendall(b"X")
                s.settimeout(0.001)
                if s.recv(64) is not None and closed_after[i] is None:
                    closed_after[i] = time.perf_counter() - t0
            except socket.timeout:
                pass
            except OSError:
                closed_after[i] = time.perf_counter() - t0
        time.sleep(0.5)
    for s, _ in socks:
        s.close()
    done = [c for c in closed_after if c is not None]
    return len(done), (sum(done) / len(done) if done else float("nan"))


def hostile_cases(prompt: str, rubric_id: str) -> List[Tuple[str, Any]]:
    def inline(criteria):
        return json.dumps({"criteria": criteria})

    def prog(name, args, text="check"):
        return {"id": "c", "text": text, "weight": 1, "check": {"kind": "program", "name": name, "args": args}}

    regex = inline([prog("regex_match", {"pattern": "a{0,999}a{0,999}a{0,999}a{0,999}b"})])
    many = inline([{"id": f"c{i}", "text": f"criterion {i} holds", "weight": 1} for i in range(1500)])
    most = inline([{"id": f"c{i}", "text": f"criterion number {i} holds for the answer", "weight": 1}
                   for i in range(64)])
    sentences = inline([prog("sentence_count", {"relation": "at least", "n": 3})])
    placeholders = inline([prog("placeholder_count", {"n": 2})])
    return [
        ("catastrophic regex on 200k chars", {"query": [prompt + "a" * 200_000], "prompts": [prompt], "labels": [regex]}),
        ("inline rubric of 1,500 criteria", {"query": [prompt + " ok"], "prompts": [prompt], "labels": [many]}),
        ("inline rubric of 64 criteria x 8", {"query": [prompt + " an answer"] * 8, "prompts": [prompt] * 8,
                                               "labels": [most] * 8}),
        ("300 samples in one request", {"query": [prompt + " answer %d" % i for i in range(300)],
                                        "prompts": [prompt] * 300, "labels": [rubric_id] * 300}),
        ("7.5 MiB query", {"query": [prompt + " word" * 1_500_000], "prompts": [prompt], "labels": [rubric_id]}),
        ("lone surrogate among valid samples", {
            "query": [prompt + " x\ud800 y", prompt + " fine", prompt + " fine too"], "prompts": [prompt] * 3,
            "labels": [rubric_id] * 3}),
        ("inline weight 2**63", {"query": [prompt + " fine"], "prompts": [prompt],
                                 "labels": [json.dumps({"criteria": [{"id": "c", "text": "t", "weight": 2 ** 63}]})]}),
        ("'Mr. ' x 20,000 to sentence_count", {"query": [prompt + "Mr. " * 20_000], "prompts": [prompt], "labels": [sentences]}),
        ("'[' x 40,000 to placeholder_count", {"query": [prompt + "[" * 40_000], "prompts": [prompt], "labels": [placeholders]}),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verifier", default=str(ROOT / "out" / "demo" / "verifier"))
    ap.add_argument("--rubrics", default=str(ROOT / "out" / "demo" / "rubrics.jsonl"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--idle", type=float, default=5.0, help="seconds idle before the memory is read again")
    ap.add_argument("--slow-clients", type=int, default=300)
    ap.add_argument("--serve-args", default="", help="extra `rubricc serve` options, e.g. '--slice-verdicts 32'")
    args = ap.parse_args(argv)
    if not Path(args.verifier, "verifier.json").exists() or not Path(args.rubrics).exists():
        print(f"serve_hostile: no verifier at {args.verifier} or rubrics at {args.rubrics}; run `bash scripts/demo.sh` "
              "first or pass --verifier/--rubrics", file=sys.stderr)
        return 2
    first = json.loads(Path(args.rubrics).read_text().splitlines()[0])
    prompt, rid = first["prompt"], first["id"]
    proc = subprocess.Popen([sys.executable, "-m", "rubricc.cli", "serve", "--verifier", args.verifier, "--rubrics",
                             args.rubrics, "--port", "0", "--threads", str(args.threads), *args.serve_args.split()],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    url = None
    for line in proc.stderr:
        m = re.search(r"listening on (http://\S+)", line)
        if m:
            url = m.group(1)
            break
    if url is None:
        print("serve_hostile: the server did not start", file=sys.stderr)
        return 1
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()  # drain its log
    valid = {"query": [prompt + " A short, plain answer."], "prompts": [prompt], "labels": [rid]}
    try:
        base = sorted(post(url + "/get_reward", valid)[1] for _ in range(5))
        rows: Dict[str, Dict[str, Any]] = {"baseline": {"valid_s": round(base[2], 3)}}
        print(f"{'hostile request':44s} {'status':>6s} {'its s':>8s} {'valid s':>8s}")
        print(f"{'(none: valid request alone, median of 5)':44s} {'':>6s} {'':>8s} {base[2]:8.3f}")
        mem0 = rss_mb(proc.pid)
        peak = mem0
        for name, body in hostile_cases(prompt, rid):
            result: Dict[str, Any] = {}
            raw = json.dumps(body, ensure_ascii=True).encode()
            t = threading.Thread(target=lambda: result.update(zip(("status", "s", "text"), post(url + "/get_reward", raw=raw))))
            t.start()
            time.sleep(0.3)  # the hostile request is in the server
            v_status, v_s, _ = post(url + "/get_reward", valid, timeout=60)
            peak = max(peak, rss_mb(proc.pid))
            t.join()
            peak = max(peak, rss_mb(proc.pid))
            rows[name] = {"status": result.get("status"), "s": round(result.get("s", float("nan")), 3),
                          "valid_status": v_status, "valid_s": round(v_s, 3), "rss_mb": round(rss_mb(proc.pid))}
            print(f"{name:44s} {result.get('status')!s:>6s} {result.get('s', float('nan')):8.3f} {v_s:8.3f}"
                  f"  {rows[name]['rss_mb']:6d} MB"
                  + ("" if v_status == 200 else f"  (valid request: {v_status})"))
        # slow-header clients, with a valid request timed in the middle
        res: Dict[str, Any] = {}
        t = threading.Thread(target=lambda: res.update(zip(("closed", "mean_s"), slow_headers(url, args.slow_clients, 20.0))))
        t.start()
        time.sleep(2.0)
        v_status, v_s, _ = post(url + "/get_reward", valid, timeout=60)
        t.join()
        name = f"{args.slow_clients} slow-header clients"
        rows[name] = {"closed": res.get("closed"), "closed_after_s": round(res.get("mean_s", float("nan")), 2),
                      "valid_status": v_status, "valid_s": round(v_s, 3)}
        print(f"{name:44s} {'408':>6s} {res.get('mean_s', float('nan')):8.2f} {v_s:8.3f}  "
              f"({res.get('closed')} of {args.slow_clients} closed by the server)")
        time.sleep(args.idle)
        post(url + "/get_reward", valid)
        mem_after = rss_mb(proc.pid)
        worst = max(r["valid_s"] for r in rows.values() if "valid_s" in r)
        print(f"server memory: {mem0:.0f} MB before, {peak:.0f} MB peak, {mem_after:.0f} MB after {args.idle:g} s idle")
        print(f"slowest valid request while a hostile one was served: {worst:.3f} s")
        out = {"cases": rows, "rss_mb": {"before": round(mem0), "peak": round(peak), "after_idle": round(mem_after)},
               "worst_valid_s": worst, "threads": args.threads}
        print(json.dumps(out))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

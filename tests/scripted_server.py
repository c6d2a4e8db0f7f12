"""A scripted OpenAI-compatible chat server on 127.0.0.1 for tests (a fake: only used inside tests).

``ScriptedServer()`` runs ``http.server`` in a thread. Replies come from ``script`` (a queue of reply dicts,
consumed first) or from ``responder(body) -> reply``; the default responder plays a tiny deterministic
"LLM" that answers our rubric-generation, refinement, grading, atomize and lowering prompts with valid JSON.

A reply dict: ``{"content": str}``, optionally ``"status"`` (e.g. 429, 500, 400), ``"delay"`` (seconds
before answering; longer than the client timeout gives a timeout), ``"raw"`` (a body to send as is).
Options: ``reject_json_schema`` (400 for ``response_format.type == "json_schema"``, as old llama.cpp),
``hold_after`` (answer that many requests, then hold every later one until ``release()``: used to kill a
client mid-run). Every request body is recorded in ``requests``; ``answered`` lists the bodies answered
with 200. Run as a script (``python tests/scripted_server.py``) it serves the default responder and prints
its URL.
"""
from __future__ import annotations

import hashlib
import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional


def body_key(body: Dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _last_user(body) -> str:
    for m in reversed(body.get("messages") or []):
        if m.get("role") == "user":
            c = m.get("content")
            return c if isinstance(c, str) else json.dumps(c)
    return ""


def default_responder(body: Dict[str, Any]) -> Dict[str, Any]:
    """Deterministic answers keyed on our prompt templates."""
    text = _last_user(body)
    first = (body.get("messages") or [{}])[0].get("content", "")
    if "previous answer could not be used" in text:  # a repair: answer from the original request
        return default_responder({**body, "messages": body["messages"][:-2]})
    if "Write a grading rubric" in first:
        prompt = first.split("PROMPT:", 1)[1][:60].strip("<>\n ")
        return {"content": json.dumps({"criteria": [
            {"criterion": f"Answers the question: {prompt[:30]}", "weight": 3},
            {"criterion": "Gives at least one concrete example", "weight": 2},
            {"criterion": "Is concise", "weight": 1}]})}
    if "improve the rubric so that it separates them" in first:
        cur = first.split("CURRENT RUBRIC:", 1)[1].split("RESPONSE 1:", 1)[0]
        n = len([ln for ln in cur.splitlines() if ln.startswith("- ")])
        items = [{"criterion": ln[2:].rsplit(" (weight", 1)[0], "weight": 2}
                 for ln in cur.splitlines() if ln.startswith("- ")]
        items.append({"criterion": f"Mentions detail number {n + 1}", "weight": 1})
        return {"content": json.dumps({"criteria": items})}
    if "mapping every criterion id" in first:
        ids = re.findall(r"^- (c\d+):", first.split("RUBRIC:", 1)[1].split("RESPONSE:", 1)[0], flags=re.M)
        resp = first.split("RESPONSE:", 1)[1]
        # "yes" for criterion k when the response is long enough: scores differ by response length
        ans = {i: ("yes" if len(resp) > 40 * k else "no") for k, i in enumerate(ids)}
        return {"content": json.dumps(ans)}
    if "Answer with one word: yes or no" in first:
        return {"content": "yes"}
    if "Split every compound criterion" in first:
        rub = first.split("RUBRIC:", 1)[1]
        splits = [{"id": m.group(1), "parts": [p.strip() for p in m.group(2).split(" and ")]}
                  for m in re.finditer(r"^- (c\d+): (.+ and .+)$", rub, flags=re.M)]
        return {"content": json.dumps({"splits": splits})}
    if "translate a rubric criterion into a deterministic check" in first:
        crit = first.split("CRITERION:", 1)[1].strip().splitlines()[0]
        m = re.search(r"at most (\d+) words", crit)
        if m:
            n = int(m.group(1))
            return {"content": json.dumps({"check": {"name": "word_count", "args": {"relation": "at most", "n": n}},
                                           "passing": ["word " * max(n // 2, 1)], "failing": ["word " * (n + 5)]})}
        if "bogus" in crit:
            return {"content": json.dumps({"check": {"name": "no_such_check", "args": {}}})}
        return {"content": json.dumps({"check": None})}
    return {"content": "I do not know."}


def _logprobs_for(content: str, top: int) -> Dict[str, Any]:
    toks = re.findall(r'\w+|\s+|[^\w\s]', content)
    out = []
    for t in toks:
        alts = [{"token": t, "logprob": -0.1, "bytes": None}]
        low = t.strip().lower()
        if low in ("yes", "no"):
            other = "no" if low == "yes" else "yes"
            alts.append({"token": t.replace(t.strip(), other), "logprob": -2.4, "bytes": None})
        out.append({"token": t, "logprob": -0.1, "bytes": None, "top_logprobs": alts[:max(1, top)]})
    return {"content": out}


class ScriptedServer:
    def __init__(self, responder: Optional[Callable[[Dict[str, Any]], Dict[str, Any]]] = None,
                 reject_json_schema: bool = False, hold_after: Optional[int] = None):
        self.responder = responder or default_responder
        self.script: deque = deque()
        self.reject_json_schema = reject_json_schema
        self.hold_after = hold_after
        self.requests: List[Dict[str, Any]] = []
        self.answered: List[Dict[str, Any]] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._httpd: Optional[ThreadingHTTPServer] = None

    # -- control --------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> "ScriptedServer":
        srv = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _send(self, status: int, obj: Any, headers: Optional[Dict[str, str]] = None):
                data = json.dumps(obj).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return False
                return True

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(n) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                with srv._lock:
                    srv.requests.append(body)
                    idx = len(srv.requests)
                    reply = srv.script.popleft() if srv.script else None
                if srv.hold_after is not None and idx > srv.hold_after:
                    srv._release.wait(60)
                    return  # never answered
                rf = body.get("response_format") or {}
                if srv.reject_json_schema and rf.get("type") == "json_schema":
                    self._send(400, {"error": {"message": "response_format json_schema is not supported",
                                               "type": "invalid_request_error"}})
                    return
                if reply is None:
                    reply = srv.responder(body)
                if reply.get("delay"):
                    time.sleep(reply["delay"])
                status = reply.get("status", 200)
                if status != 200:
                    self._send(status, reply.get("raw") or {"error": {"message": f"scripted {status}"}},
                               reply.get("headers"))
                    return
                if "raw" in reply:
                    self._send(200, reply["raw"])
                    return
                content = reply.get("content", "")
                choice = {"index": 0, "message": {"role": "assistant", "content": content},
                          "finish_reason": reply.get("finish_reason", "stop")}
                if body.get("logprobs"):
                    choice["logprobs"] = reply.get("logprobs") or _logprobs_for(content, body.get("top_logprobs") or 1)
                out = {"id": f"chatcmpl-{idx}", "object": "chat.completion", "created": 0,
                       "model": body.get("model", "scripted"), "choices": [choice],
                       "usage": {"prompt_tokens": len(json.dumps(body.get("messages"))) // 4,
                                 "completion_tokens": max(1, len(content) // 4),
                                 "total_tokens": 0}}
                if self._send(200, out):
                    with srv._lock:
                        srv.answered.append(body)

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                # a client that went away mid-request (a CLI aborting on purpose) is not a server error;
                # the default prints a traceback to sys.stderr, which click's CliRunner captures as output
                if not isinstance(sys.exc_info()[1], (ConnectionError, OSError)):
                    super().handle_error(request, client_address)

        self._httpd = Quiet(("127.0.0.1", 0), H)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def release(self):
        self._release.set()

    def stop(self):
        self._release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- inspection -----------------------------------------------------------------------------
    def chat_count(self) -> int:
        return len(self.requests)

    def answered_keys(self) -> List[str]:
        with self._lock:
            return [body_key(b) for b in self.answered]


if __name__ == "__main__":
    s = ScriptedServer().start()
    print(s.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        s.stop()


def wait_until(pred: Callable[[], bool], timeout: float = 60) -> bool:
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.05)
    return False


def run_until_killed(server: "ScriptedServer", cmd: List[str], cwd, kill_after: int) -> set:
    """Runs ``cmd --llm-url URL`` against a server holding every request past ``kill_after``, SIGKILLs it
    once request ``kill_after + 1`` arrives, and returns the keys of the requests answered before the kill."""
    p = subprocess.Popen(cmd + ["--llm-url", server.url], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert wait_until(lambda: len(server.requests) > kill_after), f"the client never reached request {kill_after + 1}"
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    return set(server.answered_keys())


def rerun(server: "ScriptedServer", cmd: List[str], cwd):
    """Releases the held requests, reruns ``cmd`` to completion, and returns (the completed process, the keys
    of the requests the rerun sent)."""
    server.hold_after = None
    server.release()
    n0 = len(server.requests)
    r = subprocess.run(cmd + ["--llm-url", server.url], cwd=cwd, capture_output=True, text=True, timeout=120)
    return r, [body_key(b) for b in server.requests[n0:]]

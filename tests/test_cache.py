"""The SQLite request cache: keys, WAL, one commit per answer (survives SIGKILL), endpoint modes."""
import signal
import subprocess
import sys

from rubricc.compiler.cache import Cache, default_cache_path, request_key


def test_request_key_is_canonical_and_complete():
    m = [{"role": "user", "content": "hi"}]
    k = request_key("http://h/v1/", "m", m, {"temperature": 0, "max_tokens": 5})
    assert k == request_key("http://h/v1", "m", m, {"max_tokens": 5, "temperature": 0})
    assert len(k) == 64
    for other in (request_key("http://h2/v1", "m", m, {"temperature": 0, "max_tokens": 5}),
                  request_key("http://h/v1", "m2", m, {"temperature": 0, "max_tokens": 5}),
                  request_key("http://h/v1", "m", [{"role": "user", "content": "hi!"}],
                              {"temperature": 0, "max_tokens": 5}),
                  request_key("http://h/v1", "m", m, {"temperature": 1, "max_tokens": 5})):
        assert other != k


def test_wal_roundtrip_and_modes(tmp_path):
    p = tmp_path / "c.sqlite"
    c = Cache(p)
    assert c.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    c.put("k1", {"content": "x", "usage": {}})
    c.set_mode("http://h/v1|m", "json_object")
    c2 = Cache(p)  # a second connection sees the committed answer at once
    assert c2.get("k1") == {"content": "x", "usage": {}} and c2.get("nope") is None
    assert c2.get_mode("http://h/v1|m") == "json_object" and len(c2) == 1
    assert default_cache_path(tmp_path / "out.jsonl").name == "out.jsonl.cache.sqlite"
    mem = Cache(None)
    mem.put("a", {"v": 1})
    assert mem.get("a") == {"v": 1}


def test_answer_survives_sigkill(tmp_path):
    p = tmp_path / "c.sqlite"
    code = ("import sys, time; from rubricc.compiler.cache import Cache; c = Cache(sys.argv[1]); "
            "c.put('k', {'content': 'kept'}); print('ok', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(p)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ok"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert Cache(p).get("k") == {"content": "kept"}

"""The SQLite request cache: keys (what identifies an answer), WAL, one commit per answer (survives
SIGKILL), endpoint modes, no file until something is stored."""
import signal
import sqlite3
import subprocess
import sys

from rubricc.compiler.cache import Cache, default_cache_path, endpoint_identity, mode_key, request_key


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


def test_the_port_of_a_local_server_does_not_identify_the_model():
    m = [{"role": "user", "content": "hi"}]
    p = {"temperature": 0}
    local = request_key("http://127.0.0.1:41234/v1", "smollm2", m, p)
    for same in ("http://127.0.0.1:39999/v1", "http://localhost:8080", "http://[::1]:5000/v1/",
                 "http://0.0.0.0:1/v1", "http://127.0.0.2:80/v1"):
        assert request_key(same, "smollm2", m, p) == local, same
    assert request_key("http://127.0.0.1:41234/v1", "other-model", m, p) != local
    assert request_key("http://10.0.0.5:41234/v1", "smollm2", m, p) != local
    # a remote API is its host: the scheme, port, path and credentials only say how to reach it
    remote = request_key("https://api.openai.com/v1", "gpt-4o", m, p)
    assert request_key("https://API.openai.com:443/v1/", "gpt-4o", m, p) == remote
    assert request_key("https://key@api.openai.com/openai/v1", "gpt-4o", m, p) == remote
    assert request_key("https://openrouter.ai/api/v1", "gpt-4o", m, p) != remote
    assert endpoint_identity("http://localhost:1/v1") == "loopback"
    assert endpoint_identity("https://Example.COM:8443/v1") == "example.com"
    assert endpoint_identity("http://127.0.0.1.example.com/v1") == "127.0.0.1.example.com"
    assert mode_key("http://127.0.0.1:1/v1", "m") == mode_key("http://localhost:2/v1", "m") == "loopback|m"


def test_an_old_cache_stays_readable(tmp_path):
    """A cache written with the old keys (the full URL) opens; its entries miss, new ones are stored."""
    p = tmp_path / "old.sqlite"
    db = sqlite3.connect(p)
    db.execute("CREATE TABLE answers (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)")
    db.execute("CREATE TABLE endpoint_modes (endpoint TEXT PRIMARY KEY, mode TEXT NOT NULL)")
    db.execute("INSERT INTO answers VALUES ('0' || hex(randomblob(31)), '{\"content\": \"old\"}', 0)")
    db.execute("INSERT INTO endpoint_modes VALUES ('http://127.0.0.1:8080/v1|m', 'text')")
    db.commit()
    db.close()
    c = Cache(p)
    key = request_key("http://127.0.0.1:8080/v1", "m", [], {})
    assert len(c) == 1 and c.get(key) is None and c.get_mode(mode_key("http://127.0.0.1:8080/v1", "m")) is None
    c.put(key, {"content": "new"})
    assert c.get(key) == {"content": "new"} and len(c) == 2


def test_no_file_until_something_is_stored(tmp_path):
    p = tmp_path / "sub" / "c.sqlite"
    c = Cache(p)
    assert c.get("k") is None and c.get_mode("loopback|m") is None and len(c) == 0
    c.close()
    assert not (tmp_path / "sub").exists()
    c = Cache(p)
    c.set_mode("loopback|m", "text")
    assert p.exists() and Cache(p).get_mode("loopback|m") == "text"
    c.close()
    # a second cache object opened before the file existed sees what another one stores later
    q = tmp_path / "q.sqlite"
    reader, writer = Cache(q), Cache(q)
    writer.put("k", {"v": 1})
    assert reader.get("k") == {"v": 1}


def test_wal_roundtrip_and_modes(tmp_path):
    p = tmp_path / "c.sqlite"
    c = Cache(p)
    c.put("k1", {"content": "x", "usage": {}})
    assert c.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
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


def test_a_file_that_is_not_a_cache_is_one_line(tmp_path):
    import pytest

    from rubricc.errors import InputError

    junk = tmp_path / "c.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(InputError) as e:
        Cache(junk)
    msg = str(e.value)
    assert msg.startswith(f"{junk}: not a rubricc cache (") and msg.endswith("delete it or pass --cache elsewhere")
    assert "\n" not in msg


def test_a_cache_that_cannot_be_written_is_found_before_any_request(tmp_path):
    import os

    import pytest

    from rubricc.errors import InputError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot create the cache"):
        Cache(blocker / "sub" / "c.sqlite").check_writable()  # under a file: never creatable
    Cache(tmp_path / "new" / "c.sqlite").check_writable()    # a missing folder is fine, and no file made
    assert not (tmp_path / "new").exists()
    path = tmp_path / "ro.sqlite"
    c = Cache(path)
    c.put("k", {"v": 1})
    c.close()
    os.chmod(path, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as root: a read-only file is writable")
        with pytest.raises(InputError, match="cannot write the cache"):
            Cache(path).check_writable()
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(path, 0o644)


def test_sqlite_errors_map_to_one_line_input_errors(tmp_path):
    from rubricc.errors import InputError

    c = Cache(tmp_path / "c.sqlite")
    ro = c._error(sqlite3.OperationalError("attempt to write a readonly database"))
    assert isinstance(ro, InputError) and "cannot write the cache" in str(ro) and "--no-cache" in str(ro)
    mid = c._error(sqlite3.DatabaseError("database disk image is malformed\nmore"))
    assert "the cache failed during the run (database disk image is malformed)" in str(mid) and "\n" not in str(mid)

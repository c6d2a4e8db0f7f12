"""`rubricc serve` over real HTTP on loopback: OpenRLHF protocol, micro-batching of 200 concurrent
single-sample requests, auth, limits and 4xx errors; plus the CLI process itself."""
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from test_runtime_support import RESPONSES, batch_tolerance, bundle_dir, sample_rubrics

aiohttp = pytest.importorskip("aiohttp", reason="rubricc serve needs the serve extra (aiohttp)")


@pytest.fixture(scope="module")
def reward():
    from rubricc import RubricReward

    return RubricReward(bundle_dir(), rubrics=sample_rubrics(), threads=1)


@pytest.fixture(scope="module")
def server(reward):
    from rubricc.serve import BackgroundServer, ServeConfig

    cfg = ServeConfig(port=0, max_wait_ms=20, max_request_bytes=64 * 1024, max_samples_per_request=50)
    with BackgroundServer(reward, cfg) as s:
        yield s


def post(url, body, headers=None, raw=None, timeout=60):
    data = raw if raw is not None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def sample(i):
    rubs = sample_rubrics()
    r = rubs[i % 2]
    prompt = r.prompt_text
    return prompt, prompt + RESPONSES[i % len(RESPONSES)], r.id


def test_protocol_matches_library(server, reward):
    from rubricc.integrations import openrlhf_payload

    prompts, queries, labels = zip(*[sample(i) for i in range(6)])
    labels = list(labels)
    labels[1] = json.dumps(sample_rubrics()[1].model_dump(mode="json"))  # an inline rubric (r2)
    status, out = post(server.url + "/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    assert status == 200
    assert set(out) == {"rewards", "scores", "extra_logs"}
    rubs = {r.id: r for r in sample_rubrics()}
    expect = reward.score_items([rubs[sample(i)[2]] for i in range(6)],
                                [RESPONSES[i % len(RESPONSES)] for i in range(6)])
    # the server batches requests its own way: equal up to the backend's batch-shape rounding
    assert out["rewards"] == pytest.approx([d["reward"] for d in expect], abs=batch_tolerance(reward))
    assert out["scores"] == out["rewards"]
    assert out["extra_logs"]["rubric_scored"] == [1.0] * 6
    assert out["extra_logs"]["rubric_verdict_mean"] == pytest.approx(
        openrlhf_payload(expect)["extra_logs"]["rubric_verdict_mean"], abs=batch_tolerance(reward))
    status, out2 = post(server.url + "/", {"query": queries, "prompts": prompts, "labels": labels})
    assert status == 200 and out2["rewards"] == out["rewards"]


def test_concurrent_single_requests_are_batched(server, reward):
    before = json.loads(urllib.request.urlopen(server.url + "/health", timeout=30).read())

    async def main():
        timeout = aiohttp.ClientTimeout(total=120)
        async with aiohttp.ClientSession(timeout=timeout) as s:
            async def one(i):
                p, q, lab = sample(i)
                async with s.post(server.url + "/get_reward", json={"query": [q], "prompts": [p], "labels": [lab]}) as r:
                    assert r.status == 200, await r.text()
                    return (await r.json())["rewards"][0]
            return await asyncio.gather(*(one(i) for i in range(200)))

    rewards = asyncio.run(asyncio.wait_for(main(), 150))
    assert len(rewards) == 200 and all(0.0 <= r <= 1.0 for r in rewards)
    # identical inputs give identical rewards whatever batch they landed in (within float noise)
    tol = batch_tolerance(reward)
    for i in range(200):
        assert abs(rewards[i] - rewards[i % 10]) < tol
    after = json.loads(urllib.request.urlopen(server.url + "/health", timeout=30).read())
    batches = after["batches"] - before["batches"]
    assert after["samples"] - before["samples"] == 200
    assert batches < 200 and after["max_batch_requests"] > 1  # requests were batched server-side


def test_errors_are_clear_4xx(server):
    url = server.url + "/get_reward"
    status, out = post(url, None, raw=b"{nope")
    assert status == 400 and "not valid JSON" in out["error"]
    status, out = post(url, {"query": ["a"], "prompts": ["a"]})
    assert status == 400 and "labels" in out["error"]
    status, out = post(url, {"query": ["a", "b"], "prompts": ["a"], "labels": ["r1", "r1"]})
    assert status == 400 and "prompts" in out["error"]
    status, out = post(url, {"query": ["a"], "prompts": ["a"], "labels": ["missing-id"]})
    assert status == 400 and "labels[0]" in out["error"] and "missing-id" in out["error"]
    status, out = post(url, {"query": ["a"] * 51, "prompts": ["a"] * 51, "labels": ["r1"] * 51})
    assert status == 413 and "limit of 50" in out["error"]
    status, out = post(url, {"query": ["x" * 70000], "prompts": ["a"], "labels": ["r1"]})
    assert status == 413 and "exceeds" in out["error"]
    status, out = post(url, [1, 2])
    assert status == 400
    many = {"prompt": "p", "criteria": [{"id": f"k{i}", "text": f"Mentions item {i}.", "weight": 1} for i in range(300)]}
    status, out = post(url, {"query": ["a"], "prompts": ["p"], "labels": [json.dumps(many)]})
    assert status == 413 and "300 criteria exceed the limit of 64 per inline rubric" in out["error"]
    status, out = post(url, {"query": ["a"], "prompts": ["p"], "labels": [{**many, "id": "r1"}]})
    assert status == 413  # reusing a loaded rubric's id does not lift the limit
    status, out = post(url, {"query": [], "prompts": [], "labels": []})
    assert status == 200 and out == {"rewards": [], "scores": [],
                                     "extra_logs": {"rubric_scored": [], "rubric_verdict_mean": []}}


def test_bearer_token(reward):
    from rubricc.serve import BackgroundServer, ServeConfig

    with BackgroundServer(reward, ServeConfig(port=0, token="s3cret")) as s:
        p, q, lab = sample(0)
        body = {"query": [q], "prompts": [p], "labels": [lab]}
        status, out = post(s.url + "/get_reward", body)
        assert status == 401 and "bearer token" in out["error"]
        status, out = post(s.url + "/get_reward", body, headers={"Authorization": "Bearer wrong"})
        assert status == 401
        status, out = post(s.url + "/get_reward", body, headers={"Authorization": "Bearer s3cret"})
        assert status == 200 and len(out["rewards"]) == 1
        status, _ = post(s.url + "/get_reward", body, headers={"Authorization": "bearer s3cret"})
        assert status == 200  # the scheme is case-insensitive
        for bad in ("Basic s3cret", "s3cret", "Bearer s3cret2", "Bearers3cret"):
            assert post(s.url + "/get_reward", body, headers={"Authorization": bad})[0] == 401, bad
        assert s.url.startswith("http://127.0.0.1:")


def test_exposure_warning():
    from rubricc.serve import exposure_warning

    for host in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"):
        assert exposure_warning(host, None) is None
    assert "auth OFF" in exposure_warning("0.0.0.0", None)
    assert "auth OFF" in exposure_warning("::", None)
    assert "token required" in exposure_warning("0.0.0.0", "t")
    assert "auth OFF" in exposure_warning("myhost.example", None)


def test_cli_serve_process(tmp_path):
    """The real command in its own process: binds loopback, answers, stops when terminated."""
    rub = tmp_path / "rubrics.jsonl"
    rub.write_text("".join(r.model_dump_json() + "\n" for r in sample_rubrics()))
    env = {**os.environ, "RUBRICC_SERVE_TOKEN": "tok"}
    proc = subprocess.Popen([sys.executable, "-m", "rubricc.cli", "serve", "--verifier", bundle_dir(), "--rubrics",
                             str(rub), "--port", "0", "--threads", "1"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = None
        deadline = time.time() + 120
        while time.time() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            if "listening on" in line:
                url = line.split("listening on ")[1].split()[0]
                break
        assert url and url.startswith("http://127.0.0.1:"), "server did not start"
        p, q, lab = sample(2)
        status, out = post(url + "/get_reward", {"query": [q], "prompts": [p], "labels": [lab]},
                           headers={"Authorization": "Bearer tok"})
        assert status == 200 and 0.0 <= out["rewards"][0] <= 1.0
        import signal

        proc.send_signal(signal.SIGHUP)  # re-read the bundle folder; the server keeps serving
        line = ""
        while time.time() < deadline and "reloaded" not in line:
            line = proc.stderr.readline()
        assert "reloaded the verifier from" in line and proc.poll() is None
        status, out = post(url + "/get_reward", {"query": [q], "prompts": [p], "labels": [lab]},
                           headers={"Authorization": "Bearer tok"})
        assert status == 200
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def test_a_request_that_fails_scoring_fails_alone(reward):
    """Concurrent requests are scored in one batch; when that batch fails because of one request, each is
    scored alone: the poisoned request gets a 500, the others their rewards."""
    from rubricc.serve import BackgroundServer, ServeConfig

    class Poisoned(type(reward)):
        def score_plans(self, plans, responses, prompts=None):
            if any("POISON" in r for r in responses):
                raise RuntimeError("this sample breaks the model")
            return super().score_plans(plans, responses, prompts)

    poisoned = Poisoned(bundle_dir(), rubrics=sample_rubrics(), threads=1)
    cfg = ServeConfig(port=0, max_wait_ms=200, max_request_bytes=64 * 1024, max_samples_per_request=50)
    with BackgroundServer(poisoned, cfg) as s:
        async def main():
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
                async def one(i):
                    prompt, query, rid = sample(i)
                    if i == 3:
                        query = prompt + "POISON"
                    async with session.post(s.url + "/get_reward", json={"query": [query], "prompts": [prompt],
                                                                         "labels": [rid]}) as r:
                        return r.status, await r.json()
                return await asyncio.gather(*[one(i) for i in range(6)])

        got = asyncio.run(main())
        health = json.loads(urllib.request.urlopen(s.url + "/health", timeout=30).read())
    assert [st for st, _ in got] == [200, 200, 200, 500, 200, 200]
    assert "this sample breaks the model" in got[3][1]["error"]
    assert all(isinstance(body["rewards"][0], float) for st, body in got if st == 200)
    assert health["max_batch_requests"] > 1 and health["errors"] == 1  # they really were batched together


def test_a_small_request_is_not_starved_by_a_large_one(reward):
    """A large request is scored in slices interleaved with later requests: a one-sample request sent
    just after a 120-sample one is answered first, and both get exactly the rewards of the library."""
    from rubricc.serve import BackgroundServer, ServeConfig

    cfg = ServeConfig(port=0, max_wait_ms=5, max_batch=16, slice_samples=8, max_samples_per_request=500)
    big = [sample(i) for i in range(120)]
    small = sample(1)
    with BackgroundServer(reward, cfg) as s:
        async def main():
            done = []
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
                async def send(name, items, delay):
                    await asyncio.sleep(delay)
                    prompts, queries, labels = zip(*items)
                    async with session.post(s.url + "/get_reward", json={"query": queries, "prompts": prompts,
                                                                         "labels": labels}) as r:
                        body = await r.json()
                    done.append(name)
                    return r.status, body
                big_r, small_r = await asyncio.gather(send("big", big, 0), send("small", [small], 0.3))
            return done, big_r, small_r

        done, (st_big, out_big), (st_small, out_small) = asyncio.run(main())
    assert st_big == 200 and st_small == 200 and done == ["small", "big"]
    rubs = {r.id: r for r in sample_rubrics()}
    expect = reward.score_items([rubs[i[2]] for i in big], [RESPONSES[i % len(RESPONSES)] for i in range(120)])
    assert out_big["rewards"] == pytest.approx([d["reward"] or 0.0 for d in expect], abs=batch_tolerance(reward))
    assert len(out_small["rewards"]) == 1


def _raw_exchange(url, chunks, pause, read_timeout=10.0):
    """Sends ``chunks`` over one raw TCP connection with ``pause`` seconds between them; returns
    (what the server answered, seconds from connect until the server closed or answered)."""
    import socket
    from urllib.parse import urlparse

    u = urlparse(url)
    t0 = time.perf_counter()
    s = socket.create_connection((u.hostname, u.port), timeout=read_timeout)
    got = b""
    try:
        for c in chunks:
            try:
                s.sendall(c)
            except OSError:
                break
            time.sleep(pause)
        s.settimeout(read_timeout)
        while True:
            try:
                part = s.recv(65536)
            except OSError:
                break
            if not part:
                break
            got += part
    finally:
        s.close()
    return got, time.perf_counter() - t0


def test_slow_clients_are_timed_out(reward):
    """A client that dribbles its headers, or sends nothing, or stalls its body, gets a 408 and loses the
    connection after the configured timeouts, while a normal request on another connection is answered
    and several requests on one kept-alive connection still work."""
    from rubricc.serve import BackgroundServer, ServeConfig

    cfg = ServeConfig(port=0, header_timeout=1.0, body_timeout=1.0, max_wait_ms=5)
    with BackgroundServer(reward, cfg) as s:
        head = b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        # headers a few bytes at a time, never finished: closed with a 408 after about 1 s
        got, took = _raw_exchange(s.url, [head[i:i + 4] for i in range(0, len(head), 4)] * 5, pause=0.1)
        assert got.startswith(b"HTTP/1.1 408"), got[:80]
        assert 0.8 < took < 6.0
        # connects and sends nothing
        got, took = _raw_exchange(s.url, [], pause=0)
        assert got.startswith(b"HTTP/1.1 408") and took < 6.0
        # headers complete, body promised but stalled: a JSON 408 from the handler
        got, took = _raw_exchange(s.url, [head + b"Content-Length: 100\r\n\r\n{\"query\""], pause=0)
        assert b" 408 " in got.split(b"\r\n", 1)[0] and b"body not received" in got, got[:200]
        # a normal request meanwhile, then three on one kept-alive connection
        p, q, lab = sample(0)
        body = json.dumps({"query": [q], "prompts": [p], "labels": [lab]}).encode()
        status, out = post(s.url + "/get_reward", None, raw=body)
        assert status == 200 and len(out["rewards"]) == 1
        req = head + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        got, _ = _raw_exchange(s.url, [req, req, req], pause=0.3, read_timeout=3.0)
        assert got.count(b"HTTP/1.1 200") == 3, got[:300]
        health = json.loads(urllib.request.urlopen(s.url + "/health", timeout=30).read())
        assert health["slow_clients_closed"] >= 2


def test_slices_are_bounded_by_verdicts_as_well_as_samples():
    """A slice adds at most ``slice_verdicts`` neural verdicts (but always one sample), so a request of long
    rubrics is cut finer than one of short rubrics; least-served requests come first."""
    from types import SimpleNamespace

    import numpy as np

    from rubricc.serve import RewardServer, ServeConfig, _Job

    def plan(n):
        return SimpleNamespace(neural=np.arange(n))

    srv = RewardServer(reward=None, cfg=ServeConfig(max_batch=100, slice_samples=10, slice_verdicts=12))
    long_job = _Job([plan(5)] * 6, ["r"] * 6, [None] * 6, None, 6)       # 5 verdicts a sample
    short_job = _Job([plan(1)] * 30, ["r"] * 30, [None] * 30, None, 30)   # 1 verdict a sample
    huge_job = _Job([plan(40), plan(2)], ["r"] * 2, [None] * 2, None, 2)  # one sample over the limit
    first = srv._take([long_job, short_job, huge_job])
    assert [(a, b) for _, a, b in first] == [(0, 2), (0, 10), (0, 1)]
    # next round: the least-served request (huge_job, 1 sample taken) first
    second = srv._take([long_job, short_job, huge_job])
    assert [(j is huge_job, a, b) for j, a, b in second][0] == (True, 1, 2)
    assert {(a, b) for j, a, b in second if j is long_job} == {(2, 4)}


def test_reload_swaps_the_bundle_without_dropping_a_request(tmp_path):
    """POST /reload while single-sample requests stream in: every request is answered (200), the rewards
    after the swap are the new bundle's exactly; a bundle that cannot load leaves the old one serving; a
    server without a token re-reads its own folder but refuses another; SIGHUP re-reads in the CLI process."""
    import threading

    from rubricc import RubricReward
    from rubricc.serve import BackgroundServer, ServeConfig
    from rubricc.verifier.export import make_untrained_bundle

    new = str(tmp_path / "new")
    make_untrained_bundle(new, layout="fused", seed=1, variants=("fp32",))
    samples = [sample(i) for i in range(6)]

    def rewards_of(folder):
        rw = RubricReward(folder, rubrics=sample_rubrics(), threads=1, backend="onnx", variant="fp32")
        return [d["reward"] for d in rw.score_plans([rw.plan(lab) for _, _, lab in samples],
                                                    [q[len(p):] for p, q, _ in samples], [p for p, _, _ in samples])]

    old_ref, new_ref = rewards_of(bundle_dir()), rewards_of(new)
    assert max(abs(a - b) for a, b in zip(old_ref, new_ref)) > 1e-3  # the two bundles score differently
    reward = RubricReward(bundle_dir(), rubrics=sample_rubrics(), threads=1, backend="onnx", variant="fp32")
    auth = {"Authorization": "Bearer tok"}
    with BackgroundServer(reward, ServeConfig(port=0, token="tok", max_wait_ms=2)) as s:
        statuses, stop = [], threading.Event()

        def stream(k):
            i = k
            while not stop.is_set():
                p, q, lab = samples[i % len(samples)]
                statuses.append(post(s.url + "/get_reward", {"query": [q], "prompts": [p], "labels": [lab]},
                                     headers=auth)[0])
                i += 1

        threads = [threading.Thread(target=stream, args=(k,)) for k in range(3)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        status, out = post(s.url + "/reload", {"verifier": new}, headers=auth)
        assert status == 200 and out["verifier"] == new and out["reloads"] == 1, out
        time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join(60)
        assert len(statuses) > 10 and set(statuses) == {200}  # nothing dropped during the swap
        for (p, q, lab), ref in zip(samples, new_ref):
            got = post(s.url + "/get_reward", {"query": [q], "prompts": [p], "labels": [lab]}, headers=auth)[1]
            assert abs(got["rewards"][0] - ref) < 1e-6
        # a folder that is not a bundle: one-line 400, the new bundle keeps serving
        status, out = post(s.url + "/reload", {"verifier": str(tmp_path)}, headers=auth)
        assert status == 400 and "still serving" in out["error"] and "verifier.json" in out["error"]
        assert "\n" not in out["error"]
        for bad in ([1], {"verifier": 3}, {"verifier": ""}):
            assert post(s.url + "/reload", bad, headers=auth)[0] == 400
        assert post(s.url + "/reload", {"verifier": new})[0] == 401  # no token
        status, health = get(s.url + "/health", headers=auth)
        assert health["verifier"] == new and health["reloads"] == 1
    # without a token: re-read the served folder, never another one
    reward2 = RubricReward(bundle_dir(), rubrics=sample_rubrics(), threads=1, backend="onnx", variant="fp32")
    with BackgroundServer(reward2, ServeConfig(port=0)) as s:
        status, out = post(s.url + "/reload", {"verifier": new})
        assert status == 403 and "token" in out["error"]
        status, out = post(s.url + "/reload", None, raw=b"")
        assert status == 200 and out["verifier"] == bundle_dir()


def get(url, headers=None, timeout=60):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read())

"""Reward replicas on Ray (rubricc.integrations.ray) on a local Ray cluster, loopback only: rewards equal
an in-process RubricReward's, a replica killed mid-stream loses nothing, a reload reaches every replica, the
verl / OpenRLHF entry points and ``rubricc serve`` over the pool. The tests share one pool of two replicas
and run in file order (the last one breaks the pool on purpose)."""
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from test_runtime_support import RESPONSES, bundle_dir, sample_rubrics, write_rubrics

ray = pytest.importorskip("ray", reason="the Ray replicas need the ray extra")
TOL = 1e-6  # the replicas run the same fp32 graph as the in-process reference
BACKEND = {"backend": "onnx", "variant": "fp32"}


@pytest.fixture(scope="module")
def cluster():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # 2 CPUs for the shared pool's 2 replicas, 1 for the named pool's (logical CPUs: 2 cores are enough)
    ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1",
             runtime_env={"env_vars": {"HF_HUB_OFFLINE": "1"}})
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def rubrics_file(tmp_path_factory):
    return write_rubrics(tmp_path_factory.mktemp("rub"))


@pytest.fixture(scope="module")
def pool(cluster, rubrics_file):
    from rubricc.integrations import ray as ray_entry

    p = ray_entry.get_pool(bundle_dir(), rubrics_file, replicas=2, threads=1, chunk_size=3, **BACKEND)
    yield p
    p.shutdown()
    ray_entry._POOLS.clear()


@pytest.fixture(scope="module")
def reference(rubrics_file):
    from rubricc.runtime import RubricReward

    return RubricReward(bundle_dir(), rubrics=rubrics_file, threads=1, **BACKEND)


def stream(n, seed=0):
    """n samples cycling over the rubrics (ids and one inline rubric) and the test responses."""
    rubs = sample_rubrics()
    inline = json.dumps(rubs[1].model_dump(mode="json"))
    refs = ["r1", "r2", "r3", inline, None]
    return [refs[(i + seed) % 5] for i in range(n)], [RESPONSES[(i * 3 + seed) % 5] + f" #{i}" for i in range(n)]


def rewards_of(reward, refs, responses):
    return [d["reward"] for d in reward.score_plans([reward.plan(r) for r in refs], responses)]


def assert_equal(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert (g is None) == (w is None) and (g is None or abs(g - w) <= TOL), (got, want)


def test_import_stays_free_of_ray():
    code = "import rubricc, rubricc.integrations, rubricc.integrations.ray, sys; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bad_arguments_fail_before_any_replica_starts():
    from rubricc.errors import InputError
    from rubricc.integrations.ray import RewardPool

    with pytest.raises(ValueError, match="replicas"):
        RewardPool(bundle_dir(), replicas=0)
    with pytest.raises(InputError, match="no verifier given"):
        from rubricc.integrations.ray import get_pool

        os.environ.pop("RUBRICC_VERIFIER", None)
        get_pool(None)


def test_replicas_the_cluster_cannot_place_fail_with_a_clear_error(cluster, rubrics_file):
    from rubricc.integrations.ray import RewardPool

    with pytest.raises(RuntimeError, match=r"did not start within 2 s: each needs 1 CPU and 1 GPU"):
        RewardPool(bundle_dir(), rubrics_file, replicas=1, threads=1, num_gpus=1, start_timeout=2, **BACKEND)


def test_pool_equals_in_process_reward(pool, reference):
    assert len(pool.replicas) == 2 and {i["device"] for i in pool.infos} == {"cpu"}
    assert len({i["pid"] for i in pool.infos}) == 2
    refs, responses = stream(23)
    before = pool.counters["chunks"]
    got = rewards_of(pool, refs, responses)
    assert_equal(got, rewards_of(reference, refs, responses))
    assert pool.counters["chunks"] - before == 8  # 23 samples in chunks of at most 3, over both replicas
    assert rewards_of(pool, [], []) == []


def test_verl_and_openrlhf_entry_points(pool, reference, rubrics_file):
    from rubricc import integrations
    from rubricc.integrations import ray as ray_entry

    rubs = {r.id: r for r in sample_rubrics()}
    kw = {"verifier": bundle_dir(), "rubrics": rubrics_file}
    gts = ["r1", integrations.dumps_rubric(rubs["r2"]), None, ""]
    extras = [None, None, {"rubric_id": "r3"}, {"rubric": {"criteria": [c.model_dump(mode="json") for c in
                                                                      rubs["r2"].criteria]},
                                                "prompt": rubs["r2"].prompt}]
    responses = RESPONSES[:4]
    got = ray_entry.compute_score_batch(["d"] * 4, responses, gts, extras, replicas=2, threads=1, chunk_size=3,
                                        **kw, **BACKEND)
    assert ray_entry.get_pool(**kw, replicas=2, threads=1, chunk_size=3, **BACKEND) is pool  # one per process
    want = integrations.compute_score_batch(["d"] * 4, responses, gts, extras, threads=1, **kw, **BACKEND)
    for g, w in zip(got, want):
        assert g.pop("rubric_failed") == 0.0
        assert set(g) == set(w) and g["rubric_scored"] == w["rubric_scored"]
        assert abs(g["score"] - w["score"]) <= TOL and abs(g["rubric_verdict_mean"] - w["rubric_verdict_mean"]) <= TOL
    prompts = [rubs["r1"].prompt, "haiku", ""]
    query = [prompts[0] + RESPONSES[0], "haiku" + RESPONSES[2], RESPONSES[1]]
    labels = ["r1", integrations.dumps_rubric(rubs["r2"]), "r3"]
    got = ray_entry.openrlhf_rewards(pool, query, prompts, labels)
    want = integrations.openrlhf_rewards(reference, query, prompts, labels)
    assert got["extra_logs"].pop("rubric_failed") == [0.0, 0.0, 0.0]
    assert_equal(got["rewards"], want["rewards"])
    assert set(got["extra_logs"]) == set(want["extra_logs"])
    from rubricc.errors import InputError

    with pytest.raises(InputError, match=r"labels\[0\]: rubric id 'zz'"):  # bad input fails here, not in a replica
        ray_entry.openrlhf_rewards(pool, ["x"], [""], ["zz"])


def test_verl_loads_the_file_by_its_path(cluster, reference, rubrics_file):
    """verl imports ``custom_reward_function.path`` under a name of its own: the replicas must still be
    importable by Ray's workers, the rewards the same."""
    import importlib.util

    from rubricc.integrations import ray as ray_entry

    spec = importlib.util.spec_from_file_location("custom_module", ray_entry.__file__)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    refs, responses = stream(5, seed=5)
    try:
        got = mod.compute_score_batch(["d"] * 5, responses, [r or "" for r in refs], None, verifier=bundle_dir(),
                                      rubrics=rubrics_file, replicas=1, threads=1, **BACKEND)
    finally:
        for p in mod._POOLS.values():
            p.shutdown()
    want = rewards_of(reference, refs, responses)
    assert_equal([g["score"] if g["rubric_scored"] else None for g in got], want)


def test_verl_reward_loop_gathers_concurrent_samples(pool, rubrics_file):
    """verl's reward loop calls one sample at a time, many at once: they are scored in pool batches."""
    import asyncio

    from rubricc import integrations
    from rubricc.integrations.ray import compute_score_async

    kw = {"verifier": bundle_dir(), "rubrics": rubrics_file}
    refs, responses = stream(10, seed=4)
    gts = [r or "" for r in refs]

    async def main():
        return await asyncio.gather(*(compute_score_async("d", x, gt, None, max_wait_ms=50, replicas=2, threads=1,
                                                          chunk_size=3, reward_router_address=None, **kw, **BACKEND)
                                      for x, gt in zip(responses, gts)))

    before = pool.counters["chunks"]
    got = asyncio.run(main())
    assert pool.counters["chunks"] - before == 4  # one batch of 10 in chunks of 3, not 10 calls
    want = integrations.compute_score_batch(["d"] * 10, responses, gts, None, threads=1, **kw, **BACKEND)
    for g, w in zip(got, want):
        assert g.pop("rubric_failed") == 0.0 and set(g) == set(w) and abs(g["score"] - w["score"]) <= TOL


def test_rubricc_serve_over_the_pool(pool, reference):
    """OpenRLHF's remote reward URL: one sample per request, batched by the server, split over replicas."""
    from rubricc.serve import BackgroundServer, ServeConfig

    refs, responses = stream(12, seed=1)
    labels = [r or "" for r in refs]

    def post(i):
        body = json.dumps({"query": [responses[i]], "prompts": [""], "labels": [labels[i]]}).encode()
        req = urllib.request.Request(url + "/get_reward", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())

    with BackgroundServer(pool, ServeConfig(port=0, max_wait_ms=20)) as s:
        url = s.url
        with ThreadPoolExecutor(6) as ex:
            answers = list(ex.map(post, range(12)))
        health = json.loads(urllib.request.urlopen(url + "/health", timeout=30).read())
        if hasattr(s.server, "handle_reload"):  # POST /reload re-reads the bundle on every replica
            reloads = pool.counters["reloads"]
            req = urllib.request.Request(url + "/reload", data=b"", method="POST")
            with urllib.request.urlopen(req, timeout=120) as r:
                assert json.loads(r.read())["status"] == "ok"
            assert pool.counters["reloads"] == reloads + 1
    want = rewards_of(reference, refs, responses)
    assert_equal([a["rewards"][0] for a in answers], [0.0 if w is None else w for w in want])
    assert health["samples"] == 12 and health["device"] == "cpu"


def test_killed_replica_mid_stream_loses_nothing(pool, reference):
    """A stream of batches runs on a thread; a replica is killed (no restart) once it has chunks queued; the
    stream goes on for 3 more batches. Every reward arrives and equals the in-process one."""
    batches = [stream(15, seed=k) for k in range(5)]
    want = [rewards_of(reference, *b) for b in batches]
    before = dict(pool.counters)
    killed, results = threading.Event(), []

    def run():
        k = after = 0
        while after < 3 and k < 200:
            results.append((k % 5, rewards_of(pool, *batches[k % 5])))
            after += killed.is_set()
            k += 1

    t = threading.Thread(target=run)
    t.start()
    victim = pool.replicas[0]
    while not pool._load[0] and t.is_alive():  # wait until the victim has samples in flight
        time.sleep(0.001)
    ray.kill(victim)
    killed.set()
    t.join(300)
    assert not t.is_alive() and len(results) >= 3
    for k, got in results:
        assert_equal(got, want[k])
    assert pool.counters["replaced"] - before.get("replaced", 0) == 1 and pool.replicas[0] is not victim
    assert pool.counters["retries"] - before.get("retries", 0) >= 1
    assert not pool.failures  # every chunk came back on its retry
    assert_equal(rewards_of(pool, *batches[0]), want[0])  # the new replica scores as the old one did


def test_reload_reaches_every_replica(pool, reference, tmp_path):
    from rubricc.errors import InputError
    from rubricc.runtime import RubricReward

    other = tmp_path / "bundle2"
    shutil.copytree(bundle_dir(), other)
    cfg = json.loads((other / "verifier.json").read_text())
    cfg["temperature"] = float(cfg.get("temperature", 1.0)) * 3  # other probabilities, other rewards
    (other / "verifier.json").write_text(json.dumps(cfg))
    refs, responses = stream(12, seed=2)
    old = rewards_of(reference, refs, responses)
    new = rewards_of(RubricReward(str(other), rubrics=list(reference.rubrics.values()), threads=1, **BACKEND),
                     refs, responses)
    assert max(abs(a - b) for a, b in zip(old, new) if a is not None) > 1e-3
    pool.reload(str(other))
    assert {i["verifier"] for i in pool.infos} == {str(other)}
    assert_equal(rewards_of(pool, refs, responses), new)
    with pytest.raises(InputError, match="no such file"):
        pool.reload(str(tmp_path / "missing"))
    assert pool.verifier_dir == str(other)
    broken = tmp_path / "broken"  # passes the folder checks, fails to load in the replicas
    shutil.copytree(other, broken)
    for f in broken.glob("*.onnx"):
        f.write_bytes(b"not a model")
    with pytest.raises(InputError, match=f"reload of {broken} failed, still serving {other}"):
        pool.reload(str(broken))
    assert pool.verifier_dir == str(other) and {i["verifier"] for i in pool.infos} == {str(other)}
    assert_equal(rewards_of(pool, refs, responses), new)
    pool.reload(bundle_dir())
    assert_equal(rewards_of(pool, refs, responses), old)


def test_named_replicas_are_shared_and_replaced_once(cluster, rubrics_file, reference):
    """Two pools of one name (two verl reward workers, say) use the same replica; when it dies, the first pool
    to notice replaces it and the other picks up that replacement."""
    from rubricc.integrations.ray import RewardPool

    a = RewardPool(bundle_dir(), rubrics_file, replicas=1, threads=1, name="test-shared", **BACKEND)
    b = RewardPool(bundle_dir(), rubrics_file, replicas=1, threads=1, name="test-shared", **BACKEND)
    try:
        assert a.infos[0]["pid"] == b.infos[0]["pid"]
        refs, responses = stream(6, seed=3)
        want = rewards_of(reference, refs, responses)
        ray.kill(a.replicas[0])
        assert_equal(rewards_of(b, refs, responses), want)
        assert_equal(rewards_of(a, refs, responses), want)
        assert a.counters["replaced"] == b.counters["replaced"] == 1
        assert ray.get(a.replicas[0].info.remote())["pid"] == ray.get(b.replicas[0].info.remote())["pid"]
    finally:
        a.shutdown()


def test_chunk_failing_twice_comes_back_none_and_counted(pool):
    """Last test: breaks the pool. With both replicas dead and their replacements unable to start, every
    chunk fails twice: each sample comes back with reward None and a reason, counted, none dropped."""
    pool.verifier_dir = "/nonexistent-bundle"  # what a replacement loads: it dies in its constructor
    for r in pool.replicas:
        ray.kill(r)
    refs, responses = stream(7)
    details = pool.score_plans([pool.plan(r) for r in refs], responses)
    assert len(details) == 7 and all(d["reward"] is None and d["failed"] == "replica_died" for d in details)
    assert pool.failures["replica_died"] == 7

"""Verdicts/s of the reward on Ray replicas (rubricc.integrations.ray) against the same reward in process, and
the cost of the Ray hop per batch.

Contenders, all on the same samples, in interleaved rounds (the CPU is shared and noisy; medians):

* ``in_process``: one ``RubricReward`` in this process (``--threads`` threads);
* ``ray_1``: a ``RewardPool`` of 1 replica (``--threads`` threads each), on a local Ray cluster;
* ``ray_2``: a ``RewardPool`` of 2 replicas: the batch cut into 2 chunks scored at the same time.

Samples: ``--prompts`` HealthBench prompts (../shared/data, else synthetic words) x ``--responses`` responses,
20 neural criteria per rubric: ``bench/throughput.py``'s inputs (prompt ~150 tokens, responses 50-400
tokens), scored with an untrained MiniLM bundle (speed does not depend on the head's weights). The hop cost
is the median time of a one-sample call (``hop_neural``: 1 response x 20 criteria; ``hop_program``: a
rubric of one program check, no model) through ``ray_1`` minus the same call in process.

On a machine with fewer free cores than ``2 x --threads`` the two replicas share them and ``ray_2`` cannot
beat ``ray_1``; across nodes (or on a GPU each) it scales with the replicas (README, Ray section).
The last line is JSON.

    python bench/ray_scaling.py --quick      # 1 prompt x 8 responses (160 verdicts), 3 rounds
    python bench/ray_scaling.py              # 2 prompts x 8 responses (320 verdicts), 3 rounds
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


REPS = {"full": 1, "hop_neural": 3, "hop_program": 20}  # calls per contender and round


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 prompt x 8 responses, 3 rounds")
    ap.add_argument("--prompts", type=int, default=None, help="prompts (20 criteria each; default 2)")
    ap.add_argument("--responses", type=int, default=None, help="responses per prompt (default 8)")
    ap.add_argument("--repeats", type=int, default=None, help="interleaved rounds (>= 3; default 3)")
    ap.add_argument("--threads", type=int, default=1, help="CPU threads of the in-process reward and of each replica")
    ap.add_argument("--verifier", default=None, help="bundle folder (default: export an untrained one)")
    ap.add_argument("--backend", default="onnx", help="RubricReward backend (default onnx)")
    ap.add_argument("--variant", default="fp32", help="RubricReward variant (default fp32)")
    ap.add_argument("--address", default=None,
                    help="a running Ray cluster (e.g. auto, or HEAD:6379) instead of a local one; the bundle "
                         "folder must be at the same path on every node")
    args = ap.parse_args(argv)
    n_prompts = args.prompts or (1 if args.quick else 2)
    n_resp = args.responses or 8
    repeats = args.repeats or 3
    if repeats < 3:
        ap.error("--repeats must be at least 3 (medians)")

    import ray
    import torch
    from tokenizers import Tokenizer

    from bench.throughput import build_inputs, ensure_bundle, make_rubrics
    from rubricc.formats import Rubric
    from rubricc.integrations.ray import RewardPool
    from rubricc.runtime import RubricReward

    torch.set_num_threads(1)
    bundle = ensure_bundle(args.verifier)
    tok = Tokenizer.from_file(str(Path(bundle) / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    groups, source = build_inputs(tok, n_prompts, n_resp=n_resp)
    rubrics = make_rubrics(groups)
    tiny = Rubric(id="tiny", prompt="Say hi.", criteria=[{"id": "w", "text": "Short", "weight": 1, "check": {
        "kind": "program", "name": "word_count", "args": {"relation": "less than", "n": 40}}}])
    rubrics.append(tiny)
    ids = [r.id for r, (_, resp, _) in zip(rubrics, groups) for _ in resp]
    responses = [x for _, resp, _ in groups for x in resp]
    verdicts = sum(len(r.criteria) for r, (_, resp, _) in zip(rubrics, groups) for _ in resp)
    opts = {"backend": args.backend, "variant": args.variant}

    env = {"env_vars": {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}}
    if args.address:
        ray.init(address=args.address, log_to_driver=False, runtime_env=env)
    else:
        ray.init(num_cpus=3 * args.threads, include_dashboard=False, log_to_driver=False, runtime_env=env)
    t0 = time.perf_counter()
    contenders = {"in_process": RubricReward(bundle, rubrics=rubrics, threads=args.threads, **opts)}
    contenders["in_process"].load()
    contenders["ray_1"] = RewardPool(bundle, rubrics, replicas=1, threads=args.threads, **opts)
    contenders["ray_2"] = RewardPool(bundle, rubrics, replicas=2, threads=args.threads, **opts)
    start_s = time.perf_counter() - t0

    def run(reward, which, resp):
        return reward.score_plans([reward.plan(i) for i in which], resp)

    calls = {"full": (ids, responses), "hop_neural": (ids[:1], responses[:1]),
             "hop_program": (["tiny"], ["hi there"])}
    times = {(c, k): [] for c in contenders for k in calls}
    first = {}
    for name, rw in contenders.items():  # warm-up: plans, token caches, the first run of each graph
        first[name] = [d["reward"] for d in run(rw, *calls["full"])]
    for _ in range(repeats):
        for k, call in calls.items():
            for name, rw in contenders.items():
                for _ in range(REPS[k]):
                    times[(name, k)].append(timed(run, rw, *call)[0])
    diff = max(abs((a or 0.0) - (b or 0.0)) + ((a is None) != (b is None))  # None on one side only counts 1
               for name in ("ray_1", "ray_2") for a, b in zip(first[name], first["in_process"]))
    med = {key: statistics.median(v) for key, v in times.items()}
    vps = {name: verdicts / med[(name, "full")] for name in contenders}
    hop_neural = med[("ray_1", "hop_neural")] - med[("in_process", "hop_neural")]
    hop_program = med[("ray_1", "hop_program")] - med[("in_process", "hop_program")]

    print(f"samples: {len(responses)} responses x 20 criteria = {verdicts} verdicts ({source}); threads "
          f"{args.threads} per reward; {os.cpu_count()} CPUs seen; {repeats} interleaved rounds; replicas "
          f"started in {start_s:.1f} s")
    print(f"{'contender':<12}{'batch s':>10}{'verdicts/s':>12}{'vs in_process':>15}")
    for name in contenders:
        print(f"{name:<12}{med[(name, 'full')]:>10.3f}{vps[name]:>12.1f}{vps[name] / vps['in_process']:>15.2f}")
    print(f"one-sample call (20 verdicts): in process {med[('in_process', 'hop_neural')] * 1e3:.1f} ms, "
          f"ray_1 {med[('ray_1', 'hop_neural')] * 1e3:.1f} ms: hop {hop_neural * 1e3:.1f} ms")
    print(f"one program check, no model: in process {med[('in_process', 'hop_program')] * 1e3:.2f} ms, "
          f"ray_1 {med[('ray_1', 'hop_program')] * 1e3:.2f} ms: hop {hop_program * 1e3:.2f} ms")
    print(f"largest reward difference, pool vs in process: {diff:.2e}")
    for name in ("ray_1", "ray_2"):
        contenders[name].shutdown()
    ray.shutdown()
    print(json.dumps({"verdicts": verdicts, "source": source, "threads": args.threads, "repeats": repeats,
                      "verdicts_per_s": {k: round(v, 1) for k, v in vps.items()},
                      "ray_2_vs_ray_1": round(vps["ray_2"] / vps["ray_1"], 3),
                      "ray_1_vs_in_process": round(vps["ray_1"] / vps["in_process"], 3),
                      "hop_ms_neural": round(hop_neural * 1e3, 2), "hop_ms_program": round(hop_program * 1e3, 2),
                      "max_abs_diff": diff}))


if __name__ == "__main__":
    main()

"""Escalation and audit on real labels: how much of the judge buys how much agreement, and when the audit
alarm fires on a simulated over-optimisation run.

``curve``: a verifier is distilled (small: ``--epochs``, short contexts) on the *training* part of a set,
then `rubricc calibrate` replays escalation bands on the *held-out* part, the existing judgments playing
the judge; the band is picked on one half of the held-out prompts and reported on the other.

* ``mtbench``: Prometheus MT-Bench (GPT-4 1-5 scores, >= 4 is yes), split by prompt (held-out prompts).
* ``ifeval``: IFEval instructions rendered as natural-language criteria forced to the neural path, the
  official strict verdicts as labels, split by prompt.
* ``alpacaeval``: one criterion per prompt ("better than the strong reference"), label
  ``p_better_than_reference >= 0.5``, split by generator (same prompts, held-out generators: the RL case).

``drift``: the audit (:mod:`rubricc.audit`) on a sequence of steps whose rollouts drift into hacks (the probes
of :mod:`rubricc.verifier.hacks` whose verdict is known: answers to other prompts, filler, the criteria
echoed back, keyword stuffing, ...; at each step a hacked rollout is the best of 4 hacks by the verifier's
reward, as a policy under RL would find) while the verifier keeps scoring them; the judge's answers are the
held-out labels for real responses and "no" for hacks. Every text is scored once by the real verifier. Prints the step at which the alarm
fires, and the false alarm rate over seeds on the same sequence without drift.

    python bench/escalation.py curve --set mtbench [--epochs 2] [--work DIR] [--threads 2]
    python bench/escalation.py drift --set mtbench [--steps 30] [--seeds 20]

Prints a summary and, as the last line, a JSON object with every figure. Reruns reuse the work folder.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.data import shared_data  # noqa: E402

ALPACA_CRITERION = "The response is at least as helpful, correct and complete as a strong reference answer."


def _write(path: Path, rows) -> Path:
    from rubricc.formats import write_jsonl

    write_jsonl(path, rows)
    return path


def _read(path: Path) -> List[dict]:
    return [json.loads(x) for x in Path(path).read_text().splitlines() if x.strip()]


def split_sets(name: str, data: Path, work: Path, seed: int, args) -> Tuple[Dict[str, Path], Dict[str, Path]]:
    """(train paths, held-out paths), each {rubrics, responses, judgments}."""
    rng = random.Random(seed)
    if name in ("mtbench", "ifeval"):
        from bench.fidelity import build_ifeval, build_mtbench

        full = build_mtbench(data, work) if name == "mtbench" else build_ifeval(data, work, seed)
        rubrics, responses, judgments = (_read(full[k]) for k in ("rubrics", "responses", "judgments"))
        pids = sorted({r["id"] for r in rubrics})
        rng.shuffle(pids)
        held = set(pids[:int(round(args.heldout_fraction * len(pids)))])
        part = {"train": lambda pid, rid: pid not in held, "heldout": lambda pid, rid: pid in held}
    else:  # alpacaeval, split by generator
        prompts = [json.loads(x) for x in (data / "alpacaeval" / "prompts.jsonl").read_text().splitlines() if x.strip()]
        with gzip.open(data / "alpacaeval" / "responses.jsonl.gz", "rt") as fh:
            resp_all = [json.loads(x) for x in fh if x.strip()]
        prompts = rng.sample(prompts, args.alpaca_prompts)
        keep = {p["id"] for p in prompts}
        gens = sorted({r["source"] for r in resp_all})
        rng.shuffle(gens)
        train_gens, held_gens = set(gens[:args.alpaca_train_gens]), set(gens[args.alpaca_train_gens:][:args.alpaca_heldout_gens])
        rubrics = [{"id": p["id"], "prompt": p["prompt"],
                    "criteria": [{"id": "c0", "text": ALPACA_CRITERION, "weight": 1, "check": {"kind": "neural"}}]}
                   for p in prompts]
        responses, judgments = [], []
        for r in resp_all:
            if r["prompt_id"] in keep and r["source"] in train_gens | held_gens:
                responses.append({"prompt_id": r["prompt_id"], "id": r["id"], "text": r["text"], "source": r["source"]})
                pb = float(r["p_better_than_reference"])
                judgments.append({"prompt_id": r["prompt_id"], "response_id": r["id"], "criterion_id": "c0",
                                  "verdict": pb >= 0.5, "p_yes": pb, "judge": "gpt-4-turbo (alpacaeval)"})
        src = {(r["prompt_id"], r["id"]): r["source"] for r in responses}
        part = {"train": lambda pid, rid: src[(pid, rid)] in train_gens,
                "heldout": lambda pid, rid: src[(pid, rid)] in held_gens}
    out = {}
    for k, keep_fn in part.items():
        (work / k).mkdir(parents=True, exist_ok=True)
        resp = [r for r in responses if keep_fn(r["prompt_id"], r["id"])]
        pids = {r["prompt_id"] for r in resp}
        out[k] = {"rubrics": _write(work / k / "rubrics.jsonl", [r for r in rubrics if r["id"] in pids]),
                  "responses": _write(work / k / "responses.jsonl", resp),
                  "judgments": _write(work / k / "judgments.jsonl",
                                      [j for j in judgments if keep_fn(j["prompt_id"], j["response_id"])])}
    return out["train"], out["heldout"]


def distilled(name: str, train: Dict[str, Path], work: Path, args) -> Path:
    from rubricc.verifier.distill import DistillConfig, distill

    bundle = work / "verifier"
    if (bundle / "verifier.json").exists() and (bundle / "metrics.json").exists():
        return bundle
    cfg = DistillConfig(epochs=args.epochs, max_context_len=args.max_context_len, max_prompt_len=args.max_prompt_len,
                        token_budget=args.token_budget, lr=args.lr, seed=args.seed, threads=args.threads,
                        val_fraction=0.2, patience=args.epochs, progress=False, variants=("fp32",),
                        check_variants=False)
    distill(train["rubrics"], train["responses"], train["judgments"], bundle, cfg,
            log=lambda *a: print(f"[{name}]", *a, file=sys.stderr, flush=True))
    return bundle


def curve(args) -> Dict:
    from rubricc.calibrate import record, run_calibrate, share_needed, format_curve

    data = Path(args.data_dir)
    need = {"mtbench": "prometheus_mt_bench", "ifeval": "ifeval", "alpacaeval": "alpacaeval"}[args.set]
    if not (data / need).exists():
        print(f"escalation: data folder {data / need} is absent", file=sys.stderr)
        sys.exit(2)
    work = Path(args.work) / args.set
    work.mkdir(parents=True, exist_ok=True)
    train, held = split_sets(args.set, data, work, args.seed, args)
    t0 = time.time()
    bundle = distilled(args.set, train, work, args)
    train_s = time.time() - t0
    cal = run_calibrate(bundle, held["rubrics"], held["responses"], held["judgments"], target=args.target,
                        seed=args.seed, threads=args.threads, train_responses=train["responses"],
                        log=lambda m: print(m, file=sys.stderr))
    print(f"\n{args.set}: escalation curve on held-out data ({cal.counts})")
    print(format_curve(cal))
    res = {"set": args.set, "counts": cal.counts, "train_wall_s": round(train_s, 1), "epochs": args.epochs,
           "verifier_alone": {k: cal.curve[0][k] for k in ("pick", "report")}, "policy": record(cal),
           "share_for_0.90": share_needed(cal, 0.90), "share_for_0.95": share_needed(cal, 0.95),
           "agreement_at_5%": cal.distance["budgets"]["0.05"]["report"]["agreement"],
           "agreement_at_10%": cal.distance["budgets"]["0.1"]["report"]["agreement"],
           "tail_acc_at_10%": cal.distance["budgets"]["0.1"]["report"]["tail_acc"],
           "distance": {k: v for k, v in cal.distance.items() if k != "budgets"}}
    return res


# ----------------------------------------------------------------------------------------------
# drift: the audit alarm on a simulated over-optimisation run
# ----------------------------------------------------------------------------------------------
# the hack probes of rubricc.verifier.hacks whose answer a judge knows without asking: none meets the criterion
HACKS = ("off_topic", "echo", "filler", "empty", "refusal", "keywords", "format_only", "other_language")


class ReplayJudge:
    """The judge's known answers: the held-out label of a real response, "no" for a hack. Answers at once
    (a future already done), through the same interface as rubricc.judge.Judge."""

    def __init__(self, labels):
        from collections import Counter

        self.labels, self.counters, self.name = labels, Counter(), "replay"

    def submit(self, items):
        import concurrent.futures as cf

        from rubricc.judge import JudgeVerdicts

        out = []
        for rubric, text, ids in items:
            f = cf.Future()
            v = self.labels.get((rubric.id, text), False)
            f.set_result(JudgeVerdicts(verdicts={i: v for i in ids}, p_yes={i: None for i in ids}))
            out.append(f)
        return out


def hack_pool(rubric, own: List[str], others: List[str], rng: random.Random) -> List[str]:
    """Hacks for one prompt: every probe of :data:`HACKS` applied to each of its real responses."""
    from rubricc.verifier.hacks import ATTACKS

    crit = [c.text for c in rubric.criteria]
    return sorted({ATTACKS[name](t, rubric.prompt_text, crit, rng, others) for t in own for name in HACKS} - set(own))


def drift(args) -> Dict:
    """The alarm step on drifting runs and the false alarm rate on runs without drift (module docstring)."""
    import numpy as np

    from rubricc.audit import Audit
    from rubricc.formats import Rubric
    from rubricc.plan import RubricPlan
    from rubricc.runtime import RubricReward

    work = Path(args.work) / args.set
    bundle, held = work / "verifier", work / "heldout"
    if not (bundle / "verifier.json").exists():
        print(f"escalation drift: run `python bench/escalation.py curve --set {args.set}` first (no {bundle})",
              file=sys.stderr)
        sys.exit(2)
    rubrics = {r["id"]: r for r in _read(held / "rubrics.jsonl")}
    labels, by_prompt = {}, {}
    for j in _read(held / "judgments.jsonl"):
        labels[(j["prompt_id"], j["response_id"], j["criterion_id"])] = j["verdict"]
    for r in _read(held / "responses.jsonl"):
        # one criterion per rollout (the one the response was judged on): a rubric of its own per prompt+criterion
        for c in rubrics[r["prompt_id"]]["criteria"]:
            v = labels.get((r["prompt_id"], r["id"], c["id"]))
            if v is not None:
                by_prompt.setdefault((r["prompt_id"], c["id"]), []).append((r["text"], bool(v)))
    rng = random.Random(args.seed)
    rubs, pools, real = {}, {}, {}
    texts_all = [t for v in by_prompt.values() for t, _ in v]
    for (pid, cid), items in by_prompt.items():
        c = next(c for c in rubrics[pid]["criteria"] if c["id"] == cid)
        rub = Rubric(id=f"{pid}/{cid}", prompt=rubrics[pid]["prompt"], criteria=[c])
        rubs[rub.id] = rub
        real[rub.id] = items
        others = [t for t in texts_all if t not in {x for x, _ in items}]
        pools[rub.id] = hack_pool(rub, [t for t, _ in items], others, rng)
    reward = RubricReward(str(bundle), rubrics=list(rubs.values()), threads=args.threads)
    t0 = time.time()
    cache_path = work / "drift_scores.json"  # every text scored once by the verifier; a rerun reads them back
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    scored = {}
    for rid in rubs:
        texts = [t for t, _ in real[rid]] + pools[rid]
        todo = [t for t in texts if json.dumps([rid, t]) not in cache]
        for t, d in zip(todo, reward.score_items([rubs[rid]] * len(todo), todo) if todo else []):
            cache[json.dumps([rid, t])] = d
        scored.update({(rid, t): cache[json.dumps([rid, t])] for t in texts})
    cache_path.write_text(json.dumps(cache))
    score_s = time.time() - t0
    judge_labels = {(rid, t): v for rid, items in real.items() for t, v in items}
    plans = {rid: RubricPlan.of(r) for rid, r in rubs.items()}
    ids = sorted(rubs)

    def run(seed: int, drift_on: bool):
        r = np.random.default_rng(seed)
        audit = Audit(ReplayJudge(judge_labels), per_step=args.per_step, seed=seed)
        fired, trace = None, []
        for step in range(args.steps):
            h = min(1.0, max(0.0, (step - args.drift_start + 1) * args.drift_rate)) if drift_on else 0.0
            chosen = r.choice(len(ids), min(args.prompts_per_step, len(ids)), replace=False)
            ps, texts, details, truth = [], [], [], []
            for k in chosen:
                rid = ids[k]
                for _ in range(args.rollouts):
                    if r.uniform() < h:  # the policy found a hack: the best of a few tries by the verifier's reward
                        tries = [pools[rid][i] for i in r.choice(len(pools[rid]), 4, replace=False)]
                        t = max(tries, key=lambda x: scored[(rid, x)]["reward"])
                    else:
                        t = real[rid][int(r.integers(len(real[rid])))][0]
                    ps.append(plans[rid])
                    texts.append(t)
                    details.append({k2: (dict(v) if isinstance(v, dict) else v) for k2, v in scored[(rid, t)].items()})
                    truth.append(float(judge_labels.get((rid, t), False)))
            audit.observe(ps, texts, details)
            if audit.alarm and fired is None:
                fired = step
            trace.append({"step": step, "hack_share": h, "verifier_reward": float(np.mean([d["reward"] for d in details])),
                          "judge_reward": float(np.mean(truth)), **audit.figures()})
        return fired, trace

    fires, traces = [], []
    for seed in range(args.seeds):
        f, tr = run(seed, True)
        fires.append(f)
        traces.append(tr)
    false_runs = [run(1000 + seed, False)[0] for seed in range(args.seeds)]
    tr = traces[0]
    print(f"\n{args.set}: audit on a simulated over-optimisation run ({args.prompts_per_step} prompts x "
          f"{args.rollouts} rollouts per step, {args.per_step} audited; drift from step {args.drift_start}, "
          f"+{args.drift_rate:.0%} hacks per step)")
    print("step hacks verifier judge  audit_gap audit_agree alarm")
    for row in tr:
        print(f"{row['step']:4d} {row['hack_share']:5.2f} {row['verifier_reward']:8.3f} {row['judge_reward']:6.3f} "
              f"{row.get('audit/reward_gap', float('nan')):9.3f} {row.get('audit/agreement', float('nan')):11.3f} "
              f"{int(row['audit/alarm'])}")
    fired = [f for f in fires if f is not None]
    res = {"set": args.set, "seeds": args.seeds, "steps": args.steps, "drift_start": args.drift_start,
           "drift_rate": args.drift_rate, "per_step": args.per_step, "score_seconds": round(score_s, 1),
           "alarm_steps": fires, "median_alarm_step": float(np.median(fired)) if fired else None,
           "median_hack_share_at_alarm": (float(np.median([min(1.0, max(0.0, (f - args.drift_start + 1) * args.drift_rate))
                                                           for f in fired])) if fired else None),
           "missed": sum(f is None for f in fires),
           "early_alarms": sum(f is not None and f < args.drift_start for f in fires),
           "false_alarm_runs": sum(f is not None for f in false_runs),
           "false_alarm_rate": sum(f is not None for f in false_runs) / len(false_runs)}
    print(f"alarm fired in {len(fired)}/{len(fires)} drifting runs, median step {res['median_alarm_step']} "
          f"(hack share {res['median_hack_share_at_alarm']}); false alarms in {res['false_alarm_runs']}/{len(false_runs)} "
          f"runs without drift")
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["curve", "drift"])
    ap.add_argument("--set", default="mtbench", choices=["mtbench", "ifeval", "alpacaeval"])
    ap.add_argument("--data-dir", default=str(shared_data()))
    ap.add_argument("--work", default=str(Path.home() / ".cache" / "rubricc" / "bench" / "escalation"))
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--max-context-len", type=int, default=256)
    ap.add_argument("--max-prompt-len", type=int, default=96)
    ap.add_argument("--token-budget", type=int, default=2048)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--target", type=float, default=0.9)
    ap.add_argument("--heldout-fraction", type=float, default=0.4, help="held-out prompts (mtbench, ifeval)")
    ap.add_argument("--alpaca-prompts", type=int, default=150)
    ap.add_argument("--alpaca-train-gens", type=int, default=6)
    ap.add_argument("--alpaca-heldout-gens", type=int, default=4)
    ap.add_argument("--steps", type=int, default=30, help="drift: training steps simulated")
    ap.add_argument("--seeds", type=int, default=20, help="drift: runs with and without drift")
    ap.add_argument("--drift-start", type=int, default=10)
    ap.add_argument("--drift-rate", type=float, default=0.05, help="drift: hack share added per step")
    ap.add_argument("--prompts-per-step", type=int, default=8)
    ap.add_argument("--rollouts", type=int, default=4)
    ap.add_argument("--per-step", type=int, default=4, help="drift: rollouts audited per step")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    if args.what == "curve":
        res = curve(args)
    else:
        res = drift(args)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())

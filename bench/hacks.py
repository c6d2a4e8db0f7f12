"""Reward hack probes: cheap attacks on held-out responses, scored through the real reward path.

A verifier is distilled with ``rubricc distill`` (``bench/fidelity.py``'s builders, options and split),
then every attack of :mod:`rubricc.verifier.hacks` (an answer to another prompt, the rubric's criteria
echoed, ~1,000 words of filler, the response repeated, cut to its first sentence, empty, a refusal,
criterion keywords without content, headings and bullets around nothing, sentences shuffled, the last two
thirds scrambled, a content-free reply in another language) is applied to every held-out response and
both versions are scored by a ``RubricReward`` on the exported bundle (ONNX fp32, CPU). Per attack: the
mean reward change and the win rate (attacked reward > original + 0.02); on MT-Bench also the win rate
over the originals GPT-4 rated well (mean score >= 3 of 5), the answers a policy would be climbing from.

Held out: MT-Bench, the validation prompts of the distill split (same seed as the training run; the
verifier never saw these prompts). ``--invariance both`` trains twice on the same data and seed, with and
without invariance examples (:mod:`rubricc.verifier.invariance`), so the tables compare like with like.

    python bench/hacks.py [--sets mtbench] [--invariance both|on|off] [--guard both|on|off] [--epochs 2]
                          [--threads 2] [--work DIR] (and every option of bench/fidelity.py)

``--guard both`` scores each trained bundle twice, with and without its relevance guard
(:mod:`rubricc.guard`, calibrated by distill on the training split), and reports next to the probes the
reward's own fidelity on the held-out responses (AUROC against GPT-4's mean score >= 4, Pearson with it).

Prints a table per run and, as the last line, a JSON object with every figure. Reruns resume from the
work folder.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.fidelity import ALPACA_CRITERION, build_mtbench, parser, reward_figures, run_alpacaeval, run_one  # noqa: E402

BUILDERS = {"mtbench": (build_mtbench, "prometheus_mt_bench"), "alpacaeval": (None, "alpacaeval")}
GOOD_SCORE = 3.0  # MT-Bench: originals with GPT-4's mean score at least this are "good" (win rate on good)


def heldout_items(paths: Dict[str, Path], val_fraction: float, seed: int) -> List[dict]:
    """The responses of the validation prompts of the distill split (the same function and seed as
    ``rubricc distill``), as probe items."""
    from rubricc.verifier.prepare import load_examples, split_prompts

    v = load_examples(paths["rubrics"], paths["responses"], paths["judgments"])
    _, val = split_prompts([e["prompt_id"] for e in v.examples], val_fraction, seed)
    groups: Dict[tuple, List[str]] = {}
    for e in v.examples:
        if e["prompt_id"] in val:
            groups.setdefault((e["prompt_id"], e["response_id"]), []).append(e["text"])
    return [{"prompt_id": p, "response_id": r, "prompt": v.prompts[p], "response": v.responses[(p, r)],
             "criteria": c} for (p, r), c in sorted(groups.items())]


def reward_fidelity(items: List[dict], rewards: List, work: Path, name: str) -> Dict:
    """AUROC of the original rewards against the judge's verdicts (MT-Bench: GPT-4's mean score >= 4) and
    Pearson with GPT-4's mean score, on the held-out responses."""
    from scipy.stats import pearsonr

    from rubricc.verifier.metrics import classification

    gpt = json.loads((work / name / "gpt4_mean_scores.json").read_text())
    pairs = [(r, gpt[f"{it['prompt_id']}|{it['response_id']}"]) for it, r in zip(items, rewards) if r is not None]
    rw, sc = [p[0] for p in pairs], [p[1] for p in pairs]
    return {"auroc": classification(rw, [float(s >= 4) for s in sc])["auroc"],
            "pearson": float(pearsonr(rw, sc).statistic), "n": len(pairs)}


def alpacaeval_runs(data: Path, work: Path, args, probe_bundle, format_probes) -> List[dict]:
    """AlpacaEval: a verifier distilled on ``--sizes`` (first size) verdicts by ``bench/fidelity.py``'s
    learning-curve code, probed on the held-out generators' responses to training prompts (the RL case:
    a new policy on a fixed rubric set). Fidelity: within-prompt Spearman, tail accuracy, Pearson and AUROC
    against GPT-4-turbo's P(better than reference)."""
    size = int(args.sizes.split(",")[0])
    out = []
    for inv in {"both": (False, True), "on": (True,), "off": (False,)}[args.inv_mode]:
        args.invariance = inv
        run = run_alpacaeval(data, work, size, args)
        its = run["by_generator"]["items"]
        items = [{"prompt_id": it["prompt_id"], "response_id": it["id"], "prompt": run["prompts"][it["prompt_id"]],
                  "response": it["text"], "criteria": [ALPACA_CRITERION]} for it in its]
        rubrics = Path(run["bundle"]).parent / "rubrics.jsonl"
        for guard in {"both": (False, True), "on": (True,), "off": (False,)}[args.guard_mode]:
            t0 = time.time()
            probes = probe_bundle(run["bundle"], rubrics, items, seed=args.seed, threads=args.threads, guard=guard)
            secs = time.time() - t0
            fig = reward_figures(its, probes["original"].pop("rewards"))
            if guard:
                fig["guard_on_originals"] = g = guard_on_originals(run["bundle"], rubrics, items, args.threads)
                print(f"guard on the untouched held-out responses: {g['below_1']:.1%} scaled down, "
                      f"{g['below_half']:.1%} by more than half (mean factor {g['mean_factor']:.3f})")
            print(f"\nalpacaeval n{size}, invariance {'on' if inv else 'off'}, guard {'on' if guard else 'off'}: "
                  f"{len(items)} responses of {len(run['heldout_generators'])} held-out generators on {fig['prompts']} "
                  f"training prompts; reward AUROC {fig['auroc']:.3f}, Pearson {fig['pearson']:.3f}, within-prompt "
                  f"Spearman {fig['spearman_within_prompt']:.3f}; probes {secs:.0f}s")
            print(format_probes(probes))
            out.append({"set": "alpacaeval", "layout": "fused", "invariance": inv, "guard": guard,
                        "responses": len(items), "auroc": run["validation_auroc"], "reward_fidelity": fig,
                        "probe_seconds": round(secs, 1), "train_verdicts": run["train_verdicts"], "probes": probes})
    return out


def guard_on_originals(bundle, rubrics, items: List[dict], threads: int) -> Dict:
    """How the relevance guard treats the untouched held-out responses: the share whose reward it scales
    down at all, and by more than half, and the mean factor."""
    import numpy as np

    from rubricc.runtime import RubricReward

    rw = RubricReward(bundle, rubrics=rubrics, backend="onnx", providers="cpu", variant="fp32", threads=threads)
    got = rw.score_plans([rw.plan(it["prompt_id"]) for it in items], [it["response"] for it in items])
    f = np.array([g["guard"]["factor"] for g in got if "guard" in g])
    if not len(f):
        return {}
    return {"n": len(f), "below_1": float(np.mean(f < 1.0)), "below_half": float(np.mean(f < 0.5)),
            "mean_factor": float(np.mean(f))}


def main(argv=None) -> int:
    ap = parser(__doc__, "mtbench", "fused")
    ap.add_argument("--invariance", dest="inv_mode", choices=("both", "on", "off"), default="both")
    ap.add_argument("--guard", dest="guard_mode", choices=("both", "on", "off"), default="both",
                    help="score with the bundle's relevance guard, without it, or both (one training)")
    args = ap.parse_args(argv)
    import torch

    from rubricc.verifier.hacks import MUST_NOT_GAIN, format_probes, probe_bundle

    torch.set_num_threads(args.threads)
    data = Path(args.data_dir)
    work = Path(args.work).parent / "hacks" if args.work.endswith("fidelity") else Path(args.work)
    results = []
    for name in [s for s in args.sets.split(",") if s]:
        build, folder = BUILDERS[name]
        if not (data / folder).exists():
            print(f"hacks: data folder {data / folder} is absent", file=sys.stderr)
            return 2
        (work / name).mkdir(parents=True, exist_ok=True)
        if name == "alpacaeval":
            results += alpacaeval_runs(data, work, args, probe_bundle, format_probes)
            continue
        paths = build(data, work / name)
        items = heldout_items(paths, args.val_fraction, args.seed)
        gpt = json.loads((work / name / "gpt4_mean_scores.json").read_text())
        for it in items:  # the originals GPT-4 rated well (mean score >= 3 of 5): what a policy would climb
            it["good"] = gpt[f"{it['prompt_id']}|{it['response_id']}"] >= GOOD_SCORE
        for inv in {"both": (False, True), "on": (True,), "off": (False,)}[args.inv_mode]:
            for layout in [x for x in args.layouts.split(",") if x]:
                args.invariance = inv
                fid = run_one(name, paths, layout, work, args)
                for guard in {"both": (False, True), "on": (True,), "off": (False,)}[args.guard_mode]:
                    t0 = time.time()
                    probes = probe_bundle(fid["bundle"], paths["rubrics"], items, seed=args.seed, threads=args.threads,
                                          guard=guard)
                    secs = time.time() - t0
                    rf = reward_fidelity(items, probes["original"].pop("rewards"), work, name)
                    if guard:
                        rf["guard_on_originals"] = g = guard_on_originals(fid["bundle"], paths["rubrics"], items,
                                                                          args.threads)
                        print(f"guard on the untouched held-out responses: {g['below_1']:.1%} scaled down, "
                              f"{g['below_half']:.1%} by more than half (mean factor {g['mean_factor']:.3f})")
                    print(f"\n{name} {layout}, invariance {'on' if inv else 'off'}, guard {'on' if guard else 'off'}: "
                          f"{len(items)} held-out responses ({fid['eval_prompts']} prompts), verifier AUROC "
                          f"{fid['auroc']:.3f}; reward AUROC {rf['auroc']:.3f}, Pearson with GPT-4 {rf['pearson']:.3f}; "
                          f"probes {secs:.0f}s")
                    print(format_probes(probes))
                    print(wins_line(probes))
                    results.append({"set": name, "layout": layout, "invariance": inv, "guard": guard,
                                    "responses": len(items), "auroc": fid["auroc"], "reward_fidelity": rf,
                                    "probe_seconds": round(secs, 1), "fidelity": fid, "probes": probes})
    if len(results) > 1:
        print("\nwin rate (mean change) per attack:")
        print(f"{'attack':15s}" + "".join(f" {tag(r):>18s}" for r in results))
        for a in [k for k in results[0]["probes"] if k != "original"]:
            cells = "".join(f" {r['probes'][a]['win_rate']:7.1%} ({r['probes'][a]['mean_change']:+.3f})" for r in results)
            print(f"{a:15s}{cells}")
        for k in ("auroc", "pearson"):
            print(f"{'reward ' + k:15s}" + "".join(f" {r['reward_fidelity'][k]:>18.3f}" for r in results))
    targets = {tag(r): {"max_win_rate": max(v["win_rate"] for k, v in r["probes"].items() if k != "original"),
                        "gaining": [k for k in MUST_NOT_GAIN if r["probes"][k]["mean_change"] > 0]} for r in results}
    print(json.dumps({"results": results, "targets": targets,
                      "config": {k: v for k, v in vars(args).items() if k not in ("work", "data_dir")}}))
    return 0


def wins_line(probes: Dict) -> str:
    """How the wins of each attack that won look: the median margin and how many came from originals the reward
    put below 0.5 (a poor answer's win costs a policy little)."""
    cells = [f"{k} {v['win_margin_median']:+.3f} ({v['wins_from_below_half']}/{round(v['win_rate'] * v['n'])} below 0.5)"
             for k, v in probes.items() if k != "original" and v.get("win_margin_median") is not None]
    return "wins, median margin (from originals below 0.5): " + ("; ".join(cells) or "none")


def tag(r: Dict) -> str:
    return f"{r['set']} {'+' if r['invariance'] else '-'}inv {'+' if r['guard'] else '-'}guard"


if __name__ == "__main__":
    sys.exit(main())

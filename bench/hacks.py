"""Reward hack probes: cheap attacks on held-out responses, scored through the real reward path.

A verifier is distilled with ``rubricc distill`` (``bench/fidelity.py``'s builders, options and split),
then every attack of :mod:`rubricc.verifier.hacks` (an answer to another prompt, the rubric's criteria
echoed, ~1,000 words of filler, the response repeated, cut to its first sentence, empty, a refusal,
criterion keywords without content, headings and bullets around nothing, sentences shuffled, the last two
thirds scrambled, a content-free reply in another language) is applied to every held-out response and
both versions are scored by a ``RubricReward`` on the exported bundle (ONNX fp32, CPU). Per attack: the
mean reward change and the win rate (attacked reward > original + 0.02).

Held out: MT-Bench, the validation prompts of the distill split (same seed as the training run; the
verifier never saw these prompts). ``--invariance both`` trains twice on the same data and seed, with and
without invariance examples (:mod:`rubricc.verifier.invariance`), so the tables compare like with like.

    python bench/hacks.py [--sets mtbench] [--invariance both|on|off] [--epochs 2] [--threads 2] [--work DIR]
                          (and every option of bench/fidelity.py)

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
from bench.fidelity import build_mtbench, parser, run_one  # noqa: E402

BUILDERS = {"mtbench": (build_mtbench, "prometheus_mt_bench")}


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


def main(argv=None) -> int:
    ap = parser(__doc__, "mtbench", "fused")
    ap.add_argument("--invariance", dest="inv_mode", choices=("both", "on", "off"), default="both")
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
        paths = build(data, work / name)
        items = heldout_items(paths, args.val_fraction, args.seed)
        for inv in {"both": (False, True), "on": (True,), "off": (False,)}[args.inv_mode]:
            for layout in [x for x in args.layouts.split(",") if x]:
                args.invariance = inv
                fid = run_one(name, paths, layout, work, args)
                t0 = time.time()
                probes = probe_bundle(fid["bundle"], paths["rubrics"], items, seed=args.seed, threads=args.threads)
                print(f"\n{name} {layout}, invariance {'on' if inv else 'off'}: {len(items)} held-out responses "
                      f"({fid['eval_prompts']} prompts), AUROC {fid['auroc']:.3f}, probes {time.time() - t0:.0f}s")
                print(format_probes(probes))
                results.append({"set": name, "layout": layout, "invariance": inv, "responses": len(items),
                                "auroc": fid["auroc"], "fidelity": fid, "probes": probes})
    if len(results) > 1:
        print("\nwin rate (mean change) per attack:")
        print(f"{'attack':15s}" + "".join(f" {r['set'] + (' +inv' if r['invariance'] else ' -inv'):>18s}" for r in results))
        for a in [k for k in results[0]["probes"] if k != "original"]:
            cells = "".join(f" {r['probes'][a]['win_rate']:7.1%} ({r['probes'][a]['mean_change']:+.3f})" for r in results)
            print(f"{a:15s}{cells}")
    targets = {f"{r['set']}/{'inv' if r['invariance'] else 'noinv'}":
               {"max_win_rate": max(v["win_rate"] for k, v in r["probes"].items() if k != "original"),
                "gaining": [k for k in MUST_NOT_GAIN if r["probes"][k]["mean_change"] > 0]} for r in results}
    print(json.dumps({"results": results, "targets": targets,
                      "config": {k: v for k, v in vars(args).items() if k not in ("work", "data_dir")}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

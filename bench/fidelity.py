"""Distillation fidelity on real data: how well does the distilled verifier reproduce real verdicts on
held-out prompts, in the fused and the pairwise layout?

(a) IFEval: every instruction of the 540 GPT-4 responses rendered as a natural-language criterion (as in
    bench/ifeval_checks.py) and forced to the neural path; labels are the official strict verdicts.
(b) Prometheus MT-Bench: the instance rubric (its question plus the score-4 description) as one criterion
    per response; the label is the share of GPT-4's three 1-5 scores that are >= 4 (soft); prompts are
    the 80 MT-Bench questions (4 responses each). Pearson between P(yes) and GPT-4's mean score is reported
    (Prometheus-2-7B reaches about 0.6-0.7 against GPT-4 on this set).

(c) AlpacaEval (``--sets alpacaeval``): one holistic criterion (:data:`ALPACA_CRITERION`), label GPT-4-turbo's
    probability that the response beats a strong reference; a learning curve over ``--sizes`` training
    verdicts; two held-out sets scored through ``RubricReward`` on the exported bundle: unseen prompts
    (training generators) and unseen generators (the prompts trained on: the RL case). Within-prompt
    Spearman, top-40% pairwise accuracy, Pearson and AUROC at 0.5, each next to a length baseline (the
    judge favours longer answers).

All go through the real ``rubricc distill`` pipeline (JSONL files -> training -> temperature scaling ->
ONNX export -> ONNX variants scored on the held-out split), split by prompt with the same seed for both
layouts.

    python bench/fidelity.py [--data-dir ../shared/data] [--sets ifeval,mtbench,alpacaeval] [--layouts fused,pairwise]
                             [--epochs 2] [--max-context-len 256] [--threads 2] [--work DIR] [--no-invariance]
                             [--sizes 1000,4000,16000] [--alpaca-eval-prompts 60] [--heldout-generators 8]

Prints a table and, as the last line, a JSON object with every figure. Reruns resume from the work folder.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Dict, List

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.data import shared_data  # noqa: E402


def _write(path: Path, rows) -> None:
    from rubricc.formats import write_jsonl

    write_jsonl(path, rows)


def build_ifeval(data_dir: Path, out: Path, seed: int) -> Dict[str, Path]:
    from bench.ifeval_checks import load_ifeval, render_criterion

    recs = load_ifeval(data_dir)
    rng = random.Random(seed)
    rubrics, responses, judgments = [], [], []
    for r in recs:
        pid = f"ifeval-{r.key}"
        crits = []
        for k, (iid, kw, ok) in enumerate(zip(r.instruction_ids, r.kwargs, r.strict)):
            cid = f"i{k}"
            crits.append({"id": cid, "text": render_criterion(iid, kw, rng), "weight": 1, "check": {"kind": "neural"},
                          "origin": {"ifeval": iid}})
            judgments.append({"prompt_id": pid, "response_id": "gpt4", "criterion_id": cid, "verdict": bool(ok),
                              "p_yes": None, "judge": "ifeval-official-strict"})
        rubrics.append({"id": pid, "prompt": r.prompt, "criteria": crits})
        responses.append({"prompt_id": pid, "id": "gpt4", "text": r.response, "source": "gpt-4"})
    paths = {n: out / f"{n}.jsonl" for n in ("rubrics", "responses", "judgments")}
    _write(paths["rubrics"], rubrics)
    _write(paths["responses"], responses)
    _write(paths["judgments"], judgments)
    return paths


def _section(text: str, start: str, end: str) -> str:
    i = text.index(start) + len(start)
    j = text.index(end, i)
    return text[i:j].strip()


def build_mtbench(data_dir: Path, out: Path) -> Dict[str, Path]:
    rows = json.loads((data_dir / "prometheus_mt_bench" / "mt_bench_eval.json").read_text())
    rubrics: Dict[str, dict] = {}
    responses, judgments, scores = [], [], {}
    for n, x in enumerate(rows):
        ins = x["instruction"]
        prompt = _section(ins, "###The instruction to evaluate:", "###Response to evaluate:")
        response = _section(ins, "###Response to evaluate:", "###Reference Answer")
        rubric = _section(ins, "###Score Rubrics:", "###Feedback:")
        m = re.search(r"\[(.*?)\]", rubric, re.S)
        question = (m.group(1) if m else rubric.splitlines()[0]).strip()
        s4 = re.search(r"Score 4:(.*)", rubric)
        crit = question + (f" (Score 4 or more: {s4.group(1).strip()})" if s4 else "")
        pid = f"mt-{x['idx']}"
        # the instance rubric may differ between the responses of one question: one criterion per rubric text
        rb = rubrics.setdefault(pid, {"id": pid, "prompt": prompt, "criteria": [], "_ids": {}})
        cid = rb["_ids"].get(crit)
        if cid is None:
            cid = rb["_ids"][crit] = f"c{len(rb['_ids'])}"
            rb["criteria"].append({"id": cid, "text": crit, "weight": 1, "check": {"kind": "neural"}})
        rid = f"{x['response_source']}-{n}"
        responses.append({"prompt_id": pid, "id": rid, "text": response, "source": x["response_source"]})
        sc = [int(s) for s in x["gpt4_score"]]
        judgments.append({"prompt_id": pid, "response_id": rid, "criterion_id": cid,
                          "verdict": float(np.mean(sc)) >= 4, "p_yes": float(np.mean([s >= 4 for s in sc])),
                          "judge": "gpt-4 (prometheus mt-bench)"})
        scores[(pid, rid)] = float(np.mean(sc))
    # a response is judged only against its own rubric text; drop criteria ids it was not judged on
    for rb in rubrics.values():
        rb.pop("_ids")
    paths = {n: out / f"{n}.jsonl" for n in ("rubrics", "responses", "judgments")}
    _write(paths["rubrics"], rubrics.values())
    _write(paths["responses"], responses)
    _write(paths["judgments"], judgments)
    (out / "gpt4_mean_scores.json").write_text(json.dumps({f"{a}|{b}": v for (a, b), v in scores.items()}))
    return paths


# one holistic criterion, as a rubric writer would word it for any AlpacaEval prompt
ALPACA_CRITERION = ("The response fully and accurately addresses the user's request: it is correct, complete, "
                    "helpful and clearly organised, as good as an expert's answer would be.")


def build_alpacaeval(data_dir: Path, out: Path, size: int, seed: int, eval_prompts: int, heldout_generators: int):
    """Training files for ``rubricc distill`` and the two evaluation sets, from AlpacaEval.

    Seeded: ``heldout_generators`` of the 28 generators and ``eval_prompts`` of the 805 prompts are held
    out; the training set is ``size`` responses of the other generators to the other prompts (one
    verdict each: the holistic criterion, label = GPT-4-turbo's ``p_better_than_reference``). Evaluation
    sets: ``by_prompt``, the training generators on the held-out prompts (unseen prompts); ``by_generator``,
    the held-out generators on prompts of the training set (the RL case: a fixed rubric set, a new
    policy), filled in by :func:`run_alpacaeval` once the distill split is known."""
    import gzip

    prompts = {r["id"]: r["prompt"] for r in map(json.loads, (data_dir / "alpacaeval" / "prompts.jsonl").open())}
    with gzip.open(data_dir / "alpacaeval" / "responses.jsonl.gz", "rt") as fh:
        resp = [json.loads(line) for line in fh]
    rng = np.random.default_rng(seed)
    gens = sorted({r["source"] for r in resp})
    held_g = {gens[i] for i in rng.permutation(len(gens))[:heldout_generators]}
    pids = sorted(prompts)
    held_p = {pids[i] for i in rng.permutation(len(pids))[:eval_prompts]}
    pool = [r for r in resp if r["source"] not in held_g and r["prompt_id"] not in held_p]
    train = [pool[i] for i in sorted(rng.permutation(len(pool))[:size])]
    used = sorted({r["prompt_id"] for r in train})
    rubric = [{"id": p, "prompt": prompts[p], "criteria": [{"id": "holistic", "text": ALPACA_CRITERION, "weight": 1,
                                                            "check": {"kind": "neural"}}]} for p in pids]
    _write(out / "rubrics.jsonl", rubric)
    _write(out / "responses.jsonl", ({"prompt_id": r["prompt_id"], "id": r["id"], "text": r["text"],
                                      "source": r["source"]} for r in train))
    _write(out / "judgments.jsonl", ({"prompt_id": r["prompt_id"], "response_id": r["id"], "criterion_id": "holistic",
                                      "verdict": r["p_better_than_reference"] >= 0.5,
                                      "p_yes": r["p_better_than_reference"], "judge": "alpacaeval gpt-4-turbo"}
                                     for r in train))
    evals = {"by_prompt": [r for r in resp if r["prompt_id"] in held_p and r["source"] not in held_g],
             "by_generator": [r for r in resp if r["source"] in held_g and r["prompt_id"] in set(used)]}
    return ({n: out / f"{n}.jsonl" for n in ("rubrics", "responses", "judgments")}, evals, prompts,
            sorted(held_g))


def reward_figures(items: List[dict], rewards: List[float]) -> Dict:
    """Within-prompt Spearman, top-40% pairwise accuracy, Pearson and AUROC at 0.5 of ``rewards``
    against the judge's ``p_better_than_reference``."""
    from scipy.stats import pearsonr

    from rubricc.verifier.metrics import classification, spearman_within_groups, tail_pairwise_accuracy

    groups: Dict[str, List[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it["prompt_id"], []).append(i)
    y = [it["p_better_than_reference"] for it in items]
    jg = [[y[i] for i in g] for g in groups.values()]
    pg = [[rewards[i] for i in g] for g in groups.values()]
    return {"spearman_within_prompt": spearman_within_groups(jg, pg), "tail_pairwise_accuracy": tail_pairwise_accuracy(jg, pg),
            "pearson": float(pearsonr(rewards, y).statistic), "auroc": classification(rewards, y)["auroc"],
            "responses": len(items), "prompts": len(groups)}


def run_alpacaeval(data: Path, work: Path, size: int, args) -> Dict:
    """One point of the learning curve: distill on ``size`` AlpacaEval verdicts, then score both held-out
    sets through the real reward path (``RubricReward`` on the exported bundle) next to a length baseline."""
    from rubricc.runtime import RubricReward
    from rubricc.verifier.distill import DistillConfig, distill
    from rubricc.verifier.prepare import split_prompts

    folder = work / "alpacaeval" / f"n{size}{'' if args.invariance else '-noinv'}{window_tag(args)}"
    folder.mkdir(parents=True, exist_ok=True)
    paths, evals, prompts, held_g = build_alpacaeval(data, folder, size, args.seed, args.alpaca_eval_prompts,
                                                     args.heldout_generators)
    cfg = DistillConfig(epochs=args.epochs, max_context_len=args.max_context_len, max_prompt_len=args.max_prompt_len,
                        max_criterion_len=args.max_criterion_len, token_budget=args.token_budget, lr=args.lr,
                        seed=args.seed, threads=args.threads, val_fraction=args.val_fraction, patience=args.epochs,
                        progress=not args.no_progress, invariance=args.invariance, variants=("fp32",),
                        check_variants=False, **window_options(args))
    t0 = time.time()
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], folder / "bundle", cfg,
                log=lambda *a: print(f"[alpacaeval/n{size}]", *a, file=sys.stderr, flush=True))
    wall = time.time() - t0
    # the generator split keeps the prompts distill trained on (its own validation prompts are left out)
    train_p, _ = split_prompts([json.loads(x)["prompt_id"] for x in paths["judgments"].open()], args.val_fraction,
                               args.seed)
    rng = np.random.default_rng(args.seed)
    kw = dict(rubrics=paths["rubrics"], backend="torch" if args.window_len else "onnx", providers="cpu",
              variant="fp32", threads=args.threads)  # windows: the segmented pass
    reward, unguarded = RubricReward(folder / "bundle", **kw), RubricReward(folder / "bundle", guard=False, **kw)
    res = {"size": size, "train_verdicts": m["train_verdicts"], "train_seconds": m["train_seconds"],
           "wall_seconds": round(wall, 1), "epochs_run": len(m["history"]), "validation_auroc": m["criterion"]["verifier"]["auroc"],
           "heldout_generators": held_g, "invariance": args.invariance, "bundle": str(folder / "bundle"),
           "guard": reward.guard_active(), "prompts": {}}
    for split, items in evals.items():
        if split == "by_generator":
            items = [it for it in items if it["prompt_id"] in train_p]
        keep = sorted({it["prompt_id"] for it in items})
        if len(keep) > args.alpaca_eval_prompts:
            keep = set(rng.choice(keep, args.alpaca_eval_prompts, replace=False).tolist())
        items = [it for it in items if it["prompt_id"] in keep]
        t1 = time.time()
        got = reward.score_plans([reward.plan(it["prompt_id"]) for it in items], [it["text"] for it in items])
        res[split] = {"verifier": reward_figures(items, [g["reward"] for g in got]),
                      "length_baseline": reward_figures(items, [float(len(it["text"])) for it in items]),
                      "score_seconds": round(time.time() - t1, 1), "items": items}
        if res["guard"]:  # the same verifier without its relevance guard (rubricc.guard)
            plain = unguarded.score_plans([unguarded.plan(it["prompt_id"]) for it in items], [it["text"] for it in items])
            res[split]["verifier_without_guard"] = reward_figures(items, [g["reward"] for g in plain])
        res["prompts"].update({it["prompt_id"]: prompts[it["prompt_id"]] for it in items})
    return res


def print_alpacaeval(results: List[Dict]) -> None:
    print("\nAlpacaEval learning curve (verifier / length baseline; label: GPT-4-turbo's P(better than reference))")
    hdr = (f"{'n train':>7s} {'inv':>3s} {'train s':>7s} {'split':12s} {'Spearman/p':>14s} {'tail acc':>13s} "
           f"{'Pearson':>13s} {'AUROC':>13s}")
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        for split in ("by_prompt", "by_generator"):
            v, b = r[split]["verifier"], r[split]["length_baseline"]

            def pair(k):
                return " / ".join("n/a" if x[k] is None else f"{x[k]:.3f}" for x in (v, b))
            print(f"{r['train_verdicts']:7d} {'on' if r['invariance'] else 'off':>3s} {r['train_seconds']:7.0f} {split:12s} "
                  f"{pair('spearman_within_prompt'):>14s} {pair('tail_pairwise_accuracy'):>13s} {pair('pearson'):>13s} "
                  f"{pair('auroc'):>13s}")
            w = r[split].get("verifier_without_guard")
            if w:  # the rows above are with the bundle's relevance guard
                print(f"{'':7s} {'':>3s} {'':>7s} {'  no guard':12s} " + " ".join(
                    f"{'n/a' if w[k] is None else format(w[k], '.3f'):>{width}s}" for k, width in
                    (("spearman_within_prompt", 14), ("tail_pairwise_accuracy", 13), ("pearson", 13), ("auroc", 13))))


def window_options(args) -> Dict:
    """DistillConfig's window fields from ``--window-len`` / ``--max-response-len`` (none: head-only context)."""
    return {"window_len": args.window_len, "max_response_len": args.max_response_len} if args.window_len else {}


def window_tag(args) -> str:
    return f"-w{args.window_len}-r{args.max_response_len}" if args.window_len else ""


def run_one(name: str, paths: Dict[str, Path], layout: str, work: Path, args) -> Dict:
    from scipy.stats import pearsonr, spearmanr

    from rubricc.verifier.distill import DistillConfig, distill

    tag = layout + ("" if args.invariance else "-noinv") + window_tag(args)
    out = work / name / tag
    preds = work / name / f"predictions.{tag}.jsonl"
    epochs = args.ifeval_epochs if (name == "ifeval" and args.ifeval_epochs) else args.epochs
    cfg = DistillConfig(epochs=epochs, layout=layout, max_context_len=args.max_context_len,
                        max_prompt_len=args.max_prompt_len, max_criterion_len=args.max_criterion_len,
                        token_budget=args.token_budget, lr=args.lr, seed=args.seed, threads=args.threads,
                        val_fraction=args.val_fraction, patience=epochs, progress=not args.no_progress,
                        predictions_path=str(preds), invariance=args.invariance, **window_options(args))
    t0 = time.time()
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], out, cfg,
                log=lambda *a: print(f"[{name}/{layout}]", *a, file=sys.stderr, flush=True))
    wall = time.time() - t0
    c, cb = m["criterion"]["verifier"], m["criterion"]["baseline"]
    res = {"set": name, "layout": layout, "invariance": args.invariance, "bundle": str(out), "auroc": c["auroc"], "macro_f1": c["macro_f1"], "accuracy": c["accuracy"],
           "ece": c["ece"], "baseline_auroc": cb["auroc"], "baseline_accuracy": cb["accuracy"],
           "baseline_macro_f1": cb["macro_f1"], "n_eval": c["n"], "eval_prompts": m["eval_prompts"],
           "train_seconds": m["train_seconds"], "wall_seconds": round(wall, 1), "temperature": m["temperature"],
           "spearman_within_prompt": m["reward"]["verifier"]["spearman_within_prompt"],
           "tail_pairwise_accuracy": m["reward"]["verifier"]["tail_pairwise_accuracy"],
           "int8_auroc": m.get("variants", {}).get("int8", {}).get("auroc"),
           "fp16_auroc": m.get("variants", {}).get("fp16", {}).get("auroc"),
           "torch_bf16_auroc": m.get("variants", {}).get("torch_bf16", {}).get("auroc"),
           "fp32_onnx_auroc": m.get("variants", {}).get("fp32", {}).get("auroc"),
           "epochs": epochs, "epochs_run": len(m["history"])}
    if name == "mtbench":
        gpt = json.loads((work / name / "gpt4_mean_scores.json").read_text())
        p, s = [], []
        for line in preds.read_text().splitlines():
            r = json.loads(line)
            p.append(r["p_yes"])
            s.append(gpt[f"{r['prompt_id']}|{r['response_id']}"])
        res["pearson_vs_gpt4_mean"] = float(pearsonr(p, s).statistic) if len(p) > 2 else None
        res["spearman_vs_gpt4_mean"] = float(spearmanr(p, s).statistic) if len(p) > 2 else None
    return res


def parser(doc: str, sets: str, layouts: str) -> argparse.ArgumentParser:
    """The options of a distillation bench (this one and ``bench/hacks.py``)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--data-dir", default=str(shared_data()))
    ap.add_argument("--sets", default=sets)
    ap.add_argument("--layouts", default=layouts)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--ifeval-epochs", type=int, default=None, help="epochs for IFEval (default: --epochs)")
    ap.add_argument("--max-context-len", type=int, default=256)
    ap.add_argument("--window-len", type=int, default=0, help="read whole responses in windows of this many tokens "
                                                             "(0: the head-only context of --max-context-len)")
    ap.add_argument("--max-response-len", type=int, default=8192, help="response tokens read with --window-len")
    ap.add_argument("--max-prompt-len", type=int, default=96)
    ap.add_argument("--max-criterion-len", type=int, default=64)
    ap.add_argument("--token-budget", type=int, default=2048)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--val-fraction", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", default=str(Path.home() / ".cache" / "rubricc" / "bench" / "fidelity"),
                    help="work folder (JSONL inputs, bundles, checkpoints: a rerun resumes)")
    ap.add_argument("--no-progress", action="store_true")
    ap.add_argument("--sizes", default="1000", help="AlpacaEval: training set sizes of the learning curve")
    ap.add_argument("--alpaca-eval-prompts", type=int, default=60, help="AlpacaEval: held-out prompts, and prompts "
                                                                     "scored in each evaluation set")
    ap.add_argument("--heldout-generators", type=int, default=8, help="AlpacaEval: generators held out (of 28)")
    ap.add_argument("--no-invariance", dest="invariance", action="store_false",
                    help="train without invariance examples (rubricc.verifier.invariance)")
    return ap


def main(argv=None) -> int:
    args = parser(__doc__, "mtbench,ifeval", "fused,pairwise").parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    data = Path(args.data_dir)
    sets = [s for s in args.sets.split(",") if s]
    needs = {"ifeval": "ifeval", "mtbench": "prometheus_mt_bench", "alpacaeval": "alpacaeval"}
    missing = [needs[s] for s in sets if not (data / needs[s]).exists()]
    if missing:
        print(f"fidelity: data folder {data} lacks {', '.join(missing)}/", file=sys.stderr)
        return 2
    work = Path(args.work)
    results: List[Dict] = []
    curve: List[Dict] = []
    if "alpacaeval" in sets:
        sets.remove("alpacaeval")
        for size in [int(x) for x in args.sizes.split(",") if x]:
            curve.append(run_alpacaeval(data, work, size, args))
            print_alpacaeval(curve[-1:])
    for name in sets:
        (work / name).mkdir(parents=True, exist_ok=True)
        paths = build_ifeval(data, work / name, args.seed) if name == "ifeval" else build_mtbench(data, work / name)
        for layout in [x for x in args.layouts.split(",") if x]:
            results.append(run_one(name, paths, layout, work, args))

    def f(v, d=3):
        return "n/a" if v is None else f"{v:.{d}f}"

    print(f"\nfidelity on held-out prompts (epochs {args.epochs}"
          f"{'' if not args.ifeval_epochs else f', IFEval {args.ifeval_epochs}'}, max context {args.max_context_len}, "
          f"prompt {args.max_prompt_len}, criterion {args.max_criterion_len}, {args.threads} threads, seed {args.seed})")
    hdr = (f"{'set':8s} {'layout':8s} {'n':>5s} {'AUROC':>6s} {'base':>6s} {'int8':>6s} {'fp16':>6s} {'bf16':>6s} {'mF1':>6s} "
           f"{'acc':>6s} {'base':>6s} {'ECE':>6s} {'Pearson':>7s} {'train s':>8s}")
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        print(f"{r['set']:8s} {r['layout']:8s} {r['n_eval']:5d} {f(r['auroc']):>6s} {f(r['baseline_auroc']):>6s} "
              f"{f(r['int8_auroc']):>6s} {f(r['fp16_auroc']):>6s} {f(r.get('torch_bf16_auroc')):>6s} {f(r['macro_f1']):>6s} {f(r['accuracy']):>6s} "
              f"{f(r['baseline_accuracy']):>6s} {f(r['ece']):>6s} {f(r.get('pearson_vs_gpt4_mean')):>7s} "
              f"{r['train_seconds']:8.0f}")
    by = {(r["set"], r["layout"]): r for r in results}
    gaps = {s: (by[(s, "fused")]["auroc"] - by[(s, "pairwise")]["auroc"])
            for s in {r["set"] for r in results}
            if (s, "fused") in by and (s, "pairwise") in by and None not in (by[(s, "fused")]["auroc"], by[(s, "pairwise")]["auroc"])}
    for s, g in sorted(gaps.items()):
        print(f"{s}: fused - pairwise AUROC = {g:+.3f}")
    if curve:
        print_alpacaeval(curve)
    curve = [{k: ({a: b for a, b in v.items() if a != "items"} if isinstance(v, dict) else v) for k, v in r.items()
              if k != "prompts"} for r in curve]  # the figures, not the texts
    print(json.dumps({"results": results, "alpacaeval": curve, "fused_minus_pairwise_auroc": gaps,
                      "config": {k: v for k, v in vars(args).items() if k not in ("work", "data_dir")}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

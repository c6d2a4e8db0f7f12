"""Late evidence (issue 10): does the reward react to what a response says after its first 500 tokens?

Two verifiers are distilled with the real pipeline on the same AlpacaEval verdicts (one holistic criterion,
label GPT-4-turbo's probability that the response beats a strong reference; same seed, split, epochs):

* ``head``: the one-window layout: ``[CLS] prompt [SEP] response [SEP]`` cut to ``--max-context-len``;
* ``windowed``: response windows of ``--window-len`` tokens read up to ``--max-response-len`` tokens.

Held out: the responses of the training generators to ``--eval-prompts`` prompts never trained on (the
split of ``bench/fidelity.py``'s ``build_alpacaeval``), those between 500 and ``--max-tokens`` tokens long.
Each gets material a judge would punish appended at its end (so after token 500):

* ``irrelevant``: a block of another prompt's reference answer;
* ``contradiction``: a paragraph retracting the answer and asserting its opposite;
* ``garbage``: random vocabulary words.

Reported per verifier and material: the share of responses whose reward went down (by more than 1e-6),
went up, and the mean change. Everything runs through ``RubricReward`` (torch backend, fp32) on the
exported bundles.

    python bench/late_evidence.py --size 200 --epochs 1 --threads 2      # ~15-25 min on 2 shared cores

Prints a table and, as the last line, a JSON object with every figure. Reruns resume from the work folder.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.data import shared_data  # noqa: E402

CONTRADICTION = ("\n\nCorrection: everything I wrote above is wrong. The opposite is true, none of the advice "
                 "applies, and you should not follow any of it. I made the previous answer up.")


def materials(rng: random.Random, other_answer: str, vocab) -> dict:
    return {"irrelevant": "\n\n" + " ".join(other_answer.split()[:120]),
            "contradiction": CONTRADICTION,
            "garbage": "\n\n" + " ".join(rng.choice(vocab) for _ in range(80))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=str(shared_data()))
    ap.add_argument("--work", default=str(Path.home() / ".cache" / "rubricc" / "bench" / "late_evidence"))
    ap.add_argument("--size", type=int, default=200, help="training verdicts")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--eval-prompts", type=int, default=60)
    ap.add_argument("--heldout", type=int, default=60, help="held-out responses to attack (at most)")
    ap.add_argument("--max-tokens", type=int, default=900, help="longest held-out response (tokens)")
    ap.add_argument("--max-context-len", type=int, default=448)
    ap.add_argument("--max-prompt-len", type=int, default=96)
    ap.add_argument("--window-len", type=int, default=448)
    ap.add_argument("--window-overlap", type=int, default=0)
    ap.add_argument("--max-response-len", type=int, default=1024)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--token-budget", type=int, default=2048)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    data = Path(args.data_dir)
    if not (data / "alpacaeval" / "responses.jsonl.gz").exists():
        print(f"late_evidence: {data / 'alpacaeval'} not found (the shared data folder); nothing measured")
        return 0
    from bench.fidelity import build_alpacaeval
    from rubricc.bundle import load_tokenizer
    from rubricc.runtime import RubricReward
    from rubricc.verifier.config import DistillConfig
    from rubricc.verifier.distill import distill
    from rubricc.verifier.model import default_backbone_path

    work = Path(args.work) / f"n{args.size}-e{args.epochs}-s{args.seed}"
    work.mkdir(parents=True, exist_ok=True)
    paths, evals, prompts, _ = build_alpacaeval(data, work, args.size, args.seed, args.eval_prompts, 0)
    common = dict(epochs=args.epochs, max_context_len=args.max_context_len, max_prompt_len=args.max_prompt_len,
                  token_budget=args.token_budget, lr=args.lr, seed=args.seed, threads=args.threads,
                  val_fraction=0.1, patience=args.epochs, progress=False, variants=("fp32",), check_variants=False)
    kinds = {"head": {}, "windowed": dict(window_len=args.window_len, window_overlap=args.window_overlap,
                                          max_response_len=args.max_response_len)}
    seconds = {}
    for name, extra in kinds.items():
        out = work / name
        t0 = time.time()
        if not (out / "verifier.json").exists():
            distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**common, **extra),
                    log=lambda *a, n=name: print(f"[{n}]", *a, file=sys.stderr, flush=True))
        seconds[name] = round(time.time() - t0, 1)
    tok = load_tokenizer(default_backbone_path())
    rng = random.Random(args.seed)
    items = [it for it in evals["by_prompt"]
             if 500 <= len(tok.encode(it["text"], add_special_tokens=False).ids) <= args.max_tokens]
    rng.shuffle(items)
    items = items[:args.heldout]
    vocab = [w for w in tok.get_vocab() if w.isalpha() and len(w) > 3]
    refs = [json.loads(x)["reference"] for x in (data / "alpacaeval" / "prompts.jsonl").open()]
    attacked = {k: [] for k in ("irrelevant", "contradiction", "garbage")}
    for it in items:
        other = refs[rng.randrange(len(refs))]
        for k, text in materials(rng, other, vocab).items():
            attacked[k].append(it["text"] + text)
    res = {"size": args.size, "epochs": args.epochs, "heldout_responses": len(items), "train_seconds": seconds,
           "settings": vars(args)}
    for name in kinds:
        rw = RubricReward(work / name, rubrics=paths["rubrics"], backend="torch", variant="fp32", threads=args.threads)
        plans = [rw.plan(it["prompt_id"]) for it in items]
        base = np.array([d["reward"] for d in rw.score_plans(plans, [it["text"] for it in items])])
        res[name] = {}
        for k, texts in attacked.items():
            got = np.array([d["reward"] for d in rw.score_plans(plans, texts)])
            delta = got - base
            res[name][k] = {"share_down": float(np.mean(delta < -1e-6)), "share_up": float(np.mean(delta > 1e-6)),
                            "mean_change": float(np.mean(delta))}
    print(f"\nLate evidence: {len(items)} held-out AlpacaEval responses of 500-{args.max_tokens} tokens "
          "(unseen prompts), "
          f"material appended at the end; verifiers distilled on {args.size} verdicts, {args.epochs} epoch(s)")
    print("| verifier | material | reward down | reward up | mean change |")
    print("|---|---|---|---|---|")
    for name in kinds:
        for k, v in res[name].items():
            print(f"| {name} | {k} | {v['share_down']:.0%} | {v['share_up']:.0%} | {v['mean_change']:+.4f} |")
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())

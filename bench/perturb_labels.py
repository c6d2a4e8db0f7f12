"""Judge-labelled perturbed copies (`rubricc perturb`) against the hacks no invariance rule can label.

Truncation to the first sentence and reordered sentences have no label that is certain by construction, so
the verifier can only learn what they are worth from the judge. This bench measures that mechanism where a
judge able to grade *any* text exists offline: IFEval. Its "judge" is IFEval's strict checker semantics,
here as rubricc's program checks lowered from the official instruction wording (their agreement with the
official strict verdicts on GPT-4's responses is printed first: 1.000 when written), so
every copy gets the label the official checker semantics give it, not one we invent. The criteria stay
*neural* for the verifier (``bench/fidelity.py``'s IFEval set: varied rubric-writer phrasings).

Two verifiers, same data, split, seed and options: (a) GPT-4's responses with the official verdicts;
(b) the same plus perturbed copies (``--kinds``, ``--share``) of the *training* prompts' responses with the
judge's verdicts on them (the validation split is identical, so its AUROC compares like with like). Both
are probed on the validation prompts' original responses through ``RubricReward`` with the guard
(:mod:`rubricc.verifier.hacks`): per attack, the win rate (attacked reward > original + 0.02) and the mean
reward change.

    python bench/perturb_labels.py [--kinds truncate,shuffle] [--share 0.5] [--epochs 2] [--seed 0]
                                   [--threads 2] [--work DIR]

Last line: JSON with every figure. Reruns resume from the work folder (distill checkpoints).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.fidelity import build_ifeval, parser, run_one  # noqa: E402
from bench.hacks import heldout_items  # noqa: E402


def judge_checks(records) -> Dict[tuple, object]:
    """(prompt id, criterion index) -> the program check of the official wording of that instruction."""
    from bench.ifeval_checks import render_official
    from rubricc.compiler.lower import lower_criterion

    checks = {}
    for r in records:
        for k, (iid, kw) in enumerate(zip(r.instruction_ids, r.kwargs)):
            check = lower_criterion(render_official(iid, kw))
            if check is None:
                raise SystemExit(f"perturb_labels: the official wording of {iid} {kw} does not lower to a check")
            checks[(f"ifeval-{r.key}", k)] = check
    return checks


def verdict(check, text: str, prompt: str) -> bool:
    from rubricc.compiler.checks import run_check

    return bool(text.strip()) and bool(run_check(check, text, prompt))  # IFEval: an empty answer passes nothing


def build(data: Path, work: Path, args) -> Dict:
    """The originals' files (``work/ifeval``) and the files with labelled copies (``work/ifeval_perturbed``)."""
    from bench.ifeval_checks import load_ifeval
    from rubricc.formats import Response
    from rubricc.perturb import parse_kinds, perturb
    from rubricc.verifier.prepare import split_prompts

    orig = build_ifeval(data, work / "ifeval", args.seed)
    records = load_ifeval(data)
    by_pid = {f"ifeval-{r.key}": r for r in records}
    checks = judge_checks(records)
    agree = [verdict(checks[(f"ifeval-{r.key}", k)], r.response, r.prompt) == ok
             for r in records for k, ok in enumerate(r.strict)]
    train, _ = split_prompts(list(by_pid), args.val_fraction, args.seed)
    responses = [Response(**json.loads(x)) for x in orig["responses"].read_text().splitlines()]
    made = perturb([r for r in responses if r.prompt_id in train], parse_kinds(args.kinds), args.share, args.seed)
    judged = []
    for c in made.responses:
        rec = by_pid[c.prompt_id]
        for k in range(len(rec.instruction_ids)):
            judged.append({"prompt_id": c.prompt_id, "response_id": c.id, "criterion_id": f"i{k}",
                           "verdict": verdict(checks[(c.prompt_id, k)], c.text, rec.prompt), "p_yes": None,
                           "judge": "ifeval-checker-semantics"})
    out = work / "ifeval_perturbed"
    out.mkdir(parents=True, exist_ok=True)
    paths = {"rubrics": orig["rubrics"], "responses": out / "responses.jsonl", "judgments": out / "judgments.jsonl"}
    paths["responses"].write_text(orig["responses"].read_text()
                                  + "".join(json.dumps(c.model_dump()) + "\n" for c in made.responses))
    paths["judgments"].write_text(orig["judgments"].read_text() + "".join(json.dumps(j) + "\n" for j in judged))
    yes = sum(j["verdict"] for j in judged)
    print(f"judge (checker semantics via program checks) agrees with the official strict verdicts on "
          f"{sum(agree)} of {len(agree)} original instructions", file=sys.stderr)
    print(f"copies: {len(made.responses)} of {made.selected} training responses picked ({made.made}; unchanged, "
          f"skipped: {made.unchanged}); {len(judged)} verdicts on them, {yes} yes", file=sys.stderr)
    return {"original": orig, "perturbed": paths, "judge_agreement": sum(agree) / len(agree), "copies": made.made,
            "copy_verdicts": len(judged), "copy_yes": yes}


def main(argv=None) -> int:
    ap = parser(__doc__, "ifeval", "fused")
    ap.add_argument("--kinds", default="truncate,shuffle", help="perturbations (rubricc perturb --kinds)")
    ap.add_argument("--share", type=float, default=0.5, help="share of the training responses copied")
    args = ap.parse_args(argv)
    args.invariance = True
    import torch

    from rubricc.verifier.hacks import MUST_NOT_GAIN, format_probes, probe_bundle

    torch.set_num_threads(args.threads)
    data = Path(args.data_dir)
    if not (data / "ifeval").exists():
        print(f"perturb_labels: data folder {data / 'ifeval'} is absent", file=sys.stderr)
        return 2
    work = Path(args.work).parent / "perturb_labels" if args.work.endswith("fidelity") else Path(args.work)
    built = build(data, work, args)
    items = heldout_items(built["original"], args.val_fraction, args.seed)
    runs: List[Dict] = []
    for name, paths in (("ifeval", built["original"]), ("ifeval_perturbed", built["perturbed"])):
        fid = run_one(name, paths, "fused", work, args)
        t0 = time.time()
        probes = probe_bundle(fid["bundle"], paths["rubrics"], items, seed=args.seed, threads=args.threads, guard=True)
        probes["original"].pop("rewards", None)
        print(f"\n{name}: verifier AUROC {fid['auroc']:.3f} on {fid['n_eval']} validation verdicts "
              f"({fid['eval_prompts']} prompts), trained in {fid['train_seconds']:.0f}s; probes on {len(items)} "
              f"held-out originals ({time.time() - t0:.0f}s):")
        print(format_probes(probes))
        runs.append({"name": name, "fidelity": fid, "probes": probes})
    a, b = runs[0]["probes"], runs[1]["probes"]
    print(f"\n{'attack':15s} {'without copies':>22s} {'with judged copies':>22s}")
    for k in [k for k in a if k != "original"]:
        print(f"{k:15s} {a[k]['win_rate']:9.1%} ({a[k]['mean_change']:+.3f})    {b[k]['win_rate']:9.1%} "
              f"({b[k]['mean_change']:+.3f})")
    print(f"{'verifier AUROC':15s} {runs[0]['fidelity']['auroc']:>22.3f} {runs[1]['fidelity']['auroc']:>22.3f}")
    targets = {r["name"]: {"max_win_rate": max(v["win_rate"] for k, v in r["probes"].items() if k != "original"),
                           "gaining": [k for k in MUST_NOT_GAIN if r["probes"][k]["mean_change"] > 0]} for r in runs}
    print(json.dumps({"runs": runs, "targets": targets, "judge_agreement": built["judge_agreement"],
                      "copies": built["copies"], "copy_verdicts": built["copy_verdicts"], "copy_yes": built["copy_yes"],
                      "config": {k: v for k, v in vars(args).items() if k not in ("work", "data_dir")}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Step 3 of `rubricc distill`: predictions, temperature calibration, metrics and the exported variants'
check.

The trained torch model is scored on the evaluation split (validation, else train); a temperature is
fitted there (validation only) and the metrics of :mod:`rubricc.verifier.metrics` are computed against a
text-prior baseline. After export, every ONNX variant and the torch backend in bf16 (what "auto" picks
on AMX CPUs) score the same split through the runtime's backends, so a variant that loses accuracy shows
in ``metrics.json``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from rubricc.verifier import metrics as M
from rubricc.verifier.config import DistillConfig
from rubricc.verifier.data import Row, collate, token_budget_batches
from rubricc.verifier.prepare import Prepared

TORCH_BF16 = "torch_bf16"  # the torch backend's entry among the checked variants


@dataclass
class Evaluation:
    """The metrics record and what the variant check compares against: the torch model's uncalibrated
    logits on the evaluation split's neural verdicts (``keys``: their example indices, sorted)."""
    metrics: Dict[str, Any]
    temperature: float
    keys: List[int]
    logits: np.ndarray
    labels: np.ndarray


def predict_logits(model, rows: Sequence[Row], pad_id: int, token_budget: int, device="cpu") -> Dict[int, float]:
    """Logit per example key from the torch model, no grad, in token-budget batches."""
    import torch

    out: Dict[int, float] = {}
    was = model.training
    model.eval()
    with torch.no_grad():
        for b in token_budget_batches(rows, token_budget):
            batch = collate([rows[i] for i in b], pad_id)
            t = {k: torch.from_numpy(batch[k]).to(device) for k in ("input_ids", "segment_ids", "position_ids",
                                                                     "read_index")}
            logits = model(t["input_ids"], t["segment_ids"], t["position_ids"]).reshape(-1)[t["read_index"]]
            out.update(zip(batch["keys"].tolist(), logits.float().cpu().numpy().tolist()))
    model.train(was)
    return out


def predict_bundle(bundle_dir, variant: str, rows: Sequence[Row], token_budget: int, threads: int) -> Dict[int, float]:
    """Logit per example key from an exported bundle through the runtime's backends: an ONNX variant on
    the CPU provider, or ``torch_bf16`` (the torch backend's segmented pass in bf16)."""
    from rubricc.backends import open_backend
    from rubricc.bundle import read_config

    cfg = read_config(bundle_dir)
    if variant == TORCH_BF16:
        backend = open_backend(bundle_dir, cfg, backend="torch", variant="bf16", threads=threads)
    else:
        backend = open_backend(bundle_dir, cfg, backend="onnx", providers="cpu", variant=variant, threads=threads,
                               token_budget=token_budget)
    try:
        logits = backend.logits([r.context for r in rows], [r.criteria for r in rows])
    finally:
        backend.close()
    return dict(zip((k for r in rows for k in r.keys), logits.tolist()))


def evaluate(model, prep: Prepared, cfg: DistillConfig, history: List[dict]) -> Evaluation:
    """Calibrates on the evaluation split and computes the metrics record (``metrics.json``); writes
    ``cfg.predictions_path`` when set."""
    logits = predict_logits(model, prep.eval_rows, prep.pad_id, cfg.token_budget, "cpu")
    keys = sorted(logits)
    examples = prep.examples
    z = np.array([logits[k] for k in keys])
    y = np.array([examples[k]["label"] for k in keys])
    temperature = M.fit_temperature(z, y) if prep.val_rows else 1.0
    prior = M.text_prior([examples[i]["text"] for i in prep.train_idx], [examples[i]["label"] for i in prep.train_idx])
    p_yes = {k: float(M.sigmoid(logits[k] / temperature)) for k in keys}
    recs, probs, base = [], [], []
    for i, e in enumerate(examples):
        if e["prompt_id"] not in prep.eval_prompts:
            continue
        if e["program"]:  # the same verdict on both sides: counts in the rewards only
            recs.append({**e, "fixed": True})
            probs.append(None)
            base.append(None)
        elif i in p_yes:
            recs.append(e)
            probs.append(p_yes[i])
            base.append(float(prior([e["text"]])[0]))
    record = M.evaluate(recs, probs, base)
    if cfg.predictions_path:
        from rubricc.formats import write_jsonl

        write_jsonl(cfg.predictions_path, ({"prompt_id": r["prompt_id"], "response_id": r["response_id"],
                                            "criterion_id": r["criterion_id"], "label": r["label"], "p_yes": p,
                                            "baseline": b} for r, p, b in zip(recs, probs, base) if p is not None))
    record.update({
        "split": prep.split, "temperature": temperature, "layout": cfg.layout,
        "uncalibrated_criterion_ece": M.ece(M.sigmoid(z), y),
        "train_verdicts": len(prep.train_idx), "eval_verdicts": len(keys),
        "train_prompts": len(prep.train_prompts), "eval_prompts": len(prep.eval_prompts),
        "history": history, "train_seconds": round(sum(h["seconds"] for h in history), 1),
        "config": {k: v for k, v in dataclasses.asdict(cfg).items() if k != "progress"},
        "training_data_hash": prep.data_hash,
    })
    return Evaluation(record, temperature, keys, z, y)


def check_variants(bundle_dir, variants: Sequence[str], prep: Prepared, ev: Evaluation,
                   cfg: DistillConfig) -> Dict[str, Dict[str, Any]]:
    """AUROC, accuracy and the largest logit change against torch fp32 of each exported variant and of
    the torch backend in bf16, on the evaluation split; ``{"error": ...}`` for one that fails to run (e.g.
    an op without a CPU kernel)."""
    out: Dict[str, Dict[str, Any]] = {}
    threads = int(cfg.threads or 1)
    for v in [*variants, TORCH_BF16]:
        try:
            got = predict_bundle(bundle_dir, v, prep.eval_rows, cfg.token_budget, threads)
        except Exception as e:
            out[v] = {"error": str(e).splitlines()[0][:200]}
            continue
        z = np.array([got[k] for k in ev.keys])
        c = M.classification(M.sigmoid(z / ev.temperature), ev.labels)
        out[v] = {"auroc": c["auroc"], "accuracy": c["accuracy"],
                  "max_abs_logit_diff_vs_torch": float(np.abs(z - ev.logits).max()) if z.size else None}
    return out


def format_variants(split: str, verdicts: int, variants: Dict[str, Dict[str, Any]]) -> str:
    """The log line of :func:`check_variants`."""
    def one(v, d):
        if "error" in d:
            return f"{v} error"
        auroc = "n/a" if d.get("auroc") is None else format(d["auroc"], ".3f")
        return f"{v} AUROC {auroc} (max |dlogit| {d.get('max_abs_logit_diff_vs_torch', float('nan')):.3g})"
    return f"Exported variants on {split} ({verdicts} verdicts): " + ", ".join(one(v, d) for v, d in variants.items())


PROBE_RESPONSES = 200  # responses of the evaluation split probed in metrics.json (a seeded sample)


def probe_items(prep: Prepared, limit: Optional[int] = PROBE_RESPONSES, seed: int = 0) -> List[Dict[str, Any]]:
    """The evaluation split's judged responses as :mod:`rubricc.verifier.hacks` items (prompt, response,
    the criterion texts it was judged on), at most ``limit`` of them (a seeded sample); perturbed copies
    (`rubricc perturb`) are not probed: the probes start from natural answers."""
    v = prep.verdicts
    groups: Dict[tuple, List[str]] = {}
    for e in prep.examples:
        if (e["prompt_id"] in prep.eval_prompts and "invariance" not in e
                and (e["prompt_id"], e["response_id"]) not in v.perturbed):
            groups.setdefault((e["prompt_id"], e["response_id"]), []).append(e["text"])
    keys = sorted(groups)
    if limit is not None and len(keys) > limit:
        keep = np.random.default_rng(seed).choice(len(keys), limit, replace=False)
        keys = [keys[i] for i in sorted(keep)]
    return [{"prompt_id": p, "response_id": r, "prompt": v.prompts[p], "response": v.responses[(p, r)],
             "criteria": groups[(p, r)]} for p, r in keys]


def probe_rubrics(prep: Prepared) -> List[Dict[str, Any]]:
    """The evaluation prompts' rubrics restricted to their judged neural criteria: the probes measure the
    verifier (program checks are code, and the same on both sides)."""
    rubrics: Dict[str, Dict[str, Any]] = {}
    for e in prep.examples:
        if e["prompt_id"] in prep.eval_prompts and not e["program"] and "invariance" not in e:
            r = rubrics.setdefault(e["prompt_id"], {"id": e["prompt_id"], "prompt": prep.verdicts.prompts[e["prompt_id"]],
                                                    "criteria": {}})
            r["criteria"].setdefault(e["criterion_id"], {"id": e["criterion_id"], "text": e["text"],
                                                         "weight": e["weight"], "check": {"kind": "neural"}})
    return [{**r, "criteria": list(r["criteria"].values())} for r in rubrics.values()]


def probes(bundle_dir, prep: Prepared, cfg: DistillConfig) -> Dict[str, Any]:
    """Reward hack probes (:mod:`rubricc.verifier.hacks`) on the evaluation split, through the runtime on
    the exported fp32 bundle: per attack, the mean reward change and the win rate; ``{"error": ...}``
    when they cannot run (the trained bundle is kept either way)."""
    from rubricc.verifier.hacks import probe_bundle

    items = probe_items(prep, seed=cfg.seed)
    try:
        res = probe_bundle(bundle_dir, probe_rubrics(prep), items, seed=cfg.seed, threads=int(cfg.threads or 1))
    except Exception as e:
        return {"split": prep.split, "responses": len(items), "error": str(e).splitlines()[0][:200]}
    return {"split": prep.split, "responses": len(items), "attacks": res}

"""`rubricc distill`: train the cross-encoder verifier on judge verdicts and export it (DESIGN section 6).

Steps: read rubrics, responses and judgments (line-level errors) -> examples (one per judged neural
criterion; program checks are not trained on) -> split by prompt (seeded) -> optional tail weighting
(responses in the top 40% of their prompt group by the judge's reward) -> training with BCE on soft labels
(``p_yes`` where present, else the verdict) in token-budget batches of length-sorted rows -> early
stopping on validation loss -> temperature scaling fitted on validation -> metrics -> ONNX bundle.

Training checkpoints to ``OUT/.ckpt`` every few steps and at each epoch end; rerunning the same command
resumes. Runs on CPU or CUDA, and data-parallel under ``torchrun`` (DistributedDataParallel; gloo on CPU).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from rubricc.formats import InputError, Judgment, Response, Rubric, iter_json_lines, parse_record, write_json
from rubricc.scoring import score


@dataclass
class DistillConfig:
    epochs: int = 3
    token_budget: int = 8192
    lr: float = 5e-5
    head_lr_mult: float = 10.0
    weight_decay: float = 0.01
    warmup: float = 0.1
    max_prompt_len: int = 256
    max_context_len: int = 448
    max_criterion_len: int = 64
    max_seq_len: int = 1024  # fused rows longer than this are split (equivalent: criteria never interact)
    layout: str = "fused"
    tail_weight: float = 1.0
    val_fraction: float = 0.2
    seed: int = 0
    patience: int = 2
    backbone: Optional[str] = None
    threads: Optional[int] = None
    ckpt_every: int = 50
    min_steps: int = 8  # per epoch; the token budget shrinks on small sets
    freeze_word_embeddings: bool = True  # half of MiniLM's weights; freezing them halves optimizer work
    stop_after_steps: Optional[int] = None  # testing hook: simulate an interruption after this many steps
    predictions_path: Optional[str] = None  # JSONL of calibrated P(yes) on the evaluation split
    variants: Tuple[str, ...] = ("fp32", "int8", "fp16")
    check_variants: bool = True
    progress: bool = True

    def validate(self, max_positions: int = 512) -> None:
        if self.layout not in ("fused", "pairwise"):
            raise InputError(f"--layout must be fused or pairwise, not {self.layout!r}")
        if self.max_context_len < 4 or self.max_criterion_len < 3:
            raise InputError("--max-context-len must be >= 4 and --max-criterion-len >= 3")
        if self.max_context_len + self.max_criterion_len > max_positions:
            raise InputError(f"--max-context-len + --max-criterion-len = "
                             f"{self.max_context_len + self.max_criterion_len} exceeds the backbone's "
                             f"{max_positions} positions")
        if not 0.0 <= self.val_fraction < 1.0:
            raise InputError("--val-fraction must be in [0, 1)")
        if self.epochs < 1 or self.token_budget < self.max_context_len + self.max_criterion_len:
            raise InputError("--epochs must be >= 1 and --token-budget at least one full sequence "
                             f"({self.max_context_len + self.max_criterion_len} tokens)")


# ----------------------------------------------------------------------------------------------
# Reading and examples
# ----------------------------------------------------------------------------------------------
def _read(path, model):
    return [(n, parse_record(obj, model, f"{path}:{n}")) for n, obj in iter_json_lines(path)]


def file_hash(*paths) -> str:
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        h.update(b"\0")
    return "sha256:" + h.hexdigest()[:32]


def load_examples(rubrics_path, responses_path, judgments_path) -> Dict[str, Any]:
    """Reads the three files and returns ``{"examples": [...], "texts": {...}}``.

    Each example: prompt_id, response_id, criterion_id, text (criterion), weight, label (soft), program
    (bool). Unknown ids raise InputError naming the file and line.
    """
    rubrics: Dict[str, Rubric] = {}
    for n, r in _read(rubrics_path, Rubric):
        if r.id in rubrics:
            raise InputError(f"{rubrics_path}:{n}: duplicate rubric id {r.id!r}")
        rubrics[r.id] = r
    responses: Dict[Tuple[str, str], Response] = {}
    for n, r in _read(responses_path, Response):
        if r.prompt_id not in rubrics:
            raise InputError(f"{responses_path}:{n}: prompt_id {r.prompt_id!r} has no rubric in {rubrics_path}")
        responses[(r.prompt_id, r.id)] = r
    crit_index = {pid: {c.id: c for c in r.criteria} for pid, r in rubrics.items()}
    labels: Dict[Tuple[str, str, str], float] = {}
    for n, j in _read(judgments_path, Judgment):
        where = f"{judgments_path}:{n}"
        if j.prompt_id not in rubrics:
            raise InputError(f"{where}: prompt_id {j.prompt_id!r} has no rubric in {rubrics_path}")
        if (j.prompt_id, j.response_id) not in responses:
            raise InputError(f"{where}: response {j.response_id!r} of prompt {j.prompt_id!r} is not in {responses_path}")
        if j.criterion_id not in crit_index[j.prompt_id]:
            raise InputError(f"{where}: criterion {j.criterion_id!r} is not in the rubric of prompt {j.prompt_id!r}")
        if j.p_yes is not None:
            labels[(j.prompt_id, j.response_id, j.criterion_id)] = float(j.p_yes)
        elif j.verdict is not None:
            labels[(j.prompt_id, j.response_id, j.criterion_id)] = 1.0 if j.verdict else 0.0
    examples = []
    for (pid, rid, cid), y in labels.items():
        c = crit_index[pid][cid]
        examples.append({"prompt_id": pid, "response_id": rid, "criterion_id": cid, "text": c.text,
                         "weight": c.weight, "label": y, "program": c.check.kind == "program"})
    if not any(not e["program"] for e in examples):
        raise InputError(f"{judgments_path}: no verdicts on neural criteria to train on")
    prompts = {pid: rubrics[pid].prompt_text for pid in rubrics}
    resp_text = {k: r.text for k, r in responses.items()}
    return {"examples": examples, "prompts": prompts, "responses": resp_text}


def split_prompts(prompt_ids: Sequence[str], val_fraction: float, seed: int) -> Tuple[set, set]:
    """Seeded split of prompt ids into (train, validation); validation is empty for fewer than 2 prompts."""
    ids = sorted(set(prompt_ids))
    rng = np.random.default_rng(seed)
    perm = [ids[i] for i in rng.permutation(len(ids))]
    n_val = 0
    if val_fraction > 0 and len(ids) >= 2:
        n_val = min(len(ids) - 1, max(1, int(round(val_fraction * len(ids)))))
    return set(perm[n_val:]), set(perm[:n_val])


def tail_weights(examples: Sequence[dict], tail_weight: float) -> np.ndarray:
    """Per-example weights: ``tail_weight`` for responses in the top 40% of their prompt group by the
    judge's reward (all judged criteria, program checks included), 1 elsewhere."""
    from rubricc.verifier.metrics import tail_mask

    w = np.ones(len(examples), dtype=np.float64)
    if tail_weight == 1.0:
        return w
    by_resp: Dict[Tuple[str, str], List[int]] = {}
    for i, e in enumerate(examples):
        by_resp.setdefault((e["prompt_id"], e["response_id"]), []).append(i)
    by_prompt: Dict[str, List[Tuple[Tuple[str, str], float]]] = {}
    for key, idx in by_resp.items():
        r = score([examples[i]["weight"] for i in idx], [examples[i]["label"] for i in idx])
        by_prompt.setdefault(key[0], []).append((key, -1.0 if r is None else r))
    for pid, items in by_prompt.items():
        mask = tail_mask([r for _, r in items])
        for (key, _), m in zip(items, mask):
            if m:
                for i in by_resp[key]:
                    w[i] = tail_weight
    return w


def build_rows(examples: Sequence[dict], idx: Sequence[int], data: Dict, cfg: DistillConfig, pack_cfg, cache,
               weights: Optional[np.ndarray] = None):
    """Rows (packed sequences) for the neural examples ``idx``, grouped per response."""
    from rubricc.verifier.data import encode_group, make_rows

    groups: Dict[Tuple[str, str], List[int]] = {}
    for i in idx:
        e = examples[i]
        groups.setdefault((e["prompt_id"], e["response_id"]), []).append(i)
    spec = []
    for (pid, rid), members in groups.items():
        ctx, crits = encode_group(data["prompts"][pid], data["responses"][(pid, rid)],
                                  [examples[i]["text"] for i in members], pack_cfg, cache)
        spec.append((ctx, crits, [examples[i]["label"] for i in members],
                     [1.0 if weights is None else float(weights[i]) for i in members], list(members)))
    return make_rows(spec, cfg.layout, cfg.max_seq_len)


# ----------------------------------------------------------------------------------------------
# Torch helpers
# ----------------------------------------------------------------------------------------------
def _to(batch, device):
    import torch

    return {k: torch.from_numpy(v).to(device) for k, v in batch.items()}


def predict_logits(model, rows, pad_id: int, token_budget: int, device="cpu") -> Dict[int, float]:
    """Logit per example key, torch, no grad."""
    import torch

    from rubricc.verifier.data import collate, token_budget_batches

    out: Dict[int, float] = {}
    was = model.training
    model.eval()
    with torch.no_grad():
        for b in token_budget_batches(rows, token_budget):
            batch = collate([rows[i] for i in b], pad_id)
            t = _to({k: batch[k] for k in ("input_ids", "segment_ids", "position_ids", "read_index")}, device)
            logits = model(t["input_ids"], t["segment_ids"], t["position_ids"]).reshape(-1)[t["read_index"]]
            for k, z in zip(batch["keys"], logits.float().cpu().numpy()):
                out[int(k)] = float(z)
    model.train(was)
    return out


def predict_onnx(bundle_dir, variant: str, rows, pad_id: int, token_budget: int, threads: int = 1) -> Dict[int, float]:
    """Logit per example key from one ONNX variant of a bundle on the CPU provider."""
    from rubricc.verifier.data import collate, token_budget_batches
    from rubricc.verifier.export import VARIANTS, _session, run_onnx

    sess = _session(Path(bundle_dir) / VARIANTS[variant], threads=threads)
    out: Dict[int, float] = {}
    for b in token_budget_batches(rows, token_budget):
        batch = collate([rows[i] for i in b], pad_id)
        logits = run_onnx(sess, batch).reshape(-1)[batch["read_index"]]
        for k, z in zip(batch["keys"], logits):
            out[int(k)] = float(z)
    return out


def predict_torch_backend(bundle_dir, dtype: str, rows, pad_id: int, threads: int = 1) -> Dict[int, float]:
    """Logit per example key from the runtime's torch backend (segmented pass) loaded from the bundle."""
    from rubricc.runtime import load_verifier_config
    from rubricc.torch_backend import TorchBackend

    backend = TorchBackend(bundle_dir, load_verifier_config(bundle_dir), dtype=dtype, threads=threads)
    logits = backend.score([r.context for r in rows], [r.criteria for r in rows], pad_id)
    keys = [k for r in rows for k in r.keys]
    return {int(k): float(z) for k, z in zip(keys, logits)}


def _save_atomic(obj, path: Path) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def _rng_state():
    import random

    import torch

    return {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}


def _set_rng_state(s):
    import random

    import torch

    torch.set_rng_state(s["torch"])
    np.random.set_state(s["numpy"])
    random.setstate(s["python"])


def _seed_all(seed: int) -> None:
    import random

    import torch

    random.seed(seed)
    np.random.seed(seed % (2 ** 32))
    torch.manual_seed(seed)


# ----------------------------------------------------------------------------------------------
# The command
# ----------------------------------------------------------------------------------------------
def distill(rubrics_path, responses_path, judgments_path, out_dir, cfg: DistillConfig,
            log=print) -> Dict[str, Any]:
    """Trains, calibrates, evaluates and exports. Returns the metrics record (rank 0; others return {})."""
    import torch
    import torch.nn.functional as F

    from rubricc.verifier.data import PackConfig, TokenCache, collate, load_tokenizer, special_ids, token_budget_batches
    from rubricc.verifier.export import export_bundle
    from rubricc.verifier.metrics import evaluate, fit_temperature, format_table, sigmoid, text_prior
    from rubricc.verifier.model import build_verifier, default_backbone_path, set_attn_implementation

    t_start = time.time()
    out_dir = Path(out_dir)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    distributed = world > 1
    is_main = rank == 0
    if not is_main:
        log = lambda *a, **k: None  # noqa: E731

    if cfg.threads:
        torch.set_num_threads(int(cfg.threads))
    backbone = str(cfg.backbone or default_backbone_path())
    if not Path(backbone).is_dir():
        raise InputError(f"--backbone {backbone}: no such folder")
    try:
        bb_cfg = json.loads((Path(backbone) / "config.json").read_text())
    except (OSError, ValueError):
        raise InputError(f"--backbone {backbone}: no readable config.json") from None
    cfg.validate(int(bb_cfg.get("max_position_embeddings", 512)))

    data = load_examples(rubrics_path, responses_path, judgments_path)
    examples = data["examples"]
    data_hash = file_hash(rubrics_path, responses_path, judgments_path)
    train_p, val_p = split_prompts([e["prompt_id"] for e in examples], cfg.val_fraction, cfg.seed)
    neural = [i for i, e in enumerate(examples) if not e["program"]]
    train_idx = [i for i in neural if examples[i]["prompt_id"] in train_p]
    val_idx = [i for i in neural if examples[i]["prompt_id"] in val_p]
    if not train_idx:
        raise InputError(f"{judgments_path}: no neural-criterion verdicts left for training after the split")
    weights = tail_weights(examples, cfg.tail_weight)
    log(f"distill: {len(neural)} neural verdicts ({len(examples) - len(neural)} program-check verdicts not "
        f"trained on), {len(train_p)} train / {len(val_p)} validation prompts, layout {cfg.layout}")

    tok = load_tokenizer(backbone)
    cls_id, sep_id, pad_id = special_ids(tok)
    pack_cfg = PackConfig(cfg.max_prompt_len, cfg.max_context_len, cfg.max_criterion_len, cls_id, sep_id, pad_id)
    cache = TokenCache(tok)
    train_rows = build_rows(examples, train_idx, data, cfg, pack_cfg, cache, weights)
    val_rows = build_rows(examples, val_idx, data, cfg, pack_cfg, cache) if val_idx else []

    # device and process group
    if torch.cuda.is_available():
        device = torch.device("cuda", local_rank if distributed else 0)
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    if distributed:
        import torch.distributed as dist

        if not dist.is_initialized():
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo")

    _seed_all(cfg.seed)
    # eager attention measured faster than SDPA with an additive mask on CPU (0.9 s vs 2.2 s backward)
    model = build_verifier(backbone, seed=cfg.seed,
                           attn_implementation="sdpa" if device.type == "cuda" else "eager").to(device)
    if cfg.freeze_word_embeddings and hasattr(model.encoder, "get_input_embeddings"):
        model.encoder.get_input_embeddings().weight.requires_grad_(False)
    head_params = list(model.head.parameters())
    enc_params = [p for p in model.encoder.parameters() if p.requires_grad]
    groups = [{"params": enc_params, "lr": cfg.lr}, {"params": head_params, "lr": cfg.lr * cfg.head_lr_mult}]
    try:  # the fused kernel is several times faster than the per-tensor loop
        opt = torch.optim.AdamW(groups, weight_decay=cfg.weight_decay, fused=True)
    except (RuntimeError, TypeError):
        opt = torch.optim.AdamW(groups, weight_decay=cfg.weight_decay)

    # small sets: shrink the budget so an epoch has at least `min_steps` optimizer steps
    budget = cfg.token_budget
    total_tokens = sum(r.length for r in train_rows)
    longest = max(r.length for r in train_rows)
    if total_tokens // budget < cfg.min_steps:
        budget = max(longest, total_tokens // cfg.min_steps)

    def epoch_batches(epoch: int) -> List[List[int]]:
        bs = token_budget_batches(train_rows, budget, rng=np.random.default_rng(cfg.seed * 1000 + epoch))
        if distributed:
            while len(bs) < world:
                bs = bs + bs
            n = len(bs) // world
            bs = bs[rank::world][:n]
        return bs

    steps_per_epoch = len(epoch_batches(0))
    total_steps = max(1, steps_per_epoch * cfg.epochs)
    warm = max(1, int(cfg.warmup * total_steps))
    sched = torch.optim.lr_scheduler.LambdaLR(  # linear warmup, then linear decay to 0
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total_steps - s) / max(1, total_steps - warm)))

    # resume
    ckpt_dir = out_dir / ".ckpt"
    fingerprint = hashlib.sha256(json.dumps({
        "data": data_hash, "cfg": {k: v for k, v in dataclasses.asdict(cfg).items()
                                   if k not in ("threads", "progress", "check_variants", "variants", "patience", "ckpt_every",
                                                "stop_after_steps", "predictions_path")},
        "backbone": backbone, "world": world}, sort_keys=True, default=str).encode()).hexdigest()[:16]
    state = {"epoch": 0, "step": 0, "best": math.inf, "bad_epochs": 0, "history": [], "done": False,
             "global_step": 0}
    ck = ckpt_dir / "state.pt"
    if ck.exists():
        saved = torch.load(ck, map_location="cpu", weights_only=False)
        if saved.get("fingerprint") == fingerprint:
            model.load_state_dict(saved["model"])
            opt.load_state_dict(saved["opt"])
            sched.load_state_dict(saved["sched"])
            state = saved["state"]
            _set_rng_state(saved["rng"])
            log(f"distill: resuming from {ck} " + (f"(training done after {state['epoch']} epochs)" if state["done"]
                else f"(epoch {state['epoch'] + 1}, step {state['step']})"))
        else:
            log(f"distill: {ck} belongs to other data or options; starting afresh")
            state["stale"] = True
    train_model = model
    if distributed:
        from torch.nn.parallel import DistributedDataParallel as DDP

        train_model = DDP(model, device_ids=[device.index] if device.type == "cuda" else None)

    def save(best_model: bool = False):
        if not is_main:
            return
        _save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                      "state": state, "rng": _rng_state(), "fingerprint": fingerprint}, ck)
        if best_model:
            _save_atomic({"model": model.state_dict(), "fingerprint": fingerprint}, ckpt_dir / "best.pt")

    def validation() -> Dict[str, Any]:
        logits = predict_logits(model, val_rows, pad_id, cfg.token_budget, device)
        keys = sorted(logits)
        z = np.array([logits[k] for k in keys])
        y = np.array([examples[k]["label"] for k in keys])
        loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
        from rubricc.verifier.metrics import classification

        return {"loss": loss, "auroc": classification(sigmoid(z), y)["auroc"]}

    if state.pop("stale", False) and is_main:
        for f in ("state.pt", "best.pt"):
            if (ckpt_dir / f).exists():
                (ckpt_dir / f).unlink()

    tqdm = None
    if cfg.progress and is_main:
        from tqdm.auto import tqdm
    train_model.train()
    while not state["done"] and state["epoch"] < cfg.epochs:
        epoch = state["epoch"]
        batches = epoch_batches(epoch)
        t_ep = time.time()
        bar = tqdm(total=len(batches), initial=state["step"], desc=f"epoch {epoch + 1}/{cfg.epochs}",
                   unit="batch", file=sys.stderr, dynamic_ncols=True) if tqdm else None
        run_loss, run_n = 0.0, 0
        for bi in range(state["step"], len(batches)):
            batch = collate([train_rows[i] for i in batches[bi]], pad_id)
            t = _to({k: batch[k] for k in ("input_ids", "segment_ids", "position_ids", "read_index", "labels",
                                            "weights")}, device)
            logits = train_model(t["input_ids"], t["segment_ids"], t["position_ids"]).reshape(-1)[t["read_index"]]
            loss = F.binary_cross_entropy_with_logits(logits, t["labels"], weight=t["weights"],
                                                      reduction="sum") / t["weights"].sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            state["step"] = bi + 1
            state["global_step"] += 1
            run_loss += loss.item()
            run_n += 1
            if bar:
                bar.update(1)
                bar.set_postfix(loss=f"{run_loss / run_n:.4f}")
            if cfg.ckpt_every and state["step"] % cfg.ckpt_every == 0 and state["step"] < len(batches):
                save()
            if (cfg.stop_after_steps is not None and state["global_step"] >= cfg.stop_after_steps
                    and state["step"] < len(batches)):
                raise KeyboardInterrupt("stop_after_steps")
        if bar:
            bar.close()
        rec = {"epoch": epoch + 1, "train_loss": run_loss / max(1, run_n), "seconds": round(time.time() - t_ep, 1)}
        stop = False
        improved = True
        if is_main and val_rows:
            v = validation()
            rec.update(val_loss=v["loss"], val_auroc=v["auroc"])
            improved = v["loss"] < state["best"] - 1e-6
            if improved:
                state["best"] = v["loss"]
                state["bad_epochs"] = 0
            else:
                state["bad_epochs"] += 1
                stop = state["bad_epochs"] >= cfg.patience
        if distributed:
            import torch.distributed as dist

            flag = [stop, improved]
            dist.broadcast_object_list(flag, src=0)
            stop, improved = flag
        state["history"].append(rec)
        state["epoch"] = epoch + 1
        state["step"] = 0
        if stop or state["epoch"] >= cfg.epochs:
            state["done"] = True
        auroc = rec.get("val_auroc")
        log(f"epoch {epoch + 1}: train loss {rec['train_loss']:.4f}"
            + (f", val loss {rec['val_loss']:.4f}, val AUROC {'n/a' if auroc is None else f'{auroc:.3f}'}"
               if "val_loss" in rec else "") + f" ({rec['seconds']}s)" + (" - early stop" if stop else ""))
        save(best_model=improved)
        if distributed:
            import torch.distributed as dist

            dist.barrier()
    train_seconds = sum(h["seconds"] for h in state["history"])

    if distributed:
        import torch.distributed as dist

        dist.barrier()
        if not is_main:
            dist.destroy_process_group()
            return {}
    # best weights
    best = ckpt_dir / "best.pt"
    if best.exists():
        model.load_state_dict(torch.load(best, map_location="cpu", weights_only=False)["model"])
    model = model.to("cpu").float().eval()
    set_attn_implementation(model, "eager")

    # calibration and metrics on validation (or train when there is no validation split)
    split = "validation" if val_rows else "train"
    eval_rows = val_rows if val_rows else build_rows(examples, train_idx, data, cfg, pack_cfg, cache)
    eval_p = val_p if val_rows else train_p
    logits = predict_logits(model, eval_rows, pad_id, cfg.token_budget, "cpu")
    keys = sorted(logits)
    z = np.array([logits[k] for k in keys])
    y = np.array([examples[k]["label"] for k in keys])
    temperature = fit_temperature(z, y) if val_rows else 1.0
    prior = text_prior([examples[i]["text"] for i in train_idx], [examples[i]["label"] for i in train_idx])
    recs, probs, base = [], [], []
    pk = {k: float(sigmoid(logits[k] / temperature)) for k in keys}
    for i, e in enumerate(examples):
        if e["prompt_id"] not in eval_p:
            continue
        if e["program"]:
            recs.append({**e, "fixed": True})
            probs.append(None)
            base.append(None)
        elif i in pk:
            recs.append(e)
            probs.append(pk[i])
            base.append(float(prior([e["text"]])[0]))
    metrics = evaluate(recs, probs, base)
    if cfg.predictions_path:
        from rubricc.formats import write_jsonl

        write_jsonl(cfg.predictions_path, ({"prompt_id": r["prompt_id"], "response_id": r["response_id"],
                                            "criterion_id": r["criterion_id"], "label": r["label"], "p_yes": p,
                                            "baseline": b} for r, p, b in zip(recs, probs, base) if p is not None))
    metrics.update({
        "split": split, "temperature": temperature, "layout": cfg.layout,
        "uncalibrated_criterion_ece": None,
        "train_verdicts": len(train_idx), "eval_verdicts": len(keys),
        "train_prompts": len(train_p), "eval_prompts": len(eval_p),
        "history": state["history"], "train_seconds": round(train_seconds, 1),
        "config": {k: v for k, v in dataclasses.asdict(cfg).items() if k != "progress"},
        "training_data_hash": data_hash,
    })
    from rubricc.verifier.metrics import ece

    metrics["uncalibrated_criterion_ece"] = ece(sigmoid(z), y)
    log(format_table(metrics))
    log(f"(split: {split}; temperature {temperature:.3f})")

    bundle_cfg = {"layout": cfg.layout, "max_prompt_len": cfg.max_prompt_len, "max_context_len": cfg.max_context_len,
                  "max_criterion_len": cfg.max_criterion_len, "temperature": temperature, "backbone": backbone,
                  "training_data_hash": data_hash, "trained": True, "seed": cfg.seed}
    rec = export_bundle(model, backbone, out_dir, bundle_cfg, extra_json={"metrics.json": metrics},
                        variants=cfg.variants)
    if cfg.check_variants:
        # the exported graphs on the same split: fp32 must match torch, int8 / fp16 must keep the AUROC
        from rubricc.verifier.metrics import classification

        var = {}
        # the ONNX graphs, and the runtime's torch backend in bf16 (what "auto" picks on AMX CPUs)
        for v in [*rec["variants"], "torch_bf16"]:
            try:
                if v == "torch_bf16":
                    lz = predict_torch_backend(out_dir, "bf16", eval_rows, pad_id, threads=int(cfg.threads or 1))
                else:
                    lz = predict_onnx(out_dir, v, eval_rows, pad_id, cfg.token_budget, threads=int(cfg.threads or 1))
            except Exception as e:  # e.g. an op without a CPU kernel
                var[v] = {"error": str(e).splitlines()[0][:200]}
                continue
            zz = np.array([lz[k] for k in keys])
            c = classification(sigmoid(zz / temperature), y)
            var[v] = {"auroc": c["auroc"], "accuracy": c["accuracy"],
                      "max_abs_logit_diff_vs_torch": float(np.abs(zz - z).max()) if z.size else None}
        metrics["variants"] = var
        write_json(out_dir / "metrics.json", metrics)
        log("Exported variants on " + split + ": " + ", ".join(
            f"{v} AUROC {'n/a' if d.get('auroc') is None else format(d['auroc'], '.3f')} "
            f"(max |dlogit| {d.get('max_abs_logit_diff_vs_torch', float('nan')):.3g})" if "error" not in d
            else f"{v} error" for v, d in var.items()))
    log(f"distill: wrote {out_dir} in {time.time() - t_start:.0f}s")
    if distributed:
        import torch.distributed as dist

        dist.destroy_process_group()
    return metrics

"""Step 2 of `rubricc distill`: training, with checkpoints, resume, early stopping and data parallelism.

BCE on soft labels, weighted per example (tail weighting), in token-budget batches of length-bucketed
rows (:func:`rubricc.verifier.data.token_budget_batches`, reshuffled each epoch from the seed); AdamW with
the head at ``head_lr_mult`` times the encoder's rate, linear warmup then linear decay; early stopping on
the validation loss. Checkpoints (:mod:`rubricc.verifier.checkpoint`: safetensors and JSON, no pickle) go to
the checkpoint folder every ``ckpt_every`` steps and at each epoch end; rerunning the same command (same
data, backbone and training options) resumes where it stopped. Under
``torchrun`` every process trains on its share of each epoch's batches (DistributedDataParallel; nccl on
CUDA, gloo on CPU); rank 0 validates and checkpoints. Runs on CPU or CUDA.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from rubricc.verifier.checkpoint import Checkpoints
from rubricc.verifier.config import DistillConfig
from rubricc.verifier.data import Row, collate, token_budget_batches
from rubricc.verifier.evaluate import predict_logits
from rubricc.verifier.metrics import classification, sigmoid
from rubricc.verifier.prepare import Prepared

# options that do not change the trained weights: a rerun that differs only in these resumes
NOT_IN_FINGERPRINT = ("threads", "progress", "check_variants", "variants", "patience", "ckpt_every",
                      "stop_after_steps", "predictions_path", "checkpoints")


@dataclass(frozen=True)
class Ranks:
    """This process's place in a torchrun job (from its environment; one process without torchrun)."""
    world: int = 1
    rank: int = 0
    local_rank: int = 0

    @classmethod
    def from_env(cls) -> "Ranks":
        return cls(int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0")),
                   int(os.environ.get("LOCAL_RANK", "0")))

    @property
    def distributed(self) -> bool:
        return self.world > 1

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def close(self) -> None:
        """Leaves the process group, if this job joined one."""
        if self.distributed:
            import torch.distributed as dist

            if dist.is_initialized():
                dist.destroy_process_group()


@dataclass
class Progress:
    """Where training stands; saved in every checkpoint (``state.json``) and restored on resume."""
    epoch: int = 0  # epochs finished
    step: int = 0  # optimizer steps done in the current epoch
    global_step: int = 0
    best: float = math.inf  # best validation loss so far
    bad_epochs: int = 0  # epochs since it improved
    history: List[Dict[str, Any]] = field(default_factory=list)  # one record per finished epoch
    done: bool = False


@dataclass
class Trained:
    """What training hands to evaluation and export: the best weights (rank 0; None on other ranks)."""
    model: Any
    history: List[Dict[str, Any]]


# ----------------------------------------------------------------------------------------------
# Setup
# ----------------------------------------------------------------------------------------------
def select_device(ranks: Ranks):
    """CUDA (this process's GPU under torchrun) or CPU; joins the process group under torchrun."""
    import torch

    if torch.cuda.is_available():
        device = torch.device("cuda", ranks.local_rank if ranks.distributed else 0)
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    if ranks.distributed:
        import torch.distributed as dist

        if not dist.is_initialized():
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return device


def attention_for(device, attention_dropout: float) -> str:
    """The attention implementation to train with. Without dropout on the attention probabilities, SDPA
    runs its fused kernel, which never materialises the masked [T, T] scores: about 2x faster than eager
    per step on CPU (``bench/train_speed.py``). With dropout, SDPA falls back to its unfused path, slower on
    CPU than eager; CUDA uses SDPA either way."""
    return "sdpa" if device.type == "cuda" or attention_dropout == 0 else "eager"


def set_attention_dropout(model, p: float) -> None:
    """Sets the dropout on attention probabilities of every self-attention block (training only; the
    exported graph has no dropout). Hidden-state dropout is left as the backbone's config says."""
    import torch

    model.encoder.config.attention_probs_dropout_prob = p
    for mod in model.encoder.modules():
        if type(mod).__name__.endswith("SelfAttention") and isinstance(getattr(mod, "dropout", None), torch.nn.Dropout):
            mod.dropout.p = p


def autocast_dtype(device):
    """bf16 autocast where the hardware computes in bf16 (a CUDA GPU that supports it, a CPU with AMX);
    None (fp32) elsewhere: emulated bf16 is many times slower than fp32."""
    import torch

    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else None
    from rubricc.device import cpu_has_amx_bf16

    return torch.bfloat16 if cpu_has_amx_bf16() else None


def seed_all(seed: int) -> None:
    import random

    import torch

    random.seed(seed)
    np.random.seed(seed % (2 ** 32))
    torch.manual_seed(seed)


def make_optimizer(model, cfg: DistillConfig):
    """AdamW over the trainable encoder weights (word embeddings frozen per ``cfg``) and the head."""
    import torch

    if cfg.freeze_word_embeddings and hasattr(model.encoder, "get_input_embeddings"):
        model.encoder.get_input_embeddings().weight.requires_grad_(False)
    groups = [{"params": [p for p in model.encoder.parameters() if p.requires_grad], "lr": cfg.lr},
              {"params": list(model.head.parameters()), "lr": cfg.lr * cfg.head_lr_mult}]
    try:  # the fused kernel is several times faster than the per-tensor loop
        return torch.optim.AdamW(groups, weight_decay=cfg.weight_decay, fused=True)
    except (RuntimeError, TypeError):
        return torch.optim.AdamW(groups, weight_decay=cfg.weight_decay)


def make_scheduler(opt, total_steps: int, warmup: float):
    """Linear warmup over ``warmup`` of the steps, then linear decay to 0."""
    import torch

    warm = max(1, int(warmup * total_steps))
    return torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total_steps - s) / max(1, total_steps - warm)))


def fit_budget(rows: List[Row], cfg: DistillConfig) -> int:
    """``cfg.token_budget``, shrunk on small sets so that an epoch has at least ``cfg.min_steps`` steps
    (never below the longest row)."""
    total = sum(r.length for r in rows)
    if total // cfg.token_budget >= cfg.min_steps:
        return cfg.token_budget
    return max(max(r.length for r in rows), total // cfg.min_steps)


def fingerprint(cfg: DistillConfig, data_hash: str, backbone: str, world: int) -> str:
    """What a checkpoint must match to be resumed: the data, the training options, backbone and world."""
    key = {"data": data_hash, "backbone": backbone, "world": world,
           "cfg": {k: v for k, v in dataclasses.asdict(cfg).items() if k not in NOT_IN_FINGERPRINT}}
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:16]


# ----------------------------------------------------------------------------------------------
# The loop
# ----------------------------------------------------------------------------------------------
def format_epoch(rec: Dict[str, Any], stop: bool) -> str:
    line = f"epoch {rec['epoch']}: train loss {rec['train_loss']:.4f}"
    if "val_loss" in rec:
        auroc = rec["val_auroc"]
        line += f", val loss {rec['val_loss']:.4f}, val AUROC {'n/a' if auroc is None else f'{auroc:.3f}'}"
    return line + f" ({rec['seconds']}s)" + (" - early stop" if stop else "")


class Trainer:
    """The model, optimizer, schedule and checkpoints of one run, restored from the checkpoint folder
    when it holds this run (see the module docstring)."""

    def __init__(self, prep: Prepared, cfg: DistillConfig, backbone: str, ckpt_dir: Path, ranks: Ranks, log):
        from rubricc.verifier.model import build_verifier

        self.prep, self.cfg, self.ranks, self.log = prep, cfg, ranks, log
        self.device = select_device(ranks)
        seed_all(cfg.seed)
        self.model = build_verifier(backbone, seed=cfg.seed,
                                    attn_implementation=attention_for(self.device, cfg.attention_dropout))
        if cfg.init_from:  # `rubricc distill --init-from BUNDLE`: its weights, head included (checked in distill)
            from rubricc.verifier.torch_backend import load_torch_verifier

            self.model.load_state_dict(load_torch_verifier(cfg.init_from).state_dict())
        set_attention_dropout(self.model, cfg.attention_dropout)
        self.model.to(self.device)
        self.autocast = autocast_dtype(self.device)
        self.opt = make_optimizer(self.model, cfg)
        self.budget = fit_budget(prep.train_rows, cfg)
        self.sched = make_scheduler(self.opt, max(1, len(self.batches(0)) * cfg.epochs), cfg.warmup)
        self.ckpt = Checkpoints(Path(ckpt_dir), fingerprint(cfg, prep.data_hash, backbone, ranks.world),
                                writer=ranks.is_main)
        self.progress, stale = self.ckpt.resume(self.model, self.opt, self.sched, log, Progress)
        self.train_model = self.model
        if ranks.distributed:
            from torch.nn.parallel import DistributedDataParallel as DDP

            self.train_model = DDP(self.model, device_ids=[self.device.index] if self.device.type == "cuda" else None)
        if stale:  # after DDP's setup: every rank has read the old checkpoint before rank 0 removes it
            self.ckpt.clear()

    def batches(self, epoch: int) -> List[List[int]]:
        """This process's batches of ``epoch``: all ranks draw the same list, each takes every world-th."""
        bs = token_budget_batches(self.prep.train_rows, self.budget,
                                  rng=np.random.default_rng(self.cfg.seed * 1000 + epoch))
        if self.ranks.distributed:
            world = self.ranks.world
            while len(bs) < world:
                bs = bs + bs
            bs = bs[self.ranks.rank::world][:len(bs) // world]
        return bs

    def step(self, rows: List[Row]) -> float:
        """One optimizer step on a batch; returns its loss."""
        import torch
        import torch.nn.functional as F

        batch = collate(rows, self.prep.pad_id)
        t = {k: torch.from_numpy(batch[k]).to(self.device)
             for k in ("input_ids", "segment_ids", "position_ids", "read_index", "labels", "weights")}
        with torch.autocast(self.device.type, dtype=self.autocast, enabled=self.autocast is not None):
            logits = self.train_model(t["input_ids"], t["segment_ids"], t["position_ids"]).reshape(-1)[t["read_index"]]
        loss = F.binary_cross_entropy_with_logits(logits.float(), t["labels"], weight=t["weights"],
                                                  reduction="sum") / t["weights"].sum()
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        self.sched.step()
        return loss.item()

    def save(self, best: bool = False) -> None:
        self.ckpt.save(self.model, self.opt, self.sched, self.progress, best)

    def run_epoch(self, tqdm) -> Dict[str, Any]:
        """Trains the rest of the current epoch (all of it unless resumed inside it); returns its record."""
        p, cfg = self.progress, self.cfg
        batches = self.batches(p.epoch)
        t0 = time.time()
        bar = tqdm(total=len(batches), initial=p.step, desc=f"epoch {p.epoch + 1}/{cfg.epochs}", unit="batch",
                   file=sys.stderr, dynamic_ncols=True) if tqdm else None
        total, n = 0.0, 0
        for bi in range(p.step, len(batches)):
            total += self.step([self.prep.train_rows[i] for i in batches[bi]])
            n += 1
            p.step = bi + 1
            p.global_step += 1
            if bar:
                bar.update(1)
                bar.set_postfix(loss=f"{total / n:.4f}")
            inside = p.step < len(batches)  # the epoch-end checkpoint follows validation
            if cfg.ckpt_every and p.step % cfg.ckpt_every == 0 and inside:
                self.save()
            if cfg.stop_after_steps is not None and p.global_step >= cfg.stop_after_steps and inside:
                raise KeyboardInterrupt("stop_after_steps")
        if bar:
            bar.close()
        return {"epoch": p.epoch + 1, "train_loss": total / max(1, n), "seconds": round(time.time() - t0, 1)}

    def validate(self) -> Tuple[float, Optional[float]]:
        """(BCE loss, AUROC) of the current weights on the validation rows."""
        logits = predict_logits(self.model, self.prep.val_rows, self.prep.pad_id, self.cfg.token_budget, self.device)
        keys = sorted(logits)
        z = np.array([logits[k] for k in keys])
        y = np.array([self.prep.examples[k]["label"] for k in keys])
        return float(np.mean(np.logaddexp(0.0, z) - y * z)), classification(sigmoid(z), y)["auroc"]

    def early_stopping(self, rec: Dict[str, Any]) -> Tuple[bool, bool]:
        """Validates (rank 0; adds ``val_loss``, ``val_auroc`` to ``rec``) -> (stop, improved), the same on
        every rank. Without a validation split every epoch counts as improved and none stops early."""
        p = self.progress
        stop, improved = False, True
        if self.ranks.is_main and self.prep.val_rows:
            loss, auroc = self.validate()
            rec.update(val_loss=loss, val_auroc=auroc)
            improved = loss < p.best - 1e-6
            if improved:
                p.best, p.bad_epochs = loss, 0
            else:
                p.bad_epochs += 1
                stop = p.bad_epochs >= self.cfg.patience
        if self.ranks.distributed:
            import torch.distributed as dist

            flags = [stop, improved]
            dist.broadcast_object_list(flags, src=0)
            stop, improved = flags
        return stop, improved

    def run(self) -> List[Dict[str, Any]]:
        """Trains until the last epoch or an early stop; returns the epoch history."""
        p, cfg = self.progress, self.cfg
        tqdm = None
        if cfg.progress and self.ranks.is_main:
            from tqdm.auto import tqdm
        self.train_model.train()
        while not p.done and p.epoch < cfg.epochs:
            rec = self.run_epoch(tqdm)
            stop, improved = self.early_stopping(rec)
            p.history.append(rec)
            p.epoch += 1
            p.step = 0
            p.done = stop or p.epoch >= cfg.epochs
            self.log(format_epoch(rec, stop))
            self.save(best=improved)
            if self.ranks.distributed:
                import torch.distributed as dist

                dist.barrier()
        if self.ranks.distributed:
            import torch.distributed as dist

            dist.barrier()
        return p.history

    def release_ddp(self) -> None:
        """Frees the DistributedDataParallel wrapper now, while the interpreter is whole: it sits in reference
        cycles (its reducer's hooks) that hold the process group, so it was otherwise freed by the collector
        at interpreter exit, where a gloo worker thread taking the GIL aborted the process now and then."""
        if self.train_model is not self.model:
            import gc

            self.train_model = self.model
            gc.collect()

    def best_model(self):
        """The best epoch's weights on the CPU in fp32, eval mode, eager attention (what export traces)."""
        from rubricc.verifier.model import set_attn_implementation

        self.ckpt.load_best(self.model)
        model = self.model.to("cpu").float().eval()
        set_attn_implementation(model, "eager")
        return model


def train(prep: Prepared, cfg: DistillConfig, backbone: str, ckpt_dir: Path, ranks: Ranks, log) -> Trained:
    """Trains (or resumes, or finds training done) and returns the best weights on rank 0."""
    trainer = Trainer(prep, cfg, backbone, ckpt_dir, ranks, log)
    history = trainer.run()
    trainer.release_ddp()
    return Trained(trainer.best_model() if ranks.is_main else None, history)

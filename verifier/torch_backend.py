"""The torch backend of ``RubricReward``: the segmented fused pass in bf16 on CPUs with AMX.

ONNX Runtime's CPU provider has no bf16 kernels, and its attention over a fused sequence computes the
whole masked [T, T] matrix. :class:`rubricc.verifier.segmented.SegmentedVerifier` computes the same
function segment by segment (the context once, then each criterion against the context's cached keys
and values), and torch runs its matrix products in bf16 on AMX tiles. On this project's 2-core AMX CPU
that is about 4x the ONNX Runtime int8 fused path and 18x CrossEncoder.predict (``bench/throughput.py``).

Loaded lazily by the runtime only when chosen (``backend="torch"``, or ``"auto"`` on a CPU with AMX
bf16 when torch and transformers are installed and the bundle holds its torch weights), so
``import rubricc`` never imports torch. Bundles written by ``rubricc distill`` keep the weights in
``torch/`` (``config.json`` of the encoder, ``model.safetensors`` of the whole verifier).
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Union

import numpy as np

TORCH_DIR = "torch"
DTYPES = ("bf16", "fp32")


@lru_cache(maxsize=1)
def cpu_flags() -> frozenset:
    """The CPU feature flags of /proc/cpuinfo (empty where there is none)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


def cpu_has_amx_bf16() -> bool:
    return "amx_bf16" in cpu_flags()


def torch_installed() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "safetensors"))


def has_torch_weights(bundle: Union[str, Path], cfg: Optional[Dict[str, Any]] = None) -> bool:
    d = Path(bundle) / ((cfg or {}).get("torch") or TORCH_DIR)
    return (d / "config.json").exists() and (d / "model.safetensors").exists()


def save_torch_weights(model, out_dir: Union[str, Path]) -> str:
    """Writes ``model`` (a Verifier) into ``out_dir/torch``; returns the folder name for verifier.json."""
    from safetensors.torch import save_file

    d = Path(out_dir) / TORCH_DIR
    d.mkdir(parents=True, exist_ok=True)
    model.encoder.config.save_pretrained(str(d))
    state = {k: v.detach().float().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(d / "model.safetensors"), metadata={"format": "rubricc.verifier.torch/1"})
    return TORCH_DIR


def load_torch_verifier(bundle: Union[str, Path], cfg: Optional[Dict[str, Any]] = None):
    """The bundle's Verifier in torch (eval mode, fp32 weights), built offline from ``torch/``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModel
    from transformers.utils import logging as hf_logging

    from rubricc.verifier.model import Verifier

    hf_logging.set_verbosity_error()
    d = Path(bundle) / ((cfg or {}).get("torch") or TORCH_DIR)
    conf = AutoConfig.from_pretrained(str(d), local_files_only=True)
    try:
        enc = AutoModel.from_config(conf, add_pooling_layer=False)
    except TypeError:
        enc = AutoModel.from_config(conf)
    model = Verifier(enc)
    state = load_file(str(d / "model.safetensors"))
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"{d / 'model.safetensors'}: weights do not match the config "
                         f"(missing {missing[:3]}, unexpected {unexpected[:3]})")
    return model.eval()


class TorchBackend:
    """Scores fused sequences with the segmented pass. ``dtype``: "bf16" (matrix products in bf16, on AMX
    where present; residuals and LayerNorms in fp32) or "fp32"."""

    def __init__(self, bundle: Union[str, Path], cfg: Dict[str, Any], dtype: str = "bf16",
                 threads: Optional[int] = None, context_budget: int = 4096, criterion_budget: int = 8192):
        import torch

        from rubricc.verifier.segmented import SegmentedVerifier

        if dtype not in DTYPES:
            raise ValueError(f"torch dtype must be one of {DTYPES}, not {dtype!r}")
        if threads:
            torch.set_num_threads(int(threads))
        self.dtype = dtype
        self.model = SegmentedVerifier(load_torch_verifier(bundle, cfg),
                                       dtype=torch.bfloat16 if dtype == "bf16" else torch.float32)
        self.context_budget = int(context_budget)
        self.criterion_budget = int(criterion_budget)

    def score(self, contexts: Sequence[Sequence[int]], criteria: Sequence[Sequence[Sequence[int]]],
              pad_id: int) -> np.ndarray:
        """Logits of every criterion, flat in order (``criteria[b]`` belongs to ``contexts[b]``)."""
        from rubricc.verifier.segmented import chunk_by_length, score_fused

        counts = np.fromiter((len(c) for c in criteria), np.int64, len(criteria))
        starts = np.concatenate([[0], np.cumsum(counts)])
        out = np.zeros(int(starts[-1]), np.float32)
        # contexts in length-sorted groups of at most context_budget padded tokens
        lens = np.fromiter((len(c) for c in contexts), np.int64, len(contexts))
        for idx in chunk_by_length(lens, self.context_budget):
            got = score_fused(self.model, [contexts[i] for i in idx], [criteria[i] for i in idx], pad_id,
                              crit_budget=self.criterion_budget)
            s = 0
            for i in idx:
                n = int(counts[i])
                out[starts[i]:starts[i] + n] = got[s:s + n]
                s += n
        return out

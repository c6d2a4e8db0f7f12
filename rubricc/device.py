"""What this machine can run: CPU feature flags, a usable CUDA stack for ONNX Runtime, torch's presence.

Probed, never assumed: a CPU feature comes from /proc/cpuinfo, CUDA from really loading its libraries
and asking for a device (with ctypes, without asking ONNX Runtime for CUDA, which prints errors on
CPU-only machines). Every probe is cached for the life of the process. Imports nothing heavy.
"""
from __future__ import annotations

import ctypes
import glob
import importlib.util
import os
from functools import lru_cache
from typing import Iterable, List, Sequence

_CUDA_LIBS = (("libcudart.so.13", "libcudart.so.12", "libcudart.so"),
              ("libcublas.so.13", "libcublas.so.12", "libcublas.so"),
              ("libcudnn.so.9", "libcudnn.so"))


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


def cpu_has_bf16() -> bool:
    """bf16 arithmetic in hardware (AMX or AVX-512 BF16): without it, torch's bf16 on a CPU is emulated and
    several times slower than fp32, so it is never picked or probed."""
    return bool({"amx_bf16", "avx512_bf16"} & cpu_flags())


@lru_cache(maxsize=1)
def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo ("" where there is none)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def installed(*modules: str) -> bool:
    """True when every module can be imported (found on the path; nothing is imported)."""
    return all(importlib.util.find_spec(m) is not None for m in modules)


def torch_installed() -> bool:
    """torch, transformers and safetensors: what the torch backend needs."""
    return installed("torch", "transformers", "safetensors")


def torch_cuda_usable() -> bool:
    """True when torch is installed and sees a CUDA device (the torch backend's GPU path). Imports torch
    only on a machine with an NVIDIA driver node, so CPU-only machines stay cheap to ask."""
    if not (os.path.exists("/dev/nvidiactl") or os.environ.get("RUBRICC_ASSUME_NVIDIA") == "1"):
        return False
    if not torch_installed():
        return False
    try:
        import torch

        return bool(torch.cuda.is_available())
    except Exception:  # a broken CUDA install is no GPU
        return False


def _pip_cuda_dirs() -> List[str]:
    """Library folders of pip-installed NVIDIA wheels (``nvidia/*/lib``), as the [gpu] extra installs them."""
    spec = importlib.util.find_spec("nvidia")
    dirs: List[str] = []
    for root in (spec.submodule_search_locations if spec and spec.submodule_search_locations else []):
        dirs += sorted(glob.glob(os.path.join(root, "*", "lib"))) + sorted(glob.glob(os.path.join(root, "*", "*", "lib")))
    return dirs


def _load_any(names: Iterable[str], dirs: Sequence[str] = ()):
    for name in names:
        for cand in [name, *(os.path.join(d, name) for d in dirs)]:
            if os.sep in cand and not os.path.exists(cand):
                continue
            try:
                return ctypes.CDLL(cand, mode=getattr(ctypes, "RTLD_GLOBAL", 0))
            except OSError:
                continue
    return None


@lru_cache(maxsize=1)
def cuda_usable() -> bool:
    """True only when ONNX Runtime has the CUDA provider AND the CUDA runtime, cuBLAS and cuDNN load AND a
    device exists."""
    try:
        import onnxruntime as ort
    except ImportError:
        return False
    if "CUDAExecutionProvider" not in ort.get_available_providers():
        return False
    dirs = _pip_cuda_dirs()
    libs = [_load_any(names, dirs) for names in _CUDA_LIBS]
    if any(lib is None for lib in libs):
        return False
    count = ctypes.c_int(0)
    try:
        rc = libs[0].cudaGetDeviceCount(ctypes.byref(count))
    except AttributeError:
        return False
    return rc == 0 and count.value > 0

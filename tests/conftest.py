"""Fixtures shared by the test files: the two implementations of the kernels (rubricc.kernels.ops) and
random inputs of their ``aggregate``."""
import os
import shutil

import numpy as np
import pytest

# `auto` measures the CPU backends on first use (rubricc.backends.probe); the tests pin the rules instead so
# that each test's backend does not depend on timing. tests/test_probe.py turns probing on where it tests it.
os.environ.setdefault("RUBRICC_AUTO_PROBE", "0")

# Without a GPU, Triton kernels run in Triton's interpreter on the CPU (tests/test_cascade_kernel.py). The
# switch is read when triton is first imported, so it is set here, before any test imports it.
# Triton compiles for torch's GPU: ask torch (rubricc.device.cuda_usable asks ONNX Runtime, whose CUDA
# provider may be absent where torch has a GPU).
from rubricc.device import torch_cuda_usable  # noqa: E402

if not torch_cuda_usable():
    os.environ.setdefault("TRITON_INTERPRET", "1")


@pytest.fixture(scope="session")
def native_ops():
    """The native C++ kernels. Skips where they cannot be built (no cmake or C++ compiler) or are turned
    off with ``RUBRICC_NATIVE=0``; fails where they could be built but are not, so that a missing build
    never passes silently."""
    from rubricc.kernels import native
    from rubricc.kernels.ops import get_ops

    if native.disabled():
        pytest.skip("native kernels turned off (RUBRICC_NATIVE=0)")
    try:
        return get_ops("native")
    except RuntimeError:
        if shutil.which("cmake") is None or not any(shutil.which(c) for c in ("c++", "g++", "clang++")):
            pytest.skip("native kernels not built, and no cmake and C++ compiler here to build them")
        pytest.fail("native kernels not built: run `python setup.py build_ext --inplace`")


@pytest.fixture(params=["numpy", "native"])
def kernel_ops(request):
    """Each implementation in turn: the NumPy twin, then the native library."""
    from rubricc.kernels.ops import get_ops

    if request.param == "numpy":
        return get_ops("numpy")
    return request.getfixturevalue("native_ops")


@pytest.fixture(params=range(30))
def aggregate_inputs(request):
    """Random inputs of ``aggregate``, one seed each: up to 29 responses of 0-24 criteria, weights of both
    signs, neural / program / missing criteria, logits from small to saturating, a temperature of 1 or not.
    Returns ``(counts, weights, kind, logits, value, temperature)``."""
    rng = np.random.default_rng(200 + request.param)
    counts = rng.integers(0, 25, int(rng.integers(0, 30)))
    M = int(counts.sum())
    weights = rng.choice([-10, -5, -1, 1, 2, 3, 5, 7, 10], M)
    kind = rng.choice([0, 0, 0, 1, 2], M).astype(np.int8)
    logits = (rng.standard_normal(M) * rng.choice([0.1, 3, 50, 800], M)).astype(np.float32)
    value = np.where(kind == 1, rng.choice([0.0, 1.0, 0.25], M), 0.0)
    temperature = float(rng.choice([1.0, 0.4, 0.7, 1.9, 2.5]))
    return counts, weights, kind, logits, value, temperature

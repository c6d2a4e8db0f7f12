"""ctypes binding of the native kernels (librubricc_kernels, built from CMakeLists.txt by setup.py).

:func:`load` returns the library or None (not built, or disabled with ``RUBRICC_NATIVE=0``). The
library is looked up at ``$RUBRICC_KERNELS_LIB``, then next to this file (where setup.py places it).
"""
from __future__ import annotations

import ctypes
import glob
import os
from typing import Optional

ABI_VERSION = 1
_lib = None
_tried = False

_i64 = ctypes.c_int64
_p = ctypes.c_void_p


def candidates():
    env = os.environ.get("RUBRICC_KERNELS_LIB")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    for pat in ("_rubricc_kernels*.so", "librubricc_kernels.so", "librubricc_kernels*.dylib", "rubricc_kernels*.dll"):
        yield from sorted(glob.glob(os.path.join(here, pat)))


def _declare(lib):
    lib.rk_abi_version.restype = ctypes.c_int
    lib.rk_pack_fused.restype = _i64
    lib.rk_pack_fused.argtypes = [_i64, _p, _p, _p, _p, _p, _i64, _i64, _p, _p, _p, _p]
    lib.rk_split_criteria.restype = _i64
    lib.rk_split_criteria.argtypes = [_i64, _p, _i64, _i64, _p]
    lib.rk_bucket.restype = _i64
    lib.rk_bucket.argtypes = [_i64, _p, _i64, _i64, _p, _p]
    lib.rk_gather.restype = _i64
    lib.rk_gather.argtypes = [_i64, _p, _p, _p]
    lib.rk_aggregate.restype = _i64
    lib.rk_aggregate.argtypes = [_i64, _p, _p, _p, _p, _p, ctypes.c_double, ctypes.c_int, ctypes.c_int, _p, _p]


def disabled() -> bool:
    """True when ``RUBRICC_NATIVE`` turns the native kernels off (0, false, no, off)."""
    return os.environ.get("RUBRICC_NATIVE", "1").strip().lower() in ("0", "false", "no", "off")


def load() -> Optional[ctypes.CDLL]:
    """The loaded native library, or None when it is absent, broken or disabled."""
    global _lib, _tried
    if _tried:
        return _lib
    _tried = True
    if disabled():
        return None
    for path in candidates():
        try:
            lib = ctypes.CDLL(path)
            _declare(lib)
            if lib.rk_abi_version() != ABI_VERSION:
                continue
        except (OSError, AttributeError):
            continue
        lib._rubricc_path = path
        _lib = lib
        return lib
    return None

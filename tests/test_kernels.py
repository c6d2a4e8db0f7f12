"""The native kernels (C++ via ctypes) and their NumPy twin give IDENTICAL outputs on every case; the
calibration temperature is checked against the formula written out; the ctest suite runs too when cmake is
present. That ``aggregate`` equals rubricc.scoring.score is tests/test_scoring.py."""
import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from rubricc.kernels import pack, twin
from rubricc.kernels.ops import NumpyOps

ROOT = Path(__file__).resolve().parents[1]
NP = NumpyOps()


def random_case(rng, B):
    contexts, criteria = [], []
    for _ in range(B):
        p = rng.integers(1000, 2000, rng.integers(0, 40)).tolist()
        r = rng.integers(1000, 2000, rng.integers(0, 80)).tolist()
        contexts.append(pack.make_context(p, r, 101, 102, int(rng.integers(0, 30)), int(rng.integers(4, 100))))
        criteria.append([pack.make_criterion(rng.integers(1000, 2000, rng.integers(0, 20)).tolist(), 101, 102,
                                             int(rng.integers(3, 16))) for _ in range(rng.integers(0, 7))])
    return contexts, criteria


@pytest.mark.parametrize("seed", range(25))
def test_pack_identical(native_ops, seed):
    rng = np.random.default_rng(seed)
    contexts, criteria = random_case(rng, int(rng.integers(0, 9)))
    pad_to = int(rng.integers(0, 200)) if seed % 3 == 0 else 0
    a = NP.pack_fused(contexts, criteria, 0, pad_to)
    b = native_ops.pack_fused(contexts, criteria, 0, pad_to)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].dtype == b[k].dtype and a[k].shape == b[k].shape, k
        np.testing.assert_array_equal(a[k], b[k])


@pytest.mark.parametrize("seed", range(25))
def test_split_bucket_gather_identical(native_ops, seed):
    rng = np.random.default_rng(100 + seed)
    lens = rng.integers(3, 60, rng.integers(0, 40))
    ctx = int(rng.integers(4, 300))
    max_len = int(rng.integers(ctx, ctx + 200))
    np.testing.assert_array_equal(NP.split_criteria(lens, ctx, max_len), native_ops.split_criteria(lens, ctx, max_len))
    lengths = rng.integers(1, 500, rng.integers(0, 60))
    budget, mb = int(rng.integers(1, 4000)), int(rng.integers(1, 20))
    o1, s1 = NP.bucket(lengths, budget, mb)
    o2, s2 = native_ops.bucket(lengths, budget, mb)
    np.testing.assert_array_equal(o1, o2)
    np.testing.assert_array_equal(s1, s2)
    # every bucket respects the budget unless it holds a single sequence, order is longest first
    for b in range(len(s1) - 1):
        members = lengths[o1[s1[b]:s1[b + 1]]]
        assert len(members) == 1 or (len(members) * members.max() <= budget and len(members) <= mb)
    assert sorted(o1.tolist()) == list(range(len(lengths)))
    logits = rng.standard_normal((3, 17)).astype(np.float32)
    ri = rng.integers(0, 51, 20)
    np.testing.assert_array_equal(NP.gather(logits, ri), native_ops.gather(logits, ri))


def test_split_respects_limit():
    lens = [10, 10, 10, 30, 5]
    chunks = twin.split_criteria(lens, 50, 80)
    assert chunks.tolist() == [0, 0, 0, 1, 2]
    for c in set(chunks.tolist()):
        assert 50 + sum(n for n, k in zip(lens, chunks) if k == c) <= 80


def test_aggregate_identical(native_ops, aggregate_inputs):
    *arrays, temperature = aggregate_inputs
    for clip in (True, False):
        for drop in (False, True):
            p1, r1 = NP.aggregate(*arrays, temperature, clip, drop)
            p2, r2 = native_ops.aggregate(*arrays, temperature, clip, drop)
            assert p1.tobytes() == p2.tobytes()  # bit-identical, NaNs included
            assert r1.tobytes() == r2.tobytes()


@pytest.mark.parametrize("temperature", [2.5, 0.4])
def test_temperature_divides_the_logit(kernel_ops, temperature):
    """p = 1 / (1 + exp(-logit / T)) written out, at temperatures on both sides of 1 (at T = 1 a kernel
    multiplying by T instead of dividing would pass)."""
    logits = np.array([-3.0, -0.5, 0.0, 0.7, 2.0], np.float32)
    p, r = kernel_ops.aggregate([5], [1] * 5, [twin.NEURAL] * 5, logits, [0.0] * 5, temperature)
    expect = [1.0 / (1.0 + math.exp(-x / temperature)) for x in logits.tolist()]
    assert p.tolist() == expect
    assert r.tolist() == [sum(expect) / 5]


def test_sigmoid_extremes(kernel_ops):
    logits = np.array([-1e30, 1e30, -800.0, 800.0], np.float32)
    p, r = kernel_ops.aggregate([4], [1, 1, 1, 1], [twin.NEURAL] * 4, logits, [0.0] * 4, 1.0)
    assert p.tolist() == [0.0, 1.0, 0.0, 1.0]
    assert r.tolist() == [0.5]


def test_bad_arguments(kernel_ops):
    with pytest.raises(ValueError):
        kernel_ops.aggregate([2], [1], [0], [0.0], [0.0], 1.0)
    with pytest.raises(ValueError):
        kernel_ops.aggregate([1], [1], [0], [0.0], [0.0], 0.0)


@pytest.mark.skipif(shutil.which("cmake") is None or shutil.which("ctest") is None, reason="cmake/ctest not installed")
def test_ctest(tmp_path):
    build = tmp_path / "build"
    subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release"], check=True,
                   capture_output=True)
    subprocess.run(["cmake", "--build", str(build), "-j2"], check=True, capture_output=True)
    out = subprocess.run(["ctest", "--test-dir", str(build), "--output-on-failure"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "100% tests passed" in out.stdout

"""The native kernels (C++ via ctypes) and their NumPy twin give IDENTICAL outputs on every case, and
the aggregation equals rubricc.scoring.score. The ctest suite is run too when cmake is present."""
import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from rubricc.kernels import pack, twin
from rubricc.kernels.ops import NumpyOps, get_ops
from rubricc.scoring import score

ROOT = Path(__file__).resolve().parents[1]
NP = NumpyOps()


@pytest.fixture(scope="module")
def native():
    try:
        return get_ops("native")
    except RuntimeError:
        if shutil.which("cmake") is None:
            pytest.skip("native kernels not built and no cmake to build them")
        raise


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
def test_pack_identical(native, seed):
    rng = np.random.default_rng(seed)
    contexts, criteria = random_case(rng, int(rng.integers(0, 9)))
    pad_to = int(rng.integers(0, 200)) if seed % 3 == 0 else 0
    a = NP.pack_fused(contexts, criteria, 0, pad_to)
    b = native.pack_fused(contexts, criteria, 0, pad_to)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].dtype == b[k].dtype and a[k].shape == b[k].shape, k
        np.testing.assert_array_equal(a[k], b[k])


@pytest.mark.parametrize("seed", range(25))
def test_split_bucket_gather_identical(native, seed):
    rng = np.random.default_rng(100 + seed)
    lens = rng.integers(3, 60, rng.integers(0, 40))
    ctx = int(rng.integers(4, 300))
    max_len = int(rng.integers(ctx, ctx + 200))
    np.testing.assert_array_equal(NP.split_criteria(lens, ctx, max_len), native.split_criteria(lens, ctx, max_len))
    lengths = rng.integers(1, 500, rng.integers(0, 60))
    budget, mb = int(rng.integers(1, 4000)), int(rng.integers(1, 20))
    o1, s1 = NP.bucket(lengths, budget, mb)
    o2, s2 = native.bucket(lengths, budget, mb)
    np.testing.assert_array_equal(o1, o2)
    np.testing.assert_array_equal(s1, s2)
    # every bucket respects the budget unless it holds a single sequence, order is longest first
    for b in range(len(s1) - 1):
        members = lengths[o1[s1[b]:s1[b + 1]]]
        assert len(members) == 1 or (len(members) * members.max() <= budget and len(members) <= mb)
    assert sorted(o1.tolist()) == list(range(len(lengths)))
    logits = rng.standard_normal((3, 17)).astype(np.float32)
    ri = rng.integers(0, 51, 20)
    np.testing.assert_array_equal(NP.gather(logits, ri), native.gather(logits, ri))


def test_split_respects_limit():
    lens = [10, 10, 10, 30, 5]
    chunks = twin.split_criteria(lens, 50, 80)
    assert chunks.tolist() == [0, 0, 0, 1, 2]
    for c in set(chunks.tolist()):
        assert 50 + sum(n for n, k in zip(lens, chunks) if k == c) <= 80


def aggregate_case(rng, R):
    counts = rng.integers(0, 25, R)
    M = int(counts.sum())
    weights = rng.choice([-10, -5, -1, 1, 2, 3, 5, 7, 10], M)
    kind = rng.choice([0, 0, 0, 1, 2], M).astype(np.int8)
    logits = (rng.standard_normal(M) * rng.choice([0.1, 3, 50, 800], M)).astype(np.float32)
    value = np.where(kind == 1, rng.choice([0.0, 1.0, 0.25], M), 0.0)
    return counts, weights, kind, logits, value


@pytest.mark.parametrize("seed", range(30))
def test_aggregate_identical_and_equals_score(native, seed):
    rng = np.random.default_rng(200 + seed)
    counts, weights, kind, logits, value = aggregate_case(rng, int(rng.integers(0, 30)))
    temp = float(rng.choice([1.0, 0.7, 1.9]))
    for clip in (True, False):
        for drop in (False, True):
            p1, r1 = NP.aggregate(counts, weights, kind, logits, value, temp, clip, drop)
            p2, r2 = native.aggregate(counts, weights, kind, logits, value, temp, clip, drop)
            assert p1.tobytes() == p2.tobytes()  # bit-identical, NaNs included
            assert r1.tobytes() == r2.tobytes()
            m = 0
            for i, c in enumerate(counts):
                verdicts = [None if kind[j] == 2 else float(p1[j]) for j in range(m, m + c)]
                expect = score(weights[m:m + c].tolist(), verdicts, clip=clip, missing="drop" if drop else "no")
                if expect is None:
                    assert math.isnan(r1[i])
                else:
                    assert r1[i] == expect  # exactly the reward rule
                m += c


def test_sigmoid_extremes(native):
    counts = [4]
    w = [1, 1, 1, 1]
    kind = [0, 0, 0, 0]
    logits = np.array([-1e30, 1e30, -800.0, 800.0], np.float32)
    for ops in (NP, native):
        p, r = ops.aggregate(counts, w, kind, logits, [0.0] * 4, 1.0)
        assert p.tolist() == [0.0, 1.0, 0.0, 1.0]
        assert r.tolist() == [0.5]


def test_bad_arguments(native):
    for ops in (NP, native):
        with pytest.raises(ValueError):
            ops.aggregate([2], [1], [0], [0.0], [0.0], 1.0)
        with pytest.raises(ValueError):
            ops.aggregate([1], [1], [0], [0.0], [0.0], 0.0)


@pytest.mark.skipif(shutil.which("cmake") is None or shutil.which("ctest") is None, reason="cmake/ctest not installed")
def test_ctest(tmp_path):
    build = tmp_path / "build"
    subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release"], check=True,
                   capture_output=True)
    subprocess.run(["cmake", "--build", str(build), "-j2"], check=True, capture_output=True)
    out = subprocess.run(["ctest", "--test-dir", str(build), "--output-on-failure"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "100% tests passed" in out.stdout

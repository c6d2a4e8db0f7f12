"""The reward formula: expected values written as arithmetic."""
import json
import math
from pathlib import Path

import numpy as np
import pytest

from rubricc.scoring import score, score_batch

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def test_paper_rule_all_positive():
    # sum w_i v_i / sum w_i with the paper's 1-3 weights
    assert score([3, 2, 1], [True, False, True]) == pytest.approx((3 + 1) / (3 + 2 + 1))
    assert score([3, 2, 1], [False, False, False]) == 0.0
    assert score([3, 2, 1], [True, True, True]) == 1.0


def test_probabilities_give_expected_reward():
    assert score([3, 1], [0.5, 0.25]) == pytest.approx((3 * 0.5 + 1 * 0.25) / 4)


def test_negative_weights_healthbench_rule_unclipped():
    # HealthBench: sum of points of met criteria / sum of positive points; a met negative item subtracts
    w = [8, 5, -6, -3]
    v = [True, False, True, False]
    assert score(w, v, clip=False) == pytest.approx((8 - 6) / (8 + 5))
    # can go below zero unclipped, and clips to 0 by default
    assert score(w, [False, False, True, True], clip=False) == pytest.approx((-6 - 3) / 13)
    assert score(w, [False, False, True, True]) == 0.0


def test_missing_verdicts():
    assert score([2, 2], [True, None]) == pytest.approx(2 / 4)  # paper workflow: counts as no
    assert score([2, 2], [True, None], missing="drop") == 1.0  # paper eval script: dropped


def test_undefined_and_errors():
    assert score([-2], [True]) is None  # no positive weight: undefined
    assert score([], []) is None
    with pytest.raises(ValueError):
        score([1], [1.5])
    with pytest.raises(ValueError):
        score([1, 2], [True])


def test_batch_equals_scalar():
    rng = np.random.default_rng(0)
    segs = np.array([3, 1, 0, 5, 2])
    w = rng.choice([-5, -1, 1, 2, 3, 7], size=segs.sum())
    v = rng.random(segs.sum())
    out = score_batch(w, v, segs, clip=False)
    start = 0
    for i, s in enumerate(segs):
        ref = score(list(w[start:start + s]), list(v[start:start + s]), clip=False)
        if ref is None:
            assert math.isnan(out[i])
        else:
            assert out[i] == pytest.approx(ref)
        start += s


def test_reproduces_healthbench_calculate_score_on_real_rubrics():
    path = DATA / "healthbench_subset500" / "healthbench_eval.jsonl"
    if not path.exists():
        pytest.skip(f"real data not found at {path} (needs ../shared/data)")
    rows = [json.loads(l) for l in path.open()][:50]
    rng = np.random.default_rng(1)
    for row in rows:
        pts = [r["points"] for r in row["rubrics"]]
        met = [bool(x) for x in rng.integers(0, 2, len(pts))]
        # simple-evals healthbench_eval.calculate_score, written out
        total = sum(p for p in pts if p > 0)
        achieved = sum(p for p, m in zip(pts, met) if m)
        assert score(pts, met, clip=False) == pytest.approx(achieved / total)

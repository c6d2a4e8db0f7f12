"""The reward rule (rubricc.scoring.score) with expected values written as arithmetic, and its batched form:
``aggregate`` of both kernel implementations equals ``score`` applied per response."""
import json
import math

import numpy as np
import pytest

from bench.data import shared_data
from rubricc.kernels.twin import MISSING, NEURAL, PROGRAM
from rubricc.scoring import score


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


def calibrated(logit: float, temperature: float) -> float:
    """The calibrated probability 1 / (1 + exp(-logit / T)), written out (exp overflowing gives 0, as in C)."""
    try:
        return 1.0 / (1.0 + math.exp(-logit / temperature))
    except OverflowError:
        return 0.0


def score_each(counts, weights, kind, logits, value, temperature, clip, missing):
    """``(verdicts, rewards)``: the verdict of each criterion and ``score`` of each response (None: undefined)."""
    verdicts = [calibrated(x, temperature) if k == NEURAL else v if k == PROGRAM else None
                for k, x, v in zip(kind.tolist(), logits.tolist(), value.tolist())]
    rewards, m = [], 0
    for c in counts.tolist():
        rewards.append(score(weights[m:m + c].tolist(), verdicts[m:m + c], clip=clip, missing=missing))
        m += c
    return verdicts, rewards


def as_none(a):
    """NaN (the kernels' mark of a missing verdict or an undefined reward) as None, as ``score`` has it."""
    return [None if math.isnan(x) else x for x in a.tolist()]


def test_aggregate_is_score_per_response(kernel_ops, aggregate_inputs):
    *arrays, temperature = aggregate_inputs
    for clip in (True, False):
        for missing in ("no", "drop"):
            probs, rewards = kernel_ops.aggregate(*arrays, temperature, clip, missing == "drop")
            verdicts, expect = score_each(*arrays, temperature, clip, missing)
            assert as_none(probs) == verdicts  # exactly: calibrated probabilities, program verdicts, None
            assert as_none(rewards) == expect  # exactly the reward rule, None where it is undefined


def test_aggregate_edge_cases(kernel_ops):
    """Each response isolates one case of the rule; expected rewards are written out."""
    cases = [  # (weights, kinds, program values or logits, reward with missing="no", with missing="drop")
        ([], [], [], None, None),                                            # no criterion: undefined
        ([-3], [NEURAL], [2.0], None, None),                                 # only a fault: undefined
        ([2, 1], [MISSING, PROGRAM], [0.0, 1.0], 1 / 3, 1.0),                # missing: not met, or dropped
        ([4], [MISSING], [0.0], 0.0, None),                                  # dropping leaves nothing
        ([1, -5], [PROGRAM, PROGRAM], [0.0, 1.0], 0.0, 0.0),                 # a met fault clips to 0
        ([3, 1], [PROGRAM, PROGRAM], [1.0, 0.25], (3 + 0.25) / 4, (3 + 0.25) / 4),
    ]
    counts = [len(w) for w, *_ in cases]
    weights = [x for w, *_ in cases for x in w]
    kind = [k for _, ks, *_ in cases for k in ks]
    numbers = [x for _, _, xs, *_ in cases for x in xs]
    value = [x if k == PROGRAM else 0.0 for k, x in zip(kind, numbers)]
    logits = np.array([x if k == NEURAL else 0.0 for k, x in zip(kind, numbers)], np.float32)
    for missing, col in (("no", 3), ("drop", 4)):
        _, rewards = kernel_ops.aggregate(counts, weights, kind, logits, value, 1.0, True, missing == "drop")
        assert as_none(rewards) == [c[col] for c in cases]
    _, raw = kernel_ops.aggregate(counts, weights, kind, logits, value, 1.0, False, False)
    assert raw[4] == (0 - 5) / 1  # unclipped: the fault's full weight


def test_reproduces_healthbench_calculate_score_on_real_rubrics():
    path = shared_data() / "healthbench_subset500" / "healthbench_eval.jsonl"
    if not path.exists():
        pytest.skip(f"real data not found at {path} (needs ../shared/data or $RUBRICC_SHARED_DATA)")
    rows = [json.loads(l) for l in path.open()][:50]
    rng = np.random.default_rng(1)
    for row in rows:
        pts = [r["points"] for r in row["rubrics"]]
        met = [bool(x) for x in rng.integers(0, 2, len(pts))]
        # simple-evals healthbench_eval.calculate_score, written out
        total = sum(p for p in pts if p > 0)
        achieved = sum(p for p, m in zip(pts, met) if m)
        assert score(pts, met, clip=False) == pytest.approx(achieved / total)

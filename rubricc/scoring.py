"""The reward (DESIGN section 4): one scoring function for labels, evaluation and RL.

    score(x, y) = sum_i w_i * v_i(x, y) / sum_{i: w_i > 0} w_i

``v_i`` is 1 when criterion i is met (a bool) or the probability that it is (expected reward). A negative
weight marks a fault ("recommends an unsafe dose"), as in HealthBench; with all weights positive this is
the paper's reward sum w_i v_i / sum w_i. The result is clipped to [0, 1] unless ``clip=False``.

This is THE definition of the reward. Its batched form, which the runtime calls, is ``aggregate`` of
:mod:`rubricc.kernels.ops` (NumPy twin and native C++ kernel, identical bit for bit); tests/test_scoring.py
checks both against this function response by response.
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

Verdict = Union[bool, float, int, None]


def score(weights: Sequence[int], verdicts: Sequence[Verdict], clip: bool = True,
          missing: str = "no") -> Optional[float]:
    """Reward of one response from per-criterion weights and verdicts.

    ``missing`` says what a ``None`` verdict (a criterion the judge did not answer) means: ``"no"``
    counts it as not met while its weight stays in the denominator (the paper's workflow convention);
    ``"drop"`` removes the criterion from numerator and denominator (the paper's evaluation script).
    Returns None when no positive weight remains (the reward is undefined).
    """
    if len(weights) != len(verdicts):
        raise ValueError(f"{len(weights)} weights but {len(verdicts)} verdicts")
    if missing not in ("no", "drop"):
        raise ValueError("missing must be 'no' or 'drop'")
    num = 0.0
    den = 0.0
    for w, v in zip(weights, verdicts):
        if v is None:
            if missing == "drop":
                continue
            v = 0.0
        v = float(v)
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"verdict {v} is not in [0, 1]")
        num += w * v
        if w > 0:
            den += w
    if den <= 0:
        return None
    r = num / den
    if clip:
        r = min(1.0, max(0.0, r))
    return r


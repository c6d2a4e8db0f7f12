"""A response that says the same sentences again: the relevance guard's repetition rule.

A verifier reads a response's head (or its windows) and learns what good answers look like; the same
answer twice or three times over looks just as good to it (``bench/hacks.py``, ``repeat``: the response
three times won 7.5% of MT-Bench's held-out responses at one split, 11% of the good ones). Degenerate
loops are also what a small policy under RL falls into. The guard's share rule already leaves repeated
sentences out of the share of relevant tokens, but it is calibrated at a low quantile of natural answers
and a response two thirds repeated keeps a third of fresh, relevant tokens, above it. This rule reads the
repetition itself: a response's score is the share of its tokens that lie in sentences, or blocks between
blank lines, (of :data:`rubricc.guard.MIN_REPEAT_WORDS` words or more) repeating an earlier one word for
word (:func:`rubricc.guard.repeated_spans`), the same counts the share rule uses
(:meth:`rubricc.guard.Guard.measure`).

Natural answers rarely repeat a sentence: the 98% quantile is 0.04 on MT-Bench's 320 answers and 0.06 on
AlpacaEval's 22.5k (sentence counts); the 63 AlpacaEval answers above 0.3 are loops and lists of one line
over and over (GPT-4-turbo's mean P(better than the reference) for them 0.002, against 0.10 for all),
with song lyrics' choruses around 0.4. The factor (:func:`part`) is 1 at and below ``min``, the
:data:`QUANTILE` of the training responses' scores but at least :data:`FLOOR`, 0 at and above ``off``,
halfway from ``min`` to 1, linear between: a response said three times over (score 2/3) gets about 0.1,
twice over (1/2) about 0.7. Its factor and calibration are :func:`rubricc.fluency.upper_part` and
:func:`rubricc.fluency.upper_calibrate`, shared with the stuffing rule.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

QUANTILE = 0.98
FLOOR = 0.4
MIN_TOKENS = 32  # a shorter response has no score (a repeated short sentence is no loop)
MIN_RESPONSES = 20  # scored training responses needed to calibrate; fewer: no repetition rule


def score(tokens: Sequence[int], fresh: Sequence[int], min_tokens: int = MIN_TOKENS) -> Optional[float]:
    """The share of a response's tokens in repeated sentences, from its chunks' token counts and fresh
    (non-repeated) token counts; None below ``min_tokens`` tokens."""
    total = float(sum(tokens))
    if total < min_tokens:
        return None
    return max(0.0, 1.0 - float(sum(fresh)) / total)


def part(value: Optional[float], record: Optional[Mapping[str, Any]]) -> float:
    """The repetition factor in [0, 1] (module docstring); 1 without a score or a rule."""
    from rubricc.fluency import upper_part

    return upper_part(value, record)


def calibrate(values: Sequence[Optional[float]], quantile: float = QUANTILE) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """(record fields ``{"min", "off", "min_tokens"}``, report) from the training responses' scores; ({},
    report with a note) with fewer than :data:`MIN_RESPONSES` scored responses."""
    from rubricc.fluency import upper_calibrate

    fields, report = upper_calibrate(values, quantile, FLOOR, MIN_RESPONSES, "repetition")
    if fields:
        fields["min_tokens"] = MIN_TOKENS
    return fields, report

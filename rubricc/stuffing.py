"""A response made of its rubric's own words: the relevance guard's stuffing rule.

A verifier distilled on a few hundred verdicts learns which words its judge's yes verdicts share, and the
rubric's own words are among them: "Key points: allegory, creativity, insightfulness, deeper, meaning."
(``bench/hacks.py``, ``keywords``) scores close to a real poem. The guard already removes whole copies of
a criterion (:func:`rubricc.guard.strip_echo`); this rule reads the bag of words that remains. A
response's score is the share of its words (every word, function words included) that are content words
of its rubric's criteria (three letters or more, not stop words: :func:`rubricc.verifier.invariance.content_words`);
with fewer than :data:`MIN_WORDS` distinct content words there is no score and the rule does not apply.
Counting every word keeps a terse sentence apart from a list: "The three primary colors are red, yellow
and blue." scores 0.56 against "Lists red, yellow and blue as the primary colors", a keyword list 0.78-0.93.

How much of a real answer its rubric's words make up depends on the rubric: MT-Bench's one or two short
criteria little (median 0.003, 98% quantile 0.07, largest 0.13 of 320 answers), HealthBench's ten or
twenty long ones more (median 0.21, 98% quantile 0.42, largest 0.61 of 1,538 reference answers). So the
threshold is calibrated (:func:`calibrate`, on the training responses and their rubrics): the factor
(:func:`part`) is 1 at and below ``min``, the :data:`QUANTILE` of the training responses' scores but at
least :data:`FLOOR` (a response at most half of whose words are its rubric's is never trimmed), 0 at and
above ``off``, halfway from ``min`` to 1 (nothing but the rubric's words), linear between. Standard
library only.
"""
from __future__ import annotations

from typing import Any, Dict, FrozenSet, Mapping, Optional, Sequence, Tuple

import re

from rubricc.verifier.invariance import content_words

_WORD = re.compile(r"[a-z][a-z'-]*")

MIN_WORDS = 6
QUANTILE = 0.98
FLOOR = 0.5
MIN_RESPONSES = 20  # scored training responses needed to calibrate; fewer: no stuffing rule


def vocabulary(criteria: Sequence[str]) -> FrozenSet[str]:
    """The content words of a rubric's criteria."""
    return frozenset().union(*[content_words(c or "") for c in criteria]) if criteria else frozenset()


def score(text: str, vocab: FrozenSet[str], min_words: int = MIN_WORDS) -> Optional[float]:
    """The share of ``text``'s words that are in ``vocab``; None with fewer than ``min_words`` distinct
    content words, or without a vocabulary."""
    if not vocab or len(content_words(text or "")) < min_words:
        return None
    words = _WORD.findall(text.lower())
    return sum(w in vocab for w in words) / len(words)


def part(value: Optional[float], record: Optional[Mapping[str, Any]]) -> float:
    """The stuffing factor in [0, 1] (module docstring); 1 without a score or a rule."""
    from rubricc.fluency import upper_part

    return upper_part(value, record)


def calibrate(pairs: Sequence[Tuple[str, FrozenSet[str]]], quantile: float = QUANTILE) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """(record fields ``{"min", "off", "min_words"}``, report) from training responses, each with its
    rubric's vocabulary (:func:`vocabulary`); ({}, report with a note) with fewer than
    :data:`MIN_RESPONSES` scored responses."""
    from rubricc.fluency import upper_calibrate

    fields, report = upper_calibrate([score(t, v) for t, v in pairs], quantile, FLOOR, MIN_RESPONSES, "stuffing")
    if fields:
        fields["min_words"] = MIN_WORDS
    return fields, report

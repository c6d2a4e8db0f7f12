"""Numbered lists out of order: the relevance guard's order rule.

A cross-encoder distilled on a few hundred verdicts reads a response's sentences much like a set: the same
sentences in a random order score about as high as the answer (``bench/hacks.py``, ``shuffle``: the
reward moves by -0.002 on average and the reordering wins 7.5% of the time on MT-Bench). Sentence order is
hard to read in general prose, but one kind of order is written into the text itself: a numbered list. A
response whose list markers (a line or sentence that starts ``1.``, ``2)``, ``**3.**``; fenced code left
out) do not follow one another has had its parts moved, whatever each part says.

A marker is in order when it is 1 (a list starts), or the number before it occurred earlier (the next item
of a list, also after a nested list), or it is one less than the marker before it (a countdown); the
response's score is the share of its markers in order, read in both directions (a countdown from 10 to 1
is in order). With fewer than :data:`MIN_MARKERS` markers there is no score and the rule does not apply.

Natural lists are in order: 0 of the 320 MT-Bench responses (88 with three or more markers) and 9 of
the 22,511 AlpacaEval responses (5,513 with them) have a marker out of order (a skipped number), so
there is no quantile to calibrate on: the factor (:func:`part`) is 1 at :data:`MIN` and above (one
skipped number in seven costs nothing), 0 at :data:`OFF` and below (half the markers out of order),
linear between. The same responses with their sentences shuffled have a median score of 0.70-0.75, and
84% (MT-Bench) and 93% (AlpacaEval) of them lose reward. :func:`calibrate`
reports how the training responses fare and leaves the rule out where more than :data:`MAX_NATURAL` of
them would lose reward (a corpus whose numbering means something else). Standard library only.
"""
from __future__ import annotations

import random
import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

MIN_MARKERS = 3
MIN = 0.85  # the share of markers in order at and above which the factor is 1
OFF = 0.5  # ... at and below which it is 0
MAX_NATURAL = 0.05  # training responses allowed below factor 1; more: no order rule
_FENCE = re.compile(r"```.*?(?:```|\Z)", re.S)
_UNIT = re.compile(r"(?<=[.!?])[ \t]+|\n")  # lines, and sentences within them
_MARKER = re.compile(r"[ \t]*(?:[*_]{1,2})?(\d{1,2})[.)](?=\s|[*_]|$)")


def markers(text: str) -> List[int]:
    """The numbers of ``text``'s list markers, in order (outside fenced code)."""
    units = _UNIT.split(_FENCE.sub("\n", text or ""))
    return [int(m.group(1)) for u in units for m in (_MARKER.match(u),) if m]


def out_of_order(nums: Sequence[int]) -> int:
    """How many of ``nums`` are not in order, reading them forwards (module docstring)."""
    seen, prev, bad = set(), 0, 0
    for c in nums:
        if not (c == 1 or (c - 1) in seen or c == prev - 1):
            bad += 1
        seen.add(c)
        prev = c
    return bad


def score(text: str, min_markers: int = MIN_MARKERS) -> Optional[float]:
    """The share of ``text``'s list markers in order, the better of both reading directions; None with
    fewer than ``min_markers``."""
    nums = markers(text)
    if len(nums) < min_markers:
        return None
    return 1.0 - min(out_of_order(nums), out_of_order(nums[::-1])) / len(nums)


def part(value: Optional[float], record: Optional[Mapping[str, Any]]) -> float:
    """The order factor in [0, 1] (module docstring); 1 without a score or a rule."""
    from rubricc.fluency import ramp

    if value is None or not record:
        return 1.0
    return ramp(value, record.get("min"), record.get("off"))


def calibrate(texts: Sequence[str], seed: int = 0) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """(record fields ``{"min", "off", "min_markers"}``, report) from training responses: how many have a
    numbered list, how many of those would lose reward, and the mean factor of the same responses with
    their sentences shuffled; ({}, report with a note) when more than :data:`MAX_NATURAL` would lose reward."""
    from rubricc.verifier.hacks import shuffle_sentences

    record = {"min": MIN, "off": OFF, "min_markers": MIN_MARKERS}
    rng = random.Random(seed)
    listed = [(t, s) for t, s in ((t, score(t)) for t in texts) if s is not None]
    own = [s for _, s in listed]
    mixed = [s for s in (score(shuffle_sentences(t, "", (), rng, ())) for t, _ in listed) if s is not None]
    below = sum(part(s, record) < 1.0 for s in own)
    report: Dict[str, Any] = {"with_list": len(own), "of": len(texts), "own_below_1": below / len(own) if own else 0.0,
                              "shuffled_mean_factor": (sum(part(s, record) for s in mixed) / len(mixed)) if mixed else None}
    if own and below / len(own) > MAX_NATURAL:
        report["note"] = (f"{below} of {len(own)} training responses with a numbered list have it out of order: "
                          "no order rule")
        return {}, report
    return record, report

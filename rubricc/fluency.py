"""Word salad: whether a response reads as language (the relevance guard's fluency rule).

A cross-encoder distilled on a few hundred verdicts reads a response much like a bag of words: the words of
an answer shuffled into salad score about as high as the answer (``bench/hacks.py``, ``scramble_tail``), and
a policy under GRPO drifts into exactly such degenerate text. The fluency rule reads what the bag loses:
the order of the most common words. It is a bigram table over the :data:`WORDS` most frequent words of the
training responses (the function words of their language: "of the", "it is", "to be"), as pointwise mutual
information ``log P(a, b) / (P(a) P(b))`` with add-half smoothing. A response's score is the mean PMI of its
consecutive pairs of such words (fenced code is left out: it is not prose); with fewer than
:data:`MIN_PAIRS` pairs (a short answer, a list of names, another language) it has no score and the rule
does not apply. Fluent text scores about 1, salad of the same words about -1.

Calibration (:func:`calibrate`, training responses only) is cross-fitted so that its threshold is what
unseen responses get: a table is fitted on half of the responses, ``min`` is the ``quantile`` of the other
half's scores, or the point halfway between that half's median and ``off`` where that is lower (poems, worked
maths and terse lists sit in fluent text's lower tail: text closer to fluent than to salad keeps its reward),
and ``off`` is the median score of that half with its words shuffled; the shipped table is then fitted on
all of them. The factor (:func:`part`) is 1 at ``min`` and above, 0 at ``off`` and below, linear
between, like the relevance gate. The table travels as :data:`FILE` (NumPy ``.npz``) beside ``guard.onnx``.
NumPy only.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

WORDS = 100  # the most frequent words of the training responses: the table is WORDS x WORDS
MIN_PAIRS = 8  # consecutive pairs of such words a response needs for a score
FILE = "guard_fluency.npz"
MIN_RESPONSES = 20  # scored responses per calibration half; fewer: no fluency rule
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_FENCE = re.compile(r"```.*?(?:```|\Z)", re.S)


def words(text: str) -> List[str]:
    """The lower-cased words of ``text`` outside fenced code."""
    return [w.lower() for w in _WORD.findall(_FENCE.sub(" ", text or ""))]


class Table:
    """A fitted bigram table: ``vocab`` (word -> row) and ``pmi`` [V, V]."""

    def __init__(self, vocab: Sequence[str], pmi: np.ndarray):
        self.vocab = {w: i for i, w in enumerate(vocab)}
        self.pmi = np.asarray(pmi, np.float32)

    def score(self, text: str, min_pairs: int = MIN_PAIRS) -> Optional[float]:
        """Mean PMI of the consecutive pairs of table words; None with fewer than ``min_pairs``."""
        idx = np.fromiter((self.vocab.get(w, -1) for w in words(text)), np.int64)
        if len(idx) < 2:
            return None
        a, b = idx[:-1], idx[1:]
        keep = (a >= 0) & (b >= 0)
        if int(keep.sum()) < min_pairs:
            return None
        return float(np.mean(self.pmi[a[keep], b[keep]]))

    def save(self, path) -> None:
        words_ = sorted(self.vocab, key=self.vocab.get)
        with open(path, "wb") as fh:  # a file object: np.savez would add ".npz" to a temporary name
            np.savez(fh, vocab=np.array(words_), pmi=self.pmi)

    @classmethod
    def load(cls, path) -> "Table":
        with np.load(Path(path), allow_pickle=False) as z:
            return cls([str(w) for w in z["vocab"]], z["pmi"])


def fit(texts: Sequence[str], size: int = WORDS) -> Table:
    """The table of ``texts``' ``size`` most frequent words."""
    tokenized = [words(t) for t in texts]
    vocab = [w for w, _ in Counter(w for ws in tokenized for w in ws).most_common(size)]
    index = {w: i for i, w in enumerate(vocab)}
    counts = np.full((len(vocab), len(vocab)), 0.5)
    for ws in tokenized:
        idx = np.fromiter((index.get(w, -1) for w in ws), np.int64)
        a, b = idx[:-1], idx[1:]
        keep = (a >= 0) & (b >= 0)
        np.add.at(counts, (a[keep], b[keep]), 1.0)
    p = counts / counts.sum()
    return Table(vocab, np.log(p / (p.sum(1, keepdims=True) * p.sum(0, keepdims=True))))


def salad(text: str, rng: random.Random) -> str:
    """``text``'s words in a random order."""
    w = text.split()
    rng.shuffle(w)
    return " ".join(w)


def ramp(value: float, hi: Optional[float], lo: Optional[float]) -> float:
    """1 at ``hi`` and above, 0 at ``lo`` and below, linear between; 1 when either bound is missing or
    they do not separate (``hi <= lo``). The guard's relevance gate and this rule's factor."""
    if hi is None or lo is None or hi <= lo:
        return 1.0
    return float(np.clip((value - lo) / (hi - lo), 0.0, 1.0))


def upper_part(value: Optional[float], record: Optional[Mapping[str, Any]]) -> float:
    """The factor of a rule whose score is suspicious when high (stuffing, repetition): 1 at ``record["min"]``
    and below, 0 at ``record["off"]`` and above, linear between; 1 without a score or a calibrated rule."""
    if value is None or not record or "min" not in record or "off" not in record:
        return 1.0
    return ramp(-value, -record["min"], -record["off"])


def upper_calibrate(values: Sequence[Optional[float]], quantile: float, floor: float, min_responses: int,
                    rule: str) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """(record fields ``{"min", "off"}``, report) of an :func:`upper_part` rule from the training responses'
    scores (None: no score): ``min`` is their ``quantile`` but at least ``floor``, ``off`` halfway from
    ``min`` to 1; ({}, report with a note) with fewer than ``min_responses`` scores."""
    own = sorted(v for v in values if v is not None)
    report: Dict[str, Any] = {"scored": len(own), "of": len(values)}
    if len(own) < min_responses:
        report["note"] = f"{len(own)} training responses with a score (fewer than {min_responses}): no {rule} rule"
        return {}, report
    q = own[min(len(own) - 1, int(round(quantile * (len(own) - 1))))]
    lo = max(floor, q)
    fields = {"min": lo, "off": (lo + 1.0) / 2}
    report.update(own_median=own[len(own) // 2], own_quantile=q, own_max=own[-1],
                  own_below_1=sum(upper_part(v, fields) < 1.0 for v in own) / len(own))
    return fields, report


def part(score: Optional[float], record: Optional[Mapping[str, Any]]) -> float:
    """The fluency factor in [0, 1] (module docstring); 1 without a score or a calibrated rule."""
    if score is None or not record:
        return 1.0
    return ramp(score, record.get("min"), record.get("off"))


def calibrate(texts: Sequence[str], seed: int = 0, quantile: float = 0.02,
              min_pairs: int = MIN_PAIRS) -> Tuple[Optional[Table], Dict[str, Any], Dict[str, Any]]:
    """(table fitted on all ``texts``, record fields ``{"min", "off", "min_pairs"}``, report), cross-fitted
    (module docstring); (None, {}, report with a note) when too few responses have a score or fluent and
    shuffled text do not separate."""
    rng = random.Random(seed)
    order = [t for t in texts if t and t.strip()]
    rng.shuffle(order)
    half = len(order) // 2
    table = fit(order[:half]) if half else None
    own = [s for s in (table.score(t, min_pairs) for t in order[half:]) if s is not None] if table else []
    shuffled = [s for s in (table.score(salad(t, rng), min_pairs) for t in order[half:]) if s is not None] if table else []
    report: Dict[str, Any] = {"scored": len(own), "of": len(order) - half}
    if len(own) < MIN_RESPONSES or not shuffled:
        report["note"] = f"{len(own)} calibration responses with a fluency score (fewer than {MIN_RESPONSES}): no fluency rule"
        return None, {}, report
    lo = float(np.median(shuffled))
    hi = min(float(np.quantile(own, quantile)), (float(np.median(own)) + lo) / 2)
    report.update(own_median=float(np.median(own)), shuffled_median=lo,
                  own_below_1=float(np.mean(np.array(own) < hi)),
                  shuffled_mean_factor=float(np.mean([part(s, {"min": hi, "off": lo}) for s in shuffled])))
    if hi <= lo:
        report["note"] = "fluent and shuffled responses do not separate here: no fluency rule"
        return None, {}, report
    return fit(order), {"file": FILE, "min": hi, "off": lo, "min_pairs": min_pairs}, report

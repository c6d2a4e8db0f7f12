"""Escalation: the verifier's verdicts it should not be trusted on go to the judge (:mod:`rubricc.judge`).

A neural verdict is a *candidate* when

* its calibrated probability lies in the uncertainty band ``[low, high]`` (reason ``band``), or
* its response is far from the responses the verifier was trained on (reason ``distance``): the cosine
  distance, in a hashed bag of the verifier's own tokens (unigrams and bigrams of the bundle's tokenizer),
  from the nearest of the training responses stored in the bundle (:class:`DistanceIndex`, written by
  `rubricc calibrate --train-responses`). This is a cheap stand-in for a distance in the encoder's hidden
  states, which the ONNX graph does not expose.

Candidates are ranked (band verdicts by closeness to 0.5, distance verdicts by distance) and the judge
gets the first ones within the budget: ``max_share`` of the call's neural verdicts (a fractional share
carries over to the next call, so 5% of 8 verdicts per call is one verdict every few calls) and
``max_seconds`` of waiting. One request per response (all its escalated criteria), all in flight at once.

The judge's yes/no replaces the verifier's probability; a verdict the judge did not give (timeout, 5xx,
garbage, deadline, budget) keeps the verifier's, and :attr:`Escalator.counters` says how many and why.
The band and distance threshold come from the bundle's ``verifier.json`` ``escalation`` record (written by
`rubricc calibrate`) unless given.
"""
from __future__ import annotations

import json
import logging
import math
import threading
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

import numpy as np

from rubricc.judge import Judge, judge_from_options

log = logging.getLogger("rubricc.escalation")
INDEX_FILE = "escalation_index.npy"
INDEX_DIM = 1024
INDEX_MAX = 4096  # training responses kept in the index (a seeded sample beyond)


@dataclass
class Policy:
    """When a verdict is escalated and how much may be: see the module docstring."""
    low: float = 0.25
    high: float = 0.75
    distance: Optional[float] = None   # None: no distance rule
    max_share: float = 0.1
    max_seconds: float = 30.0

    def __post_init__(self):
        if not 0.0 <= self.low <= self.high <= 1.0:
            raise ValueError(f"escalation band must satisfy 0 <= low <= high <= 1 (got {self.low}, {self.high})")
        if not 0.0 <= self.max_share <= 1.0:
            raise ValueError(f"max_share must be in [0, 1] (got {self.max_share})")
        if self.max_seconds <= 0:
            raise ValueError(f"max_seconds must be positive (got {self.max_seconds})")

    @classmethod
    def from_bundle(cls, cfg: Mapping[str, Any], **overrides: Any) -> "Policy":
        """The bundle's calibrated policy (``verifier.json`` field ``escalation``), then ``overrides``
        (None values ignored)."""
        names = {f.name for f in fields(cls)}
        rec = {k: v for k, v in (cfg.get("escalation") or {}).items() if k in names}
        rec.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**rec)


# ----------------------------------------------------------------------------------------------
# distance from the training responses
# ----------------------------------------------------------------------------------------------
def token_features(token_ids: Sequence[Sequence[int]], dim: int = INDEX_DIM) -> np.ndarray:
    """One L2-normalised row per text: hashed counts of its token unigrams and bigrams (sublinear tf)."""
    out = np.zeros((len(token_ids), dim), np.float32)
    for i, ids in enumerate(token_ids):
        ids = np.asarray(ids, np.int64)
        if ids.size == 0:
            continue
        keys = [ids % dim]
        if ids.size > 1:
            keys.append((ids[:-1] * 1000003 + ids[1:] * 7919 + 17) % dim)
        np.add.at(out[i], np.concatenate(keys), 1.0)
        np.log1p(out[i], out=out[i])
        n = float(np.linalg.norm(out[i]))
        if n > 0:
            out[i] /= n
    return out


class DistanceIndex:
    """Hashed token features of the training responses; :meth:`distance` is 1 - the cosine to the nearest."""

    def __init__(self, matrix: np.ndarray):
        self.matrix = np.asarray(matrix, np.float32)

    @classmethod
    def build(cls, token_ids: Sequence[Sequence[int]], seed: int = 0, limit: int = INDEX_MAX) -> "DistanceIndex":
        idx = np.arange(len(token_ids))
        if len(idx) > limit:
            idx = np.sort(np.random.default_rng(seed).choice(idx, limit, replace=False))
        return cls(token_features([token_ids[i] for i in idx]).astype(np.float16))

    def save(self, bundle_dir) -> Path:
        path = Path(bundle_dir) / INDEX_FILE
        np.save(path, self.matrix.astype(np.float16))
        return path

    @classmethod
    def load(cls, bundle_dir) -> Optional["DistanceIndex"]:
        path = Path(bundle_dir) / INDEX_FILE
        return cls(np.load(path).astype(np.float32)) if path.exists() else None

    def distance(self, token_ids: Sequence[Sequence[int]]) -> np.ndarray:
        if len(token_ids) == 0 or len(self.matrix) == 0:
            return np.ones(len(token_ids))
        sims = token_features(token_ids, self.matrix.shape[1]) @ self.matrix.T
        return np.clip(1.0 - sims.max(axis=1), 0.0, 1.0).astype(np.float64)


# ----------------------------------------------------------------------------------------------
# the escalator
# ----------------------------------------------------------------------------------------------
def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, np.float64)))


def rank_candidates(p: np.ndarray, dist: np.ndarray, policy: Policy) -> List[tuple]:
    """``(priority, position, reason)`` of the candidates among verdicts with probabilities ``p`` and
    response distances ``dist`` (one per verdict), most urgent first. A band verdict's priority is
    ``1 - |2p - 1|`` (1 at p = 0.5), a distance verdict's is 1 + its distance (distance goes first)."""
    out = []
    for k in range(len(p)):
        if policy.distance is not None and dist[k] >= policy.distance:
            out.append((1.0 + float(dist[k]), k, "distance"))
        elif policy.low <= p[k] <= policy.high:
            out.append((1.0 - abs(2.0 * float(p[k]) - 1.0), k, "band"))
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


class Escalator:
    """What ``RubricReward(..., judge=...)`` holds. ``judge``: a :class:`rubricc.judge.Judge` or a dict of
    its arguments; ``policy``: a :class:`Policy`, a dict of its fields, or None (the bundle's); ``index``:
    the :class:`DistanceIndex` (default: the bundle's, when it has one)."""

    def __init__(self, judge: Any, policy: Any = None, index: Optional[DistanceIndex] = None):
        self.judge: Judge = judge_from_options(judge)
        self._policy = policy
        self.policy: Optional[Policy] = policy if isinstance(policy, Policy) else None
        self.index = index
        self.counters: Counter = Counter()
        self._carry = 0.0
        self._lock = threading.Lock()
        self._bound = None

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_lock", None)
        state["counters"] = Counter()
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def bind(self, verifier_dir, cfg: Mapping[str, Any]) -> "Escalator":
        """Takes the policy and index of the bundle (unless given); called by RubricReward (and on reload)."""
        if not isinstance(self._policy, Policy):
            self.policy = Policy.from_bundle(cfg, **(self._policy or {}))
        if self._bound is not None and self._bound != str(verifier_dir) and self.index is not None:
            self.index = None  # the old bundle's index does not describe the new bundle's training data
        if self.index is None:
            self.index = DistanceIndex.load(verifier_dir)
        self._bound = str(verifier_dir)
        return self

    def figures(self) -> Dict[str, float]:
        """The counters as numbers, for logs (``escalation/...``)."""
        c = dict(self.counters)
        c.update({f"judge_{k}": v for k, v in self.judge.counters.items()})
        return {f"escalation/{k}": float(v) for k, v in sorted(c.items())}

    def escalate(self, reward, plans, responses, row_prompt, counts, kind, value, logits) -> Dict[int, Dict[str, Any]]:
        """Called by ``RubricReward.score_plans`` once the verifier's logits are known: sends the chosen
        verdicts to the judge and writes its verdicts into ``kind``/``value`` (as fixed verdicts, like a
        program check's). Returns ``{row: {criterion_id: {"reason", "verifier", "judge"}}}``."""
        from rubricc.kernels.twin import NEURAL, PROGRAM

        policy = self.policy or Policy()
        starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        pos = np.flatnonzero(kind == NEURAL)
        if pos.size == 0:
            return {}
        p = sigmoid(logits[pos] / float(reward.temperature))
        row_of = np.searchsorted(starts, pos, side="right") - 1
        dist = np.zeros(pos.size)
        if policy.distance is not None and self.index is not None:
            rows = sorted(set(row_of.tolist()))
            d = self.index.distance(reward.encode_heads([responses[i] for i in rows], 512))
            by_row = dict(zip(rows, d))
            dist = np.asarray([by_row[r] for r in row_of])
        ranked = rank_candidates(p, dist, policy)
        with self._lock:
            credit = policy.max_share * pos.size + self._carry
            k = min(len(ranked), int(math.floor(credit + 1e-9)))
            self._carry = min(1.0, credit - k) if ranked else min(1.0, credit)
            self.counters["verdicts"] += int(pos.size)
            self.counters["candidates"] += len(ranked)
            self.counters["over_budget"] += len(ranked) - k
        chosen = ranked[:k]
        if not chosen:
            return {}
        by_row: Dict[int, List[tuple]] = {}
        for _, k_, reason in chosen:
            i = int(row_of[k_])
            j = int(pos[k_] - starts[i])
            by_row.setdefault(i, []).append((int(pos[k_]), plans[i].ids[j], reason, float(p[k_])))
        rows = sorted(by_row)
        answers = self.judge.grade([(plans[i].rubric, responses[i], [c for _, c, _, _ in by_row[i]]) for i in rows],
                                   deadline_s=policy.max_seconds)
        out: Dict[int, Dict[str, Any]] = {}
        replaced = failed = 0
        for i, ans in zip(rows, answers):
            rec = out.setdefault(i, {})
            for m, cid, reason, prob in by_row[i]:
                v = ans.verdicts.get(cid)
                rec[cid] = {"reason": reason, "verifier": prob, "judge": v}
                if v is None:
                    failed += 1
                    rec[cid]["failure"] = ans.failure or "invalid"
                    continue
                kind[m] = PROGRAM
                value[m] = 1.0 if v else 0.0
                replaced += 1
        with self._lock:
            self.counters["escalated"] += len(chosen)
            self.counters["replaced"] += replaced
            self.counters["judge_failed"] += failed
            for _, _, reason in chosen:
                self.counters[f"reason_{reason}"] += 1
        if failed:
            log.warning("escalation: the judge gave %d of %d verdicts; the verifier's stand for the rest",
                        replaced, len(chosen))
        return out


def make_escalator(judge: Any, policy: Any = None) -> Optional[Escalator]:
    """``RubricReward``'s ``judge=`` argument as an :class:`Escalator`: an Escalator, a Judge, a dict of
    Judge arguments or ``{"judge": Judge}``, either with an optional ``policy`` entry (a :class:`Policy` or
    a dict of its fields), or None."""
    if judge is None or isinstance(judge, Escalator):
        return judge
    if isinstance(judge, Mapping):
        judge = dict(judge)
        policy = judge.pop("policy", policy)
        judge = judge.pop("judge") if "judge" in judge else judge
    return Escalator(judge, policy)


def write_policy(bundle_dir, record: Mapping[str, Any]) -> Dict[str, Any]:
    """Writes ``record`` as the ``escalation`` field of the bundle's ``verifier.json`` (atomically)."""
    from rubricc.bundle import CONFIG_FILE, read_config
    from rubricc.formats import write_json

    cfg = read_config(bundle_dir)  # a bad bundle is a one-line error before anything is written
    with open(Path(bundle_dir) / CONFIG_FILE, encoding="utf-8") as fh:
        raw = json.load(fh)
    raw["escalation"] = dict(record)
    write_json(Path(bundle_dir) / CONFIG_FILE, raw)
    cfg["escalation"] = raw["escalation"]
    return cfg


def policy_record(policy: Policy) -> Dict[str, Any]:
    return asdict(policy)


def stable_split(key: str, seed: int = 0) -> int:
    """0 or 1, a stable hash of ``key`` (the two halves of `rubricc calibrate`)."""
    return zlib.crc32(f"{seed}:{key}".encode()) & 1

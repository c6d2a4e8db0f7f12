"""`rubricc calibrate`: choose the escalation band of a verifier by replaying held-out judgments.

The verifier scores the held-out responses once; then, for every band ``[0.5 - m, 0.5 + m]`` on a grid of
margins m (quantiles of the verifier's own ``|p - 0.5|``, so the points are spread evenly over the share
escalated, labels unused), the verdicts inside the band are replaced by the judge's (the judgments file plays the judge,
as escalation would have asked it) and we measure, per split:

* ``share``: the share of neural verdicts escalated (what the judge is paid for);
* ``agreement``: the share of neural verdicts that agree with the judge after escalation (hard labels);
* ``spearman``: within-prompt Spearman correlation of the rewards with the judge's rewards;
* ``tail_acc``: pairwise accuracy among the top 40% of each prompt's responses by the judge's reward.

Prompts are split in two by a seeded hash: the band is *picked* on split A (the smallest margin whose
agreement reaches ``target``) and *reported* on split B, so the figure that says what the band buys was
not used to choose it. The pick is written to the bundle's ``verifier.json`` (field ``escalation``), which
``RubricReward(..., judge=...)`` reads. With ``train_responses`` (the responses the verifier was trained
on) the distance index of :mod:`rubricc.escalation` is written into the bundle too, and the verifier's
agreement is reported for held-out responses near to and far from the training data, and the distance rule
is picked together with the band: each band is combined with each distance threshold on a grid (quantiles
of the held-out distances: the farthest 5% to 50% of responses, or no distance rule), and the pair with the
smallest share escalated that reaches ``target`` on split A wins (no rule on a tie), reported on split B.

Only judged (response, criterion) pairs count; a program criterion keeps the judge's verdict on both sides
(escalation never touches it).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from rubricc.errors import InputError
from rubricc.escalation import DistanceIndex, Policy, policy_record, stable_split, write_policy

GRID = 51  # points of the curve
FAR_SHARES = (0.05, 0.1, 0.2, 0.3, 0.5)  # distance thresholds tried: the farthest share of held-out responses
SPLITS = ("pick", "report")


@dataclass
class Verdicts:
    """One row per judged (response, criterion): ``p`` the verifier's probability (nan for a program
    criterion), ``label`` the judge's verdict, ``weight``, ``group`` (prompt id), ``response`` (index of
    the response), ``split`` (0 pick, 1 report), ``distance`` of the response from the training data."""
    p: np.ndarray
    label: np.ndarray
    weight: np.ndarray
    group: List[str]
    response: np.ndarray
    split: np.ndarray
    distance: Optional[np.ndarray] = None


@dataclass
class Calibration:
    curve: List[Dict[str, Any]]
    policy: Policy
    target: float
    picked: Dict[str, Any]
    reported: Dict[str, Any]
    counts: Dict[str, int]
    distance: Dict[str, Any] = field(default_factory=dict)
    reached: bool = True


def collect(verifier, rubrics_path, responses_path, judgments_path, *, seed: int = 0, threads: Optional[int] = None,
            chunk: int = 256, backend: str = "auto", train_responses=None, index_out=None, log=print) -> Verdicts:
    """Scores the responses with the verifier and lines the scores up with the judgments."""
    from rubricc.compiler.label import read_rubric_index, read_responses_checked
    from rubricc.formats import read_judgments, read_responses
    from rubricc.runtime import RubricReward

    rubrics = read_rubric_index(rubrics_path)
    skipped: List[str] = []
    responses = read_responses_checked(responses_path, rubrics, rubrics_path, skipped)
    judged: Dict[tuple, bool] = {}
    for j in read_judgments(judgments_path):
        if j.verdict is not None:
            judged[(j.prompt_id, j.response_id, j.criterion_id)] = bool(j.verdict)
    responses = [r for r in responses if any((r.prompt_id, r.id, c.id) in judged for c in rubrics[r.prompt_id].criteria)]
    if not responses:
        raise InputError(f"{judgments_path}: no judgment matches a response of {responses_path} with a rubric")
    reward = RubricReward(verifier, rubrics=list(rubrics.values()), threads=threads, backend=backend)
    details: List[Dict[str, Any]] = []
    for start in range(0, len(responses), chunk):
        part = responses[start:start + chunk]
        details += reward.score_items([rubrics[r.prompt_id] for r in part], [r.text for r in part])
    dist = None
    if train_responses is not None:
        train = read_responses(train_responses)
        index = DistanceIndex.build(reward.encode_heads([r.text for r in train], 512), seed=seed)
        if index_out is not None:
            index.save(index_out)
            log(f"calibrate: distance index of {len(index.matrix)} training responses -> {Path(index_out) / 'escalation_index.npy'}")
        dist_by_resp = index.distance(reward.encode_heads([r.text for r in responses], 512))
    p, label, weight, group, resp, split, distance = [], [], [], [], [], [], []
    for k, (r, d) in enumerate(zip(responses, details)):
        s = stable_split(r.prompt_id, seed)
        for c in rubrics[r.prompt_id].criteria:
            v = judged.get((r.prompt_id, r.id, c.id))
            if v is None:
                continue
            val = d["verdicts"].get(c.id)
            p.append(float(val) if isinstance(val, float) else math.nan)
            label.append(1.0 if v else 0.0)
            weight.append(c.weight)
            group.append(r.prompt_id)
            resp.append(k)
            split.append(s)
            if train_responses is not None:
                distance.append(dist_by_resp[k])
    if train_responses is not None:
        dist = np.asarray(distance)
    return Verdicts(np.asarray(p), np.asarray(label), np.asarray(weight, np.int64), group, np.asarray(resp),
                    np.asarray(split), dist)


def figures(v: Verdicts, mask: np.ndarray, escalate: np.ndarray) -> Dict[str, Any]:
    """The four figures on the rows in ``mask`` when the rows in ``escalate`` take the judge's verdict."""
    from rubricc.scoring import score
    from rubricc.verifier.metrics import spearman_within_groups, tail_pairwise_accuracy

    neural = mask & ~np.isnan(v.p)
    n = int(neural.sum())
    pred = np.where(escalate | np.isnan(v.p), v.label, v.p)
    agree = ((pred[neural] >= 0.5) == (v.label[neural] >= 0.5)).mean() if n else None
    by_resp: Dict[int, List[int]] = {}
    for i in np.flatnonzero(mask):
        by_resp.setdefault(int(v.response[i]), []).append(i)
    groups: Dict[str, List[tuple]] = {}
    for rows in by_resp.values():
        w = [int(v.weight[i]) for i in rows]
        rj, rp = score(w, [float(v.label[i]) for i in rows]), score(w, [float(pred[i]) for i in rows])
        if rj is not None and rp is not None:
            groups.setdefault(v.group[rows[0]], []).append((rj, rp))
    yj = [[a for a, _ in g] for g in groups.values()]
    yp = [[b for _, b in g] for g in groups.values()]
    return {"verdicts": n, "share": float((escalate & neural).sum() / n) if n else None,
            "agreement": None if agree is None else float(agree), "spearman": spearman_within_groups(yj, yp),
            "tail_acc": tail_pairwise_accuracy(yj, yp)}


def band_mask(p: np.ndarray, margin: float) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.abs(p - 0.5) <= margin + 1e-12


def share_mask(v: Verdicts, mask: np.ndarray, share: float) -> np.ndarray:
    """Escalates the ``share`` most uncertain neural verdicts among ``mask`` (what a budget buys)."""
    idx = np.flatnonzero(mask & ~np.isnan(v.p))
    k = int(math.floor(share * len(idx) + 1e-9))
    out = np.zeros(len(v.p), bool)
    out[idx[np.argsort(np.abs(v.p[idx] - 0.5), kind="stable")[:k]]] = True
    return out


def margin_grid(p: np.ndarray, n: int = GRID) -> List[float]:
    """Margins at evenly spaced quantiles of ``|p - 0.5|`` (0 first, 0.5 last)."""
    m = np.abs(p[~np.isnan(p)] - 0.5)
    qs = np.quantile(m, np.linspace(0.0, 1.0, n - 1)) if m.size else np.zeros(0)
    return sorted({0.0, 0.5, *(float(np.round(q, 6)) for q in qs)})


def calibrate_verdicts(v: Verdicts, target: float = 0.9, margins: Optional[Sequence[float]] = None,
                       shares: Sequence[float] = (0.05, 0.1)) -> Calibration:
    """The curve on both splits, the pick on split A and its figures on split B."""
    margins = margin_grid(v.p) if margins is None else margins
    masks = {name: v.split == k for k, name in enumerate(SPLITS)}
    for name, m in masks.items():
        if not (m & ~np.isnan(v.p)).any():
            raise InputError(f"calibrate: the {name} split has no judged neural verdict (too few prompts; "
                             "pass more held-out judgments or another --seed)")
    curve = []
    for margin in margins:
        esc = band_mask(v.p, margin)
        row = {"margin": float(margin), "low": round(0.5 - margin, 6), "high": round(0.5 + margin, 6)}
        for name, m in masks.items():
            row[name] = figures(v, m, esc)
        curve.append(row)
    reached = [r for r in curve if (r["pick"]["agreement"] or 0) >= target]
    pick = reached[0] if reached else curve[-1]
    threshold = None
    if v.distance is not None:
        joint = joint_pick(v, masks, margins, target)
        if joint is not None and (not reached or joint["pick"]["share"] < (pick["pick"]["share"] or 0.0) - 1e-12):
            pick, threshold = joint, joint["distance"]
    share_pick = pick["pick"]["share"] or 0.0
    policy = Policy(low=pick["low"], high=pick["high"], distance=threshold,
                    max_share=min(1.0, max(Policy.max_share, round(1.25 * share_pick + 1e-3, 3))))
    budgets = {}
    for s in shares:
        budgets[f"{s:g}"] = {name: figures(v, m, share_mask(v, m, s)) for name, m in masks.items()}
    counts = {name: int((m & ~np.isnan(v.p)).sum()) for name, m in masks.items()}
    counts.update({f"prompts_{name}": len({g for g, s in zip(v.group, v.split) if s == k})
                   for k, name in enumerate(SPLITS)})
    cal = Calibration(curve=curve, policy=policy, target=target, picked=pick["pick"], reported=pick["report"],
                      counts=counts, reached=bool(reached) or threshold is not None)
    cal.distance = {"budgets": budgets}
    if v.distance is not None:
        cal.distance.update(distance_figures(v))
    return cal


def distance_thresholds(v: Verdicts) -> List[float]:
    """Distance thresholds that escalate the farthest FAR_SHARES of the held-out responses (labels unused)."""
    per_resp = {int(r): float(d) for r, d in zip(v.response, v.distance)}
    d = np.asarray(list(per_resp.values()))
    return sorted({float(np.round(np.quantile(d, 1.0 - s), 6)) for s in FAR_SHARES}) if d.size else []


def joint_pick(v: Verdicts, masks: Dict[str, np.ndarray], margins: Sequence[float],
               target: float) -> Optional[Dict[str, Any]]:
    """The (band, distance threshold) pair with the smallest share escalated on the pick split among those
    whose agreement reaches ``target`` there (None when none does); its figures on both splits."""
    best = None
    for thr in distance_thresholds(v):
        far = v.distance >= thr
        for margin in margins:
            esc = band_mask(v.p, margin) | far
            a = figures(v, masks["pick"], esc)
            if (a["agreement"] or 0) < target:
                continue
            if best is None or a["share"] < best["pick"]["share"] - 1e-12:
                best = {"margin": float(margin), "low": round(0.5 - margin, 6), "high": round(0.5 + margin, 6),
                        "distance": thr, "pick": a, "report": figures(v, masks["report"], esc)}
            break  # larger margins only escalate more at this threshold
    return best


def distance_figures(v: Verdicts) -> Dict[str, Any]:
    """The verifier's own agreement (nothing escalated) on held-out verdicts whose response is nearer to /
    farther from the training data than the median distance."""
    neural = ~np.isnan(v.p)
    med = float(np.median(v.distance[neural]))
    right = (v.p >= 0.5) == (v.label >= 0.5)
    near, far = neural & (v.distance <= med), neural & (v.distance > med)
    return {"median_distance": med,
            "agreement_near": float(right[near].mean()) if near.any() else None,
            "agreement_far": float(right[far].mean()) if far.any() else None}


def share_needed(cal: Calibration, agreement: float, split: str = "report") -> Optional[float]:
    """The smallest share escalated on the curve at which ``split`` reaches ``agreement`` (None: never)."""
    for row in cal.curve:
        if (row[split]["agreement"] or 0) >= agreement:
            return row[split]["share"]
    return None


def record(cal: Calibration) -> Dict[str, Any]:
    """The ``escalation`` field written into ``verifier.json``."""
    rec = policy_record(cal.policy)
    rec.update({"target": cal.target, "reached": cal.reached, "picked_on": cal.picked, "reported_on": cal.reported,
                "counts": cal.counts})
    return rec


def run_calibrate(verifier, rubrics_path, responses_path, judgments_path, *, target: float = 0.9, seed: int = 0,
                  write: bool = True, threads: Optional[int] = None, backend: str = "auto", train_responses=None,
                  log=print) -> Calibration:
    """`rubricc calibrate`: collect, calibrate, write the policy (and distance index) into the bundle."""
    if not 0.0 < target <= 1.0:
        raise InputError(f"--target {target}: must be in (0, 1]")
    v = collect(verifier, rubrics_path, responses_path, judgments_path, seed=seed, threads=threads, backend=backend,
                train_responses=train_responses, index_out=verifier if write else None, log=log)
    cal = calibrate_verdicts(v, target)
    if write:
        write_policy(verifier, record(cal))
    return cal


def format_curve(cal: Calibration, every: int = 5) -> str:
    """The curve as a table (every ``every``-th margin, and the pick)."""
    def f(x, d=3):
        return "-" if x is None else f"{x:.{d}f}"

    lines = ["band              | pick: share  agree  spearman tail_acc | report: share  agree  spearman tail_acc"]
    for k, row in enumerate(cal.curve):
        chosen = row["pick"] is cal.picked
        if k % every and not chosen and k != len(cal.curve) - 1:
            continue
        a, b = row["pick"], row["report"]
        lines.append(f"[{row['low']:.3f}, {row['high']:.3f}]{' *' if chosen else '  '} | {f(a['share'])}  {f(a['agreement'])}  "
                     f"{f(a['spearman'])}    {f(a['tail_acc'])}    | {f(b['share'])}  {f(b['agreement'])}  "
                     f"{f(b['spearman'])}    {f(b['tail_acc'])}")
    return "\n".join(lines)

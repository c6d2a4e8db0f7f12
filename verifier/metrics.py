"""Fidelity metrics of a distilled verifier against its judge (DESIGN section 6).

Per criterion verdict: accuracy, macro-F1, AUROC, expected calibration error (ECE) of the calibrated
probabilities. Per response (the reward, :func:`rubricc.scoring.score`): Spearman correlation with the
judge's reward within each prompt group (mean over groups), and pairwise ranking accuracy among the top
40% of each group by the judge's reward (the paper's "tail"). Every figure comes with the same figure for
a trivial baseline (the training prior of the criterion's text, else the global prior) so the lift shows.

Labels may be soft (the judge's ``p_yes``): hard labels are ``label >= 0.5``. A figure that is undefined
(AUROC with one class, Spearman of a constant) is ``None``, never a crash.
"""
from __future__ import annotations

import math
from typing import Dict, List, Optional, Sequence

import numpy as np

TAIL_FRACTION = 0.4


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def fit_temperature(logits: Sequence[float], labels: Sequence[float], weights: Optional[Sequence[float]] = None) -> float:
    """Temperature T minimising the (weighted) binary cross-entropy of sigmoid(logit / T) against the soft
    labels; 1.0 when there is nothing to fit."""
    from scipy.optimize import minimize_scalar

    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    w = np.ones_like(z) if weights is None else np.asarray(weights, dtype=np.float64)
    if z.size == 0 or np.all(z == z[0]):
        return 1.0

    def nll(log_t):
        s = z / math.exp(log_t)
        # log(1 + e^s) - y s, stable
        return float(np.sum(w * (np.logaddexp(0.0, s) - y * s)) / np.sum(w))

    res = minimize_scalar(nll, bounds=(math.log(0.05), math.log(20.0)), method="bounded")
    t = float(math.exp(res.x))
    return t if nll(math.log(t)) <= nll(0.0) else 1.0


def ece(probs: Sequence[float], labels: Sequence[float], n_bins: int = 10) -> Optional[float]:
    """Expected calibration error with equal-width bins: sum_b |B|/n * |mean(p) - mean(y)| over bins
    (``y`` may be soft)."""
    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if p.size == 0:
        return None
    bins = np.minimum((p * n_bins).astype(np.int64), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            total += m.sum() / p.size * abs(p[m].mean() - y[m].mean())
    return float(total)


def classification(probs: Sequence[float], labels: Sequence[float]) -> Dict[str, Optional[float]]:
    """Accuracy and macro-F1 at 0.5, AUROC, ECE, for probabilities against soft or hard labels."""
    from sklearn.metrics import f1_score, roc_auc_score

    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    yh = (y >= 0.5).astype(int)
    ph = (p >= 0.5).astype(int)
    out: Dict[str, Optional[float]] = {"n": int(p.size), "positive_rate": float(yh.mean()) if p.size else None}
    if p.size == 0:
        out.update(accuracy=None, macro_f1=None, auroc=None, ece=None)
        return out
    out["accuracy"] = float((yh == ph).mean())
    out["macro_f1"] = float(f1_score(yh, ph, average="macro", labels=[0, 1], zero_division=0))
    out["auroc"] = float(roc_auc_score(yh, p)) if 0 < yh.sum() < yh.size else None
    out["ece"] = ece(p, y)
    return out


def text_prior(train_texts: Sequence[str], train_labels: Sequence[float], min_count: int = 1):
    """The baseline: P(yes) of a criterion = mean training label of the same criterion text, else the
    global training mean. Returns a function texts -> probabilities."""
    sums: Dict[str, List[float]] = {}
    for t, y in zip(train_texts, train_labels):
        sums.setdefault(t, []).append(float(y))
    glob = float(np.mean(train_labels)) if len(train_labels) else 0.5
    table = {t: float(np.mean(v)) for t, v in sums.items() if len(v) >= min_count}

    def predict(texts: Sequence[str]) -> np.ndarray:
        return np.asarray([table.get(t, glob) for t in texts], dtype=np.float64)

    return predict


def spearman_within_groups(groups: Sequence[Sequence[float]], preds: Sequence[Sequence[float]]) -> Optional[float]:
    """Mean Spearman correlation over groups with at least 2 responses and a non-constant judge reward.
    A constant prediction counts as 0 (it orders nothing)."""
    from scipy.stats import spearmanr

    vals = []
    for y, p in zip(groups, preds):
        y = np.asarray(y, dtype=np.float64)
        p = np.asarray(p, dtype=np.float64)
        if not ranks_something(y):
            continue
        if np.all(p == p[0]):
            vals.append(0.0)
            continue
        vals.append(float(spearmanr(y, p).statistic))
    return float(np.mean(vals)) if vals else None


def tail_pairwise_accuracy(groups: Sequence[Sequence[float]], preds: Sequence[Sequence[float]],
                           fraction: float = TAIL_FRACTION) -> Optional[float]:
    """Share of correctly ordered pairs among the top ``fraction`` of each group by the judge's reward
    (at least 2 responses; pairs the judge ties are skipped; a predicted tie counts one half)."""
    right = 0.0
    total = 0
    for y, p in zip(groups, preds):
        y = np.asarray(y, dtype=np.float64)
        p = np.asarray(p, dtype=np.float64)
        for i, j in tail_pairs(y, fraction):
            total += 1
            d = (p[i] - p[j]) * (y[i] - y[j])
            right += 1.0 if d > 0 else (0.5 if d == 0 else 0.0)
    return right / total if total else None


def ranks_something(judge_rewards) -> bool:
    """Whether a group counts in :func:`spearman_within_groups`: at least 2 responses the judge does not
    all tie."""
    y = np.asarray(judge_rewards, dtype=np.float64)
    return y.size >= 2 and not np.all(y == y[0])


def tail_pairs(judge_rewards, fraction: float = TAIL_FRACTION) -> List[tuple]:
    """The (i, j) pairs :func:`tail_pairwise_accuracy` scores in one group: among its top ``fraction``
    by the judge's reward (at least 2 responses), the pairs the judge does not tie."""
    y = np.asarray(judge_rewards, dtype=np.float64)
    if y.size < 2:
        return []
    k = max(2, int(math.ceil(fraction * y.size)))
    top = np.argsort(-y, kind="stable")[:k]
    return [(top[a], top[b]) for a in range(len(top)) for b in range(a + 1, len(top)) if y[top[a]] != y[top[b]]]


def tail_mask(rewards: Sequence[float], fraction: float = TAIL_FRACTION) -> np.ndarray:
    """True for the responses in the top ``fraction`` of a group by reward (rank based, ties stable)."""
    r = np.asarray(rewards, dtype=np.float64)
    m = np.zeros(r.size, dtype=bool)
    if r.size == 0:
        return m
    k = max(1, int(math.ceil(fraction * r.size)))
    m[np.argsort(-r, kind="stable")[:k]] = True
    return m


def reward_groups(records: Sequence[dict], probs: Sequence[float]):
    """Groups per-criterion records into per-prompt lists of per-response judge and predicted rewards.

    ``records[i]`` has ``prompt_id``, ``response_id``, ``weight``, ``label`` and optionally ``fixed``
    (a verdict that does not come from the verifier, e.g. a program check, used on both sides).
    ``probs[i]`` is the verifier's P(yes) or None for fixed records.
    """
    from rubricc.scoring import score

    by_resp: Dict[tuple, List[tuple]] = {}
    for r, p in zip(records, probs):
        by_resp.setdefault((r["prompt_id"], r["response_id"]), []).append((r, p))
    by_prompt: Dict[str, List[tuple]] = {}
    for (pid, rid), items in by_resp.items():
        w = [it[0]["weight"] for it in items]
        judge = [it[0]["label"] for it in items]
        pred = [it[0]["label"] if it[1] is None else float(it[1]) for it in items]
        rj, rp = score(w, judge), score(w, pred)
        if rj is None or rp is None:
            continue
        by_prompt.setdefault(pid, []).append((rj, rp))
    judge_groups = [[a for a, _ in v] for v in by_prompt.values()]
    pred_groups = [[b for _, b in v] for v in by_prompt.values()]
    return judge_groups, pred_groups


def evaluate(records: Sequence[dict], probs: Sequence[Optional[float]], baseline_probs: Sequence[Optional[float]]) -> Dict:
    """All figures for the verifier and the baseline. Records with ``fixed`` set are excluded from the
    per-criterion figures (they are not the verifier's) but count in the rewards on both sides."""
    idx = [i for i, r in enumerate(records) if probs[i] is not None]
    labels = [records[i]["label"] for i in idx]
    out = {"criterion": {"verifier": classification([probs[i] for i in idx], labels),
                         "baseline": classification([baseline_probs[i] for i in idx], labels)}}
    reward = {}
    for name, pr in (("verifier", probs), ("baseline", baseline_probs)):
        jg, pg = reward_groups(records, pr)
        reward[name] = {"spearman_within_prompt": spearman_within_groups(jg, pg),
                        "tail_pairwise_accuracy": tail_pairwise_accuracy(jg, pg),
                        "groups": len(jg), "responses": sum(len(g) for g in jg),
                        "spearman_groups": sum(1 for g in jg if ranks_something(g)),
                        "tail_pairs": sum(len(tail_pairs(g)) for g in jg)}
    out["reward"] = reward
    return out


def format_table(metrics: Dict) -> str:
    """A plain-text table of verifier vs baseline figures, each with the sample it was computed on."""
    c = metrics["criterion"]["verifier"]
    r = metrics["reward"]["verifier"]
    yes = "" if c.get("positive_rate") is None else f" ({round(c['positive_rate'] * c['n'])} yes)"
    verdicts = f"{c['n']} verdicts{yes}"
    rows = [("criterion accuracy", "criterion", "accuracy", verdicts),
            ("criterion macro-F1", "criterion", "macro_f1", verdicts),
            ("criterion AUROC", "criterion", "auroc", verdicts),
            ("criterion ECE (lower is better)", "criterion", "ece", verdicts),
            ("reward Spearman within prompt", "reward", "spearman_within_prompt",
             count(r.get("spearman_groups", r["groups"]), "prompt")),
            ("reward tail pairwise accuracy", "reward", "tail_pairwise_accuracy", count(r.get("tail_pairs"), "pair"))]

    def f(v):
        return "n/a" if v is None else f"{v:.3f}"

    lines = [f"{'metric':34s} {'verifier':>9s} {'baseline':>9s}  sample", "-" * 72]
    for label, sect, key, n in rows:
        got, base = f(metrics[sect]["verifier"][key]), f(metrics[sect]["baseline"][key])
        lines.append(f"{label:34s} {got:>9s} {base:>9s}  {n}")
    return "\n".join(lines)


def count(n: Optional[int], word: str) -> str:
    """``3 prompts``, ``1 pair``; ``?`` when unknown."""
    if n is None:
        return "?"
    return f"{n} {word}" + ("" if n == 1 else "s")

"""What a distillation set can and cannot teach, said before training and kept in ``metrics.json``.

Two things make a run's figures meaningless however well training goes, and both are cheap to see in
the data:

- labels with no signal: when the judge gives every response the same verdict on a criterion, the
  verdict depends on the criterion alone, so a per-criterion prior (the metrics' baseline) predicts it
  perfectly and the verifier learns nothing about responses. A judge too weak for its rubric answers
  this way (a 135M model answered True to every criterion "yes" and False to every "no");
- a validation split too small to measure: AUROC on a dozen verdicts from one prompt, or a tail pairwise
  accuracy from one pair, is noise.

:func:`diagnose` measures both on the prepared split; :func:`warning_lines` turns them into one-line
warnings. Verdicts are hard (``label >= 0.5``), as the judge gave them.
"""
from __future__ import annotations

from typing import Any, Dict, List, Sequence

# below these a validation split's figures are reported with a warning that they mean little
MIN_EVAL_PROMPTS = 5
MIN_EVAL_VERDICTS = 100
# warn when at least this share of the criteria got one verdict on every response
CONSTANT_SHARE_WARNING = 0.5


def label_signal(examples: Sequence[dict], idx: Sequence[int]) -> Dict[str, Any]:
    """Over the neural examples ``idx``: ``criteria`` judged on at least 2 responses, how many of them got
    the same verdict on every response (``constant_criteria``), and the share of "yes" verdicts."""
    verdicts: Dict[tuple, set] = {}
    counts: Dict[tuple, int] = {}
    yes = 0
    for i in idx:
        e = examples[i]
        key = (e["prompt_id"], e["criterion_id"])
        hard = e["label"] >= 0.5
        yes += hard
        verdicts.setdefault(key, set()).add(hard)
        counts[key] = counts.get(key, 0) + 1
    judged = [k for k, n in counts.items() if n >= 2]
    return {"criteria": len(judged), "constant_criteria": sum(1 for k in judged if len(verdicts[k]) == 1),
            "verdicts": len(idx), "yes_rate": yes / len(idx) if idx else None}


def evaluation_size(prep) -> Dict[str, Any]:
    """Prompts, responses and neural verdicts of the split the figures are computed on."""
    prompts = prep.eval_prompts
    neural = [e for e in prep.examples if e["prompt_id"] in prompts and not e["program"]]
    return {"split": prep.split, "prompts": len(prompts),
            "responses": len({(e["prompt_id"], e["response_id"]) for e in neural}), "verdicts": len(neural)}


def diagnose(prep) -> Dict[str, Any]:
    """``{"labels": label_signal, "evaluation": evaluation_size, "no_signal": bool, "too_small": bool,
    "warnings": [...]}`` of a prepared run (``no_signal``: no criterion's verdict varies across responses;
    ``too_small``: the figures come from too small a split, or from the training data)."""
    neural = [i for i, e in enumerate(prep.examples) if not e["program"]]
    labels, size = label_signal(prep.examples, neural), evaluation_size(prep)
    return {"labels": labels, "evaluation": size, "no_signal": no_signal(labels), "too_small": too_small(size),
            "warnings": warning_lines(labels, size)}


def no_signal(labels: Dict[str, Any]) -> bool:
    one_class = labels["yes_rate"] in (0.0, 1.0)
    return one_class or (labels["criteria"] > 0 and labels["constant_criteria"] == labels["criteria"])


def too_small(size: Dict[str, Any]) -> bool:
    return size["split"] == "train" or size["prompts"] < MIN_EVAL_PROMPTS or size["verdicts"] < MIN_EVAL_VERDICTS


def warning_lines(labels: Dict[str, Any], size: Dict[str, Any]) -> List[str]:
    """One line per problem found by :func:`label_signal` and :func:`evaluation_size`."""
    out = []
    n, const = labels["criteria"], labels["constant_criteria"]
    if labels["yes_rate"] in (0.0, 1.0):
        out.append(f"every one of the {labels['verdicts']} neural verdicts is "
                   f"{'yes' if labels['yes_rate'] else 'no'}: the labels tell nothing apart")
    elif n and const == n:
        out.append(f"the judge gave every response the same verdict on each of the {n} criteria: its labels "
                   "carry no signal about the responses, so the verifier can learn at most a per-criterion "
                   "prior (a stronger judge is needed)")
    elif n and const / n >= CONSTANT_SHARE_WARNING:
        out.append(f"{const} of {n} criteria got the same verdict on every response: they teach the verifier "
                   "no more than a per-criterion prior")
    if size["split"] == "train":
        out.append("no validation split (fewer than 2 prompts, or --val-fraction 0): the figures are on the "
                   "training data and say nothing about new prompts")
    elif too_small(size):
        out.append(f"validation holds {plural(size['prompts'], 'prompt')} and {plural(size['verdicts'], 'verdict')}: "
                   f"too few for its figures to mean anything (want at least {MIN_EVAL_PROMPTS} prompts and "
                   f"{MIN_EVAL_VERDICTS} verdicts)")
    return out


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")

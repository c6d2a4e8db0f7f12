"""Adapters for RL frameworks (DESIGN section 8, ecosystem.md section 2).

* TRL ``GRPOTrainer`` / ``RLOOTrainer``: pass a :class:`rubricc.RubricReward` directly in ``reward_funcs``;
  the rubric travels as a dataset column (``rubric_id`` or inline ``rubric``).
* verl: :func:`compute_score` (``custom_reward_function.path`` = this file's path, ``name: compute_score``,
  ``reward_kwargs: {verifier: DIR, rubrics: FILE}``) and :func:`compute_score_batch` for the ``batch``
  reward manager. The rubric is ``ground_truth`` (an id, a rubric dict or its JSON) or
  ``extra_info["rubric"]`` / ``extra_info["rubric_id"]``; the prompt (verl passes only the response) is
  ``extra_info["prompt"]`` when the rubric does not carry it.
* OpenRLHF: :func:`openrlhf_rewards` maps ``{"query", "prompts", "labels"}`` to
  ``{"rewards", "scores", "extra_logs"}`` (built by :func:`openrlhf_payload`); ``rubricc serve``
  (rubricc/serve.py) speaks it over HTTP.

Every adapter keeps one :class:`RubricReward` per (verifier, rubrics, options) in the process, so the
ONNX Runtime session is built once. :mod:`rubricc.integrations.ray` runs the same adapters on a pool of
replicas as Ray actors (the ``ray`` extra).
"""
from __future__ import annotations

import json
import os
import threading
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from rubricc.formats import InputError, Rubric

_REWARDS: Dict[Tuple, Any] = {}
_LOCK = threading.Lock()


def get_reward(verifier: Optional[str] = None, rubrics: Any = None, **options):
    """The process-wide RubricReward for these arguments (``$RUBRICC_VERIFIER`` / ``$RUBRICC_RUBRICS`` when
    not given)."""
    verifier, rubrics, key = reward_args(verifier, rubrics, options)
    with _LOCK:
        rw = _REWARDS.get(key)
        if rw is None:
            from rubricc.runtime import RubricReward

            rw = _REWARDS[key] = RubricReward(verifier, rubrics=rubrics, **options)
    return rw


def reward_args(verifier: Optional[str], rubrics: Any, options: Mapping[str, Any]) -> Tuple[str, Any, Tuple]:
    """The verifier and rubrics of an adapter's reward (``$RUBRICC_VERIFIER`` / ``$RUBRICC_RUBRICS`` when not
    given) and the key under which the process keeps it (:func:`get_reward`, the Ray pools)."""
    verifier = verifier or os.environ.get("RUBRICC_VERIFIER")
    if not verifier:
        raise InputError("no verifier given: pass reward_kwargs {verifier: DIR} or set RUBRICC_VERIFIER")
    if rubrics is None:
        rubrics = os.environ.get("RUBRICC_RUBRICS") or None
    key = (str(verifier), rubrics if isinstance(rubrics, (str, type(None))) else id(rubrics),
           tuple(sorted((k, repr(v)) for k, v in options.items())))
    return str(verifier), rubrics, key


# ----------------------------------------------------------------------------------------------
# verl
# ----------------------------------------------------------------------------------------------
def _verl_rubric(reward, ground_truth: Any, extra_info: Optional[Mapping[str, Any]], where: str):
    """The plan of a verl sample: the first non-empty of ``extra_info.rubric``, ``ground_truth`` and
    ``extra_info.rubric_id`` (an id or an inline rubric; ``{"rubric_id": ...}`` names an id)."""
    extra = extra_info or {}
    for src, obj in (("extra_info.rubric", extra.get("rubric")), ("ground_truth", ground_truth),
                     ("extra_info.rubric_id", extra.get("rubric_id"))):
        if isinstance(obj, Mapping) and "criteria" not in obj and "rubric_id" in obj:
            obj = obj["rubric_id"]
        plan = reward.plan(obj, extra.get("prompt"), where=f"{where} {src}")
        if plan is not None:
            return plan
    return None


def _verdict_mean(detail: Mapping[str, Any]) -> float:
    """Mean of a scored response's verdicts (missing ones left out; 0.0 when none): a logged diagnostic."""
    vals = [float(v) for v in detail["verdicts"].values() if v is not None]
    return sum(vals) / len(vals) if vals else 0.0


def _verl_result(d: Dict[str, Any]) -> Dict[str, Any]:
    r = d["reward"]
    from rubricc.callbacks import sample_flags

    return {"score": 0.0 if r is None else float(r), "rubric_scored": 0 if r is None else 1,
            "rubric_verdict_mean": _verdict_mean(d), **sample_flags(d)}


def compute_score_batch(data_sources: Sequence[str], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                        extra_infos: Optional[Sequence[Optional[Mapping[str, Any]]]] = None, verifier: Optional[str] = None,
                        rubrics: Any = None, **options) -> List[Dict[str, Any]]:
    """verl ``batch`` reward manager form: one call per batch, one ``{"score", ...}`` dict per sample
    (score 0.0 with ``rubric_scored`` 0 where no rubric applies or the reward is undefined)."""
    return verl_scores(get_reward(verifier, rubrics, **options), data_sources, solution_strs, ground_truths, extra_infos)


def verl_scores(reward, data_sources: Sequence[str], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                extra_infos: Optional[Sequence[Optional[Mapping[str, Any]]]] = None) -> List[Dict[str, Any]]:
    """:func:`compute_score_batch` with a given reward: a RubricReward, or anything with its ``plan`` and
    ``score_plans`` (the Ray replica pool of :mod:`rubricc.integrations.ray`)."""
    n = len(solution_strs)
    extra_infos = list(extra_infos) if extra_infos is not None else [None] * n
    if not (len(data_sources) == len(ground_truths) == len(extra_infos) == n):
        raise ValueError("data_sources, solution_strs, ground_truths and extra_infos must have the same length")
    rubs = [_verl_rubric(reward, gt, ex, f"sample {i}:") for i, (gt, ex) in enumerate(zip(ground_truths, extra_infos))]
    prompts = [(ex or {}).get("prompt") for ex in extra_infos]
    from rubricc.formats import prompt_to_text

    details = reward.score_plans(rubs, list(solution_strs), [prompt_to_text(p) if p else None for p in prompts])
    return [_verl_result(d) for d in details]


def compute_score(data_source: str, solution_str: str, ground_truth: Any, extra_info: Optional[Mapping[str, Any]] = None,
                  verifier: Optional[str] = None, rubrics: Any = None, **options) -> Dict[str, Any]:
    """verl ``custom_reward_function`` (naive manager): one sample -> ``{"score": float, ...}``."""
    return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info], verifier=verifier,
                               rubrics=rubrics, **options)[0]


# ----------------------------------------------------------------------------------------------
# OpenRLHF
# ----------------------------------------------------------------------------------------------
def split_query(query: str, prompt: Optional[str]) -> str:
    """The response part of OpenRLHF's ``query`` (prompt + response, decoded): the text after the prompt
    when the query starts with it, else the whole query."""
    if prompt and query.startswith(prompt):
        return query[len(prompt):]
    return query


def label_rubric(reward, label: Any, prompt: Optional[str], where: str):
    """The plan an OpenRLHF label names: an id among ``reward.rubrics`` or an inline rubric (JSON or a
    dict); None for an empty label (the sample is unscorable). ``where`` starts the error message."""
    return reward.plan(label, prompt, where=where)


def openrlhf_rewards(reward, query: Sequence[str], prompts: Optional[Sequence[str]] = None,
                     labels: Optional[Sequence[Any]] = None) -> Dict[str, Any]:
    """OpenRLHF remote-reward semantics: ``labels[i]`` is a rubric id or an inline rubric (JSON); rewards
    of unscorable samples are 0.0 and counted in ``extra_logs``."""
    n = len(query)
    prompts = list(prompts) if prompts is not None else [None] * n
    labels = list(labels) if labels is not None else [None] * n
    if not (len(prompts) == len(labels) == n):
        raise InputError(f"query, prompts and labels must have the same length (got {n}, {len(prompts)}, {len(labels)})")
    rubs = [label_rubric(reward, lab, p, f"labels[{i}]") for i, (lab, p) in enumerate(zip(labels, prompts))]
    responses = [split_query(q, p) for q, p in zip(query, prompts)]
    return openrlhf_payload(reward.score_plans(rubs, responses, [p or None for p in prompts]))


def openrlhf_payload(details: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The OpenRLHF answer for ``score_items`` results: ``{"rewards", "scores", "extra_logs"}``, the reward
    of an unscorable sample (no rubric, or an undefined reward) being 0.0 with ``rubric_scored`` 0. The one
    place it is built, for :func:`openrlhf_rewards` and ``rubricc serve``."""
    from rubricc.callbacks import sample_flags

    rewards = [0.0 if d["reward"] is None else float(d["reward"]) for d in details]
    # extra_logs hold one value per sample, as OpenRLHF's reference reward server returns them
    extra = {"rubric_scored": [0.0 if d["reward"] is None else 1.0 for d in details],
             "rubric_verdict_mean": [_verdict_mean(d) for d in details]}
    flags = [sample_flags(d) for d in details]
    for k in (flags[0] if flags else {}):  # escalation / audit on: the same keys for every sample
        extra[k] = [f.get(k, 0.0) for f in flags]
    return {"rewards": rewards, "scores": rewards, "extra_logs": extra}


def openrlhf_reward_func(queries, prompts, labels, verifier: Optional[str] = None, rubrics: Any = None):
    """OpenRLHF ``--reward.remote_url my.py`` form: returns torch tensors as OpenRLHF expects."""
    import torch

    out = openrlhf_rewards(get_reward(verifier, rubrics), list(queries), list(prompts), list(labels))
    return {"rewards": torch.tensor(out["rewards"]), "scores": torch.tensor(out["scores"]),
            "extra_logs": {k: torch.tensor(v) for k, v in out["extra_logs"].items()}}


def dumps_rubric(rubric: Any) -> str:
    """A rubric as the JSON text to put in a label / ground_truth column. ``rubric``: a :class:`Rubric` or a
    mapping such as a line of rubrics.jsonl read with ``json.loads``, validated as a rubric first (a bad
    one is an InputError naming the field), so a label never carries a rubric the reward would reject."""
    from rubricc.formats import parse_record

    if isinstance(rubric, Mapping):
        rubric = parse_record(dict(rubric), Rubric, "dumps_rubric")
    elif not isinstance(rubric, Rubric):
        raise InputError(f"dumps_rubric: expected a Rubric or a dict, got {type(rubric).__name__}")
    return json.dumps(rubric.model_dump(mode="json"), ensure_ascii=False)

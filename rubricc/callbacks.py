"""Escalation and audit figures where users look: a TRL / transformers ``TrainerCallback`` and the
per-sample fields of verl's and OpenRLHF's answers (:func:`sample_flags`, used by
:mod:`rubricc.integrations`).

    reward = RubricReward(bundle, rubrics, judge=Judge(url, model), audit=Audit(Judge(url, model)))
    trainer = GRPOTrainer(..., reward_funcs=[reward])
    attach(trainer, reward)   # rubric/escalation/... and rubric/audit/... in every log (W&B, TensorBoard)

:func:`attach` puts the callback first, so the figures are in the ``logs`` every reporting callback
(W&B, TensorBoard, ...) receives, and tells the audit the trainer's step. Imports transformers only when
the callback is made.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping


def reward_figures(reward) -> Dict[str, float]:
    """The escalation counters and the audit's running figures of ``reward`` (a RubricReward), ``rubric/``
    first; {} when it has neither."""
    out: Dict[str, float] = {}
    esc = getattr(reward, "escalator", None)
    if esc is not None:
        out.update(esc.figures())
    audit = getattr(reward, "audit", None)
    if audit is not None:
        out.update(audit.figures())
    return {f"rubric/{k}": v for k, v in out.items()}


def sample_flags(detail: Mapping[str, Any]) -> Dict[str, float]:
    """Per-sample numbers for verl's reward dicts and OpenRLHF's ``extra_logs``: verdicts escalated to the
    judge, verdicts the judge replaced, and the audit alarm; {} when neither escalation nor audit is on."""
    out: Dict[str, float] = {}
    esc = detail.get("escalated")
    if esc is not None:
        out["rubric_escalated"] = float(len(esc))
        out["rubric_judge_replaced"] = float(sum(1 for e in esc.values() if e.get("judge") is not None))
    audit = detail.get("audit")
    if audit is not None:
        out["rubric_audit_alarm"] = float(bool(audit.get("alarm")))
    return out


def rubric_callback(reward):
    """A ``transformers.TrainerCallback`` adding :func:`reward_figures` to every log and setting the audit's
    step to the trainer's ``global_step``."""
    from transformers import TrainerCallback

    class RubricCallback(TrainerCallback):
        def on_step_begin(self, args, state, control, **kwargs):
            audit = getattr(reward, "audit", None)
            if audit is not None:
                audit.set_step(state.global_step)

        def on_log(self, args, state, control, logs=None, **kwargs):
            if logs is not None:
                logs.update(reward_figures(reward))

    return RubricCallback()


def attach(trainer, reward):
    """Adds :func:`rubric_callback` to ``trainer`` before its reporting callbacks; returns the callback."""
    cb = rubric_callback(reward)
    trainer.callback_handler.callbacks.insert(0, cb)
    return cb

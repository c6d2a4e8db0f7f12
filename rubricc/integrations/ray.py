"""Reward replicas on Ray (the ``ray`` extra): one pool of :class:`rubricc.RubricReward` replicas, as Ray actors,
for a whole RL run instead of one model per trainer worker.

* :class:`RewardPool` starts ``replicas`` actors (:class:`rubricc.integrations.replica.Replica`), each holding a
  RubricReward built from the same bundle, rubrics and options; a replica takes one GPU when the cluster
  has GPUs (``num_gpus``), else ``threads`` CPU threads (and as many Ray CPUs). It has the RubricReward
  calls the adapters use (``plan``, ``score_plans``, ``reload``), so the same adapter code drives it:
  a batch is cut into chunks sent to the least-loaded replicas and scored in parallel.
* verl: ``custom_reward_function.path`` = this file, ``reward_kwargs: {verifier, rubrics, replicas}``, and
  ``name: compute_score_batch`` with the ``batch`` reward manager, or ``name: compute_score_async`` with the
  reward loop (one sample per call, many at once: gathered into batches here, :class:`Gather`).
* OpenRLHF: ``rubricc.serve.run(RewardPool(...), ServeConfig(host=..., port=...))`` serves the pool in
  OpenRLHF's remote reward protocol, with ``rubricc serve``'s batching across requests (each batch then
  split across the replicas); :func:`openrlhf_rewards` is the in-process form.
* Faults: a replica that dies (``RayActorError``: killed, crashed, its node lost) is replaced by a new actor
  on the current bundle, and its chunk is retried once; a chunk that fails again comes back as samples
  with reward None and ``"failed": reason`` in their details, counted in :attr:`RewardPool.failures`
  (verl's dicts and OpenRLHF's ``extra_logs`` carry ``rubric_failed``). Ray's own actor restarts are off
  (``max_restarts=0``): a restarted actor would rebuild from its first arguments, the bundle before any
  :meth:`RewardPool.reload`.
* :meth:`RewardPool.reload` reaches every replica (all or none: a replica that cannot load the new bundle
  puts the others back on the old one).

``ray`` is imported inside the functions: ``import rubricc.integrations`` stays free of it.
"""
from __future__ import annotations

import threading
from typing import Any, Dict, List, Mapping, Optional, Sequence

from rubricc.integrations.pool import NAMESPACE, Gather, Recorded, RewardPool, failed_flags

__all__ = ["NAMESPACE", "RewardPool", "compute_score_batch", "compute_score_async", "get_pool", "openrlhf_rewards"]


# ----------------------------------------------------------------------------------------------
# the frameworks' entry points
# ----------------------------------------------------------------------------------------------
_POOLS: Dict[tuple, RewardPool] = {}
_POOLS_LOCK = threading.Lock()


def get_pool(verifier: Optional[str] = None, rubrics: Any = None, **options) -> RewardPool:
    """The process-wide pool for these arguments (``$RUBRICC_VERIFIER`` / ``$RUBRICC_RUBRICS`` when not given);
    ``options`` are :class:`RewardPool`'s (``replicas``, ``threads``, ``name``, ...) and RubricReward's."""
    from rubricc.integrations import reward_args

    verifier, rubrics, key = reward_args(verifier, rubrics, options)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = RewardPool(verifier, rubrics, **options)
    return pool


def compute_score_batch(data_sources: Sequence[str], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                        extra_infos: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
                        verifier: Optional[str] = None, rubrics: Any = None, **options) -> List[Dict[str, Any]]:
    """verl ``batch`` reward manager on the pool: :func:`rubricc.integrations.compute_score_batch`'s answer,
    plus ``rubric_failed`` (1.0 where the sample's chunk failed twice; its score is then 0.0 and
    ``rubric_scored`` 0)."""
    from rubricc.integrations import verl_scores

    rec = Recorded(get_pool(verifier, rubrics, **options))
    out = verl_scores(rec, data_sources, solution_strs, ground_truths, extra_infos)
    return [{**r, "rubric_failed": f} for r, f in zip(out, failed_flags(rec.details))]


def openrlhf_rewards(pool: RewardPool, query: Sequence[str], prompts: Optional[Sequence[str]] = None,
                     labels: Optional[Sequence[Any]] = None) -> Dict[str, Any]:
    """:func:`rubricc.integrations.openrlhf_rewards` on the pool, ``extra_logs`` with ``rubric_failed``."""
    from rubricc.integrations import openrlhf_rewards as rewards

    rec = Recorded(pool)
    out = rewards(rec, query, prompts, labels)
    out["extra_logs"]["rubric_failed"] = failed_flags(rec.details)
    return out


_GATHERS: Dict[tuple, Gather] = {}


async def compute_score_async(data_source: str, solution_str: str, ground_truth: Any,
                              extra_info: Optional[Mapping[str, Any]] = None, verifier: Optional[str] = None,
                              rubrics: Any = None, max_wait_ms: float = 5.0, reward_router_address: Any = None,
                              reward_model_tokenizer: Any = None, **options) -> Dict[str, Any]:
    """verl's reward loop (``reward_model.use_reward_loop=True``): one sample per call, many calls at once on
    the worker's event loop; they are gathered into pool batches (:class:`Gather`, ``max_wait_ms``). Answers
    as :func:`compute_score_batch` does for one sample. ``reward_router_address`` and
    ``reward_model_tokenizer`` (passed by verl) are not used. Give ``name`` (in ``reward_kwargs``) so that
    verl's reward workers share one set of replicas."""
    import asyncio

    from rubricc.formats import prompt_to_text
    from rubricc.integrations import _verl_result, _verl_rubric

    loop = asyncio.get_running_loop()
    pool = await loop.run_in_executor(None, lambda: get_pool(verifier, rubrics, **options))  # starts it once
    key = (id(pool), id(loop))
    gather = _GATHERS.get(key)
    if gather is None:
        gather = _GATHERS[key] = Gather(pool, max_wait_ms)
    plan = _verl_rubric(pool, ground_truth, extra_info, "sample:")
    prompt = (extra_info or {}).get("prompt")
    detail = await gather.score(plan, solution_str, prompt_to_text(prompt) if prompt else None)
    return {**_verl_result(detail), "rubric_failed": failed_flags([detail])[0]}

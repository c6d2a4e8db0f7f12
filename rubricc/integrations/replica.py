"""One reward replica of :class:`rubricc.integrations.ray.RewardPool`: a :class:`rubricc.RubricReward` in a Ray
actor. A plain class here (no ray import), made an actor by the pool, so that a Ray worker imports it by this
module's name even when verl loaded ``rubricc/integrations/ray.py`` from its path under another name.
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence


class Replica:
    """Scores chunks of samples with its own RubricReward, built from the pool's bundle, rubrics and
    options. Samples name their rubric by ``ref``: a rubric id of the loaded rubrics or an inline rubric's
    JSON (:meth:`rubricc.runtime.RubricReward.plan` reads both; plans are cached here across chunks)."""

    def __init__(self, verifier: str, rubrics: Any, options: Dict[str, Any]):
        from rubricc.runtime import RubricReward

        self.reward = RubricReward(verifier, rubrics=rubrics, **options)
        self.reward.load()

    def info(self) -> Dict[str, Any]:
        r = self.reward
        return {"pid": os.getpid(), "verifier": r.verifier_dir, "device": r.device, "backend": r.backend_used,
                "variant": r.variant_used}

    def score(self, refs: Sequence[Optional[str]], responses: Sequence[str],
              prompts: Sequence[Optional[str]]) -> List[Dict[str, Any]]:
        plans = [self.reward.plan(ref, None, f"sample {i}") for i, ref in enumerate(refs)]
        return self.reward.score_plans(plans, responses, prompts)

    def reload(self, verifier: str) -> Dict[str, Any]:
        self.reward.reload(verifier)
        return self.info()

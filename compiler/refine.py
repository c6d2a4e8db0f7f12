"""Refinement through differentiation (paper Algorithm 1).

For each round: the judge grades every remaining candidate under the current rubric (one call per
response, all criteria), rewards come from :func:`rubricc.scoring.score`, the top two are chosen (ties
broken by a seeded random draw; when the top is tied, a pair from two different ``source`` s is preferred,
Principle 2), the proposer rewrites the FULL rubric to separate them, and the pair leaves the pool.
Every round (rubric graded, scores, pair, proposer outcome) is kept in ``rubric.meta["refine"]``. A proposer
failure keeps the previous rubric and flags the prompt; nothing is dropped silently.
"""
from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rubricc.formats import Rubric, prompt_to_text
from rubricc.scoring import score
from rubricc.compiler import prompts as P
from rubricc.compiler.generate import make_criteria, rubric_schema, validate_rubric_answer
from rubricc.compiler.label import grade_response


@dataclass
class Candidate:
    id: str
    text: str
    source: Optional[str] = None


def candidates_of(responses: Sequence[Any], pool: int) -> List[Candidate]:
    """Input ``responses`` ([{text, source?, id?}] or CandidateResponse) -> the first ``pool`` candidates."""
    out = []
    for i, r in enumerate(responses or []):
        d = r.model_dump() if hasattr(r, "model_dump") else dict(r)
        out.append(Candidate(id=str(d.get("id") or f"r{i + 1}"), text=d.get("text") or "",
                             source=d.get("source")))
    return out[:pool] if pool and pool > 0 else out


def _key(s: float) -> float:
    return round(s, 9)


def select_pair(scored: List[Tuple[Candidate, float]], rng: random.Random) -> Tuple[Candidate, Candidate, Dict]:
    """The top two by reward; ties broken by ``rng``; within a tied group prefer a different source."""
    ranked = sorted(scored, key=lambda cs: (-_key(cs[1]), rng.random()))
    best = _key(ranked[0][1])
    top = [c for c, s in ranked if _key(s) == best]
    info = {"top_tied": len(top)}
    first = top[0]
    if len(top) >= 2:
        group = top[1:]
    else:
        second_score = _key(ranked[1][1])
        group = [c for c, s in ranked[1:] if _key(s) == second_score]
    diff = [c for c in group if c.source is not None and c.source != first.source]
    second = diff[0] if diff else group[0]
    info["cross_source"] = bool(first.source is not None and second.source is not None
                                and first.source != second.source)
    return first, second, info


def _rubric_snapshot(rubric: Rubric) -> List[Dict[str, Any]]:
    return [{"id": c.id, "text": c.text, "weight": c.weight} for c in rubric.criteria]


def refine_messages(rubric: Rubric, a: Candidate, b: Candidate, weights: str, max_chars: int) -> list:
    return P.user(P.REFINE.format(tips=P.WRITING_TIPS, weights=P.weights_text(weights),
                                  prompt=prompt_to_text(rubric.prompt),
                                  rubric=P.rubric_text(rubric.criteria, with_ids=False, with_weights=True),
                                  response1=P.clip(a.text, max_chars), response2=P.clip(b.text, max_chars)))


async def refine_rubric(rubric: Rubric, candidates: List[Candidate], judge, proposer, *, rounds: int = 4,
                        seed: int = 0, weights: str = "paper", max_response_chars: int = 12000,
                        logprobs: bool = False, judge_max_tokens: Optional[int] = None) -> Tuple[Rubric, List[str]]:
    """Runs Algorithm 1 on one prompt. Returns (refined rubric, flags). The history is in
    ``meta["refine"]``."""
    flags: List[str] = []
    history: List[Dict[str, Any]] = []
    pool = list(candidates)
    status = "rounds_done"
    for rnd in range(1, rounds + 1):
        if len(pool) < 2:
            status = "responses_exhausted"
            break
        rng = random.Random(f"{seed}:{rubric.id}:{rnd}")
        weights_list = [c.weight for c in rubric.criteria]
        grades = await asyncio.gather(*[
            grade_response(judge, rubric, c.text, logprobs=logprobs, max_response_chars=max_response_chars,
                           what=f"{rubric.id}/{c.id} round {rnd}", max_tokens=judge_max_tokens) for c in pool])
        scored: List[Tuple[Candidate, float]] = []
        scores: Dict[str, Optional[float]] = {}
        verdicts_log: Dict[str, Dict[str, Optional[bool]]] = {}
        ungraded = []
        for c, g in zip(pool, grades):
            verdicts_log[c.id] = dict(g.verdicts)
            if not g.complete:
                scores[c.id] = None
                ungraded.append(c.id)
                continue
            s = score(weights_list, [g.verdicts[x.id] for x in rubric.criteria])
            scores[c.id] = s
            scored.append((c, 0.0 if s is None else s))
        rec: Dict[str, Any] = {"round": rnd, "pool": [c.id for c in pool], "rubric": _rubric_snapshot(rubric),
                               "scores": scores, "verdicts": verdicts_log}
        if ungraded:
            rec["ungraded"] = ungraded
            flags.append(f"round {rnd}: judge failed on {len(ungraded)} response(s): {', '.join(ungraded)}")
        if len(scored) < 2:
            rec["proposer"] = "skipped: fewer than 2 graded responses"
            history.append(rec)
            flags.append(f"round {rnd}: fewer than 2 graded responses, refinement stopped")
            status = "judge_failed"
            break
        a, b, info = select_pair(scored, rng)
        rec["pair"] = [{"id": a.id, "source": a.source, "score": scores[a.id]},
                       {"id": b.id, "source": b.source, "score": scores[b.id]}]
        rec.update(info)
        ans = await proposer.structured(refine_messages(rubric, a, b, weights, max_response_chars),
                                        schema=rubric_schema(weights),
                                        validate=lambda o: validate_rubric_answer(o, weights), name="rubric",
                                        what=f"refine {rubric.id} round {rnd}")
        if ans.ok:
            crit = make_criteria(ans.value, {"stage": "refine", "round": rnd, "model": proposer.name},
                                 previous=rubric.criteria)
            rubric = rubric.model_copy(update={"criteria": crit})
            rec["proposer"] = "ok"
            rec["request_hash"] = ans.request_hash
        else:
            rec["proposer"] = f"failed: {ans.error}"
            flags.append(f"round {rnd}: proposer failed ({ans.error}); previous rubric kept")
        history.append(rec)
        pool = [c for c in pool if c.id not in (a.id, b.id)]
    meta = dict(rubric.meta)
    meta["refine"] = {"rounds_requested": rounds, "rounds_run": len(history), "status": status,
                      "seed": seed, "judge": judge.name, "proposer": proposer.name, "history": history}
    if flags:
        meta["refine"]["flags"] = flags
    return rubric.model_copy(update={"meta": meta}), flags

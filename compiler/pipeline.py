"""The compile pipeline (DESIGN section 5): import or generate -> refine -> atomize -> dedupe -> lower (rules,
then optionally the LLM) -> validate, with a report.

Each stage is a function over :class:`Rubric` objects; the CLI (`rubricc compile`) only wires options.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional

from rubricc.formats import Criterion, NeuralCheck, ProgramCheck, Rubric


@dataclass
class CompileReport:
    prompts: int = 0
    criteria: int = 0
    program: int = 0
    negative: int = 0
    merged: int = 0
    weights: Counter = field(default_factory=Counter)
    checks: Counter = field(default_factory=Counter)
    flagged: Dict[str, str] = field(default_factory=dict)

    def add(self, rubric: Rubric) -> None:
        self.prompts += 1
        for c in rubric.criteria:
            self.criteria += 1
            self.weights[c.weight] += 1
            if c.weight < 0:
                self.negative += 1
            if isinstance(c.check, ProgramCheck):
                self.program += 1
                self.checks[c.check.name] += 1
            self.merged += len(c.origin.get("merged", ()))

    def as_dict(self) -> Dict[str, Any]:
        return {
            "prompts": self.prompts,
            "criteria": self.criteria,
            "criteria_per_prompt": round(self.criteria / self.prompts, 2) if self.prompts else 0.0,
            "program_checks": self.program,
            "program_share": round(self.program / self.criteria, 4) if self.criteria else 0.0,
            "negative_criteria": self.negative,
            "merged_duplicates": self.merged,
            "weights": {str(k): v for k, v in sorted(self.weights.items())},
            "checks": dict(self.checks.most_common()),
            "flagged": self.flagged,
        }

    def render(self) -> str:
        d = self.as_dict()
        lines = [
            f"prompts            {d['prompts']}",
            f"criteria           {d['criteria']} ({d['criteria_per_prompt']} per prompt, {d['negative_criteria']} negative)",
            f"program checks     {d['program_checks']} ({100 * d['program_share']:.1f}%)",
            f"merged duplicates  {d['merged_duplicates']}",
            "weights            " + ", ".join(f"{k}: {v}" for k, v in d["weights"].items()),
        ]
        if d["checks"]:
            lines.append("checks             " + ", ".join(f"{k}: {v}" for k, v in d["checks"].items()))
        for pid, why in d["flagged"].items():
            lines.append(f"flagged            {pid}: {why}")
        return "\n".join(lines)


def lower_rubric(rubric: Rubric, lower: Optional[Callable[[str], Optional[ProgramCheck]]] = None) -> Rubric:
    """Gives every criterion a check: an existing program check is re-validated against the typed library;
    a neural one is lowered by rules where that is unambiguous; everything else stays neural."""
    from rubricc.compiler.checks import validate_check
    from rubricc.compiler.lower import lower_criterion

    lower = lower or lower_criterion
    out: List[Criterion] = []
    for c in rubric.criteria:
        if isinstance(c.check, ProgramCheck):
            try:
                check = validate_check(c.check.name, c.check.args)
            except ValueError as e:
                raise ValueError(f"criterion {c.id}: {e} (at field criteria.{c.id}.check)") from None
        else:
            check = lower(c.text) or NeuralCheck()
        out.append(c.model_copy(update={"check": check}))
    return rubric.model_copy(update={"criteria": out})


def renumber(rubric: Rubric) -> Rubric:
    """Criterion ids c1..cN in order (after stages that add or remove criteria)."""
    crits = [c.model_copy(update={"id": f"c{i}"}) for i, c in enumerate(rubric.criteria, 1)]
    return rubric.model_copy(update={"criteria": crits})


def compile_rubrics(rubrics: Iterable[Rubric], *, dedupe: bool = True, threshold: float = 0.95,
                    lower: bool = True, embedder=None, progress=None) -> tuple:
    """Runs dedupe and lowering over imported rubrics. Returns (compiled rubrics, CompileReport)."""
    report = CompileReport()
    out = []
    rubrics = list(rubrics)
    if dedupe:
        if embedder is None:
            from rubricc.compiler.dedupe import Embedder

            embedder = Embedder()
        # one batched pass over every criterion text (far cheaper than one call per rubric)
        embedder.encode([c.text for r in rubrics if len(r.criteria) > 1 for c in r.criteria])
    for rub in rubrics:
        if dedupe:
            from rubricc.compiler.dedupe import dedupe_rubric

            rub = dedupe_rubric(rub, embedder, threshold)
        if lower:
            rub = lower_rubric(rub)
        rub = Rubric.model_validate(rub.model_dump())  # final validation of the emitted record
        report.add(rub)
        out.append(rub)
        if progress is not None:
            progress.update(1)
    return out, report


# ----------------------------------------------------------------------------------------------
# LLM stages (generate, refine, atomize, llm-lower): async, through rubricc.compiler.llm clients
# ----------------------------------------------------------------------------------------------
async def llm_stages(pairs, *, proposer, judge, weights: str = "paper", rounds: int = 4, pool: int = 16,
                     seed: int = 0, atomize: bool = False, max_response_chars: int = 12000,
                     progress: bool = True, judge_max_tokens: Optional[int] = None) -> tuple:
    """For each (imported rubric or None, PromptRecord): generate a rubric when none is given, refine it
    against the record's candidate responses (Algorithm 1) when there are at least two and ``rounds`` > 0,
    then atomize when asked. Returns (rubrics in input order, None where generation failed; flags
    {prompt id: [messages]})."""
    import asyncio

    from tqdm import tqdm

    from rubricc.compiler.atomize import atomize_rubric
    from rubricc.compiler.generate import generate_rubric
    from rubricc.compiler.refine import candidates_of, refine_rubric

    async def one(i, rub, rec):
        flags: List[str] = []
        pid = rub.id if rub is not None else rec.id
        if rub is None:
            if proposer is None:
                return i, None, ["no rubric in the input and no LLM endpoint to generate one"]
            crit, ans = await generate_rubric(proposer, pid, rec.prompt, weights)
            if crit is None:
                return i, None, [f"generation failed ({ans.error}); no rubric emitted"]
            rub = Rubric(id=pid, prompt=rec.prompt, criteria=crit,
                         meta={"generate": {"model": proposer.name, "weights": weights,
                                            "request_hash": ans.request_hash}})
        cands = candidates_of(rec.responses or [], pool)
        if rounds > 0 and len(cands) >= 2 and judge is not None and proposer is not None:
            rub, f = await refine_rubric(rub, cands, judge, proposer, rounds=rounds, seed=seed, weights=weights,
                                         max_response_chars=max_response_chars, judge_max_tokens=judge_max_tokens)
            flags += f
        if atomize and proposer is not None:
            rub, f = await atomize_rubric(rub, proposer)
            flags += f
        return i, rub, flags

    tasks = [asyncio.ensure_future(one(i, r, p)) for i, (r, p) in enumerate(pairs)]
    out: List[Optional[Rubric]] = [None] * len(pairs)
    flags: Dict[str, List[str]] = {}
    bar = tqdm(total=len(tasks), desc="llm", unit="prompt", disable=not progress, dynamic_ncols=True)
    try:
        for fut in asyncio.as_completed(tasks):
            i, rub, f = await fut
            out[i] = rub
            if f:
                flags[pairs[i][1].id] = f
            bar.update(1)
    finally:
        bar.close()
        for t in tasks:
            t.cancel()
    return out, flags


async def llm_lower_all(rubrics: List[Rubric], client, progress: bool = True) -> tuple:
    """LLM lowering of the criteria the rules left neural; returns (rubrics, flags)."""
    import asyncio

    from tqdm import tqdm

    from rubricc.compiler.llm_lower import llm_lower_rubric

    async def one(i, r):
        return i, await llm_lower_rubric(r, client)

    tasks = [asyncio.ensure_future(one(i, r)) for i, r in enumerate(rubrics)]
    out = list(rubrics)
    flags: Dict[str, List[str]] = {}
    bar = tqdm(total=len(tasks), desc="llm-lower", unit="prompt", disable=not progress, dynamic_ncols=True)
    try:
        for fut in asyncio.as_completed(tasks):
            i, (r, f) = await fut
            out[i] = r
            if f:
                flags[r.id] = f
            bar.update(1)
    finally:
        bar.close()
    return out, flags

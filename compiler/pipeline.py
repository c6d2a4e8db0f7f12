"""The compile pipeline (DESIGN section 5): import or generate -> refine -> atomize -> dedupe -> lower (rules,
then optionally the LLM) -> validate, with a report.

Each stage is a function over :class:`Rubric` objects; :func:`compile_file` runs them over a file, and the
CLI (`rubricc compile`) only parses options, calls it and prints its result.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Union

from rubricc.compiler.dedupe import DEFAULT_THRESHOLD, Embedder, dedupe_rubric
from rubricc.compiler.endpoints import Clients, LLMConfig
from rubricc.compiler.importers import import_file
from rubricc.compiler.llm import Stats, gather_in_order
from rubricc.errors import InputError
from rubricc.formats import Criterion, NeuralCheck, ProgramCheck, Rubric, write_json, write_jsonl


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

    @classmethod
    def of(cls, rubrics: Iterable[Rubric]) -> "CompileReport":
        report = cls()
        for r in rubrics:
            report.add(r)
        return report

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


def compile_rubrics(rubrics: Iterable[Rubric], *, dedupe: bool = True, threshold: float = DEFAULT_THRESHOLD,
                    lower: bool = True, embedder=None, progress=None) -> tuple:
    """Runs dedupe and lowering over imported rubrics. Returns (compiled rubrics, CompileReport)."""
    report = CompileReport()
    out = []
    rubrics = list(rubrics)
    if dedupe:
        if embedder is None:
            embedder = Embedder()
        # one batched pass over every criterion text (far cheaper than one call per rubric)
        embedder.encode([c.text for r in rubrics if len(r.criteria) > 1 for c in r.criteria])
    for rub in rubrics:
        if dedupe:
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
    from rubricc.compiler.atomize import atomize_rubric
    from rubricc.compiler.generate import generate_rubric
    from rubricc.compiler.refine import candidates_of, refine_rubric

    async def one(rub, rec):
        flags: List[str] = []
        if rub is None:
            crit, ans = await generate_rubric(proposer, rec.id, rec.prompt, weights)
            if crit is None:
                return None, [f"generation failed ({ans.error}); no rubric emitted"]
            rub = Rubric(id=rec.id, prompt=rec.prompt, criteria=crit,
                         meta={"generate": {"model": proposer.name, "weights": weights,
                                            "request_hash": ans.request_hash}})
        cands = candidates_of(rec.responses or [], pool)
        if rounds > 0 and len(cands) >= 2:
            rub, f = await refine_rubric(rub, cands, judge, proposer, rounds=rounds, seed=seed, weights=weights,
                                         max_response_chars=max_response_chars, judge_max_tokens=judge_max_tokens)
            flags += f
        if atomize:
            rub, f = await atomize_rubric(rub, proposer)
            flags += f
        return rub, flags

    done = await gather_in_order([one(r, p) for r, p in pairs], desc="llm", unit="prompt", progress=progress)
    flags = {p.id: f for (_, p), (_, f) in zip(pairs, done) if f}
    return [rub for rub, _ in done], flags


async def llm_lower_all(rubrics: List[Rubric], client, progress: bool = True) -> tuple:
    """LLM lowering of the criteria the rules left neural; returns (rubrics, flags)."""
    from rubricc.compiler.llm_lower import llm_lower_rubric

    done = await gather_in_order([llm_lower_rubric(r, client) for r in rubrics], desc="llm-lower", unit="prompt",
                                 progress=progress)
    return [r for r, _ in done], {r.id: f for r, f in done if f}


# ----------------------------------------------------------------------------------------------
# rubricc compile
# ----------------------------------------------------------------------------------------------
@dataclass
class CompileResult:
    """What `rubricc compile` reports: the rubrics written, the report, the LLM accounting (None without
    an endpoint) and notes for the user."""
    written: int
    report: CompileReport
    stats: Optional[Stats] = None
    notes: List[str] = field(default_factory=list)


def compile_file(input_path: Union[str, Path], output: Union[str, Path], *, fmt: str = "auto",
                 dedupe: bool = True, dedupe_threshold: float = DEFAULT_THRESHOLD, lower: bool = True,
                 report_path: Union[str, Path, None] = None, progress: Optional[bool] = None, rounds: int = 4,
                 pool: int = 16, weights: str = "paper", seed: int = 0, atomize: bool = False,
                 llm_lower: bool = False, llm: Optional[LLMConfig] = None) -> CompileResult:
    """`rubricc compile`: imports ``input_path`` (JSONL or JSON, ``fmt`` or detected per record); with an
    endpoint in ``llm``, generates the missing rubrics, refines against candidate responses for ``rounds``
    rounds and atomizes; then dedupes and lowers, optionally asks the LLM to lower what the rules left
    neural, and writes ``output`` (and the report as JSON to ``report_path``) atomically.

    ``progress``: bars on stderr (None: when stderr is a terminal or the input has over 50 records).
    Raises InputError for a bad input or a missing endpoint, MissingExtraError for a missing extra, both
    before any LLM request is sent."""
    llm = llm or LLMConfig()
    records = import_file(input_path, fmt)
    missing = [p.id for r, p in records if r is None]
    if missing and not llm.given:
        raise InputError(f"{input_path}: {len(missing)} record(s) carry no rubric (first: id {missing[0]!r}); "
                         "give rubrics in the input or an LLM endpoint to generate them (--llm-url URL "
                         "--llm-model NAME)")
    if (atomize or llm_lower) and not llm.given:
        raise InputError("--atomize and --llm-lower need an LLM endpoint (--llm-url URL --llm-model NAME)")
    show = progress if progress is not None else (sys.stderr.isatty() or len(records) > 50)
    embedder = Embedder() if dedupe else None
    notes: List[str] = []
    stats = None
    if not llm.given:
        unused = sum(1 for _, p in records if len(p.responses or []) >= 2)
        if unused and rounds > 0:
            notes.append(f"candidate responses of {unused} prompt(s) not used for refinement (no --llm-url)")
        compiled, report = _dedupe_and_lower(input_path, [r for r, _ in records], embedder, dedupe_threshold,
                                             lower, show)
    else:
        with Clients(llm, output) as clients:
            rubrics, flags = clients.run(lambda: llm_stages(
                records, proposer=clients.proposer, judge=clients.judge, weights=weights, rounds=rounds, pool=pool,
                seed=seed, atomize=atomize, max_response_chars=llm.max_response_chars, progress=show,
                judge_max_tokens=llm.judge_max_tokens))
            compiled, report = _dedupe_and_lower(input_path, [r for r in rubrics if r is not None], embedder,
                                                 dedupe_threshold, lower, show)
            if llm_lower:
                compiled, lower_flags = clients.run(lambda: llm_lower_all(compiled, clients.proposer, progress=show))
                for pid, msgs in lower_flags.items():
                    flags.setdefault(pid, []).extend(msgs)
                report = CompileReport.of(compiled)
        report.flagged.update({pid: "; ".join(msgs) for pid, msgs in flags.items()})
        stats = clients.stats
    write_jsonl(output, compiled)
    if report_path:
        d = report.as_dict()
        if stats is not None:
            d["llm"] = {**stats.report(), "failed": stats.failures}
        write_json(report_path, d)
    return CompileResult(written=len(compiled), report=report, stats=stats, notes=notes)


def _dedupe_and_lower(input_path, rubrics: List[Rubric], embedder: Optional[Embedder], threshold: float,
                      lower: bool, show: bool) -> tuple:
    """:func:`compile_rubrics` with a progress bar; a bad program check is an InputError naming the file."""
    from tqdm import tqdm

    with tqdm(total=len(rubrics), desc="compile", unit="prompt", disable=not show, file=sys.stderr) as bar:
        try:
            return compile_rubrics(rubrics, dedupe=embedder is not None, threshold=threshold, lower=lower,
                                   embedder=embedder, progress=bar)
        except ValueError as e:
            raise InputError(f"{input_path}: {e}") from None

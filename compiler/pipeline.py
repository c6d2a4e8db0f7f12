"""The compile pipeline (DESIGN section 5): import or generate -> refine -> atomize -> drop degenerate
criteria -> dedupe -> lower (rules, then optionally the LLM) -> flag duplicates and validate, with a report.

Each stage is a function over :class:`Rubric` objects; :func:`compile_file` runs them over a file, and the
CLI (`rubricc compile`) only parses options, calls it and prints its result.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Union

from rubricc.compiler.dedupe import DEFAULT_THRESHOLD, Embedder, dedupe_rubric, has_candidates
from rubricc.compiler.endpoints import Clients, LLMConfig
from rubricc.compiler.importers import import_file
from rubricc.compiler.llm import Stats, gather_in_order
from rubricc.compiler.validate import criterion_flags, drop_degenerate, flag_duplicates
from rubricc.errors import InputError
from rubricc.formats import Criterion, NeuralCheck, ProgramCheck, Rubric, empty_input, write_json, write_jsonl


MAX_FLAG_LINES = 10  # criterion flags printed; the --report JSON holds them all


@dataclass
class CompileReport:
    """Counts over the rubrics written, the prompts flagged (LLM failures, rubrics not written) and the
    criteria flagged by validation (:mod:`rubricc.compiler.validate`)."""
    prompts: int = 0
    criteria: int = 0
    program: int = 0
    negative: int = 0
    merged: int = 0
    dropped: int = 0      # degenerate criteria dropped from the rubrics written
    duplicates: int = 0   # duplicate criteria flagged (kept)
    weights: Counter = field(default_factory=Counter)
    checks: Counter = field(default_factory=Counter)
    flagged: Dict[str, str] = field(default_factory=dict)
    criteria_flags: Dict[str, List[str]] = field(default_factory=dict)
    removed: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)  # rubrics with only degenerate criteria

    @classmethod
    def of(cls, rubrics: Iterable[Rubric], base: Optional["CompileReport"] = None) -> "CompileReport":
        """The report of ``rubrics``; ``base``'s flagged prompts and removed rubrics are carried over (a later
        stage recounts the rubrics, not what an earlier one left out)."""
        report = cls()
        if base is not None:
            report.criteria_flags.update(base.criteria_flags)  # keeps their order; recomputed below
            for pid, dropped in base.removed.items():
                report.remove(pid, dropped)
            report.flagged.update(base.flagged)
        for r in rubrics:
            report.add(r)
        return report

    def remove(self, prompt_id: str, dropped: List[Dict[str, Any]]) -> None:
        """A rubric not written because every criterion was degenerate."""
        self.removed[prompt_id] = dropped
        self.flagged[prompt_id] = "every criterion is degenerate; no rubric written"
        self.criteria_flags[prompt_id] = [f"dropped {d['id']} {d['text']!r}: {d['why']}" for d in dropped]

    def add(self, rubric: Rubric) -> None:
        self.prompts += 1
        validation = rubric.meta.get("validation") or {}
        self.dropped += len(validation.get("dropped", ()))
        self.duplicates += len(validation.get("duplicates", ()))
        if validation:
            self.criteria_flags[rubric.id] = criterion_flags(rubric)
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
            "degenerate_dropped": self.dropped + sum(len(d) for d in self.removed.values()),
            "duplicates_flagged": self.duplicates,
            "weights": {str(k): v for k, v in sorted(self.weights.items())},
            "checks": dict(self.checks.most_common()),
            "flagged": self.flagged,
            "criteria_flags": self.criteria_flags,
        }

    def render(self) -> str:
        d = self.as_dict()
        lines = [
            f"prompts            {d['prompts']}",
            f"criteria           {d['criteria']} ({d['criteria_per_prompt']} per prompt, {d['negative_criteria']} negative)",
            f"program checks     {d['program_checks']} ({100 * d['program_share']:.1f}%)",
            f"merged duplicates  {d['merged_duplicates']}",
            f"validation         degenerate criteria dropped: {d['degenerate_dropped']}, duplicate criteria "
            f"flagged: {d['duplicates_flagged']}",
            "weights            " + ", ".join(f"{k}: {v}" for k, v in d["weights"].items()),
        ]
        if d["checks"]:
            lines.append("checks             " + ", ".join(f"{k}: {v}" for k, v in d["checks"].items()))
        for pid, why in d["flagged"].items():
            lines.append(f"flagged            {pid}: {why}")
        flags = [f"{pid}: {line}" for pid, lines_ in d["criteria_flags"].items() for line in lines_]
        lines += [f"flagged criterion  {f}" for f in flags[:MAX_FLAG_LINES]]
        if len(flags) > MAX_FLAG_LINES:
            lines.append(f"flagged criterion  ... and {len(flags) - MAX_FLAG_LINES} more (all in --report)")
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
    """Drops degenerate criteria, dedupes, lowers and flags duplicates over imported or generated rubrics
    (a rubric left without criteria is not returned: the report flags it). The dedupe model is loaded only
    when some rubric has two criteria it could merge. Returns (compiled rubrics, CompileReport)."""
    report = CompileReport()
    rubrics = list(rubrics)
    valid = []
    for rub in rubrics:
        rub, dropped = drop_degenerate(rub)
        if rub.criteria:
            valid.append(rub)
        else:
            report.remove(rub.id, dropped)
            if progress is not None:
                progress.update(1)
    todo = [r for r in valid if has_candidates(r)] if dedupe else []
    if todo:
        embedder = embedder if embedder is not None else Embedder()
        # one batched pass over every criterion text (far cheaper than one call per rubric)
        embedder.encode([c.text for r in todo for c in r.criteria])
    out = []
    for rub in valid:
        if todo:
            rub = dedupe_rubric(rub, embedder, threshold)
        if lower:
            rub = lower_rubric(rub)
        rub = Rubric.model_validate(flag_duplicates(rub).model_dump())  # final validation of the record
        report.add(rub)
        out.append(rub)
        if progress is not None:
            progress.update(1)
    order = {r.id: i for i, r in enumerate(rubrics)}
    report.criteria_flags = dict(sorted(report.criteria_flags.items(), key=lambda kv: order[kv[0]]))
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
                 llm_lower: Optional[bool] = None, llm: Optional[LLMConfig] = None, allow_empty: bool = False
                 ) -> CompileResult:
    """`rubricc compile`: imports ``input_path`` (JSONL or JSON, ``fmt`` or detected per record); with an
    endpoint in ``llm``, generates the missing rubrics, refines against candidate responses for ``rounds``
    rounds and atomizes; then dedupes and lowers, optionally asks the LLM to lower what the rules left
    neural, and writes ``output`` (and the report as JSON to ``report_path``) atomically.

    ``progress``: bars on stderr (None: when stderr is a terminal or the input has over 50 records).
    Raises InputError for a bad input (an input with no records too, unless ``allow_empty``) or a missing
    endpoint, MissingExtraError for a missing extra, all before any LLM request is sent and anything is
    written."""
    llm = llm or LLMConfig()
    records = import_file(input_path, fmt)
    if not records and not allow_empty:
        raise empty_input(input_path)
    missing = [p.id for r, p in records if r is None]
    if missing and not llm.given:
        raise InputError(f"{input_path}: {len(missing)} record(s) carry no rubric (first: id {missing[0]!r}); "
                         "give rubrics in the input or an LLM endpoint to generate them (--llm-url URL "
                         "--llm-model NAME)")
    if (atomize or llm_lower) and not llm.given:
        raise InputError("--atomize and --llm-lower need an LLM endpoint (--llm-url URL --llm-model NAME)")
    llm_lower = llm.given if llm_lower is None else llm_lower  # default: on when an LLM is given
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
                report = CompileReport.of(compiled, base=report)
        for pid, msgs in flags.items():
            report.flagged[pid] = "; ".join(msgs + [report.flagged[pid]] if pid in report.flagged else msgs)
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

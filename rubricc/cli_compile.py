"""`rubricc compile` and `rubricc check`: thin wrappers over rubricc.compiler."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rubricc.cli_label import llm_options
from rubricc.formats import InputError


@click.command("compile")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="Compiled rubrics (JSONL).")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "rubricc", "paper", "healthbench", "rar", "text", "prometheus"]),
              help="Input rubric format (auto-detected per record by default).")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="Merge near-duplicate criteria (MiniLM sentence embeddings).")
@click.option("--dedupe-threshold", default=0.95, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Cosine similarity at or above which two criteria are merged.")
@click.option("--lower/--no-lower", default=True, show_default=True,
              help="Lower criteria to deterministic program checks where unambiguous.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Also write the report as JSON.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal "
              "or the input has more than 50 records).")
@click.option("--rounds", default=4, show_default=True, type=click.IntRange(0),
              help="Refinement rounds (Algorithm 1) for prompts that carry candidate responses; 0: no refinement.")
@click.option("--pool", default=16, show_default=True, type=click.IntRange(2),
              help="Candidate responses per prompt used for refinement (the first POOL).")
@click.option("--weights", default="paper", show_default=True, type=click.Choice(["paper", "signed"]),
              help="Weights the proposer writes: paper 1..3, or signed -10..10 points (HealthBench style).")
@click.option("--seed", default=0, show_default=True, help="Seed of the tie-breaking draws in refinement.")
@click.option("--atomize", is_flag=True, help="Split compound criteria with the proposer LLM.")
@click.option("--llm-lower", is_flag=True,
              help="Ask the proposer LLM for a program check (typed library, validated) for criteria the rules "
                   "leave neural.")
@llm_options(progress=False)
def compile_cmd(input_path, output, fmt, dedupe, dedupe_threshold, lower, report_path, progress, rounds, pool,
                weights, seed, atomize, llm_lower, **llm_opts):
    """Import rubrics from INPUT (JSONL or JSON) or generate them with an LLM, refine them against candidate
    responses, dedupe, lower every criterion to a check, write OUTPUT.

    \b
    Without --llm-url every record must carry a rubric. With --llm-url/--llm-model:
      - a record with no rubric gets one written by the proposer from the prompt alone;
      - a record with candidate "responses" (at least 2) is refined for --rounds rounds (paper Algorithm 1);
      - --atomize and --llm-lower add their passes.
    LLM requests are cached in OUTPUT.cache.sqlite (--cache): a rerun resends nothing."""
    from tqdm import tqdm

    from rubricc.compiler.importers import import_file
    from rubricc.compiler.pipeline import compile_rubrics
    from rubricc.formats import write_json, write_jsonl

    records = import_file(input_path, fmt)
    missing = [p.id for r, p in records if r is None]
    use_llm = bool(llm_opts.get("llm_url") or llm_opts.get("judge_url"))
    if missing and not use_llm:
        raise InputError(f"{input_path}: {len(missing)} record(s) carry no rubric (first: id {missing[0]!r}); "
                         "give rubrics in the input or an LLM endpoint to generate them (--llm-url URL "
                         "--llm-model NAME)")
    if (atomize or llm_lower) and not use_llm:
        raise InputError("--atomize and --llm-lower need an LLM endpoint (--llm-url URL --llm-model NAME)")
    show = progress if progress is not None else (sys.stderr.isatty() or len(records) > 50)
    flags = {}
    stats = cache = proposer = None
    if use_llm:
        import asyncio

        from rubricc.cli_label import make_clients
        from rubricc.compiler.pipeline import llm_stages

        cache, stats, proposer, judge = make_clients(llm_opts, output)

        async def run_stages():
            try:
                return await llm_stages(records, proposer=proposer, judge=judge, weights=weights, rounds=rounds,
                                        pool=pool, seed=seed, atomize=atomize,
                                        max_response_chars=llm_opts["max_response_chars"], progress=show,
                                        judge_max_tokens=llm_opts["judge_max_tokens"])
            finally:
                await proposer.aclose()
                await judge.aclose()

        try:
            rubrics, flags = asyncio.run(run_stages())
        except BaseException:
            cache.close()
            raise
        rubrics = [r for r in rubrics if r is not None]
    else:
        ignored = sum(1 for _, p in records if len(p.responses or []) >= 2)
        if ignored and rounds > 0:
            click.echo(f"note: candidate responses of {ignored} prompt(s) not used for refinement "
                       "(no --llm-url)", err=True)
        rubrics = [r for r, _ in records]
    with tqdm(total=len(rubrics), desc="compile", unit="prompt", disable=not show, file=sys.stderr) as bar:
        try:
            compiled, report = compile_rubrics(rubrics, dedupe=dedupe, threshold=dedupe_threshold,
                                               lower=lower, progress=bar)
        except ValueError as e:
            raise InputError(f"{input_path}: {e}") from None
    if llm_lower:
        from rubricc.compiler.pipeline import CompileReport, llm_lower_all

        async def run_lower():
            try:
                return await llm_lower_all(compiled, proposer, progress=show)
            finally:
                await proposer.aclose()

        try:
            compiled, lflags = asyncio.run(run_lower())
        except BaseException:
            cache.close()
            raise
        for k, v in lflags.items():
            flags.setdefault(k, []).extend(v)
        report = CompileReport()
        for r in compiled:
            report.add(r)
    for pid, msgs in flags.items():
        report.flagged[pid] = "; ".join(msgs)
    if cache is not None:
        cache.close()
    write_jsonl(output, compiled)
    if report_path:
        d = report.as_dict()
        if stats is not None:
            d["llm"] = {**stats.report(), "failed": stats.failures}
        write_json(report_path, d)
    click.echo(report.render())
    if stats is not None:
        click.echo(stats.line())
    click.echo(f"wrote {len(compiled)} rubrics to {output}")


@click.command("check")
@click.option("--rubrics", "rubrics_path", required=True, type=click.Path(path_type=Path),
              help="Compiled rubrics (JSONL).")
@click.option("--responses", "responses_path", required=True, type=click.Path(path_type=Path),
              help='Responses (JSONL: {"prompt_id", "id", "text", "source"?}).')
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="Verdicts (JSONL).")
def check_cmd(rubrics_path, responses_path, output):
    """Evaluate the program checks alone, with no model: one line per (prompt, response, criterion),
    verdict true/false, null for neural criteria."""
    from rubricc.compiler.checks import run_check
    from rubricc.formats import ProgramCheck, iter_json_lines, parse_record, read_rubrics, Response, write_jsonl

    rubrics = {r.id: r for r in read_rubrics(rubrics_path)}
    rows = []
    counts = {True: 0, False: 0, None: 0}
    for n, obj in iter_json_lines(responses_path):
        resp = parse_record(obj, Response, f"{responses_path}:{n}")
        rub = rubrics.get(resp.prompt_id)
        if rub is None:
            raise InputError(f"{responses_path}:{n}: prompt_id {resp.prompt_id!r} is not in {rubrics_path} "
                             "(at field prompt_id)")
        for c in rub.criteria:
            v = run_check(c.check, resp.text, rub.prompt_text) if isinstance(c.check, ProgramCheck) else None
            counts[v] += 1
            rows.append({"prompt_id": resp.prompt_id, "response_id": resp.id, "criterion_id": c.id,
                         "verdict": v, "check": c.check.name if v is not None else "neural"})
    write_jsonl(output, rows)
    click.echo(json.dumps({"verdicts": len(rows), "true": counts[True], "false": counts[False],
                           "neural": counts[None]}))

"""`rubricc compile` and `rubricc check`: thin wrappers over rubricc.compiler."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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
def compile_cmd(input_path, output, fmt, dedupe, dedupe_threshold, lower, report_path, progress):
    """Import rubrics from INPUT (JSONL or JSON), dedupe, lower every criterion to a check, write OUTPUT."""
    from tqdm import tqdm

    from rubricc.compiler.importers import import_file
    from rubricc.compiler.pipeline import compile_rubrics
    from rubricc.formats import write_json, write_jsonl

    records = import_file(input_path, fmt)
    missing = [p.id for r, p in records if r is None]
    if missing:
        raise InputError(f"{input_path}: {len(missing)} record(s) carry no rubric (first: id {missing[0]!r}); "
                         "give rubrics in the input or an LLM endpoint to generate them")
    rubrics = [r for r, _ in records]
    show = progress if progress is not None else (sys.stderr.isatty() or len(rubrics) > 50)
    with tqdm(total=len(rubrics), desc="compile", unit="prompt", disable=not show, file=sys.stderr) as bar:
        try:
            compiled, report = compile_rubrics(rubrics, dedupe=dedupe, threshold=dedupe_threshold,
                                               lower=lower, progress=bar)
        except ValueError as e:
            raise InputError(f"{input_path}: {e}") from None
    write_jsonl(output, compiled)
    if report_path:
        write_json(report_path, report.as_dict())
    click.echo(report.render())
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

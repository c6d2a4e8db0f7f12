"""`rubricc compile` and `rubricc check`: thin commands over rubricc.compiler (``compile_file``,
``check_file``): parse the options, call the function, print its result."""
from __future__ import annotations

import json
from pathlib import Path

import click

from rubricc.cli_options import allow_empty_option, llm_config, llm_options, nearest_option


@click.command("compile")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="Compiled rubrics (JSONL).")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "rubricc", "paper", "healthbench", "rar", "text", "prometheus"]),
              help="Input rubric format (auto-detected per record by default; a forced format that does not "
                   "fit a record is an error naming its line and field).")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="Merge near-duplicate criteria (MiniLM sentence embeddings; the 'compile' extra).")
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
@click.option("--llm-lower/--no-llm-lower", default=None,
              help="Ask the proposer LLM for a program check (typed library) and example responses for criteria "
                   "the rules leave neural; a check is kept only when it decides every example right. "
                   "Default: on when an LLM is given (--llm-url).")
@nearest_option
@allow_empty_option
@llm_options
def compile_cmd(input_path, output, nearest, **options):
    """Import rubrics from INPUT (JSONL or JSON) or generate them with an LLM, refine them against candidate
    responses, dedupe, lower every criterion to a check, validate, write OUTPUT.

    \b
    Without --llm-url every record must carry a rubric. With --llm-url/--llm-model:
      - a record with no rubric gets one written by the proposer from the prompt alone;
      - a record with candidate "responses" (at least 2) is refined for --rounds rounds (paper Algorithm 1);
      - --atomize and --llm-lower add their passes.
    Validation drops criteria that are no statement (one word such as "yes", or no letters) and flags
    repeated ones; the report counts and lists both. A forced --format must fit every record.
    LLM requests are cached in OUTPUT.cache.sqlite (--cache): a rerun resends nothing, also when the
    local server came back on another port (an answer is identified by the model, the messages and the
    parameters)."""
    from rubricc.compiler import lower_nearest
    from rubricc.compiler.pipeline import compile_file

    llm, options = llm_config(options)
    with lower_nearest.switched(nearest):  # --nearest/--no-nearest, else the library default
        result = compile_file(input_path, output, llm=llm, **options)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(result.report.render())
    if result.stats is not None:
        click.echo(result.stats.line())
    click.echo(f"wrote {result.written} rubrics to {output}")


@click.command("check")
@click.option("--rubrics", "rubrics_path", required=True, type=click.Path(path_type=Path),
              help="Compiled rubrics (JSONL).")
@click.option("--responses", "responses_path", required=True, type=click.Path(path_type=Path),
              help='Responses (JSONL: {"prompt_id", "id", "text", "source"?}).')
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="Verdicts (JSONL).")
@allow_empty_option
def check_cmd(rubrics_path, responses_path, output, allow_empty):
    """Evaluate the program checks alone, with no model: one line per (prompt, response, criterion),
    verdict true/false, null for neural criteria."""
    from rubricc.compiler.label import check_file

    click.echo(json.dumps(check_file(rubrics_path, responses_path, output, allow_empty=allow_empty)))

"""`rubricc label`: judge-LLM verdicts per (response, criterion) -> judgments.jsonl. A thin command over
``rubricc.compiler.label.label_files``: parse the options, call it, print its summary."""
from __future__ import annotations

import click

from rubricc.cli_options import allow_empty_option, llm_config, llm_options

MAX_FAILURES_SHOWN = 20


@click.command("label")
@click.option("--rubrics", "rubrics_path", required=True, type=click.Path(dir_okay=False),
              help="Compiled rubrics (rubricc.rubric/1 JSONL).")
@click.option("--responses", "responses_path", required=True, type=click.Path(dir_okay=False),
              help="Responses JSONL: {prompt_id, id, text, source?}.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Judgments JSONL (written atomically).")
@click.option("--per-criterion", is_flag=True,
              help="One judge call per criterion (default: all criteria of a response in one call).")
@click.option("--logprobs/--no-logprobs", default=True, show_default=True,
              help="Ask for token logprobs and record p_yes when the endpoint returns them.")
@click.option("--top-logprobs", default=5, show_default=True)
@click.option("--skip-unknown", is_flag=True,
              help="Skip (and count) responses whose prompt_id has no rubric instead of failing.")
@allow_empty_option
@llm_options
@click.option("--progress/--no-progress", default=True, show_default=True, help="tqdm progress bars.")
def label_cmd(rubrics_path, responses_path, output, **options):
    """Grade every (response, criterion) with the judge LLM; program checks run locally."""
    from rubricc.compiler.label import label_files

    llm, options = llm_config(options)
    result = label_files(rubrics_path, responses_path, output, llm, **options)
    click.echo(f"wrote {result.judgments} judgments for {result.responses} responses to {output} "
               f"({result.program} by program checks, {result.with_p_yes} with p_yes, "
               f"{result.ungraded} ungraded)", err=True)
    if result.skipped:
        click.echo(f"skipped {len(result.skipped)} response(s) with no rubric: "
                   f"{', '.join(result.skipped[:10])}", err=True)
    failures = result.stats.failures
    click.echo(result.stats.line(), err=True)
    for f in failures[:MAX_FAILURES_SHOWN]:
        click.echo(f"  failed: {f}", err=True)
    if len(failures) > MAX_FAILURES_SHOWN:
        click.echo(f"  ... and {len(failures) - MAX_FAILURES_SHOWN} more failures", err=True)

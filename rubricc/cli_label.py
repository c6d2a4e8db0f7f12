"""`rubricc label`: judge-LLM verdicts per (response, criterion) -> judgments.jsonl.

Also home of the LLM endpoint options shared with `rubricc compile` (:func:`llm_options`,
:func:`make_clients`)."""
from __future__ import annotations

import click


def llm_options(progress: bool = True):
    """Click options for the proposer/judge endpoints, the cache and the client limits (``progress``: also
    add ``--progress/--no-progress``)."""
    def deco(f):
        opts = [
            click.option("--llm-url", default=None, metavar="URL",
                         help="OpenAI-compatible endpoint (e.g. http://127.0.0.1:8080/v1) for proposer and judge."),
            click.option("--llm-model", default=None, metavar="NAME", help="Model name for proposer and judge."),
            click.option("--judge-url", default=None, metavar="URL", help="Judge endpoint (default: --llm-url)."),
            click.option("--judge-model", default=None, metavar="NAME", help="Judge model (default: --llm-model)."),
            click.option("--api-key-env", default=None, metavar="NAME",
                         help="Environment variable holding the API key (default OPENAI_API_KEY; a local "
                              "server needs none)."),
            click.option("--cache", "cache_path", default=None, type=click.Path(dir_okay=False),
                         help="SQLite request cache (default: OUT.cache.sqlite next to the output)."),
            click.option("--no-cache", is_flag=True, help="Keep the request cache in memory only."),
            click.option("--concurrency", default=4, show_default=True, help="Requests in flight per endpoint."),
            click.option("--timeout", default=120.0, show_default=True, help="Seconds per request."),
            click.option("--retries", default=4, show_default=True, help="Retries on 429 / 5xx / timeouts."),
            click.option("--parse-retries", default=1, show_default=True,
                         help="Retries (at temperature 1) after an invalid answer, after the one repair request."),
            click.option("--max-tokens", default=1024, show_default=True,
                         help="Cap on generated tokens per request."),
            click.option("--judge-max-tokens", default=None, type=int,
                         help="Cap on a judge answer (default: 64 + 16 per criterion; raise it for judges "
                              "that think before answering)."),
            click.option("--structured", default="auto", show_default=True,
                         type=click.Choice(["auto", "json_schema", "json_object", "text"]),
                         help="Structured-output mode (auto: json_schema, then llama.cpp json_object, then text)."),
            click.option("--max-response-chars", default=12000, show_default=True,
                         help="Responses longer than this are shown to the LLM with the middle cut."),
        ]
        if progress:
            opts.append(click.option("--progress/--no-progress", default=True, show_default=True,
                                     help="tqdm progress bars."))
        for o in reversed(opts):
            f = o(f)
        return f
    return deco


def make_clients(opts: dict, out_path, need_proposer: bool = True):
    """(cache, stats, proposer or None, judge) from the options of :func:`llm_options`."""
    from rubricc.compiler.cache import Cache, default_cache_path
    from rubricc.compiler.llm import LLMClient, Stats, api_key_from_env
    from rubricc.formats import InputError

    url, model = opts.get("llm_url"), opts.get("llm_model")
    jurl, jmodel = opts.get("judge_url") or url, opts.get("judge_model") or model
    if not jurl or not jmodel or (need_proposer and (not url or not model)):
        raise InputError("an LLM endpoint is needed: give --llm-url URL --llm-model NAME "
                         "(or --judge-url/--judge-model for the judge)")
    cache = Cache(None if opts.get("no_cache") else (opts.get("cache_path") or default_cache_path(out_path)))
    stats = Stats()
    key = api_key_from_env(opts.get("api_key_env"))
    common = dict(api_key=key, concurrency=opts["concurrency"], timeout=opts["timeout"], retries=opts["retries"],
                  parse_retries=opts["parse_retries"], max_tokens=opts["max_tokens"] or None,
                  structured=opts["structured"], stats=stats)
    judge = LLMClient(jurl, jmodel, cache, **common)
    proposer = None
    if need_proposer:
        proposer = judge if (url, model) == (jurl, jmodel) else LLMClient(url, model, cache, **common)
    return cache, stats, proposer, judge


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
@llm_options()
def label_cmd(rubrics_path, responses_path, output, per_criterion, logprobs, top_logprobs, skip_unknown, **opts):
    """Grade every (response, criterion) with the judge LLM; program checks run locally."""
    from rubricc.compiler.label import label_files

    cache, stats, _, judge = make_clients(opts, output, need_proposer=False)
    try:
        summary = label_files(judge, rubrics_path, responses_path, output, skip_unknown=skip_unknown,
                              per_criterion=per_criterion,
                              logprobs=logprobs, top_logprobs=top_logprobs,
                              max_response_chars=opts["max_response_chars"], progress=opts["progress"],
                              max_tokens=opts["judge_max_tokens"])
    finally:
        cache.close()
    click.echo(f"wrote {summary['judgments']} judgments for {summary['responses']} responses to {output} "
               f"({summary['program']} by program checks, {summary['with_p_yes']} with p_yes, "
               f"{summary['ungraded']} ungraded)", err=True)
    if summary["skipped"]:
        click.echo(f"skipped {len(summary['skipped'])} response(s) with no rubric: "
                   f"{', '.join(summary['skipped'][:10])}", err=True)
    click.echo(stats.line(), err=True)
    for f in stats.failures[:20]:
        click.echo(f"  failed: {f}", err=True)
    if len(stats.failures) > 20:
        click.echo(f"  ... and {len(stats.failures) - 20} more failures", err=True)

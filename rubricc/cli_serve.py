"""`rubricc score` and `rubricc serve`: thin commands over rubricc.runtime and rubricc.serve."""
from __future__ import annotations

import json
import os
import sys

import click

from rubricc.errors import MissingExtraError
from rubricc.formats import InputError

_runtime_options = [
    click.option("--verifier", "verifier", required=True, type=click.Path(file_okay=False),
                 help="Verifier bundle folder (from `rubricc distill`)."),
    click.option("--rubrics", "rubrics", required=True, type=click.Path(dir_okay=False), help="Rubrics JSONL."),
    click.option("--providers", default="auto", show_default=True, type=click.Choice(["auto", "cpu", "cuda"]),
                 help="ONNX Runtime execution provider (auto: CUDA only when really usable)."),
    click.option("--backend", default="auto", show_default=True, type=click.Choice(["auto", "onnx", "torch"]),
                 help="onnx: ONNX Runtime; torch: the segmented pass in torch (bf16 on AMX CPUs); auto: torch "
                      "bf16 on a CPU with AMX when torch is installed, else ONNX Runtime."),
    click.option("--variant", default="auto", show_default=True,
                 type=click.Choice(["auto", "fp32", "int8", "fp16", "bf16"]),
                 help="Model variant: fp32/int8/fp16 (ONNX Runtime) or fp32/bf16 (torch)."),
    click.option("--threads", type=click.IntRange(1, 1024), default=None, help="CPU intra-op threads."),
    click.option("--token-budget", type=click.IntRange(64, 10_000_000), default=4096, show_default=True,
                 help="Tokens per model run (batch x padded length)."),
    click.option("--max-response-len", type=click.IntRange(1, 1_000_000), default=None,
                 help="Response tokens a windowed verifier reads (default: the bundle's, 8192); a longer response "
                      "is scored on its head and counted as truncated."),
]


_judge_options = [  # escalation to a judge LLM (rubricc.escalation); collected into one ``judge`` argument
    click.option("--judge-url", default=None, help="OpenAI-compatible judge endpoint: verdicts in the verifier's "
                 "uncertainty band (or far from its training data) are sent to it (band: `rubricc calibrate`)."),
    click.option("--judge-model", default=None, help="The judge's model name."),
    click.option("--judge-cache", default=None, type=click.Path(dir_okay=False),
                 help="SQLite cache of the judge's answers (crash-safe; default: in memory)."),
    click.option("--judge-share", default=None, type=click.FloatRange(0, 1),
                 help="Most verdicts per call sent to the judge, as a share (default: the bundle's, else 0.1)."),
    click.option("--judge-seconds", default=None, type=click.FloatRange(0.001, None),
                 help="Longest wait for the judge per call (default: the bundle's, else 30)."),
    click.option("--judge-timeout", default=30.0, show_default=True, type=click.FloatRange(0.001, None),
                 help="Seconds per judge request."),
    click.option("--api-key-env", default=None, help="Environment variable holding the judge's API key."),
]


_guard_options = [  # the relevance guard (rubricc.guard); passed on with the judge options
    click.option("--no-guard", is_flag=True, help="Score without the bundle's relevance guard (which scales down the "
                 "reward of off-topic, padded or repeated responses) and without removing copies of the rubric."),
]


def runtime_options(f):
    for opt in reversed(_runtime_options + _judge_options + _guard_options):
        f = opt(f)
    return f


def judge_argument(judge_url, judge_model, judge_cache, judge_share, judge_seconds, judge_timeout, api_key_env):
    """RubricReward's ``judge=`` from the --judge-* options (None without --judge-url)."""
    if not judge_url:
        if judge_model:
            raise InputError("--judge-model needs --judge-url")
        return None
    if not judge_model:
        raise InputError("--judge-url needs --judge-model")
    return {"url": judge_url, "model": judge_model, "cache": judge_cache, "timeout": judge_timeout,
            "api_key_env": api_key_env, "policy": {"max_share": judge_share, "max_seconds": judge_seconds}}


def _make_reward(verifier, rubrics, providers, backend, variant, threads, token_budget, max_response_len=None, judge_url=None,
                 judge_model=None, judge_cache=None, judge_share=None, judge_seconds=None, judge_timeout=30.0,
                 api_key_env=None, no_guard=False):
    from rubricc.runtime import RubricReward

    if not os.path.isdir(verifier):
        raise InputError(f"{verifier}: no such verifier folder")
    judge = judge_argument(judge_url, judge_model, judge_cache, judge_share, judge_seconds, judge_timeout, api_key_env)
    return RubricReward(verifier, rubrics=rubrics, providers=providers, backend=backend, variant=variant,
                        threads=threads, token_budget=token_budget, judge=judge, max_response_len=max_response_len,
                        guard=False if no_guard else None)


@click.command("score")
@runtime_options
@click.option("--responses", required=True, type=click.Path(dir_okay=False),
              help="Responses JSONL (prompt_id, id, text).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Rewards JSONL to write.")
@click.option("--chunk", type=click.IntRange(1, 1_000_000), default=256, show_default=True,
              help="Responses per scoring call (progress granularity).")
@click.option("--allow-empty", is_flag=True,
              help="Accept an empty responses file and write an empty output instead of failing.")
def score_cmd(verifier, rubrics, providers, backend, variant, threads, token_budget, max_response_len, responses, output, chunk,
              allow_empty, **judge):
    """Score a file of responses: one line per response
    {"prompt_id", "response_id", "reward", "verdicts": {criterion_id: p_yes or program verdict}}."""
    from tqdm import tqdm

    from rubricc.formats import atomic_open, empty_input, read_responses, rubric_for

    reward = _make_reward(verifier, rubrics, providers, backend, variant, threads, token_budget, max_response_len, **judge)
    items = read_responses(responses)
    if not items and not allow_empty:
        raise empty_input(responses, "responses")
    # every response's rubric before any scoring: a bad record stops the command with nothing written
    rubs = [rubric_for(reward.rubrics, resp.prompt_id, f"{responses}:{k + 1}", rubrics)
            for k, resp in enumerate(items)]
    truncated = 0  # responses the verifier did not read to their end
    guarded = 0  # responses whose reward the relevance guard scaled down
    with atomic_open(output) as fh, tqdm(total=len(items), unit="resp", desc="score", file=sys.stderr,
                                         disable=None) as bar:
        for start in range(0, len(items), chunk):
            part = items[start:start + chunk]
            details = reward.score_items(rubs[start:start + chunk], [resp.text for resp in part])
            truncated += sum(1 for d in details if d.get("truncated"))
            for resp, d in zip(part, details):
                row = {"prompt_id": resp.prompt_id, "response_id": resp.id, "reward": d["reward"], "verdicts": d["verdicts"]}
                if "guard" in d:  # the relevance guard's factor (rubricc.guard): the reward is already scaled by it
                    row["guard_factor"] = round(d["guard"]["factor"], 4)
                    guarded += d["guard"]["factor"] < 1.0
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            bar.update(len(part))
    used = f" ({reward.device}, {reward.backend_used} {reward.variant_used})" if items else ""
    cut = (f"; {truncated} truncated (read up to the verifier's max_response_len, or max_context_len for a "
           "one-window verifier)") if truncated else ""
    scaled = f"; {guarded} scaled down by the relevance guard (guard_factor < 1)" if guarded else ""
    click.echo(f"scored {len(items)} responses -> {output}{used}{cut}{scaled}", err=True)
    if reward.escalator is not None:
        figs = reward.escalator.figures()
        click.echo("escalation: " + ", ".join(f"{k.split('/', 1)[1]} {v:g}" for k, v in figs.items()), err=True)


@click.command("serve")
@runtime_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 exposes it).")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="File holding a bearer token clients must send (or set RUBRICC_SERVE_TOKEN).")
@click.option("--max-batch", default=512, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Samples per model call across concurrent requests.")
@click.option("--max-wait-ms", default=5.0, show_default=True, type=click.FloatRange(0, 10_000),
              help="How long the first queued request waits for others to join its batch.")
@click.option("--max-request-mb", default=8.0, show_default=True, type=click.FloatRange(0.001, 4096))
@click.option("--max-samples", default=4096, show_default=True, type=click.IntRange(1, 10_000_000),
              help="Samples allowed in one request.")
@click.option("--max-criteria", default=64, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Criteria allowed in one inline rubric (413 beyond).")
@click.option("--slice-samples", default=64, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Samples one request adds to a batch: larger requests are scored in slices interleaved with "
                   "later ones, so a small request never waits for a whole large one.")
@click.option("--slice-verdicts", default=32, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Neural verdicts one request adds to a batch (at least one sample): a slice of long rubrics "
                   "costs no more than one of short ones.")
@click.option("--header-timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a client has to send a request's headers (from its first byte); then 408 and close.")
@click.option("--body-timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a client has to send a request's body once its headers are in; then 408.")
def serve_cmd(verifier, rubrics, providers, backend, variant, threads, token_budget, max_response_len, host, port, token_file, max_batch,
              max_wait_ms, max_request_mb, max_samples, max_criteria, slice_samples, slice_verdicts, header_timeout, body_timeout, **judge):
    """Serve rewards over HTTP in OpenRLHF's remote reward protocol: POST /get_reward
    {"query", "prompts", "labels"} -> {"rewards", "scores", "extra_logs"}; labels hold rubric ids or inline
    rubrics. Use --reward.remote_url http://HOST:PORT/get_reward in OpenRLHF. POST /reload (or SIGHUP)
    swaps in a retrained bundle without dropping a request: an empty body re-reads --verifier, {"verifier":
    DIR} loads another folder (only with a token)."""
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        raise MissingExtraError("rubricc serve", "serve") from None
    from rubricc.serve import ServeConfig, exposure_warning, run

    token = os.environ.get("RUBRICC_SERVE_TOKEN") or None
    if token_file:
        with open(token_file, encoding="utf-8") as fh:
            token = fh.read().strip() or None
        if token is None:
            raise InputError(f"{token_file}: the token file is empty")
    warning = exposure_warning(host, token)
    if warning:
        click.echo(warning, err=True)
    reward = _make_reward(verifier, rubrics, providers, backend, variant, threads, token_budget, max_response_len, **judge)
    cfg = ServeConfig(host=host, port=port, token=token, max_batch=max_batch, max_wait_ms=max_wait_ms,
                      max_request_bytes=int(max_request_mb * (1 << 20)), max_samples_per_request=max_samples,
                      max_criteria_per_rubric=max_criteria, slice_samples=slice_samples, slice_verdicts=slice_verdicts,
                      header_timeout=header_timeout, body_timeout=body_timeout)

    def ready(url, server):
        click.echo(f"rubricc serve: listening on {url} (POST /get_reward; {len(reward.rubrics)} rubrics; "
                   f"{reward.device}, {reward.backend_used} {reward.variant_used}; auth {'on' if token else 'off'})", err=True)

    try:
        run(reward, cfg, ready)
    except KeyboardInterrupt:
        pass
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None

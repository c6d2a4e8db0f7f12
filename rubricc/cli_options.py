"""Click options shared by `rubricc compile` and `rubricc label`: the LLM endpoints, the request cache and
the client limits. Their names and defaults are the fields of :class:`rubricc.compiler.endpoints.LLMConfig`,
so a command turns them into its config with :func:`llm_config`."""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Dict, Tuple

import click

from rubricc.compiler.endpoints import LLMConfig

_D = LLMConfig()

_LLM_OPTIONS = [
    click.option("--llm-url", default=None, metavar="URL",
                 help="OpenAI-compatible endpoint (e.g. http://127.0.0.1:8080/v1) for proposer and judge."),
    click.option("--llm-model", default=None, metavar="NAME", help="Model name for proposer and judge."),
    click.option("--judge-url", default=None, metavar="URL", help="Judge endpoint (default: --llm-url)."),
    click.option("--judge-model", default=None, metavar="NAME", help="Judge model (default: --llm-model)."),
    click.option("--api-key-env", default=None, metavar="NAME",
                 help="Environment variable holding the API key (default OPENAI_API_KEY; a local server needs none)."),
    click.option("--cache", "cache_path", default=None, type=click.Path(dir_okay=False),
                 help="SQLite request cache (default: OUT.cache.sqlite next to the output, created with the "
                      "first answer)."),
    click.option("--no-cache", is_flag=True, help="Keep the request cache in memory only."),
    click.option("--concurrency", default=_D.concurrency, show_default=True, help="Requests in flight per endpoint."),
    click.option("--timeout", default=_D.timeout, show_default=True, help="Seconds per request."),
    click.option("--retries", default=_D.retries, show_default=True, help="Retries on 429 / 5xx / timeouts."),
    click.option("--parse-retries", default=_D.parse_retries, show_default=True,
                 help="Retries (at temperature 1) after an invalid answer, after the one repair request."),
    click.option("--max-tokens", default=_D.max_tokens, show_default=True, help="Cap on generated tokens per request."),
    click.option("--judge-max-tokens", default=None, type=int,
                 help="Cap on a judge answer (default: 64 + 16 per criterion; raise it for judges that think "
                      "before answering)."),
    click.option("--structured", default=_D.structured, show_default=True,
                 type=click.Choice(["auto", "json_schema", "json_object", "text"]),
                 help="Structured-output mode (auto: json_schema, then llama.cpp json_object, then text)."),
    click.option("--max-response-chars", default=_D.max_response_chars, show_default=True,
                 help="Responses longer than this are shown to the LLM with the middle cut."),
]

_LLM_FIELDS = {f.name for f in fields(LLMConfig)}

ALLOW_EMPTY_HELP = "Accept an empty input (no records) and write an empty output instead of failing."


def allow_empty_option(f):
    """``--allow-empty``: an empty input is an error (exit 2, nothing written) unless it is given."""
    return click.option("--allow-empty", is_flag=True, help=ALLOW_EMPTY_HELP)(f)


NEAREST_HELP = ("The nearest-phrasing lowering stage (rubricc.compiler.lower_nearest): a criterion the rules leave "
                "neural gets the IFEval check family of its nearest known phrasings (MiniLM, the 'compile' extra) "
                "when typed extractors can read the arguments and no veto applies; without the extra or the index "
                "the criterion stays neural. Default: the library's setting (rubricc.compiler.lower_nearest.ENABLED, on).")


def nearest_option(f):
    """``--nearest/--no-nearest``: None (the library default) unless given; the command passes it to
    :func:`rubricc.compiler.lower_nearest.switched` around the library call."""
    return click.option("--nearest/--no-nearest", default=None, help=NEAREST_HELP)(f)


def llm_options(f):
    """Adds the endpoint, cache and client-limit options to a click command."""
    for opt in reversed(_LLM_OPTIONS):
        f = opt(f)
    return f


def llm_config(options: Dict[str, Any]) -> Tuple[LLMConfig, Dict[str, Any]]:
    """(LLMConfig of the :func:`llm_options` values, the command's other options)."""
    llm = LLMConfig(**{k: v for k, v in options.items() if k in _LLM_FIELDS})
    return llm, {k: v for k, v in options.items() if k not in _LLM_FIELDS}

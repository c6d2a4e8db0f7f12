"""The LLM endpoints of one `rubricc compile` or `rubricc label` run: their settings (:class:`LLMConfig`,
whose fields are the CLI's endpoint options by the same names) and the clients built from them
(:class:`Clients`: proposer, judge, the request cache they share and the accounting).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional, Tuple, Union

from rubricc.compiler.cache import Cache, default_cache_path
from rubricc.compiler.llm import LLMClient, Stats, api_key_from_env, import_openai, run_closing
from rubricc.errors import InputError


@dataclass
class LLMConfig:
    """Endpoints, cache and client limits. The judge defaults to the proposer's endpoint and model."""

    llm_url: Optional[str] = None
    llm_model: Optional[str] = None
    judge_url: Optional[str] = None
    judge_model: Optional[str] = None
    api_key_env: Optional[str] = None       # environment variable holding the key (default OPENAI_API_KEY)
    cache_path: Optional[str] = None        # default: OUT.cache.sqlite next to the output
    no_cache: bool = False                  # keep the request cache in memory only
    concurrency: int = 4                    # requests in flight per endpoint
    timeout: float = 120.0                  # seconds per request
    retries: int = 4                        # retries on 429 / 5xx / timeouts
    parse_retries: int = 1                  # retries after an invalid answer (after the one repair request)
    max_tokens: Optional[int] = 1024        # cap on generated tokens per request (0 or None: no cap)
    judge_max_tokens: Optional[int] = None  # cap on a judge answer (default 64 + 16 per criterion)
    structured: str = "auto"                # auto, json_schema, json_object or text
    max_response_chars: int = 12000         # longer responses are shown to the LLM with the middle cut

    @property
    def given(self) -> bool:
        """True when an endpoint is given (``llm_url`` or ``judge_url``): the LLM stages run."""
        return bool(self.llm_url or self.judge_url)

    def endpoints(self, need_proposer: bool = True) -> Tuple[Optional[Tuple[str, str]], Tuple[str, str]]:
        """((proposer URL, model) or None when not needed, (judge URL, model)); InputError when a needed
        one is not given."""
        proposer = (self.llm_url, self.llm_model)
        judge = (self.judge_url or self.llm_url, self.judge_model or self.llm_model)
        if not all(judge) or (need_proposer and not all(proposer)):
            raise InputError("an LLM endpoint is needed: give --llm-url URL --llm-model NAME "
                             "(or --judge-url/--judge-model for the judge)")
        return (proposer if need_proposer else None), judge


def check_output_writable(output: Union[str, Path]) -> None:
    """InputError (one line) when ``output`` cannot be written: a folder, or a path under a folder that
    does not let us create files (a missing folder is fine when it can be created). Run before any LLM
    request, so an unwritable output is not found after all the calls were paid for."""
    out = Path(output)
    if out.is_dir():
        raise InputError(f"{out}: is a directory, expected an output file")
    if out.exists() and not os.access(out, os.W_OK):
        raise InputError(f"{out}: output file is not writable")
    folder = out.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(f"{out}: cannot write the output ({folder} is not a folder)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{out}: cannot write the output (folder {folder} is not writable)")


class Clients:
    """The proposer (None when not needed) and judge of one run, sharing one request cache and one
    :class:`~rubricc.compiler.llm.Stats`. A context manager: leaving it closes the cache."""

    def __init__(self, config: LLMConfig, output: Union[str, Path], need_proposer: bool = True):
        proposer, judge = config.endpoints(need_proposer)
        import_openai()  # a missing extra fails before any other work
        key = api_key_from_env(config.api_key_env)
        check_output_writable(output)  # before the first request, not after the last one
        self.cache = Cache(None if config.no_cache else (config.cache_path or default_cache_path(output)))
        try:
            self.cache.check_writable()
        except BaseException:
            self.cache.close()
            raise
        self.stats = Stats()
        common = dict(api_key=key, concurrency=config.concurrency, timeout=config.timeout, retries=config.retries,
                      parse_retries=config.parse_retries, max_tokens=config.max_tokens or None,
                      structured=config.structured, stats=self.stats)
        try:
            self.judge = LLMClient(*judge, self.cache, **common)
            self.proposer = None
            if proposer is not None:
                self.proposer = self.judge if proposer == judge else LLMClient(*proposer, self.cache, **common)
        except BaseException:
            self.cache.close()
            raise

    def run(self, coro_fn: Callable[[], Awaitable[Any]]) -> Any:
        """``asyncio.run(coro_fn())``, closing both clients' connections inside that event loop."""
        return run_closing(coro_fn, *[c for c in (self.proposer, self.judge) if c is not None])

    def close(self) -> None:
        self.cache.close()

    def __enter__(self) -> "Clients":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

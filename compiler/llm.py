"""Client for any OpenAI-compatible chat endpoint (vLLM, SGLang, llama.cpp server, OpenAI, LiteLLM).

One :class:`LLMClient` per (endpoint URL, model). It is async with a concurrency limit, sends every request
through the on-disk :class:`~rubricc.compiler.cache.Cache`, retries 429 / 5xx / timeouts with exponential
backoff, and asks for structured output in the best mode the endpoint accepts:

1. ``response_format = {"type": "json_schema", ...}`` (OpenAI, vLLM, SGLang, recent llama.cpp);
2. ``{"type": "json_object", "schema": ...}`` (llama.cpp / llama-cpp-python's form);
3. plain text, parsed tolerantly (:mod:`rubricc.compiler.answers`: ``<think>`` blocks and code fences
   stripped, first balanced JSON value).

A mode the endpoint rejects (HTTP 400/422) is skipped and the mode that works is remembered per endpoint
identity and model (in the cache, so a rerun goes straight to it; see :mod:`rubricc.compiler.cache` for
what identifies an answer: the model, not the port of a local server). Every parsed answer is validated by the caller's
``validate`` function (our pydantic schemas, ranges included); an invalid answer gets ONE repair request,
then one retry at a higher temperature, then it is reported as a failure (never dropped silently).
An endpoint that cannot be reached raises :class:`EndpointError`, a one-line user error naming the URL;
without the ``openai`` package (the ``llm`` extra) a client is not even built (MissingExtraError).
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Tuple, TypeVar
from urllib.parse import urlparse

from tqdm import tqdm

from rubricc.errors import InputError, MissingExtraError
from rubricc.compiler.answers import answer_record, one_line, parse_validated
from rubricc.compiler.cache import Cache, mode_key, request_key

MODES = ("json_schema", "json_object", "text")
_FORMAT_ERR = re.compile(r"response_format|json_schema|json_object|schema|grammar", re.I)
PLACEHOLDER_KEY = "sk-no-key-needed"
T = TypeVar("T")


class EndpointError(InputError):
    """Fatal: the endpoint cannot be reached or refuses us (auth, unknown model). One line, names the URL."""


class CallFailed(Exception):
    """One request failed after its retries (timeouts, 5xx) or was rejected; the caller flags the item."""


class _Rejected(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(f"HTTP {status}: {message}")
        self.status = status


def normalize_url(url: str) -> str:
    """``http://host:port`` -> ``http://host:port/v1``; a URL with a path is kept as given."""
    url = url.strip().rstrip("/")
    p = urlparse(url)
    if p.scheme not in ("http", "https") or not p.netloc:
        raise InputError(f"--llm-url {url!r}: expected an http(s) URL such as http://127.0.0.1:8080/v1")
    if p.path in ("", "/"):
        url = url + "/v1"
    return url


def import_openai():
    """The ``openai`` package, or MissingExtraError naming the ``llm`` extra."""
    try:
        import openai
    except ImportError as e:
        raise MissingExtraError("an LLM endpoint (--llm-url)", "llm") from e
    return openai


def run_closing(coro_fn: Callable[[], Awaitable[Any]], *clients: "LLMClient") -> Any:
    """``asyncio.run(coro_fn())``, closing the clients' connections inside that same event loop (an
    AsyncOpenAI connection belongs to the loop that opened it; a later run opens a new one)."""
    async def main():
        try:
            return await coro_fn()
        finally:
            for c in clients:
                await c.aclose()
    return asyncio.run(main())


async def gather_in_order(coros: Iterable[Awaitable[T]], *, desc: str, unit: str, progress: bool = True) -> List[T]:
    """Runs the coroutines concurrently under a progress bar (stderr) that moves as each one finishes;
    returns their results in input order. The first exception cancels the others and propagates."""
    async def indexed(i: int, coro: Awaitable[T]) -> Tuple[int, T]:
        return i, await coro

    tasks = [asyncio.ensure_future(indexed(i, c)) for i, c in enumerate(coros)]
    out: List[Any] = [None] * len(tasks)
    with tqdm(total=len(tasks), desc=desc, unit=unit, disable=not progress, dynamic_ncols=True) as bar:
        try:
            for fut in asyncio.as_completed(tasks):
                i, value = await fut
                out[i] = value
                bar.update(1)
        finally:
            for t in tasks:
                t.cancel()
    return out


def api_key_from_env(env_name: Optional[str] = None) -> str:
    """The key in ``$env_name`` (``--api-key-env``) or ``$OPENAI_API_KEY``; a placeholder for local servers."""
    if env_name:
        key = os.environ.get(env_name)
        if not key:
            raise InputError(f"--api-key-env {env_name}: environment variable is not set")
        return key
    return os.environ.get("OPENAI_API_KEY") or PLACEHOLDER_KEY


# ----------------------------------------------------------------------------------------------
# accounting
# ----------------------------------------------------------------------------------------------
@dataclass
class Stats:
    calls: int = 0            # requests that went over the network and got an answer
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    http_retries: int = 0     # 429 / 5xx / timeout retries
    repairs: int = 0          # JSON repair requests
    parse_retries: int = 0    # retries after an invalid answer
    failures: List[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)

    def report(self) -> Dict[str, Any]:
        return {"calls": self.calls, "cache_hits": self.cache_hits, "tokens_in": self.tokens_in,
                "tokens_out": self.tokens_out, "http_retries": self.http_retries, "repairs": self.repairs,
                "parse_retries": self.parse_retries, "failures": len(self.failures),
                "wall_s": round(time.time() - self.started, 2)}

    def line(self) -> str:
        r = self.report()
        return (f"LLM: {r['calls']} calls, {r['cache_hits']} cache hits, tokens in/out {r['tokens_in']}/"
                f"{r['tokens_out']}, {r['repairs']} repairs, {r['http_retries']} HTTP retries, "
                f"{r['failures']} failures, wall {r['wall_s']:.1f}s")


@dataclass
class Answer:
    """The outcome of one logical call: ``value`` (validated) or ``error``."""
    value: Any = None
    error: Optional[str] = None
    raw: Optional[Dict[str, Any]] = None  # the cached answer record: content, logprobs, usage, ...
    request_hash: Optional[str] = None
    mode: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None


# ----------------------------------------------------------------------------------------------
# the client
# ----------------------------------------------------------------------------------------------
REPAIR_PROMPT = (
    "Your previous answer could not be used: {error}\n"
    "Reply again with ONLY the corrected JSON value, no prose and no code fences. It must match this JSON "
    "schema:\n{schema}"
)


class LLMClient:
    """Async chat client for one (endpoint, model) with cache, retries and structured output."""

    def __init__(self, url: str, model: str, cache: Cache, *, api_key: Optional[str] = None,
                 concurrency: int = 4, timeout: float = 120.0, retries: int = 4, backoff: float = 1.0,
                 temperature: float = 0.0, retry_temperature: float = 1.0, max_tokens: Optional[int] = 1024,
                 parse_retries: int = 1, structured: str = "auto", stats: Optional[Stats] = None):
        self.url = normalize_url(url)
        self.model = model
        self.cache = cache
        self.api_key = api_key or PLACEHOLDER_KEY
        self.concurrency = max(1, int(concurrency))
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.temperature = temperature
        self.retry_temperature = retry_temperature
        self.max_tokens = max_tokens
        self.parse_retries = int(parse_retries)
        if structured not in ("auto",) + MODES:
            raise InputError(f"--structured {structured!r}: expected auto, json_schema, json_object or text")
        self.forced_mode = None if structured == "auto" else structured
        self.stats = stats if stats is not None else Stats()
        self._openai = import_openai()
        self._client = None
        self._sem: Optional[asyncio.Semaphore] = None
        self._mode_key = mode_key(self.url, self.model)
        self._mode: Optional[str] = self.forced_mode or cache.get_mode(self._mode_key)
        # requests in flight by cache key: an identical request made meanwhile awaits the same answer
        # instead of being sent again (one request per run for each distinct request)
        self._inflight: Dict[str, "asyncio.Future[Dict[str, Any]]"] = {}

    @property
    def name(self) -> str:
        return self.model

    # -- plumbing ------------------------------------------------------------------------------
    def _ensure(self):
        if self._client is None:
            self._client = self._openai.AsyncOpenAI(base_url=self.url, api_key=self.api_key, max_retries=0,
                                                    timeout=self.timeout)
            self._sem = asyncio.Semaphore(self.concurrency)

    async def aclose(self):
        if self._client is not None:
            try:
                await self._client.close()
            except Exception:
                pass
            self._client = None

    def _base_params(self, temperature: float, max_tokens: Optional[int], logprobs: bool,
                     top_logprobs: int) -> Dict[str, Any]:
        p: Dict[str, Any] = {"temperature": temperature}
        mt = self.max_tokens if max_tokens is None else max_tokens
        if mt:
            p["max_tokens"] = int(mt)
        if logprobs:
            p["logprobs"] = True
            if top_logprobs:
                p["top_logprobs"] = int(top_logprobs)
        return p

    async def request(self, messages: List[Dict[str, Any]], params: Dict[str, Any], attempt: int = 0
                      ) -> Dict[str, Any]:
        """One chat request through the cache. Returns the answer record
        ``{content, finish_reason, logprobs, usage, request_hash, cached}``.
        Raises _Rejected (400/422), CallFailed (retries spent) or EndpointError (fatal)."""
        key_params = dict(params)
        if attempt:
            key_params["attempt"] = attempt  # a retry is a different request, cached on its own
        key = request_key(self.url, self.model, messages, key_params)
        hit = self.cache.get(key)
        if hit is not None:
            self.stats.cache_hits += 1
            hit.update(request_hash=key, cached=True)
            return hit
        pending = self._inflight.get(key)
        if pending is not None:  # the same request is in flight: its answer serves this one too
            rec = await asyncio.shield(pending)
            self.stats.cache_hits += 1
            return dict(rec, request_hash=key, cached=True)
        fut = asyncio.get_running_loop().create_future()
        fut.add_done_callback(lambda f: f.cancelled() or f.exception())  # no "never retrieved" warning
        self._inflight[key] = fut
        try:
            rec = await self._send_request(key, messages, params)
        except BaseException as e:
            if isinstance(e, Exception):
                fut.set_exception(e)
            else:
                fut.cancel()
            raise
        finally:
            self._inflight.pop(key, None)
        fut.set_result(dict(rec))
        rec.update(request_hash=key, cached=False)
        return rec

    async def _send_request(self, key: str, messages: List[Dict[str, Any]], params: Dict[str, Any]
                            ) -> Dict[str, Any]:
        """The HTTP request behind :meth:`request`, with retries; the answer is stored in the cache as soon
        as it arrives, so a run killed later loses only the requests still in flight."""
        self._ensure()
        openai = self._openai

        async with self._sem:
            last: Optional[Exception] = None
            reached = False
            for k in range(self.retries + 1):
                if k:
                    self.stats.http_retries += 1
                    delay = min(30.0, self.backoff * (2 ** (k - 1))) * (0.5 + random.random() / 2)
                    ra = getattr(getattr(last, "response", None), "headers", {}) or {}
                    try:
                        delay = max(delay, min(30.0, float(ra.get("retry-after", 0))))
                    except (TypeError, ValueError):
                        pass
                    await asyncio.sleep(delay)
                try:
                    resp = await self._client.chat.completions.create(
                        model=self.model, messages=messages, timeout=self.timeout, **params)
                except openai.APITimeoutError as e:
                    last, reached = e, True
                    continue
                except openai.APIConnectionError as e:
                    last = e
                    if not reached and k >= 1:
                        break  # refused twice and never answered: the endpoint is down, fail fast
                    continue
                except openai.APIStatusError as e:
                    reached = True
                    last = e
                    status = e.status_code
                    msg = _status_message(e)
                    if status >= 500 and "response_format" in params and _FORMAT_ERR.search(msg):
                        raise _Rejected(status, msg) from None  # some servers reject json_schema with a 500
                    if status == 429 or status >= 500:
                        continue
                    if status in (401, 403):
                        raise EndpointError(f"{self.url}: HTTP {status} (authentication refused; set "
                                            f"OPENAI_API_KEY or --api-key-env): {msg}") from None
                    if status == 404:
                        raise EndpointError(f"{self.url}: HTTP 404 for model {self.model!r}: {msg}") from None
                    raise _Rejected(status, msg) from None
                rec = answer_record(resp)
                self.stats.calls += 1
                self.stats.tokens_in += rec["usage"].get("prompt_tokens") or 0
                self.stats.tokens_out += rec["usage"].get("completion_tokens") or 0
                self.cache.put(key, rec)
                return rec
            if not reached and isinstance(last, openai.APIConnectionError):
                raise EndpointError(f"cannot reach LLM endpoint {self.url}: {one_line(last.__cause__ or last, 160)}")
            raise CallFailed(f"{self.url}: {self.retries + 1} attempts failed: {one_line(last, 200)}")

    # -- structured output ----------------------------------------------------------------------
    def _modes(self) -> List[str]:
        if self.forced_mode:
            return [self.forced_mode]
        if self._mode:
            return list(MODES[MODES.index(self._mode):])
        return list(MODES)

    @staticmethod
    def _response_format(mode: str, schema: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
        if mode == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": False}}
        if mode == "json_object":
            return {"type": "json_object", "schema": schema}
        return None

    async def _send(self, messages, schema, name, params, attempt) -> Tuple[Dict[str, Any], str]:
        last_reject = None
        for mode in self._modes():
            p = dict(params)
            msgs = messages
            rf = self._response_format(mode, schema, name)
            if rf is not None:
                p["response_format"] = rf
            try:
                rec = await self.request(msgs, p, attempt)
            except _Rejected as e:
                last_reject = e
                if mode == "text" or self.forced_mode:
                    raise CallFailed(f"{self.url} rejected the request: {e}") from None
                continue
            if self._mode != mode and not self.forced_mode:
                self._mode = mode
                self.cache.set_mode(self._mode_key, mode)
            return rec, mode
        raise CallFailed(f"{self.url} rejected the request: {last_reject}")

    async def structured(self, messages: List[Dict[str, Any]], *, schema: Dict[str, Any],
                         validate: Callable[[Any], Any], name: str = "answer", what: str = "answer",
                         max_tokens: Optional[int] = None, logprobs: bool = False, top_logprobs: int = 0
                         ) -> Answer:
        """Asks for JSON matching ``schema``; returns an :class:`Answer` whose ``value`` is
        ``validate(parsed)``. Invalid answers: one repair request, then ``parse_retries`` retries at
        ``retry_temperature``; a final failure is counted in ``stats.failures`` with ``what``."""
        err: Optional[str] = None
        repaired = False
        last_rec = None
        for attempt in range(self.parse_retries + 1):
            temp = self.temperature if attempt == 0 else self.retry_temperature
            if attempt:
                self.stats.parse_retries += 1
            params = self._base_params(temp, max_tokens, logprobs, top_logprobs)
            try:
                rec, mode = await self._send(messages, schema, name, params, attempt)
            except CallFailed as e:
                err = str(e)
                continue
            last_rec = rec
            value, err = parse_validated(rec.get("content"), validate)
            if err is None:
                return Answer(value=value, raw=rec, request_hash=rec["request_hash"], mode=mode)
            if not repaired:
                repaired = True
                self.stats.repairs += 1
                rmsgs = list(messages) + [
                    {"role": "assistant", "content": (rec.get("content") or "")[:6000]},
                    {"role": "user", "content": REPAIR_PROMPT.format(
                        error=err, schema=json.dumps(schema, separators=(",", ":")))}]
                try:
                    rrec, rmode = await self._send(rmsgs, schema, name,
                                                   self._base_params(self.temperature, max_tokens, logprobs,
                                                                     top_logprobs), 0)
                except CallFailed as e:
                    err = str(e)
                    continue
                value, err2 = parse_validated(rrec.get("content"), validate)
                if err2 is None:
                    return Answer(value=value, raw=rrec, request_hash=rrec["request_hash"], mode=rmode)
                err = err2
        msg = f"{what}: {err}"
        self.stats.failures.append(msg)
        return Answer(value=None, error=err, raw=last_rec,
                      request_hash=None if last_rec is None else last_rec.get("request_hash"))

    async def text(self, messages: List[Dict[str, Any]], *, max_tokens: Optional[int] = None,
                   logprobs: bool = False, top_logprobs: int = 0, what: str = "answer") -> Answer:
        """A plain-text answer (no JSON), e.g. a one-word yes/no with logprobs."""
        params = self._base_params(self.temperature, max_tokens, logprobs, top_logprobs)
        try:
            rec = await self.request(messages, params)
        except (CallFailed, _Rejected) as e:
            self.stats.failures.append(f"{what}: {e}")
            return Answer(error=str(e))
        return Answer(value=rec.get("content") or "", raw=rec, request_hash=rec["request_hash"], mode="text")


def _status_message(e: Exception) -> str:
    body = getattr(e, "body", None)
    m = None
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            m = err.get("message")
        m = m or body.get("message") or (err if isinstance(err, str) else None) or body.get("detail")
    elif isinstance(body, str):
        m = body
    if m:
        return one_line(m if isinstance(m, str) else json.dumps(m), 200)
    return one_line(getattr(e, "message", e), 200)

"""Client for any OpenAI-compatible chat endpoint (vLLM, SGLang, llama.cpp server, OpenAI, LiteLLM).

One :class:`LLMClient` per (endpoint URL, model). It is async with a concurrency limit, sends every request
through the on-disk :class:`~rubricc.compiler.cache.Cache`, retries 429 / 5xx / timeouts with exponential
backoff, and asks for structured output in the best mode the endpoint accepts:

1. ``response_format = {"type": "json_schema", ...}`` (OpenAI, vLLM, SGLang, recent llama.cpp);
2. ``{"type": "json_object", "schema": ...}`` (llama.cpp / llama-cpp-python's form);
3. plain text, parsed tolerantly (``<think>`` blocks and code fences stripped, first balanced JSON value).

A mode the endpoint rejects (HTTP 400/422) is skipped and the mode that works is remembered per endpoint
(in the cache, so a rerun goes straight to it). Every parsed answer is validated by the caller's
``validate`` function (our pydantic schemas, ranges included); an invalid answer gets ONE repair request,
then one retry at a higher temperature, then it is reported as a failure (never dropped silently).
An endpoint that cannot be reached raises :class:`EndpointError`, a one-line user error naming the URL.
"""
from __future__ import annotations

import asyncio
import json
import math
import os
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlparse

from rubricc.formats import InputError
from rubricc.compiler.cache import Cache, request_key

MODES = ("json_schema", "json_object", "text")
_FORMAT_ERR = re.compile(r"response_format|json_schema|json_object|schema|grammar", re.I)
PLACEHOLDER_KEY = "sk-no-key-needed"


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
# tolerant JSON parsing
# ----------------------------------------------------------------------------------------------
_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)


def _first_balanced(text: str) -> Optional[str]:
    """The first balanced {...} or [...] in ``text`` that parses as JSON (string-aware)."""
    for start in range(len(text)):
        if text[start] not in "{[":
            continue
        stack, in_str, esc = [], False, False
        for i in range(start, len(text)):
            ch = text[i]
            if in_str:
                if esc:
                    esc = False
                elif ch == "\\":
                    esc = True
                elif ch == '"':
                    in_str = False
                continue
            if ch == '"':
                in_str = True
            elif ch in "{[":
                stack.append("}" if ch == "{" else "]")
            elif ch in "}]":
                if not stack or stack.pop() != ch:
                    break
                if not stack:
                    cand = text[start:i + 1]
                    try:
                        json.loads(cand)
                        return cand
                    except json.JSONDecodeError:
                        break
    return None


def parse_json_lenient(text: str) -> Any:
    """Parses a model's JSON answer; raises ValueError with a short reason."""
    if text is None:
        raise ValueError("empty answer")
    t = _THINK.sub("", text)
    if re.search(r"<think>", t, re.I):  # an unclosed think block: keep what follows the last tag
        t = re.split(r"</?think>", t, flags=re.I)[-1]
    t = t.strip()
    if not t:
        raise ValueError("empty answer")
    try:
        return json.loads(t)
    except json.JSONDecodeError:
        pass
    for block in _FENCE.findall(t):
        try:
            return json.loads(block.strip())
        except json.JSONDecodeError:
            continue
    cand = _first_balanced(t)
    if cand is not None:
        return json.loads(cand)
    raise ValueError("no JSON value found in the answer" + (" (it was cut off at max_tokens?)"
                                                            if t.count("{") + t.count("[") > 0 else ""))


def _short(err: Exception, n: int = 300) -> str:
    s = str(err).replace("\n", " ")
    return s if len(s) <= n else s[:n] + "..."


# ----------------------------------------------------------------------------------------------
# logprobs
# ----------------------------------------------------------------------------------------------
def _norm_tok(tok: str) -> str:
    return tok.strip().strip('"\'').strip().lower()


def yes_probability(top: List[Dict[str, Any]]) -> Optional[float]:
    """P(yes) / (P(yes) + P(no)) from one position's top logprobs ([{token, logprob}]); None if neither."""
    py = pn = 0.0
    for alt in top or []:
        t = _norm_tok(alt.get("token", ""))
        if not t:
            continue
        p = math.exp(alt.get("logprob", -1e9))
        if "yes".startswith(t) or t in ("true",):
            py += p
        elif "no".startswith(t) or t in ("false",):
            pn += p
    if py + pn <= 0:
        return None
    return py / (py + pn)


def value_token_index(logprobs: List[Dict[str, Any]], char_pos: int) -> Optional[int]:
    """Index of the token that covers character ``char_pos`` of the concatenated answer text."""
    pos = 0
    for i, lp in enumerate(logprobs):
        tok = lp.get("token", "")
        if pos <= char_pos < pos + len(tok):
            return i
        pos += len(tok)
    return None


def key_yes_probabilities(raw: Dict[str, Any], keys: List[str]) -> Dict[str, Optional[float]]:
    """For an answer like ``{"c1": "yes", ...}`` with token logprobs: P(yes) for each key, read at the
    first token of its value. Keys whose value token cannot be located get None."""
    out: Dict[str, Optional[float]] = {k: None for k in keys}
    lps = raw.get("logprobs") or []
    if not lps:
        return out
    text = "".join(lp.get("token", "") for lp in lps)
    for k in keys:
        m = re.search(r'"' + re.escape(k) + r'"\s*:\s*"?\s*', text)
        if not m:
            continue
        i = value_token_index(lps, m.end())
        if i is None:
            continue
        # the value may start inside a token such as ' "yes' or '":"'; step to the first token with letters
        for j in range(i, min(i + 3, len(lps))):
            if re.search(r"[a-zA-Z]", lps[j].get("token", "")):
                top = lps[j].get("top_logprobs") or [{"token": lps[j]["token"], "logprob": lps[j]["logprob"]}]
                out[k] = yes_probability(top)
                break
    return out


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
                 parse_retries: int = 1, structured: str = "auto", stats: Optional[Stats] = None,
                 seed: Optional[int] = None):
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
        self.seed = seed
        self._client = None
        self._sem: Optional[asyncio.Semaphore] = None
        self._mode_key = f"{self.url}|{self.model}"
        self._mode: Optional[str] = self.forced_mode or cache.get_mode(self._mode_key)

    @property
    def name(self) -> str:
        return self.model

    # -- plumbing ------------------------------------------------------------------------------
    def _ensure(self):
        if self._client is None:
            import openai

            self._client = openai.AsyncOpenAI(base_url=self.url, api_key=self.api_key, max_retries=0,
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
        if self.seed is not None:
            p["seed"] = int(self.seed)
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
        self._ensure()
        import openai

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
                rec = _answer_record(resp)
                self.stats.calls += 1
                self.stats.tokens_in += rec["usage"].get("prompt_tokens") or 0
                self.stats.tokens_out += rec["usage"].get("completion_tokens") or 0
                self.cache.put(key, rec)
                rec.update(request_hash=key, cached=False)
                return rec
            if not reached and isinstance(last, openai.APIConnectionError):
                raise EndpointError(f"cannot reach LLM endpoint {self.url}: {_short(last.__cause__ or last, 160)}")
            raise CallFailed(f"{self.url}: {self.retries + 1} attempts failed: {_short(last, 200)}")

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
            value, err = _validated(rec.get("content"), validate)
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
                value, err2 = _validated(rrec.get("content"), validate)
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


def _validated(content: Optional[str], validate: Callable[[Any], Any]) -> Tuple[Any, Optional[str]]:
    try:
        obj = parse_json_lenient(content or "")
    except (ValueError, json.JSONDecodeError) as e:
        return None, _short(e)
    try:
        return validate(obj), None
    except Exception as e:  # pydantic.ValidationError, ValueError, TypeError from the caller's schema
        return None, _short(e)


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
        return _short(m if isinstance(m, str) else json.dumps(m), 200)
    return _short(getattr(e, "message", e), 200)


def _answer_record(resp: Any) -> Dict[str, Any]:
    d = resp.model_dump() if hasattr(resp, "model_dump") else dict(resp)
    choices = d.get("choices") or [{}]
    ch = choices[0] or {}
    msg = ch.get("message") or {}
    lps = None
    lp = ch.get("logprobs")
    if isinstance(lp, dict) and lp.get("content"):
        lps = [{"token": t.get("token", ""), "logprob": t.get("logprob", 0.0),
                "top_logprobs": [{"token": a.get("token", ""), "logprob": a.get("logprob", 0.0)}
                                 for a in (t.get("top_logprobs") or [])]}
               for t in lp["content"]]
    usage = d.get("usage") or {}
    return {"content": msg.get("content") or "", "finish_reason": ch.get("finish_reason"), "logprobs": lps,
            "usage": {"prompt_tokens": usage.get("prompt_tokens") or 0,
                      "completion_tokens": usage.get("completion_tokens") or 0},
            "model": d.get("model")}


def run_async(coro):
    """asyncio.run that works from a thread that has no loop (the CLI)."""
    return asyncio.run(coro)

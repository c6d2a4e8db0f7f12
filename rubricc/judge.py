"""The judge on the reward path: the LLM that escalation (:mod:`rubricc.escalation`) and the audit
(:mod:`rubricc.audit`) ask when the verifier should not be trusted alone.

It is the client of `rubricc label` (:class:`rubricc.compiler.llm.LLMClient`: OpenAI-compatible, structured
output with fallbacks, retries, the crash-safe SQLite request cache) with the grading prompt and answer
validation of :func:`rubricc.compiler.label.grade_response`, run on an event loop of its own in a
background thread. So a synchronous reward call (TRL, verl, a server's worker thread) can hand it work and
wait with a deadline (:meth:`Judge.grade`), or not wait at all (:meth:`Judge.submit`, the audit).

Nothing the judge does fails the caller: an unreachable endpoint, a timeout, a 5xx, an answer that is not
yes/no after the client's repair and retry, or a missed deadline gives ``None`` for that item and a count
in :attr:`Judge.counters` (``ok``, ``timeout``, ``http``, ``invalid``, ``error``, ``late``).
"""
from __future__ import annotations

import asyncio
import concurrent.futures as cf
import logging
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rubricc.formats import Rubric

log = logging.getLogger("rubricc.judge")


@dataclass
class JudgeVerdicts:
    """The judge's answer for one response: ``verdicts[criterion_id]`` (None: not graded) and ``p_yes``
    where the endpoint gave token logprobs; ``failure`` names why nothing came back (else None)."""
    verdicts: Dict[str, Optional[bool]] = field(default_factory=dict)
    p_yes: Dict[str, Optional[float]] = field(default_factory=dict)
    failure: Optional[str] = None


def classify_failure(errors: Sequence[str]) -> str:
    """The counter an error of :func:`grade_response` goes to: timeout, http (5xx / 429 / refused after the
    client's retries) or invalid (an answer that is not the yes/no JSON asked for)."""
    text = " ".join(errors).lower()
    if "timed out" in text or "timeout" in text:
        return "timeout"
    if "attempts failed" in text or "rejected" in text or "http " in text:
        return "http"
    return "invalid"


class Judge:
    """An OpenAI-compatible judge for the reward path.

    ``url``/``model``: the endpoint (as `rubricc label`'s ``--judge-url``/``--judge-model``); ``cache``: a
    SQLite file for the requests (None: in memory), shared safely with `rubricc label` runs;
    ``concurrency``: requests in flight; ``timeout``: seconds per request; ``retries``: retries of a
    timeout / 429 / 5xx (kept low: the reward waits); ``parse_retries``: retries after an invalid answer
    (after one repair request); ``logprobs``: ask for token logprobs (p_yes); ``max_response_chars``: longer
    responses are shown with the middle cut.
    """

    def __init__(self, url: str, model: str, cache: Optional[str] = None, *, api_key_env: Optional[str] = None,
                 concurrency: int = 8, timeout: float = 30.0, retries: int = 1, parse_retries: int = 0,
                 structured: str = "auto", logprobs: bool = False, max_response_chars: int = 12000,
                 max_tokens: Optional[int] = None):
        from rubricc.compiler.llm import api_key_from_env, import_openai, normalize_url

        import_openai()  # a missing `llm` extra is a one-line error now, not at the first escalation
        self.url = normalize_url(url)
        self.model = model
        self.cache_path = None if cache is None else str(cache)
        self.api_key = api_key_from_env(api_key_env)
        self.options = dict(concurrency=int(concurrency), timeout=float(timeout), retries=int(retries),
                            parse_retries=int(parse_retries), structured=structured)
        self.logprobs = bool(logprobs)
        self.max_response_chars = int(max_response_chars)
        self.max_tokens = max_tokens
        self.counters: Counter = Counter()
        self._init_state()

    def _init_state(self):
        self._lock = threading.Lock()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._client = None
        self._cache = None

    def __getstate__(self):
        state = self.__dict__.copy()
        for k in ("_lock", "_loop", "_thread", "_client", "_cache"):
            state.pop(k, None)
        state["counters"] = Counter()
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._init_state()

    def __repr__(self):
        return f"Judge({self.url!r}, {self.model!r})"

    @property
    def name(self) -> str:
        return self.model

    @property
    def stats(self):
        return None if self._client is None else self._client.stats

    # -- the background loop -------------------------------------------------------------------
    def _start(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                from rubricc.compiler.cache import Cache
                from rubricc.compiler.llm import LLMClient

                self._cache = Cache(self.cache_path)
                self._cache.check_writable()
                self._client = LLMClient(self.url, self.model, self._cache, api_key=self.api_key,
                                         max_tokens=self.max_tokens or 1024, **self.options)
                loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=loop.run_forever, name="rubricc-judge", daemon=True)
                self._thread.start()
                self._loop = loop
        return self._loop

    def close(self) -> None:
        """Closes the connections and stops the loop (a later call starts them again)."""
        with self._lock:
            loop, self._loop = self._loop, None
            if loop is None:
                return
            try:
                asyncio.run_coroutine_threadsafe(self._client.aclose(), loop).result(5)
            except Exception:
                pass
            loop.call_soon_threadsafe(loop.stop)
            self._thread.join(5)
            self._cache.close()
            self._client = self._cache = self._thread = None

    # -- grading ---------------------------------------------------------------------------------
    async def _grade_one(self, rubric: Rubric, response: str, criterion_ids: Sequence[str]) -> JudgeVerdicts:
        from rubricc.compiler.label import grade_response

        wanted = set(criterion_ids)
        sub = Rubric(id=rubric.id, prompt=rubric.prompt,
                     criteria=[c for c in rubric.criteria if c.id in wanted and getattr(c.check, "kind", "") != "program"])
        out = JudgeVerdicts()
        if not sub.criteria:
            return out
        try:
            g = await grade_response(self._client, sub, response, logprobs=self.logprobs,
                                     top_logprobs=5 if self.logprobs else 0,
                                     max_response_chars=self.max_response_chars, what=f"{rubric.id}",
                                     max_tokens=self.max_tokens)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # EndpointError and anything else: the verifier's verdict stands
            out.failure = "error"
            log.warning("judge %s failed: %s", self.url, str(e).splitlines()[0] if str(e) else type(e).__name__)
            return out
        out.verdicts = {c.id: g.verdicts.get(c.id) for c in sub.criteria}
        out.p_yes = {c.id: g.p_yes.get(c.id) for c in sub.criteria}
        if any(v is None for v in out.verdicts.values()):
            out.failure = classify_failure(g.errors)
        return out

    def submit(self, items: Sequence[Tuple[Rubric, str, Sequence[str]]]) -> List[cf.Future]:
        """Starts grading each ``(rubric, response text, criterion ids)`` and returns at once: one future
        per item whose result is a :class:`JudgeVerdicts` (never an exception)."""
        loop = self._start()
        return [asyncio.run_coroutine_threadsafe(self._grade_one(r, t, ids), loop) for r, t, ids in items]

    def collect(self, futures: Sequence[cf.Future], deadline_s: Optional[float]) -> List[JudgeVerdicts]:
        """Waits up to ``deadline_s`` seconds for ``futures`` (from :meth:`submit`); those still running are
        cancelled and answer ``failure="late"``. Counts every outcome in :attr:`counters`."""
        cf.wait(futures, timeout=deadline_s)
        out = []
        for f in futures:
            if f.done() and not f.cancelled():
                try:
                    jv = f.result()
                except Exception as e:  # not expected: _grade_one catches; never fail the caller anyway
                    jv = JudgeVerdicts(failure="error")
                    log.warning("judge task failed: %s", e)
            else:
                f.cancel()
                jv = JudgeVerdicts(failure="late")
            self.counters[jv.failure or "ok"] += 1
            out.append(jv)
        return out

    def grade(self, items: Sequence[Tuple[Rubric, str, Sequence[str]]],
              deadline_s: Optional[float] = None) -> List[JudgeVerdicts]:
        """Grades the items concurrently, waiting at most ``deadline_s`` seconds in all."""
        if not items:
            return []
        try:
            futures = self.submit(items)
        except Exception as e:  # the cache cannot be opened, ...: never fail the reward
            log.warning("judge %s cannot start: %s", self.url, e)
            self.counters["error"] += len(items)
            return [JudgeVerdicts(failure="error") for _ in items]
        return self.collect(futures, deadline_s)


def judge_from_options(options: Any) -> Optional[Judge]:
    """A :class:`Judge` from a Judge (itself), a mapping of its arguments, or None. Any object with the
    methods and attributes used here (``submit``, ``grade``, ``counters``, ``name``) passes as it is: a
    benchmark replaying known verdicts uses that."""
    if options is None or isinstance(options, Judge) or hasattr(options, "submit"):
        return options
    if isinstance(options, dict):
        return Judge(**options)
    raise TypeError(f"judge: expected a rubricc.judge.Judge or a dict of its arguments, got {type(options).__name__}")

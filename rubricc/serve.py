"""`rubricc serve`: rewards over HTTP in OpenRLHF's remote reward protocol (ecosystem.md section 2.3).

``POST /get_reward`` (or ``POST /``) with ``{"query": [str], "prompts": [str], "labels": [str]}`` answers
``{"rewards": [float], "scores": [float], "extra_logs": {name: [float]}}``. ``labels[i]`` is a rubric id of
the loaded rubrics or an inline rubric (JSON); ``query`` is prompt + response, the response being what
follows the prompt. ``GET /health`` answers ``{"status": "ok", ...}``.

``POST /reload`` (or ``SIGHUP`` to the ``rubricc serve`` process) swaps in a new verifier bundle without
dropping a request: the new backend is built beside the old one while batches keep running, then replaces
it (:meth:`rubricc.runtime.RubricReward.reload`); a batch in flight finishes on the old one. An empty body
re-reads the served folder; ``{"verifier": DIR}`` loads another folder, which only a server with a bearer
token accepts (a folder chosen by any local client is not something to load). A bundle that cannot be
loaded answers 400 with the reason and leaves the old one serving.

Since 2026 OpenRLHF sends one sample per request, so the server batches ACROSS requests: a request is
validated, queued, and a single worker takes everything queued (up to ``max_batch`` samples, waiting at
most ``max_wait_ms`` for more after the first) into one ``RubricReward.score_plans`` call run in a
thread, while the next batch gathers. Binds 127.0.0.1 unless told otherwise; an optional bearer token;
request size and sample-count limits with clear 4xx errors.
"""
from __future__ import annotations

import asyncio
import ctypes
import hmac
import json
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, List, Optional

from rubricc.formats import InputError
from rubricc.integrations import label_rubric, openrlhf_payload, split_query
from rubricc.serve_guard import exposure_warning  # noqa: F401  (rubricc.serve.exposure_warning, as before)

log = logging.getLogger("rubricc.serve")


@dataclass
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 5000
    token: Optional[str] = None
    max_batch: int = 512           # samples per model call
    max_wait_ms: float = 5.0       # wait for more requests after the first one queued
    max_request_bytes: int = 8 << 20
    max_samples_per_request: int = 4096
    max_criteria_per_rubric: int = 64  # an inline rubric with more is refused (413): work per sample stays bounded
                                       # (HealthBench's longest rubric has 33 criteria)
    max_queue: int = 100_000       # samples waiting; beyond it requests get 503
    slice_samples: int = 64        # samples one request adds to a batch: a large request is scored in slices,
                                   # interleaved with the requests that arrive meanwhile
    slice_verdicts: int = 32       # and neural verdicts it adds (at least one sample): a slice costs about the
                                   # same whether its rubrics are short or long
    header_timeout: float = 10.0   # seconds for a request's line and headers, from its first byte (408 + close)
    body_timeout: float = 30.0     # seconds for its body once the headers are in (408)
    keepalive_timeout: float = 75.0  # idle seconds before a kept-alive connection is closed


@dataclass
class _Job:
    """One request: its samples, the future its handler awaits, and how far scoring has got."""
    rubrics: list
    responses: List[str]
    prompts: List[Optional[str]]
    future: asyncio.Future
    n: int = 0
    taken: int = 0                                   # samples handed to batches so far
    details: list = field(default_factory=list)      # per-sample results as batches finish

    @property
    def left(self) -> int:
        return sum(d is None for d in self.details)


@dataclass
class ServeCounters:
    """What the server has done since it started, reported by ``GET /health``."""
    requests: int = 0
    samples: int = 0
    batches: int = 0
    max_batch_samples: int = 0
    max_batch_requests: int = 0
    errors: int = 0
    truncated: int = 0  # samples whose response the verifier did not read to its end (details "truncated")
    reloads: int = 0    # bundles swapped in by POST /reload or SIGHUP
    started: float = field(default_factory=time.time)


class _HTTPError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _parse_request(reward, body: Any, cfg: ServeConfig) -> _Job:
    if not isinstance(body, dict):
        raise _HTTPError(400, "request body must be a JSON object with query, prompts and labels")
    query = body.get("query")
    if isinstance(query, str):  # a lone sample is accepted too
        query = [query]
        body = {**body, "prompts": [body.get("prompts")] if isinstance(body.get("prompts"), str) else body.get("prompts"),
                "labels": [body.get("labels")] if not isinstance(body.get("labels"), list) else body.get("labels")}
    if not isinstance(query, list) or not all(isinstance(q, str) for q in query):
        raise _HTTPError(400, "field query: expected a list of strings")
    n = len(query)
    if n > cfg.max_samples_per_request:
        raise _HTTPError(413, f"field query: {n} samples exceed the limit of {cfg.max_samples_per_request} per request")
    prompts = body.get("prompts")
    labels = body.get("labels")
    if prompts is None:
        prompts = [None] * n
    if labels is None:
        raise _HTTPError(400, "field labels: missing (a rubric id or an inline rubric per sample)")
    for name, val in (("prompts", prompts), ("labels", labels)):
        if not isinstance(val, list) or len(val) != n:
            raise _HTTPError(400, f"field {name}: expected a list of {n} entries like query")
    if not all(p is None or isinstance(p, str) for p in prompts):
        raise _HTTPError(400, "field prompts: expected strings")
    try:
        rubs = [label_rubric(reward, lab, p, f"field labels[{i}]") for i, (lab, p) in enumerate(zip(labels, prompts))]
    except InputError as e:
        raise _HTTPError(400, str(e)) from None
    for i, plan in enumerate(rubs):
        if plan is not None and len(plan) > cfg.max_criteria_per_rubric and reward.rubrics.get(plan.rubric.id) is not plan.rubric:
            raise _HTTPError(413, f"field labels[{i}]: {len(plan)} criteria exceed the limit of "
                                  f"{cfg.max_criteria_per_rubric} per inline rubric")
    responses = [split_query(q, p) for q, p in zip(query, prompts)]
    return _Job(rubs, responses, list(prompts), None, n)


class RewardServer:
    """The aiohttp application plus its micro-batching worker."""

    def __init__(self, reward, cfg: Optional[ServeConfig] = None):
        self.reward = reward
        self.cfg = cfg or ServeConfig()
        self.counters = ServeCounters()
        self._queue: Optional[asyncio.Queue] = None
        self._queued = 0
        self._worker: Optional[asyncio.Task] = None
        self.guards = None  # rubricc.serve_guard.ConnectionGuards, set by _serve_forever
        self._reload_lock: Optional[asyncio.Lock] = None

    # -- app ------------------------------------------------------------------------------------
    def make_app(self):
        from aiohttp import web

        app = web.Application(client_max_size=self.cfg.max_request_bytes, middlewares=[self._errors])
        app.router.add_post("/", self.handle_reward)
        app.router.add_post("/get_reward", self.handle_reward)
        app.router.add_get("/health", self.handle_health)
        app.router.add_post("/reload", self.handle_reload)
        app.on_startup.append(self._start)
        app.on_cleanup.append(self._stop)
        return app

    async def _start(self, app):
        self._queue = asyncio.Queue()
        self._reload_lock = asyncio.Lock()
        self._worker = asyncio.get_running_loop().create_task(self._batch_loop())
        # build the backend now, not on the first request
        await asyncio.get_running_loop().run_in_executor(None, self.reward.load)

    async def _stop(self, app):
        if self._worker is not None:
            self._worker.cancel()
            try:
                await self._worker
            except asyncio.CancelledError:
                pass

    def _middleware_json(self, status: int, message: str):
        from aiohttp import web

        return web.json_response({"error": message}, status=status)

    @property
    def _errors(self):
        from aiohttp import web

        @web.middleware
        async def mw(request, handler):
            if self.guards is not None:
                self.guards.begin(request.transport)
            try:
                return await handler(request)
            except _HTTPError as e:
                self.counters.errors += 1
                return self._middleware_json(e.status, e.message)
            except web.HTTPRequestEntityTooLarge:
                self.counters.errors += 1
                return self._middleware_json(413, f"request body exceeds {self.cfg.max_request_bytes} bytes")
            except web.HTTPException as e:
                if e.status >= 400:
                    self.counters.errors += 1
                    return self._middleware_json(e.status, e.reason)
                raise
            finally:
                if self.guards is not None:
                    self.guards.end(request.transport)

        return mw

    def _check_auth(self, request):
        if self.cfg.token is None:
            return
        scheme, _, got = request.headers.get("Authorization", "").strip().partition(" ")
        # the scheme is case-insensitive (RFC 7235); the token is compared in constant time
        if scheme.lower() != "bearer" or not hmac.compare_digest(got.strip().encode(), self.cfg.token.encode()):
            raise _HTTPError(401, "missing or wrong bearer token (header Authorization: Bearer TOKEN)")

    async def handle_health(self, request):
        from aiohttp import web

        self._check_auth(request)
        s = self.counters
        return web.json_response({"status": "ok", "device": self.reward.device, "backend": self.reward.backend_used, "variant": self.reward.variant_used,
                                  "rubrics": len(self.reward.rubrics), "requests": s.requests, "samples": s.samples,
                                  "batches": s.batches, "max_batch_samples": s.max_batch_samples,
                                  "max_batch_requests": s.max_batch_requests, "errors": s.errors, "truncated": s.truncated,
                                  "slow_clients_closed": self.guards.timed_out if self.guards else 0,
                                  "verifier": str(self.reward.verifier_dir), "reloads": s.reloads,
                                  "queued": self._queued})

    async def _read_json(self, request, empty: Any = None) -> Any:
        """The request's JSON body: 413 over the size limit, 408 when it does not arrive within
        ``body_timeout``, 400 when it is not JSON; an empty body is ``empty`` when that is given."""
        if request.content_length is not None and request.content_length > self.cfg.max_request_bytes:
            raise _HTTPError(413, f"request body exceeds {self.cfg.max_request_bytes} bytes")
        try:
            raw = await asyncio.wait_for(request.read(), self.cfg.body_timeout)
        except asyncio.TimeoutError:
            raise _HTTPError(408, f"request body not received within {self.cfg.body_timeout:g} s") from None
        if empty is not None and not raw.strip():
            return empty
        try:
            return json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise _HTTPError(400, f"request body is not valid JSON: {getattr(e, 'msg', e)}") from None

    async def handle_reload(self, request):
        from aiohttp import web

        self._check_auth(request)
        body = await self._read_json(request, empty={})
        if not isinstance(body, dict):
            raise _HTTPError(400, "request body must be a JSON object (empty, or {\"verifier\": DIR})")
        path = body.get("verifier")
        if path is not None and (not isinstance(path, str) or not path.strip()):
            raise _HTTPError(400, "field verifier: expected the path of a verifier bundle folder")
        if path is not None and self.cfg.token is None and \
                os.path.realpath(path) != os.path.realpath(str(self.reward.verifier_dir)):
            raise _HTTPError(403, "field verifier: only a server with a bearer token (--token-file or "
                                  "RUBRICC_SERVE_TOKEN) loads another folder; without one, an empty body "
                                  "re-reads the served folder")
        return web.json_response(await self.reload(path))

    async def reload(self, path: Optional[str] = None) -> dict:
        """Swaps in the bundle at ``path`` (None: the served folder, re-read) while batches keep running;
        one reload at a time. Raises _HTTPError(400) when the bundle cannot be loaded (the old one stays)."""
        async with self._reload_lock:
            try:
                await asyncio.get_running_loop().run_in_executor(None, self.reward.reload, path)
            except InputError as e:
                raise _HTTPError(400, f"reload failed, still serving {self.reward.verifier_dir}: {e}") from None
            except Exception as e:  # a bundle that passes the checks but does not load (a broken model file)
                first = str(e).splitlines()[0] if str(e) else ""
                raise _HTTPError(400, f"reload failed, still serving {self.reward.verifier_dir}: "
                                      f"{type(e).__name__}: {first}") from None
            self.counters.reloads += 1
        log.info("reloaded the verifier from %s", self.reward.verifier_dir)
        return {"status": "ok", "verifier": str(self.reward.verifier_dir), "backend": self.reward.backend_used,
                "variant": self.reward.variant_used, "reloads": self.counters.reloads}

    async def handle_reward(self, request):
        from aiohttp import web

        self._check_auth(request)
        body = await self._read_json(request)
        job = _parse_request(self.reward, body, self.cfg)
        self.counters.requests += 1
        if job.n == 0:
            return web.json_response(openrlhf_payload([]))
        if self._queued + job.n > self.cfg.max_queue:
            raise _HTTPError(503, f"server busy: {self._queued} samples queued")
        job.future = asyncio.get_running_loop().create_future()
        job.details = [None] * job.n
        self._queued += job.n
        await self._queue.put(job)
        result = await job.future
        return web.json_response(result)

    # -- micro-batching ---------------------------------------------------------------------------
    async def _batch_loop(self):
        """Forms batches of at most ``max_batch`` samples from the waiting requests, least-served first,
        each adding at most ``slice_samples``: a request that arrives behind a large one waits for one
        slice-sized batch, not for the whole large request."""
        loop = asyncio.get_running_loop()
        pending: List[_Job] = []
        while True:
            if not pending:
                pending.append(await self._queue.get())
                deadline = loop.time() + self.cfg.max_wait_ms / 1000.0
                while sum(j.n for j in pending) < self.cfg.max_batch:  # wait a little for company
                    timeout = deadline - loop.time()
                    if timeout <= 0:
                        break
                    try:
                        pending.append(await asyncio.wait_for(self._queue.get(), timeout))
                    except asyncio.TimeoutError:
                        break
            while not self._queue.empty():
                pending.append(self._queue.get_nowait())
            slices = self._take(pending)
            total = sum(b - a for _, a, b in slices)
            self._queued -= total
            results = await loop.run_in_executor(None, self._score, slices)
            s = self.counters
            s.batches += 1
            s.samples += total
            s.max_batch_samples = max(s.max_batch_samples, total)
            s.max_batch_requests = max(s.max_batch_requests, len(slices))
            for (job, a, b), res in zip(slices, results):
                if job.future.done():
                    continue
                if isinstance(res, _HTTPError):
                    job.future.set_exception(res)  # counted by the error middleware
                    self._queued -= job.n - job.taken
                    continue
                job.details[a:b] = res
                s.truncated += sum(1 for d in res if d.get("truncated"))
                if job.left == 0:
                    job.future.set_result(openrlhf_payload(job.details))
            pending = [j for j in pending if not j.future.done()]
            if not pending and self._queue.empty() and total >= self.cfg.slice_verdicts:
                await loop.run_in_executor(None, trim_memory)  # idle after real work: hand freed memory back

    def _take(self, pending: List[_Job]) -> List[tuple]:
        """(job, start, end) slices of the next batch: least-served requests first (arrival order among
        equals), each up to ``slice_samples`` samples and ``slice_verdicts`` neural verdicts (at least one
        sample), at most ``max_batch`` samples in all."""
        room = self.cfg.max_batch
        slices = []
        for job in sorted((j for j in pending if j.taken < j.n), key=lambda j: j.taken):
            if room <= 0:
                break
            a = job.taken
            end = min(job.n, a + self.cfg.slice_samples, a + room)
            b, verdicts = a + 1, _verdicts(job.rubrics[a])
            while b < end and verdicts + _verdicts(job.rubrics[b]) <= self.cfg.slice_verdicts:
                verdicts += _verdicts(job.rubrics[b])
                b += 1
            slices.append((job, a, b))
            job.taken = b
            room -= b - a
        return slices

    def _score(self, slices: List[tuple]) -> List[Any]:
        """The per-sample results of each slice, scored together in one batch. Should the batch fail, each
        slice is scored alone, so a request that cannot be scored gets its own error (an exception in its
        place) and the requests batched with it their rewards."""
        rubs, resp, prompts = [], [], []
        for job, a, b in slices:
            rubs += job.rubrics[a:b]
            resp += job.responses[a:b]
            prompts += [p or None for p in job.prompts[a:b]]
        try:
            details = self.reward.score_plans(rubs, resp, prompts)
        except Exception as e:
            if len(slices) == 1:
                log.exception("scoring failed")
                return [_HTTPError(500, f"scoring failed: {type(e).__name__}: {e}")]
            log.exception("a batch of %d slices failed; scoring them one by one", len(slices))
            return [self._score([sl])[0] for sl in slices]
        out = []
        k = 0
        for _, a, b in slices:
            out.append(details[k:k + b - a])
            k += b - a
        return out


def trim_memory() -> None:
    """Returns the C heap's free pages to the system (glibc ``malloc_trim``), so the server's memory goes
    back down after a spike of large batches; a no-op where the C library has no such call."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _verdicts(plan) -> int:
    """Neural verdicts a sample costs (its program checks are cheap and bounded on their own)."""
    return 0 if plan is None else len(plan.neural)


def run(reward, cfg: ServeConfig, ready=None) -> None:
    """Serves until interrupted (blocking). ``ready(url)`` is called once listening."""
    asyncio.run(_serve_forever(reward, cfg, ready))


async def _serve_forever(reward, cfg: ServeConfig, ready=None, stop_event: Optional[asyncio.Event] = None):
    from aiohttp import web

    from rubricc.serve_guard import ConnectionGuards

    server = RewardServer(reward, cfg)
    runner = web.AppRunner(server.make_app(), access_log=None, keepalive_timeout=cfg.keepalive_timeout)
    await runner.setup()
    # listen with aiohttp's protocol factory (runner.server) behind the slow-client guard
    server.guards = ConnectionGuards(runner.server, cfg.header_timeout)
    listener = await asyncio.get_running_loop().create_server(server.guards, cfg.host, cfg.port)
    port = listener.sockets[0].getsockname()[1]
    url = f"http://{cfg.host}:{port}"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGHUP"):
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, _reload_on_signal, server)
    if ready is not None:
        ready(url, server)
    try:
        if stop_event is None:
            await asyncio.Event().wait()
        else:
            await stop_event.wait()
    finally:
        listener.close()
        await runner.cleanup()


def _reload_on_signal(server: RewardServer) -> None:
    """SIGHUP: re-read the served folder in the background (a failure is logged; the old bundle stays)."""
    async def go():
        try:
            out = await server.reload(None)
        except _HTTPError as e:
            log.error("%s", e.message)
        else:
            print(f"rubricc serve: reloaded the verifier from {out['verifier']} (SIGHUP)", file=sys.stderr, flush=True)

    asyncio.get_running_loop().create_task(go())


class BackgroundServer:
    """Runs the server on its own thread and event loop (tests, notebooks): ``with BackgroundServer(r) as s:``
    gives ``s.url``; leaving the block stops it."""

    def __init__(self, reward, cfg: Optional[ServeConfig] = None, start_timeout: float = 120.0):
        self.reward = reward
        self.cfg = cfg or ServeConfig(port=0)
        self.start_timeout = start_timeout
        self.url: Optional[str] = None
        self.server: Optional[RewardServer] = None
        self._ready = threading.Event()
        self._error: Optional[BaseException] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Event] = None
        self._thread = threading.Thread(target=self._main, name="rubricc-serve", daemon=True)

    def _main(self):
        async def main():
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()

            def ready(url, server):
                self.url, self.server = url, server
                self._ready.set()

            await _serve_forever(self.reward, self.cfg, ready, self._stop)

        try:
            asyncio.run(main())
        except BaseException as e:  # surfaced by start()
            self._error = e
            self._ready.set()

    def start(self) -> "BackgroundServer":
        self._thread.start()
        if not self._ready.wait(self.start_timeout) or self._error is not None:
            raise RuntimeError(f"server did not start: {self._error!r}")
        return self

    def stop(self, timeout: float = 30.0) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

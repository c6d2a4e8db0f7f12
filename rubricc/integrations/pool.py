"""The replica pool of :mod:`rubricc.integrations.ray`: :class:`RewardPool` (see that module for the design,
the faults and the frameworks' entry points). ``ray`` is imported inside the functions.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections import Counter
from typing import Any, Dict, List, Mapping, Optional, Sequence

from rubricc import bundle
from rubricc.errors import InputError
from rubricc.plan import Plans, load_rubrics

log = logging.getLogger("rubricc.ray")
NAMESPACE = "rubricc"  # Ray namespace of named replicas (``name=``), shared by every job of a cluster


class RewardPool:
    """``replicas`` RubricReward actors on the Ray cluster this process is connected to (``ray.init()`` is
    called when it is not: it joins ``$RAY_ADDRESS`` or a cluster started on this machine, else starts a
    local one). ``options`` go to every RubricReward (``backend``, ``variant``, ``providers``, ...).

    ``num_gpus``: GPUs per replica (default 1 when the cluster has GPUs, else 0; a fraction shares one).
    ``threads``: CPU threads per replica, reserved as Ray CPUs (default 1 with a GPU, else the cluster's
    CPUs shared among the replicas, at most 4). ``chunk_size``: most samples per replica call; a batch is
    cut into ``ceil(n / replicas)``-sample chunks up to that size. ``name``: replicas named ``NAME-i`` in
    Ray namespace ``rubricc``, shared by every process that makes a pool of that name (verl's reward
    workers, several HTTP front ends) instead of one set per process; the replicas keep the arguments of
    the process that started them. ``start_timeout``: seconds for the replicas to start (a cluster short
    of the resources asked for is an error, not a hang).
    """

    def __init__(self, verifier: str, rubrics: Any = None, replicas: int = 1, threads: Optional[int] = None,
                 num_gpus: Optional[float] = None, chunk_size: int = 256, name: Optional[str] = None,
                 start_timeout: float = 600.0, **options):
        import ray

        if int(replicas) < 1 or int(chunk_size) < 1:
            raise ValueError("replicas and chunk_size must be at least 1")
        if not ray.is_initialized():
            ray.init()
        self.verifier_dir = str(verifier)
        bundle.read_config(self.verifier_dir)  # a bad folder is an InputError here, not in every replica
        self.rubrics = load_rubrics(rubrics)
        self._plans = Plans(self.rubrics)
        res = ray.cluster_resources()
        self.num_gpus = (1 if res.get("GPU", 0) >= 1 else 0) if num_gpus is None else float(num_gpus)
        if threads is None:
            threads = 1 if self.num_gpus else max(1, min(4, int(res.get("CPU", 1)) // int(replicas)))
        self.threads = int(threads)
        self.chunk_size = int(chunk_size)
        self.name = name
        self.options = {**options, "threads": self.threads}
        self.counters: Counter = Counter()   # chunks, retries, replaced
        self.failures: Counter = Counter()   # reason -> samples that came back with reward None
        self._lock = threading.Lock()
        self._reload_lock = threading.Lock()
        self._replicas = [self._spawn(i) for i in range(int(replicas))]
        self._load = [0] * len(self._replicas)
        self.infos = self._wait_ready(start_timeout)
        self._describe()

    def _describe(self) -> None:
        """``device``, ``backend_used`` and ``variant_used`` as RubricReward has them (``rubricc serve``'s
        /health reads them): the first replica's."""
        first = self.infos[0]
        self.device, self.backend_used, self.variant_used = first["device"], first["backend"], first["variant"]

    # -- replicas ---------------------------------------------------------------------------------
    def _spawn(self, i: int, dead=None):
        """A new replica for slot ``i``; a named one is the live replica of that name if another process
        made it (after ``dead``'s name is released, so that its dead handle is not handed back)."""
        import ray

        from rubricc.integrations.replica import Replica

        opts: Dict[str, Any] = {"num_cpus": self.threads, "num_gpus": self.num_gpus, "max_restarts": 0}
        if self.name:
            opts.update(name=f"{self.name}-{i}", namespace=NAMESPACE, get_if_exists=True)
            if dead is not None:
                _await_released(opts["name"], dead)
        return ray.remote(Replica).options(**opts).remote(self.verifier_dir, list(self.rubrics.values()),
                                                          self.options)

    def _wait_ready(self, timeout: float) -> List[Dict[str, Any]]:
        import ray
        from ray.exceptions import GetTimeoutError, RayActorError

        try:
            return ray.get([r.info.remote() for r in self._replicas], timeout=timeout)
        except GetTimeoutError:
            self.shutdown()
            raise RuntimeError(f"{len(self._replicas)} reward replicas did not start within {timeout:g} s: each "
                               f"needs {self.threads} CPU and {self.num_gpus:g} GPU; the cluster has "
                               f"{ray.cluster_resources()}") from None
        except RayActorError as e:
            self.shutdown()
            raise RuntimeError(f"a reward replica failed to start: {str(e).splitlines()[0]}") from e

    @property
    def replicas(self) -> list:
        """The replicas' actor handles, in order (a replaced replica's new handle in its place)."""
        return list(self._replicas)

    def _replace(self, i: int, dead) -> None:
        """Puts a new replica in slot ``i`` if ``dead`` still holds it (another call may have done it)."""
        import ray

        with self._lock:
            if self._replicas[i] is not dead:
                return
            try:
                ray.kill(dead, no_restart=True)
            except Exception:  # already gone
                pass
            self._replicas[i] = self._spawn(i, dead)
            self.counters["replaced"] += 1
        log.warning("reward replica %d died; replaced it", i)

    def _pick(self, samples: int):
        with self._lock:
            i = min(range(len(self._replicas)), key=lambda k: self._load[k])
            self._load[i] += samples
            self.counters["chunks"] += 1
            return i, self._replicas[i]

    def _release(self, i: int, samples: int) -> None:
        with self._lock:
            self._load[i] -= samples

    # -- the RubricReward calls the adapters use ----------------------------------------------------
    def plan(self, ref: Any, prompt: Any = None, where: str = "rubric"):
        """As :meth:`rubricc.runtime.RubricReward.plan`, resolved here: bad input fails in the caller."""
        return self._plans.reference(ref, prompt, where)

    def load(self) -> "RewardPool":
        """The replicas are loaded when the pool starts (``rubricc serve`` calls this on start)."""
        return self

    def score_plans(self, plans: Sequence[Any], responses: Sequence[str],
                    prompts: Optional[Sequence[Optional[str]]] = None) -> List[Dict[str, Any]]:
        """As :meth:`rubricc.runtime.RubricReward.score_plans`, spread over the replicas; a sample whose chunk
        failed twice has ``{"reward": None, "verdicts": {}, "failed": reason}``."""
        import ray
        from ray.exceptions import RayActorError, RayError

        n = len(responses)
        refs = self._refs(plans)
        responses = list(responses)
        prompts = list(prompts) if prompts is not None else [None] * n
        step = max(1, min(self.chunk_size, math.ceil(n / len(self._replicas)))) if n else 1
        chunks = [(a, min(n, a + step)) for a in range(0, n, step)]
        out: List[Any] = [None] * n
        pending: Dict[Any, tuple] = {}

        def submit(c: int, attempt: int) -> None:
            a, b = chunks[c]
            i, actor = self._pick(b - a)
            pending[actor.score.remote(refs[a:b], responses[a:b], prompts[a:b])] = (c, i, actor, attempt)

        for c in range(len(chunks)):
            submit(c, 0)
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                c, i, actor, attempt = pending.pop(ref)
                a, b = chunks[c]
                self._release(i, b - a)
                try:
                    out[a:b] = ray.get(ref)
                    continue
                except RayActorError:
                    reason = "replica_died"
                    self._replace(i, actor)
                except RayError as e:  # the chunk raised inside a live replica
                    reason = "replica_error"
                    log.warning("a chunk of %d samples failed on reward replica %d: %s", b - a, i,
                                str(e).splitlines()[0] if str(e) else type(e).__name__)
                if attempt == 0:
                    with self._lock:
                        self.counters["retries"] += 1
                    submit(c, 1)
                else:
                    out[a:b] = [{"reward": None, "verdicts": {}, "failed": reason} for _ in range(a, b)]
                    with self._lock:
                        self.failures[reason] += b - a
        return out

    def _refs(self, plans: Sequence[Any]) -> List[Optional[str]]:
        """What a replica needs to rebuild each plan: a loaded rubric's id, else the rubric's JSON (the replica
        caches its plan by that text)."""
        out: List[Optional[str]] = []
        inline: Dict[int, str] = {}
        for p in plans:
            if p is None:
                out.append(None)
            elif self.rubrics.get(p.rubric.id) is p.rubric and not p.rubric.id.lstrip().startswith(("{", "[")):
                out.append(p.rubric.id)
            else:
                if id(p) not in inline:
                    inline[id(p)] = p.rubric.model_dump_json()
                out.append(inline[id(p)])
        return out

    def reload(self, verifier_dir: Optional[str] = None) -> "RewardPool":
        """Swaps the bundle at ``verifier_dir`` (default: the same folder, re-read) into every replica; a chunk
        sent before finishes on the old bundle. A replica that dies meanwhile is replaced on the new bundle;
        one that cannot load it puts all back on the old bundle and raises InputError."""
        import ray
        from ray.exceptions import RayActorError, RayError

        new = str(verifier_dir or self.verifier_dir)
        bundle.read_config(new)
        with self._reload_lock:
            old, self.verifier_dir = self.verifier_dir, new  # replicas replaced from now on load `new`
            calls = [(i, r, r.reload.remote(new)) for i, r in enumerate(self.replicas)]
            error = None
            for i, r, ref in calls:
                try:
                    self.infos[i] = ray.get(ref)
                except RayActorError:
                    self._replace(i, r)
                except RayError as e:
                    error = e
            if error is not None:  # every replica back on `old` (one that failed kept it; a dead one is replaced)
                self.verifier_dir = old
                for i, r, ref in [(i, r, r.reload.remote(old)) for i, r in enumerate(self.replicas)]:
                    try:
                        self.infos[i] = ray.get(ref)
                    except RayError:
                        self._replace(i, r)
                first = str(error.cause if hasattr(error, "cause") else error).splitlines()
                raise InputError(f"reload of {new} failed, still serving {old}: {first[0] if first else error!r}")
            self.counters["reloads"] += 1
            self._describe()
        return self

    def figures(self) -> Dict[str, float]:
        """Counters for a training log: chunks sent, retries, replicas replaced, samples failed by reason."""
        out = {f"rubric/pool_{k}": float(v) for k, v in self.counters.items()}
        out.update({f"rubric/pool_failed_{k}": float(v) for k, v in self.failures.items()})
        return out

    def shutdown(self) -> None:
        """Stops the replicas (named ones too: other processes using them lose them)."""
        import ray

        with self._lock:
            for r in self._replicas:
                try:
                    ray.kill(r, no_restart=True)
                except Exception:
                    pass


def _await_released(name: str, dead, timeout: float = 30.0) -> None:
    """Waits until the Ray name ``name`` no longer names the actor ``dead`` (a killed actor's name is freed
    a moment after ``ray.kill``)."""
    import ray

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if ray.get_actor(name, namespace=NAMESPACE)._actor_id != dead._actor_id:
                return
        except ValueError:  # no actor of that name
            return
        time.sleep(0.05)


class Recorded:
    """A pool seen by an adapter, keeping the details of its one ``score_plans`` call (the failure flags)."""

    def __init__(self, pool: RewardPool):
        self.pool, self.rubrics, self.details = pool, pool.rubrics, []

    def plan(self, *args, **kwargs):
        return self.pool.plan(*args, **kwargs)

    def score_plans(self, *args, **kwargs):
        self.details = self.pool.score_plans(*args, **kwargs)
        return self.details


def failed_flags(details: Sequence[Mapping[str, Any]]) -> List[float]:
    """1.0 for each sample whose chunk failed twice (``"failed"`` in its details), else 0.0."""
    return [1.0 if "failed" in d else 0.0 for d in details]


class Gather:
    """Gathers the samples of concurrent one-sample calls on one event loop (verl's reward loop calls the
    reward once per sample, many at a time) into pool batches: the first sample waits ``max_wait_ms`` for
    company, then everything queued (up to ``max_batch`` samples a batch) goes to
    :meth:`RewardPool.score_plans` on a thread while the next batch gathers."""

    def __init__(self, pool: RewardPool, max_wait_ms: float = 5.0, max_batch: int = 512):
        self.pool, self.max_wait, self.max_batch = pool, max_wait_ms / 1000.0, int(max_batch)
        self.queue: list = []
        self.worker = None

    async def score(self, plan, response: str, prompt: Optional[str]) -> Dict[str, Any]:
        import asyncio

        fut = asyncio.get_running_loop().create_future()
        self.queue.append((plan, response, prompt, fut))
        if self.worker is None or self.worker.done():
            self.worker = asyncio.get_running_loop().create_task(self._drain())
        return await fut

    async def _drain(self) -> None:
        import asyncio

        await asyncio.sleep(self.max_wait)
        while self.queue:
            batch, self.queue = self.queue[:self.max_batch], self.queue[self.max_batch:]
            cols = list(zip(*batch))
            try:
                details = await asyncio.get_running_loop().run_in_executor(
                    None, self.pool.score_plans, list(cols[0]), list(cols[1]), list(cols[2]))
            except Exception as e:  # not a replica fault (those come back as details): the callers' error
                for *_, fut in batch:
                    if not fut.done():
                        fut.set_exception(e)
                continue
            for (*_, fut), d in zip(batch, details):
                if not fut.done():
                    fut.set_result(d)

"""``auto`` on a CPU by measurement: the fastest backend for this machine, bundle and thread count.

Which CPU path wins depends on the machine, not on a rule one can write down once: on an AVX2-only AMD
EPYC the torch segmented pass in fp32 beat ONNX Runtime fp32 by 1.7x, on AMX machines torch bf16 wins by
more, and int8 helps where VNNI is fast. So the first time a bundle is used on a CPU-only machine with
more than one candidate, each candidate scores the same synthetic batch (4 responses of about 300
tokens x 20 criteria of about 30 tokens, made by the runtime's own packing), in
interleaved rounds after a warm-up, and the one with the lowest time wins (each candidate's best round: the
least disturbed by other work on a shared machine). The answer is remembered in
``$RUBRICC_CACHE_DIR/backend-probe.json`` (default ``~/.cache/rubricc``) under a key made of the CPU
(model, relevant flags, core count), the bundle (its fp32 graph's size and time, training-data hash) and
the thread count; a probe costs a few seconds once.

Candidates: ONNX Runtime fp32; ONNX Runtime int8 when distillation validated it on held-out data (its
AUROC within :data:`VALIDATION_TOLERANCE` of fp32: ``validated_variants`` in ``verifier.json``); the
torch segmented pass in fp32 when torch and the bundle's torch weights are there; and in bf16 only on a
CPU with hardware bf16 (AMX or AVX-512 BF16), where it was validated or the bundle predates validation.
``RUBRICC_AUTO_PROBE=0`` turns probing off (the rules of :func:`rubricc.backends.choose_backend` apply).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from rubricc import bundle, device

log = logging.getLogger("rubricc.backends.probe")

VALIDATION_TOLERANCE = 0.01  # AUROC a variant may lose against fp32 on the held-out split and still be used
TORCH_BF16 = "torch_bf16"    # the torch backend in bf16, as distill's variant check names it
_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_bf16", "amx_int8", "amx_tile", "fma")
_WORDS = ("the", "answer", "should", "explain", "clearly", "because", "several", "reasons", "matter", "here",
          "first", "second", "patients", "often", "report", "that", "sleep", "improves", "with", "routine",
          "code", "returns", "value", "when", "input", "is", "empty", "and", "tests", "pass")


def enabled() -> bool:
    return os.environ.get("RUBRICC_AUTO_PROBE", "1").strip().lower() not in ("0", "off", "false", "no")


def validated_variants(checked: Mapping[str, Mapping[str, Any]], tolerance: float = VALIDATION_TOLERANCE) -> List[str]:
    """The variants of distill's check (``metrics.json`` ``variants``) that lost at most ``tolerance``
    AUROC against ONNX fp32 on the held-out split. None is validated when fp32's AUROC is unknown (a split
    with one class): there is nothing to compare with."""
    ref = (checked.get("fp32") or {}).get("auroc")
    if ref is None:
        return []
    return sorted(v for v, d in checked.items()
                  if "error" not in d and d.get("auroc") is not None and d["auroc"] >= ref - tolerance)


def candidates(bundle_dir, cfg: Mapping[str, Any]) -> List[Tuple[str, str]]:
    """(backend, variant) pairs ``auto`` may choose between on this CPU for this bundle."""
    variants = cfg.get("variants") or {}
    recorded = cfg.get("validated_variants")
    validated = set(recorded or ()) | ({cfg["cpu_variant"]} if cfg.get("cpu_variant") else set())
    out = [("onnx", "fp32")] if "fp32" in variants else []
    if "int8" in variants and "int8" in validated:
        out.append(("onnx", "int8"))
    if device.torch_installed() and bundle.has_torch_weights(bundle_dir, cfg):
        out.append(("torch", "fp32"))
        if device.cpu_has_bf16() and (recorded is None or TORCH_BF16 in validated):
            out.append(("torch", "bf16"))
    return out


def cache_path() -> Path:
    return Path(os.environ.get("RUBRICC_CACHE_DIR") or Path.home() / ".cache" / "rubricc") / "backend-probe.json"


def probe_key(bundle_dir, cfg: Mapping[str, Any], threads: Optional[int]) -> str:
    flags = ",".join(f for f in _FLAGS if f in device.cpu_flags())
    graph = bundle.variant_path(bundle_dir, cfg, "fp32")
    try:
        st = graph.stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        stamp = "?"
    text = "|".join([device.cpu_model(), flags, str(os.cpu_count()), str(Path(bundle_dir).resolve()), stamp,
                     str(cfg.get("training_data_hash")), str(threads or 0)])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _read_cache() -> Dict[str, Any]:
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # missing or damaged: measured again and rewritten


def _write_cache(key: str, entry: Dict[str, Any]) -> None:
    path = cache_path()
    data = _read_cache()
    data[key] = entry
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:  # a read-only home: the choice is still made, only not remembered
        log.info("backend probe not cached (%s)", e)


# The synthetic batch (tests make it smaller). Criteria per response decide the ranking (the segmented pass
# reads the context once for all of them), so a rubric-sized 20 of them: with 10 short ones ONNX Runtime
# looked faster on an AVX2 EPYC where the torch pass was 1.5x faster at 20 (bench/throughput.py).
WORKLOAD = {"responses": 4, "criteria": 20, "words": 230, "criterion_words": 24}
ROUNDS = 3


def workload(bundle_dir, responses: int = 4, criteria: int = 20, words: int = 230, criterion_words: int = 24,
             seed: int = 0):
    """The backend input of a synthetic batch, made by the runtime's own tokenizer and packing."""
    import random

    from rubricc.formats import Criterion, Rubric
    from rubricc.runtime import RubricReward

    rng = random.Random(seed)
    text = lambda n: " ".join(rng.choice(_WORDS) for _ in range(n))  # noqa: E731
    rubric = Rubric(id="probe", prompt=text(40) + "?",
                    criteria=[Criterion(id=f"c{j}", text=text(criterion_words), weight=1) for j in range(criteria)])
    reward = RubricReward(bundle_dir, backend="onnx", variant="fp32", providers="cpu")
    plan = reward.plan(rubric)
    plans = [plan] * responses
    resp = [text(words) for _ in range(responses)]
    return reward.contexts(list(range(responses)), plans, resp, [rubric.prompt_text] * responses)


def measure(bundle_dir, cfg: Mapping[str, Any], choices: Sequence[Tuple[str, str]], threads: Optional[int],
            rounds: Optional[int] = None) -> Dict[str, float]:
    """Best seconds per synthetic batch of each (backend, variant) over interleaved rounds."""
    from rubricc.backends import open_backend

    contexts, crits = workload(bundle_dir, **WORKLOAD)
    built = {}
    for name, variant in choices:
        be = open_backend(bundle_dir, cfg, backend=name, providers="cpu", variant=variant, threads=threads)
        be.logits(contexts, crits)  # warm-up: first-run allocations and graph preparation
        built[(name, variant)] = be
    times: Dict[Tuple[str, str], List[float]] = {c: [] for c in built}
    for _ in range(rounds or ROUNDS):
        for c, be in built.items():
            t = time.perf_counter()
            be.logits(contexts, crits)
            times[c].append(time.perf_counter() - t)
    for be in built.values():
        be.close()
    return {f"{n}:{v}": min(ts) for (n, v), ts in times.items()}


def fastest(bundle_dir, cfg: Mapping[str, Any], threads: Optional[int]) -> Optional[Tuple[str, str]]:
    """The measured-fastest (backend, variant) for this CPU, from the cache or measured now; None when there
    is nothing to choose between or probing is off."""
    choices = candidates(bundle_dir, cfg)
    if len(choices) < 2 or not enabled():
        return None
    key = probe_key(bundle_dir, cfg, threads)
    entry = _read_cache().get(key)
    if isinstance(entry, dict) and tuple(entry.get("choice", ())) in choices:
        return tuple(entry["choice"])
    t0 = time.perf_counter()
    seconds = measure(bundle_dir, cfg, choices, threads)
    best = min(seconds, key=seconds.get)
    choice = tuple(best.split(":", 1))
    log.info("auto backend: %s (measured in %.1f s: %s)", best, time.perf_counter() - t0,
             ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in sorted(seconds.items(), key=lambda kv: kv[1])))
    _write_cache(key, {"choice": list(choice), "seconds": seconds, "cpu": device.cpu_model(), "threads": threads,
                       "bundle": str(Path(bundle_dir).resolve()), "measured": time.strftime("%Y-%m-%dT%H:%M:%S")})
    return choice

"""The ONNX Runtime backend: fused sequences with their block mask, in length buckets.

Each response's context and its criteria become one or more fused sequences ``[context][crit_1]...``
(``rubricc.kernels``: split when a sequence would exceed ``max_seq_len``; one criterion per sequence in
the pairwise layout), grouped into length-sorted token-budget buckets, run through ONNX Runtime, and
each criterion's logit is gathered at its first token. A windowed context (a verifier with response
windows) is one sequence holding all its windows: the graph's block mask keeps the windows apart, but
ONNX Runtime still computes the masked [T, T] scores, so its cost grows with the square of the response;
the torch backend's segmented pass does not (``rubricc.verifier.segmented``). On CUDA the outputs stay on the device until
copied (IO binding) and the next bucket is packed on a worker thread while one runs.

ONNX Runtime is imported when a backend is built, never by ``import rubricc``.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from rubricc import bundle
from rubricc.device import cuda_usable

# Runs with sequences longer than this release ORT's CPU arena afterwards (see OnnxBackend._run).
SHRINK_AFTER_LEN = 1024

CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"
Providers = Union[str, Sequence[Any]]


def select_providers(providers: Providers = "auto") -> Tuple[List[Any], str]:
    """ORT provider list and the device kind ("cuda" or "cpu") for ``"auto" | "cpu" | "cuda" | [...]``."""
    if isinstance(providers, str):
        if providers == "cpu":
            return [CPU], "cpu"
        if providers in ("cuda", "gpu"):
            if not cuda_usable():
                raise RuntimeError("providers='cuda' but CUDA is not usable here (onnxruntime-gpu, the CUDA "
                                   "libraries of `pip install rubricc[gpu]` and a GPU are needed)")
            return [CUDA, CPU], "cuda"
        if providers == "auto":
            return ([CUDA, CPU], "cuda") if cuda_usable() else ([CPU], "cpu")
        raise ValueError(f"providers must be 'auto', 'cpu', 'cuda' or a list, not {providers!r}")
    plist = list(providers)
    names = [p[0] if isinstance(p, (tuple, list)) else p for p in plist]
    return plist, ("cuda" if names and names[0] == CUDA else "cpu")


def select_variant(cfg: Mapping[str, Any], device: str, variant: str = "auto") -> str:
    """fp16 on CUDA; on CPU the bundle's ``cpu_variant`` (set by distill once int8 is validated) or fp32."""
    variants = cfg.get("variants") or {}
    if variant != "auto":
        return variant
    if device == "cuda" and "fp16" in variants:
        return "fp16"
    cpu = cfg.get("cpu_variant")
    if cpu in variants:
        return cpu
    return "fp32" if "fp32" in variants else sorted(variants)[0]


def make_session(model_path, providers: Sequence[Any] = (CPU,), threads: Optional[int] = None):
    """An ORT session: full graph optimisation, sequential execution, errors-only logging."""
    import onnxruntime as ort

    ort.set_default_logger_severity(3)  # errors only: no provider warnings on CPU machines
    so = ort.SessionOptions()
    so.log_severity_level = 3
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.inter_op_num_threads = 1
    if threads:
        so.intra_op_num_threads = int(threads)
    return ort.InferenceSession(str(model_path), so, providers=list(providers))


class OnnxBackend:
    """Criterion logits from a bundle's ONNX graph (see the module docstring).

    ``providers``: "auto", "cpu", "cuda" or an ORT provider list; ``variant``: "auto", "fp32", "int8",
    "fp16"; ``token_budget``: padded tokens per run (batch x longest; 4096 measured fastest on CPU, where
    larger batches make the [B, heads, T, T] attention memory-bound); ``max_batch``: sequences per run;
    ``max_seq_len``: longest fused sequence; ``layout``: "fused" or "pairwise" (default: the bundle's);
    ``kernels``: "auto", "native" or "numpy"; ``prefetch``: pack the next bucket on a worker thread
    (default: on CUDA only; on CPU the worker would compete with ORT for the cores).
    """

    name = "onnx"

    def __init__(self, bundle_dir, cfg: Mapping[str, Any], providers: Providers = "auto", variant: str = "auto",
                 threads: Optional[int] = None, token_budget: int = 4096, max_batch: int = 256,
                 max_seq_len: Optional[int] = None, layout: Optional[str] = None, kernels: str = "auto",
                 prefetch: Optional[bool] = None):
        from rubricc.kernels.ops import get_ops

        plist, device = select_providers(providers)
        self.variant = select_variant(cfg, device, variant)
        path = bundle.variant_path(bundle_dir, cfg, self.variant)
        self.session = make_session(path, plist, threads)
        self.device = "cuda" if CUDA in self.session.get_providers() else "cpu"
        self.layout = layout or cfg["layout"]
        if self.layout not in bundle.LAYOUTS:
            raise ValueError(f"layout must be one of {bundle.LAYOUTS}, not {self.layout!r}")
        self.pad_id = int(cfg["pad_id"])
        self.token_budget = int(token_budget)
        self.max_batch = int(max_batch)
        self.max_seq_len = int(max_seq_len if max_seq_len is not None else cfg.get("max_seq_len", 2048))
        self.ops = get_ops(kernels)
        self.prefetch = self.device == "cuda" if prefetch is None else bool(prefetch)
        self._pool: Optional[ThreadPoolExecutor] = None
        import onnxruntime as ort

        self._shrink = ort.RunOptions()
        self._shrink.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def sequences(self, contexts, criteria) -> List[Tuple[Sequence[int], List[Sequence[int]], np.ndarray]]:
        """(context, criterion token lists, flat output indices) of every sequence to run."""
        from rubricc.kernels.pack import context_len, sequence_limit

        seqs = []
        flat = 0
        for ctx, crits in zip(contexts, criteria):
            n = len(crits)
            if self.layout == "pairwise":
                chunk = np.arange(n)
            else:
                chunk = self.ops.split_criteria([len(t) for t in crits], context_len(ctx),
                                                sequence_limit(ctx, self.max_seq_len))
            start = 0
            for j in range(1, n + 1):
                if j == n or chunk[j] != chunk[start]:
                    seqs.append((ctx, list(crits[start:j]), np.arange(flat + start, flat + j)))
                    start = j
            flat += n
        return seqs

    def logits(self, contexts: Sequence[Sequence[int]], criteria: Sequence[Sequence[Sequence[int]]]) -> np.ndarray:
        """Logits of every criterion, flat in order (``criteria[b]`` belongs to ``contexts[b]``)."""
        out = np.zeros(sum(len(c) for c in criteria), np.float32)
        seqs = self.sequences(contexts, criteria)
        if not seqs:
            return out
        from rubricc.kernels.pack import fused_length

        lengths = np.fromiter((fused_length(s[0], s[1]) for s in seqs), np.int64, len(seqs))
        order, starts = self.ops.bucket(lengths, self.token_budget, self.max_batch)
        buckets = [order[starts[b]:starts[b + 1]] for b in range(len(starts) - 1)]
        if self.prefetch and len(buckets) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rubricc-pack")
            nxt = self._pool.submit(self._pack, seqs, buckets[0])
            for b in range(len(buckets)):
                batch, idx = nxt.result()
                if b + 1 < len(buckets):
                    nxt = self._pool.submit(self._pack, seqs, buckets[b + 1])
                out[idx] = self.ops.gather(self._run(batch), batch["read_index"])
        else:
            for members in buckets:
                batch, idx = self._pack(seqs, members)
                out[idx] = self.ops.gather(self._run(batch), batch["read_index"])
        return out

    def _pack(self, seqs, members) -> Tuple[Dict[str, np.ndarray], np.ndarray]:
        batch = self.ops.pack_fused([seqs[k][0] for k in members], [seqs[k][1] for k in members], self.pad_id)
        return batch, np.concatenate([seqs[k][2] for k in members])

    def _run(self, batch: Dict[str, np.ndarray]) -> np.ndarray:
        feeds = {k: batch[k] for k in bundle.INPUT_NAMES}
        if self.device == "cuda":
            io = self.session.io_binding()
            for k, v in feeds.items():
                io.bind_cpu_input(k, v)
            io.bind_output("logits", "cuda")
            self.session.run_with_iobinding(io)
            return np.asarray(io.copy_outputs_to_cpu()[0], dtype=np.float32)
        # a long sequence's attention scratch ([heads, T, T] per layer) would stay in ORT's CPU arena for the
        # life of the process: after one, the arena hands its free chunks back (a server's memory returns)
        shrink = self._shrink if batch["input_ids"].shape[1] > SHRINK_AFTER_LEN else None
        return np.asarray(self.session.run(["logits"], feeds, shrink)[0], dtype=np.float32)

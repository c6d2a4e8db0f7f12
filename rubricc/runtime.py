"""The reward runtime (DESIGN section 7): ``RubricReward`` scores rollouts with a verifier bundle.

A call scores a whole batch: each unique text is tokenized once (and prompt / criterion tokens are
cached across calls), criteria are lowered either to program checks (run here, on the CPU) or to fused
sequences ``[context][crit_1]...[crit_N]`` (``rubricc.kernels.pack``), the sequences are grouped into
length-sorted token-budget buckets, run through ONNX Runtime, and the criterion logits are gathered and
aggregated into rewards with the rule of :func:`rubricc.scoring.score` (``rubricc.kernels``: native C++
when built, NumPy twin otherwise). The torch backend (``rubricc.torch_backend``, chosen by ``backend``)
takes the same contexts and criteria and computes the same logits segment by segment, in bf16 on AMX.

ONNX Runtime is imported on first use (``import rubricc`` stays light); the session is dropped when the
object is pickled and rebuilt lazily, so a ``RubricReward`` travels to data-loader / Ray workers.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from rubricc.formats import InputError, ProgramCheck, Rubric, parse_record, prompt_to_text, read_rubrics

log = logging.getLogger("rubricc.runtime")

VERIFIER_FORMAT = "rubricc.verifier/1"
NEURAL, PROGRAM, MISSING = 0, 1, 2


# ----------------------------------------------------------------------------------------------
# bundle and session selection
# ----------------------------------------------------------------------------------------------
def load_verifier_config(verifier_dir: Union[str, Path]) -> Dict[str, Any]:
    """Reads and checks ``verifier.json``; raises InputError naming the file and field."""
    path = Path(verifier_dir) / "verifier.json"
    try:
        with open(path, encoding="utf-8") as fh:
            cfg = json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (is {verifier_dir} a verifier bundle from `rubricc distill`?)") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from None
    if not isinstance(cfg, dict) or cfg.get("format") != VERIFIER_FORMAT:
        raise InputError(f"{path}: not a {VERIFIER_FORMAT} bundle (at field format)")
    for key in ("layout", "max_prompt_len", "max_context_len", "max_criterion_len", "cls_id", "sep_id", "pad_id",
                "variants"):
        if key not in cfg:
            raise InputError(f"{path}: missing field {key}")
    if cfg["layout"] not in ("fused", "pairwise"):
        raise InputError(f"{path}: layout must be 'fused' or 'pairwise' (at field layout)")
    if not (Path(verifier_dir) / "tokenizer.json").exists():
        raise InputError(f"{Path(verifier_dir) / 'tokenizer.json'}: no such file (the bundle needs its tokenizer)")
    return cfg


_CUDA_LIBS = (("libcudart.so.13", "libcudart.so.12", "libcudart.so"),
              ("libcublas.so.13", "libcublas.so.12", "libcublas.so"),
              ("libcudnn.so.9", "libcudnn.so"))


def _pip_cuda_dirs() -> List[str]:
    """Library folders of pip-installed NVIDIA wheels (``nvidia/*/lib``), as the [gpu] extra installs them."""
    import glob
    import importlib.util

    spec = importlib.util.find_spec("nvidia")
    dirs: List[str] = []
    for root in (spec.submodule_search_locations if spec and spec.submodule_search_locations else []):
        dirs += sorted(glob.glob(os.path.join(root, "*", "lib"))) + sorted(glob.glob(os.path.join(root, "*", "*", "lib")))
    return dirs


def _load_any(names: Iterable[str], dirs: Sequence[str] = ()):
    for name in names:
        for cand in [name, *(os.path.join(d, name) for d in dirs)]:
            if os.sep in cand and not os.path.exists(cand):
                continue
            try:
                return ctypes.CDLL(cand, mode=getattr(ctypes, "RTLD_GLOBAL", 0))
            except OSError:
                continue
    return None


def cuda_usable() -> bool:
    """True only when ORT has the CUDA provider AND the CUDA runtime, cuBLAS and cuDNN load AND a device
    exists. Probed with ctypes, without asking ORT for CUDA (which prints errors on CPU-only machines)."""
    try:
        import onnxruntime as ort
    except ImportError:
        return False
    if "CUDAExecutionProvider" not in ort.get_available_providers():
        return False
    dirs = _pip_cuda_dirs()
    libs = [_load_any(names, dirs) for names in _CUDA_LIBS]
    if any(lib is None for lib in libs):
        return False
    count = ctypes.c_int(0)
    try:
        rc = libs[0].cudaGetDeviceCount(ctypes.byref(count))
    except AttributeError:
        return False
    return rc == 0 and count.value > 0


def select_providers(providers: Union[str, Sequence[Any]] = "auto") -> Tuple[List[Any], str]:
    """ORT provider list and the device kind ("cuda" or "cpu") for ``"auto" | "cpu" | "cuda" | [...]``."""
    if isinstance(providers, str):
        if providers == "cpu":
            return ["CPUExecutionProvider"], "cpu"
        if providers in ("cuda", "gpu"):
            if not cuda_usable():
                raise RuntimeError("providers='cuda' but CUDA is not usable here (onnxruntime-gpu, the CUDA "
                                   "libraries of `pip install rubricc[gpu]` and a GPU are needed)")
            return ["CUDAExecutionProvider", "CPUExecutionProvider"], "cuda"
        if providers == "auto":
            if cuda_usable():
                return ["CUDAExecutionProvider", "CPUExecutionProvider"], "cuda"
            return ["CPUExecutionProvider"], "cpu"
        raise ValueError(f"providers must be 'auto', 'cpu', 'cuda' or a list, not {providers!r}")
    plist = list(providers)
    names = [p[0] if isinstance(p, (tuple, list)) else p for p in plist]
    return plist, ("cuda" if names and names[0] == "CUDAExecutionProvider" else "cpu")


def select_variant(cfg: Mapping[str, Any], device: str, variant: str = "auto") -> str:
    """fp16 on CUDA; on CPU the bundle's ``cpu_variant`` (set by distill once int8 is validated) or fp32."""
    variants = cfg.get("variants") or {}
    if variant != "auto":
        if variant not in variants:
            raise InputError(f"variant {variant!r} is not in this bundle (has {sorted(variants)})")
        return variant
    if device == "cuda" and "fp16" in variants:
        return "fp16"
    cpu = cfg.get("cpu_variant")
    if cpu in variants:
        return cpu
    return "fp32" if "fp32" in variants else sorted(variants)[0]


BACKENDS = ("auto", "onnx", "torch")


def select_backend(cfg: Mapping[str, Any], verifier_dir: Union[str, Path], backend: str = "auto",
                   providers: Union[str, Sequence[Any]] = "auto", variant: str = "auto") -> str:
    """"onnx" or "torch" for a RubricReward's settings (see RubricReward, ``backend``)."""
    from rubricc import torch_backend as tb

    if backend == "auto":
        backend = os.environ.get("RUBRICC_BACKEND", "auto") or "auto"
        if backend not in BACKENDS:
            raise ValueError(f"RUBRICC_BACKEND must be one of {BACKENDS}, not {backend!r}")
    if backend == "torch":
        if variant not in ("auto",) + tb.DTYPES:
            raise InputError(f"variant {variant!r} is not a torch dtype (use one of {tb.DTYPES})")
        if not tb.torch_installed():
            raise RuntimeError("backend='torch' needs torch, transformers and safetensors (pip install 'rubricc[train]')")
        if not tb.has_torch_weights(verifier_dir, cfg):
            raise InputError(f"{Path(verifier_dir) / tb.TORCH_DIR}: no torch weights in this bundle "
                             "(re-export it with this version of rubricc, or use backend='onnx')")
        return "torch"
    if backend == "onnx":
        return "onnx"
    # an ORT variant, CUDA or a provider list asked for, or a usable GPU: ONNX Runtime
    if variant not in ("auto", "bf16") or providers not in ("auto", "cpu") or (providers == "auto" and cuda_usable()):
        return "onnx"
    if tb.cpu_has_amx_bf16() and tb.has_torch_weights(verifier_dir, cfg) and tb.torch_installed():
        return "torch"
    return "onnx"


def make_session(model_path: Union[str, Path], providers: Sequence[Any], threads: Optional[int] = None):
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


# ----------------------------------------------------------------------------------------------
# inputs: rubrics, prompts and completions in the shapes TRL / verl / OpenRLHF pass them
# ----------------------------------------------------------------------------------------------
def completion_to_text(completion: Any) -> str:
    """A completion as text: a string, or a list of message dicts (TRL's conversational format)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    if isinstance(completion, (list, tuple)):
        parts = []
        for m in completion:
            if isinstance(m, dict):
                content = m.get("content", "")
                if isinstance(content, list):
                    content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
                parts.append(str(content))
            else:
                parts.append(str(m))
        return "\n".join(parts)
    raise InputError(f"completion must be a string or a list of messages, got {type(completion).__name__}")


def load_rubrics(rubrics: Any) -> Dict[str, Rubric]:
    """A rubrics JSONL path, a list of Rubric / dicts, or a mapping id -> Rubric -> ``{id: Rubric}``."""
    if rubrics is None:
        return {}
    if isinstance(rubrics, (str, Path)):
        items = read_rubrics(rubrics)
    elif isinstance(rubrics, Mapping):
        items = list(rubrics.values())
    else:
        items = list(rubrics)
    out: Dict[str, Rubric] = {}
    for i, r in enumerate(items):
        if not isinstance(r, Rubric):
            r = parse_record(r, Rubric, f"rubrics[{i}]")
        if r.id in out:
            raise InputError(f"rubrics[{i}]: duplicate rubric id {r.id!r}")
        out[r.id] = r
    return out


def parse_inline_rubric(obj: Any, prompt: Any = None, where: str = "rubric") -> Rubric:
    """A rubric passed inline (a Rubric, a dict, its JSON text, or a bare list of criteria). ``id`` and
    ``prompt`` may be left out: the id becomes a content hash and the prompt the call's prompt."""
    if isinstance(obj, Rubric):
        return obj
    if isinstance(obj, (bytes, str)):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: invalid JSON: {e.msg} (column {e.colno})") from None
    if isinstance(obj, list):
        obj = {"criteria": obj}
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a rubric object, got {type(obj).__name__}")
    obj = dict(obj)
    if "prompt" not in obj:
        if prompt is None:
            raise InputError(f"{where}: the rubric has no prompt and none was given with it")
        obj["prompt"] = prompt
    if "id" not in obj:
        obj["id"] = "inline-" + hashlib.sha1(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return parse_record(obj, Rubric, where)


class _LRU:
    def __init__(self, size: int):
        self.size = size
        self.data: "OrderedDict[Any, Any]" = OrderedDict()

    def get(self, key):
        v = self.data.get(key)
        if v is not None:
            self.data.move_to_end(key)
        return v

    def put(self, key, value):
        self.data[key] = value
        if len(self.data) > self.size:
            self.data.popitem(last=False)


# ----------------------------------------------------------------------------------------------
# the reward
# ----------------------------------------------------------------------------------------------
class RubricReward:
    """Rubric reward backed by a compiled verifier; a TRL-style reward function.

    ``reward(prompts=..., completions=..., **dataset_columns) -> list[float | None]``: the rubric of each
    completion comes from a ``rubric_id`` column (ids of the loaded ``rubrics``), an inline ``rubric``
    column (dict or JSON), or else the loaded rubric whose prompt equals the prompt; ``None`` where no
    rubric applies or the reward is undefined. ``return_details=True`` returns
    ``[{"reward", "verdicts": {criterion_id: p_yes or program verdict}}]``.

    ``providers``: "auto" (CUDA with fp16 and IO binding when really usable, else CPU), "cpu", "cuda" or
    an ORT provider list. ``variant``: "auto", "fp32", "int8" or "fp16". ``threads``: CPU intra-op threads.
    ``token_budget``: tokens per run (batch x padded length; 4096 measured fastest on CPU: larger batches
    make the [B, heads, T, T] attention tensors memory-bound). ``max_seq_len``: longest fused sequence; a
    rubric that does not fit is split over several sequences sharing the context. ``kernels``: "auto",
    "native" or "numpy". ``prefetch``: pack the next bucket on a worker thread while one runs (default: on
    CUDA only; on CPU packing takes milliseconds against seconds of model time and the worker would only
    compete for the cores).
    ``layout`` overrides the bundle's ("pairwise" runs one criterion per sequence through the same graph).
    ``token_budget``, ``max_batch``, ``max_seq_len``, ``prefetch`` and ``layout`` shape the ONNX Runtime
    batches; the torch backend computes each response's criteria against one pass over its context
    whatever they say (the same function).
    ``backend``: "onnx" (ONNX Runtime, the graphs above), "torch" (``rubricc.torch_backend``: the
    segmented fused pass in torch, ``variant`` "bf16" or "fp32"; CPU only) or "auto": torch bf16 on a CPU
    with AMX bf16 when torch and transformers are installed and the bundle holds its torch weights, and
    no ORT variant or CUDA is asked for; else ONNX Runtime. ``RUBRICC_BACKEND`` overrides "auto".
    """

    def __init__(self, verifier_dir: Union[str, Path], rubrics: Any = None, providers: Union[str, Sequence[Any]] = "auto",
                 variant: str = "auto", threads: Optional[int] = None, token_budget: int = 4096,
                 max_batch: int = 256, max_seq_len: Optional[int] = None, clip: bool = True, missing: str = "no",
                 prompt_source: str = "rubric", kernels: str = "auto", prefetch: Optional[bool] = None,
                 name: str = "rubric_reward", cache_size: int = 100_000, layout: Optional[str] = None,
                 backend: str = "auto"):
        self.verifier_dir = str(verifier_dir)
        self.cfg = load_verifier_config(verifier_dir)
        self.rubrics = load_rubrics(rubrics)
        self._by_prompt = {}
        for r in self.rubrics.values():
            self._by_prompt.setdefault(r.prompt_text, r)
        if missing not in ("no", "drop"):
            raise ValueError("missing must be 'no' or 'drop'")
        if prompt_source not in ("rubric", "call"):
            raise ValueError("prompt_source must be 'rubric' or 'call'")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        self.backend = backend
        self.providers = providers
        self.variant = variant
        self.threads = threads
        self.token_budget = int(token_budget)
        self.max_batch = int(max_batch)
        self.clip = clip
        self.missing = missing
        self.prompt_source = prompt_source
        self.kernels = kernels
        self.prefetch = prefetch
        self.cache_size = cache_size
        self.__name__ = name
        cfg = self.cfg
        self.max_positions = int(cfg.get("max_position_embeddings", 512))
        self.layout = layout or cfg["layout"]
        if self.layout not in ("fused", "pairwise"):
            raise ValueError("layout must be 'fused' or 'pairwise'")
        if max_seq_len is None:
            max_seq_len = int(cfg.get("max_seq_len", 2048))
        self.max_seq_len = int(max_seq_len)
        self.temperature = float(cfg.get("temperature", 1.0))
        self._init_runtime_state()

    # -- lazy state, dropped when pickled ---------------------------------------------------------
    def _init_runtime_state(self):
        self._lock = threading.Lock()
        self._session = None
        self._tokenizer = None
        self._ops = None
        self._pool = None
        self._tok_cache = _LRU(self.cache_size)
        self._inline_cache = _LRU(4096)
        self.device = None
        self.variant_used = None
        self.backend_used = None
        self._io_binding = False

    def __getstate__(self):
        state = self.__dict__.copy()
        for k in ("_lock", "_session", "_tokenizer", "_ops", "_pool", "_tok_cache", "_inline_cache", "device",
                  "variant_used", "backend_used", "_io_binding"):
            state.pop(k, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._init_runtime_state()

    def __repr__(self):
        return (f"RubricReward({self.verifier_dir!r}, rubrics={len(self.rubrics)}, layout={self.layout!r}, "
                f"device={self.device or 'lazy'!r}, variant={self.variant_used or self.variant!r})")

    @property
    def ops(self):
        if self._ops is None:
            from rubricc.kernels.ops import get_ops

            self._ops = get_ops(self.kernels)
        return self._ops

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            from rubricc.verifier.data import load_tokenizer  # torch-free; the same loader as training

            self._tokenizer = load_tokenizer(self.verifier_dir)
        return self._tokenizer

    def session(self):
        """The ONNX Runtime session or the torch backend, created on first use (thread-safe)."""
        if self._session is None:
            with self._lock:
                if self._session is None:
                    backend = select_backend(self.cfg, self.verifier_dir, self.backend, self.providers, self.variant)
                    if backend == "torch":
                        from rubricc.torch_backend import TorchBackend

                        dtype = "bf16" if self.variant == "auto" else self.variant
                        self._session = TorchBackend(self.verifier_dir, self.cfg, dtype=dtype, threads=self.threads)
                        self.device, self.variant_used, self.backend_used = "cpu", dtype, "torch"
                        return self._session
                    providers, device = select_providers(self.providers)
                    variant = select_variant(self.cfg, device, self.variant)
                    path = Path(self.verifier_dir) / self.cfg["variants"][variant]
                    if not path.exists():
                        raise InputError(f"{path}: no such file (listed in verifier.json variants.{variant})")
                    sess = make_session(path, providers, self.threads)
                    self.device = "cuda" if "CUDAExecutionProvider" in sess.get_providers() else "cpu"
                    self._io_binding = self.device == "cuda"
                    self.variant_used = variant
                    self.backend_used = "onnx"
                    self._session = sess
        return self._session

    # -- tokenization ----------------------------------------------------------------------------
    def encode(self, texts: Sequence[str], cache: bool = True) -> List[List[int]]:
        """Token ids of each text without special tokens; each unique text is encoded once per call,
        and cached across calls when ``cache`` (prompts and criteria repeat, responses do not)."""
        out: Dict[str, List[int]] = {}
        todo = []
        for t in texts:
            if t in out:
                continue
            hit = self._tok_cache.get(t) if cache else None
            if hit is not None:
                out[t] = hit
            else:
                out[t] = None  # placeholder keeps insertion unique
                todo.append(t)
        if todo:
            encs = self.tokenizer.encode_batch(todo, add_special_tokens=False)
            for t, e in zip(todo, encs):
                out[t] = e.ids
                if cache:
                    self._tok_cache.put(t, e.ids)
        return [out[t] for t in texts]

    # -- rubric resolution -----------------------------------------------------------------------
    def resolve_rubrics(self, n: int, prompts: Optional[Sequence[Any]], columns: Mapping[str, Any]) -> List[Optional[Rubric]]:
        ids = columns.get("rubric_id")
        inline = columns.get("rubric")
        out: List[Optional[Rubric]] = []
        for i in range(n):
            rid = ids[i] if ids is not None else None
            inl = inline[i] if inline is not None else None
            prompt = prompts[i] if prompts is not None else None
            if inl is not None:
                key = inl if isinstance(inl, (str, bytes)) else None
                r = self._inline_cache.get(key) if key is not None else None
                if r is None:
                    r = parse_inline_rubric(inl, prompt, where=f"rubric column, row {i}")
                    if key is not None:
                        self._inline_cache.put(key, r)
                out.append(r)
            elif rid is not None:
                r = self.rubrics.get(str(rid))
                if r is None:
                    raise InputError(f"rubric_id {rid!r} (row {i}) is not among the {len(self.rubrics)} loaded rubrics")
                out.append(r)
            elif prompt is not None:
                out.append(self._by_prompt.get(prompt_to_text(prompt)))
            else:
                out.append(None)
        return out

    # -- the TRL-style call ----------------------------------------------------------------------
    def __call__(self, prompts: Optional[Sequence[Any]] = None, completions: Optional[Sequence[Any]] = None,
                 return_details: bool = False, **columns) -> list:
        if completions is None:
            raise TypeError("RubricReward needs completions=")
        n = len(completions)
        if prompts is not None and len(prompts) != n:
            raise ValueError(f"{len(prompts)} prompts but {n} completions")
        rubrics = self.resolve_rubrics(n, prompts, columns)
        texts = [completion_to_text(c) for c in completions]
        ptexts = [prompt_to_text(p) if p is not None else None for p in prompts] if prompts is not None else [None] * n
        results = self.score_items(rubrics, texts, ptexts)
        if return_details:
            return results
        return [r["reward"] for r in results]

    # -- the core -------------------------------------------------------------------------------
    def score_items(self, rubrics: Sequence[Optional[Rubric]], responses: Sequence[str],
                    prompts: Optional[Sequence[Optional[str]]] = None) -> List[Dict[str, Any]]:
        """Scores response i against ``rubrics[i]``. Returns ``[{"reward", "verdicts"}]`` in order."""
        from rubricc.kernels.pack import make_context, make_criterion

        n = len(responses)
        prompts = prompts if prompts is not None else [None] * n
        cfg = self.cfg
        cls_id, sep_id, pad_id = int(cfg["cls_id"]), int(cfg["sep_id"]), int(cfg["pad_id"])
        max_ctx = min(int(cfg["max_context_len"]), self.max_positions - 3)

        # flat per-criterion arrays in item order
        counts = np.zeros(n, np.int64)
        weights: List[int] = []
        kind: List[int] = []
        value: List[float] = []
        crit_ids: List[str] = []
        neural: List[Tuple[int, int, str]] = []  # (flat index, item, criterion text)
        run_check = None
        for i, rub in enumerate(rubrics):
            if rub is None:
                continue
            counts[i] = len(rub.criteria)
            ptext = rub.prompt_text if self.prompt_source == "rubric" or not prompts[i] else prompts[i]
            for c in rub.criteria:
                m = len(weights)
                weights.append(int(c.weight))
                crit_ids.append(c.id)
                if isinstance(c.check, ProgramCheck):
                    if run_check is None:
                        from rubricc.compiler.checks import run_check
                    try:
                        v = run_check(c.check, responses[i], ptext)
                        kind.append(PROGRAM)
                        value.append(float(bool(v)) if isinstance(v, bool) else float(v))
                    except Exception as e:  # an invalid check is reported, never crashes the trainer
                        log.warning("program check %s of rubric %s failed: %s", c.check.name, rub.id, e)
                        kind.append(MISSING)
                        value.append(0.0)
                else:
                    kind.append(NEURAL)
                    value.append(0.0)
                    neural.append((m, i, c.text))
        M = len(weights)
        logits = np.zeros(M, np.float32)

        if neural:
            # tokenize each unique text once
            items = sorted({i for _, i, _ in neural})
            item_prompt = {i: (rubrics[i].prompt_text if self.prompt_source == "rubric" or not prompts[i] else prompts[i])
                           for i in items}
            p_ids = dict(zip(items, self.encode([item_prompt[i] for i in items], cache=True)))
            r_ids = dict(zip(items, self.encode([responses[i] for i in items], cache=False)))
            c_ids = self.encode([t for _, _, t in neural], cache=True)
            contexts = {i: make_context(p_ids[i], r_ids[i], cls_id, sep_id, int(cfg["max_prompt_len"]), max_ctx)
                        for i in items}
            # sequences: (context, [criterion tokens], [flat index])
            seqs: List[Tuple[List[int], List[List[int]], List[int]]] = []
            by_item: Dict[int, List[Tuple[int, List[int]]]] = {}
            crit_cache: Dict[Tuple[int, int], List[int]] = {}
            for (m, i, _), ids in zip(neural, c_ids):
                room = min(int(cfg["max_criterion_len"]), self.max_positions - len(contexts[i]))
                key = (id(ids), room)
                tok = crit_cache.get(key)
                if tok is None:
                    tok = crit_cache[key] = make_criterion(ids, cls_id, sep_id, room)
                by_item.setdefault(i, []).append((m, tok))
            sess = self.session()
            # the torch backend's segmented pass never puts two criteria in one sequence: one entry per item
            whole = self.backend_used == "torch"
            for i in items:
                ctx = contexts[i]
                crits = by_item[i]
                if whole:
                    chunk_of = np.zeros(len(crits), np.int64)
                elif self.layout == "pairwise":
                    chunk_of = np.arange(len(crits))
                else:
                    chunk_of = self.ops.split_criteria([len(t) for _, t in crits], len(ctx), self.max_seq_len)
                start = 0
                for j in range(1, len(crits) + 1):
                    if j == len(crits) or chunk_of[j] != chunk_of[start]:
                        seqs.append((ctx, [t for _, t in crits[start:j]], [m for m, _ in crits[start:j]]))
                        start = j
            if whole:  # batches contexts and criteria itself
                flat = np.asarray([m for s in seqs for m in s[2]], np.int64)
                logits[flat] = sess.score([s[0] for s in seqs], [s[1] for s in seqs], pad_id)
            else:
                lengths = np.fromiter((len(s[0]) + sum(len(t) for t in s[1]) for s in seqs), np.int64, len(seqs))
                order, starts = self.ops.bucket(lengths, self.token_budget, self.max_batch)
                buckets = [order[starts[b]:starts[b + 1]] for b in range(len(starts) - 1)]
                self._run_buckets(seqs, buckets, logits, pad_id)

        probs, rewards = self.ops.aggregate(counts, np.asarray(weights, np.int64), np.asarray(kind, np.int8), logits,
                                            np.asarray(value, np.float64), self.temperature, self.clip,
                                            self.missing == "drop")
        out = []
        m = 0
        for i in range(n):
            c = int(counts[i])
            verdicts = {}
            for j in range(m, m + c):
                if kind[j] == PROGRAM:
                    verdicts[crit_ids[j]] = bool(value[j]) if value[j] in (0.0, 1.0) else float(value[j])
                elif kind[j] == NEURAL:
                    verdicts[crit_ids[j]] = float(probs[j])
                else:
                    verdicts[crit_ids[j]] = None
            m += c
            r = rewards[i]
            out.append({"reward": None if (rubrics[i] is None or np.isnan(r)) else float(r), "verdicts": verdicts})
        return out

    def _pack(self, seqs, idx, pad_id):
        batch = self.ops.pack_fused([seqs[k][0] for k in idx], [seqs[k][1] for k in idx], pad_id)
        flat = [m for k in idx for m in seqs[k][2]]
        return batch, np.asarray(flat, np.int64)

    def _run_buckets(self, seqs, buckets, logits_out: np.ndarray, pad_id: int) -> None:
        sess = self.session()
        if not buckets:
            return
        prefetch = self.prefetch if self.prefetch is not None else self.device == "cuda"
        if prefetch and len(buckets) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rubricc-pack")
            nxt = self._pool.submit(self._pack, seqs, buckets[0], pad_id)
            for b in range(len(buckets)):
                batch, flat = nxt.result()
                if b + 1 < len(buckets):
                    nxt = self._pool.submit(self._pack, seqs, buckets[b + 1], pad_id)
                out = self._run(sess, batch)
                logits_out[flat] = self.ops.gather(out, batch["read_index"])
        else:
            for idx in buckets:
                batch, flat = self._pack(seqs, idx, pad_id)
                out = self._run(sess, batch)
                logits_out[flat] = self.ops.gather(out, batch["read_index"])

    def _run(self, sess, batch: Dict[str, np.ndarray]) -> np.ndarray:
        feeds = {k: batch[k] for k in ("input_ids", "segment_ids", "position_ids")}
        if self._io_binding:
            io = sess.io_binding()
            for k, v in feeds.items():
                io.bind_cpu_input(k, v)
            io.bind_output("logits", "cuda")
            sess.run_with_iobinding(io)
            return np.asarray(io.copy_outputs_to_cpu()[0], dtype=np.float32)
        return np.asarray(sess.run(["logits"], feeds)[0], dtype=np.float32)

    # -- files ----------------------------------------------------------------------------------
    def score_responses(self, responses: Sequence[Any]) -> List[Dict[str, Any]]:
        """Scores :class:`rubricc.formats.Response` records against the loaded rubrics (by ``prompt_id``)."""
        rubs = []
        for k, resp in enumerate(responses):
            r = self.rubrics.get(resp.prompt_id)
            if r is None:
                raise InputError(f"response {resp.id!r} (record {k + 1}): prompt_id {resp.prompt_id!r} has no rubric")
            rubs.append(r)
        return self.score_items(rubs, [r.text for r in responses])

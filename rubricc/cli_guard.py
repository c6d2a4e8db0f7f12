"""`rubricc guard`: a thin command over :func:`rubricc.verifier.guard_build.add_guard_from_files`."""
from __future__ import annotations

import os

import click

from rubricc.errors import InputError


@click.command("guard")
@click.option("--verifier", required=True, type=click.Path(file_okay=False),
              help="Verifier bundle folder (from `rubricc distill`); the guard is written into it.")
@click.option("--rubrics", "rubrics_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="Rubrics JSONL (the prompts).")
@click.option("--responses", "responses_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="The responses the verifier was trained on (responses JSONL); keep held-out ones out.")
@click.option("--backbone", default=None, type=click.Path(file_okay=False),
              help="Sentence-embedding encoder folder (default: the bundle's backbone).")
@click.option("--seed", default=0, show_default=True, help="Seed of the pairing with unrelated prompts.")
@click.option("--threads", type=click.IntRange(1, 1024), default=None, help="CPU threads.")
def guard_cmd(verifier, rubrics_path, responses_path, backbone, seed, threads):
    """Add (or recalibrate) the relevance guard of a verifier bundle: the reward of a response that does
    not address its prompt, or pads it with unrelated or repeated text, is scaled down (rubricc.guard)."""
    from rubricc.verifier.guard_build import add_guard_from_files

    if not os.path.isdir(verifier):
        raise InputError(f"{verifier}: no such verifier folder")
    record = add_guard_from_files(verifier, rubrics_path, responses_path, backbone, seed, threads,
                                  log=lambda m: click.echo(m, err=True))
    if not record:
        raise InputError(f"{responses_path}: nothing to calibrate the guard on")
    click.echo(f"wrote the guard into {os.path.join(verifier, 'verifier.json')} and "
               f"{os.path.join(verifier, record['file'])}")

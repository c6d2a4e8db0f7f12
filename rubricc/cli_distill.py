"""`rubricc distill`: train the verifier on judge verdicts and export the ONNX bundle (thin CLI).

The training options are generated from :class:`rubricc.verifier.config.DistillConfig` (its fields made
with ``option()``), so their names, types, defaults and help live in one place. Torch is imported only
when the command runs.
"""
from __future__ import annotations

import dataclasses
import typing

import click

from rubricc.verifier.config import DistillConfig


def config_option(f: dataclasses.Field, hint: typing.Any):
    """The click option of one DistillConfig field (see ``rubricc.verifier.config.option``)."""
    cli = f.metadata["cli"]
    decls = [cli["flag"] or "--" + f.name.replace("_", "-"), f.name]
    attrs = {"default": f.default, "help": cli["help"] or None, "show_default": True}
    if hint is bool:
        attrs.update(is_flag=True, flag_value=not f.default, show_default=False)
    elif cli["parse"]:
        parse = cli["parse"]
        attrs.update(type=str, default=",".join(f.default), callback=lambda ctx, param, value: parse(value))
    elif cli["choices"]:
        attrs["type"] = click.Choice(cli["choices"])
    elif cli["folder"]:
        attrs["type"] = click.Path(file_okay=False)
    else:
        args = [a for a in typing.get_args(hint) if a is not type(None)]  # Optional[int] -> int
        attrs["type"] = args[0] if args else hint
    return click.option(*decls, **attrs)


def config_options(command):
    """Adds the options of every command-line field of DistillConfig, in field order."""
    hints = typing.get_type_hints(DistillConfig)
    for f in reversed(dataclasses.fields(DistillConfig)):
        if "cli" in f.metadata:
            command = config_option(f, hints[f.name])(command)
    return command


@click.command("distill")
@click.option("--rubrics", "rubrics", required=True, type=click.Path(dir_okay=False), help="compiled rubrics (JSONL)")
@click.option("--responses", "responses", required=True, type=click.Path(dir_okay=False), help="responses (JSONL)")
@click.option("--judgments", "judgments", required=True, type=click.Path(dir_okay=False), help="judge verdicts (JSONL)")
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="verifier bundle folder (training checkpoints go to OUTPUT.ckpt beside it, or --checkpoints; rerun to resume)")
@config_options
def distill_cmd(rubrics, responses, judgments, output, **options):
    """Train the cross-encoder verifier on judge verdicts and export it to ONNX."""
    from rubricc.verifier.distill import distill

    distill(rubrics, responses, judgments, output, DistillConfig(**options),
            log=lambda *a: click.echo(" ".join(map(str, a)), err=True))

"""The `rubricc` command line: a thin layer over the library. Commands load their module on first use,
so `rubricc --help` and the light commands never import torch.

Exit codes: 0 success; 1 an unexpected internal error (a bug: Python prints the traceback) or an
interrupt (click prints "Aborted!"); 2 anything the user can fix: a usage error (click), a bad input or
option, an unreachable endpoint, a missing optional extra (:class:`rubricc.errors.RubriccError`, printed
as one line ``error: ...`` with no traceback)."""
from __future__ import annotations

import importlib
import sys

import click

from rubricc import __version__
from rubricc.errors import RubriccError

# command name -> "module:attribute" of a click.Command
COMMANDS = {
    "compile": "rubricc.cli_compile:compile_cmd",
    "check": "rubricc.cli_compile:check_cmd",
    "label": "rubricc.cli_label:label_cmd",
    "perturb": "rubricc.cli_perturb:perturb_cmd",
    "distill": "rubricc.cli_distill:distill_cmd",
    "calibrate": "rubricc.cli_calibrate:calibrate_cmd",
    "guard": "rubricc.cli_guard:guard_cmd",
    "score": "rubricc.cli_serve:score_cmd",
    "serve": "rubricc.cli_serve:serve_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RubriccError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rubricc")
def main():
    """rubricc: rubric rewards cheap enough for every rollout.

    \b
    compile  import / generate / refine rubrics and lower criteria to checks
    check    run the deterministic program checks on responses (no model)
    label    collect judge-LLM verdicts per (response, criterion)
    perturb  perturbed copies of responses (truncated, reordered) for the judge to label
    distill  train the cross-encoder verifier and export it to ONNX
    calibrate  pick the band of verdicts escalated to the judge (held-out judgments)
    guard    add the relevance guard to a verifier (off-topic and padded responses)
    score    score a file of responses with a verifier
    serve    serve rewards over HTTP (OpenRLHF remote reward protocol)
    """


if __name__ == "__main__":
    main()

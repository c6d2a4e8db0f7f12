"""Perturbed copies of responses, for the judge to label (`rubricc perturb`).

Some reward hacks have no label that is certain by construction: a response cut to its first sentence may
be a complete answer or a useless opening; its sentences reordered may still read well or not. The
invariance examples of ``rubricc distill`` (:mod:`rubricc.verifier.invariance`) cannot cover them, since
they never invent a label. The judge can: ``rubricc perturb`` writes perturbed copies of a seeded share of
the responses, ``rubricc label`` grades them like any response (the request cache makes relabelling the
originals free), and ``rubricc distill`` trains on the judge's verdicts, so the verifier sees what a
truncated or reordered answer is worth before a policy finds out.

The perturbations are the text-only attacks of :mod:`rubricc.verifier.hacks` (plain functions, nothing
heavy). A perturbed response has the id ``<id>~<kind>`` and ``meta.perturbation`` (kind) and
``meta.of`` (the original's id); the guard's calibration leaves perturbed responses out (they are not the
natural answers it must not trim). Deterministic: which responses are perturbed depends only on the seed
and the response's prompt id and id (a larger share keeps every one a smaller share picked), and each
perturbation's randomness on the same, so a rerun writes the same file.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple, Union

from rubricc.formats import InputError, Response, iter_responses, write_jsonl
from rubricc.verifier.hacks import ATTACKS

# the attacks that transform the response's own text (the others need the rubric or other prompts' answers,
# or produce the same text for every response: empty, refusal, format-only, another language)
KINDS = ("truncate", "shuffle", "scramble_tail", "repeat", "filler")
DEFAULT_KINDS = ("truncate", "shuffle")  # the two probes with no certain label that still win (README)
DEFAULT_SHARE = 0.25
META_KIND = "perturbation"
META_OF = "of"
SEPARATOR = "~"


def is_perturbed(response: Response) -> bool:
    return META_KIND in response.meta


def parse_kinds(value: Union[str, Sequence[str]]) -> Tuple[str, ...]:
    """``"truncate,shuffle"`` -> ("truncate", "shuffle"); an unknown kind is a ValueError naming the known ones."""
    kinds = [k.strip() for k in (value.split(",") if isinstance(value, str) else value) if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise ValueError(f"unknown perturbation {', '.join(unknown) or '(none given)'}: choose from {', '.join(KINDS)}")
    return tuple(dict.fromkeys(kinds))


def _unit(*parts: str) -> float:
    """A number in [0, 1) that depends only on ``parts``."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def selected(response: Response, share: float, seed: int) -> bool:
    """Whether ``response`` is among the ``share`` perturbed at ``seed``."""
    return _unit(str(seed), response.prompt_id, response.id) < share


@dataclass
class Perturbed:
    """What :func:`perturb` made: the perturbed responses, and per kind how many were made and how many
    were skipped because the perturbation left the text unchanged (a one-sentence answer cut to its first
    sentence) or empty."""
    responses: List[Response]
    made: Dict[str, int] = field(default_factory=dict)
    unchanged: Dict[str, int] = field(default_factory=dict)
    selected: int = 0


def perturb(responses: Iterable[Response], kinds: Sequence[str] = DEFAULT_KINDS, share: float = DEFAULT_SHARE,
            seed: int = 0) -> Perturbed:
    """Perturbed copies of a seeded ``share`` of ``responses`` (responses already perturbed are never picked)."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    kinds = parse_kinds(kinds)
    responses = list(responses)
    taken = {(r.prompt_id, r.id) for r in responses}
    out = Perturbed([], {k: 0 for k in kinds}, {k: 0 for k in kinds})
    for r in responses:
        if is_perturbed(r) or not selected(r, share, seed):
            continue
        out.selected += 1
        for kind in kinds:
            rng = random.Random(_unit(str(seed), r.prompt_id, r.id, kind))
            text = ATTACKS[kind](r.text, "", (), rng, ())
            new_id = f"{r.id}{SEPARATOR}{kind}"
            if not text.strip() or text.strip() == r.text.strip() or (r.prompt_id, new_id) in taken:
                out.unchanged[kind] += 1
                continue
            taken.add((r.prompt_id, new_id))
            out.responses.append(Response(prompt_id=r.prompt_id, id=new_id, text=text, source=r.source,
                                          meta={**r.meta, META_KIND: kind, META_OF: r.id}))
            out.made[kind] += 1
    return out


def perturb_file(responses_path: Union[str, Path], out_path: Union[str, Path], kinds: Sequence[str] = DEFAULT_KINDS,
                 share: float = DEFAULT_SHARE, seed: int = 0, only_perturbed: bool = False) -> Perturbed:
    """`rubricc perturb`: writes the responses of ``responses_path`` followed by their perturbed copies (or the
    copies alone) to ``out_path``, atomically."""
    responses = [r for _, r in iter_responses(responses_path)]
    if not responses:
        raise InputError(f"{responses_path}: no responses")
    made = perturb(responses, kinds, share, seed)
    write_jsonl(out_path, made.responses if only_perturbed else responses + made.responses)
    return made

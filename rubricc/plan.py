"""Rubrics as the reward path needs them: resolved per row, compiled once into a plan, cached by identity.

A row of a reward call names its rubric by id (``rubric_id``), carries it inline (``rubric``: a dict, its
JSON text, a bare list of criteria or a :class:`Rubric`), or is matched by its prompt. :class:`Plans`
resolves every row to a :class:`RubricPlan` (weights, ids, a bound program check or ``None`` per
criterion, the texts of the neural criteria and, once a tokenizer has seen them, their token ids).

Identity: a loaded rubric is itself (its id); an inline rubric is its content together with the call's
prompt, because an inline rubric without a prompt of its own takes the prompt of its row. So the same
prompt-less rubric reused across rows with different prompts gives one plan per prompt, never the first
row's prompt for all.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Hashable, List, Mapping, Optional, Sequence

import numpy as np

from rubricc.formats import InputError, ProgramCheck, Rubric, parse_record, prompt_to_text, read_rubrics
from rubricc.guard import echo_patterns
from rubricc.guard import exempt as guard_exempt
from rubricc.stuffing import vocabulary

log = logging.getLogger("rubricc.plan")
INLINE_CACHE = 4096  # inline plans kept (an RL dataset repeats each prompt's rubric every epoch)

Check = Callable[[str, str], bool]


class LRU:
    """A small least-recently-used map."""

    def __init__(self, size: int):
        self.size = int(size)
        self.data: "OrderedDict[Hashable, Any]" = OrderedDict()

    def get(self, key):
        v = self.data.get(key)
        if v is not None:
            self.data.move_to_end(key)
        return v

    def put(self, key, value) -> None:
        self.data[key] = value
        if len(self.data) > self.size:
            self.data.popitem(last=False)

    def __len__(self) -> int:
        return len(self.data)


def load_rubrics(rubrics: Any) -> Dict[str, Rubric]:
    """A rubrics JSONL path, a list of Rubric / dicts, or a mapping id -> Rubric -> ``{id: Rubric}``."""
    if rubrics is None:
        return {}
    if isinstance(rubrics, (str, Path)):
        items = read_rubrics(rubrics)
    elif isinstance(rubrics, Mapping):
        items = list(rubrics.values())
    else:
        items = list(rubrics)
    out: Dict[str, Rubric] = {}
    for i, r in enumerate(items):
        if not isinstance(r, Rubric):
            r = parse_record(r, Rubric, f"rubrics[{i}]")
        if r.id in out:
            raise InputError(f"rubrics[{i}]: duplicate rubric id {r.id!r}")
        out[r.id] = r
    return out


def parse_inline_rubric(obj: Any, prompt: Any = None, where: str = "rubric") -> Rubric:
    """A rubric passed inline (a Rubric, a dict, its JSON text, or a bare list of criteria). ``id`` and
    ``prompt`` may be left out: the prompt becomes the call's prompt and the id a hash of the content."""
    if isinstance(obj, Rubric):
        return obj
    if isinstance(obj, (bytes, str)):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: invalid JSON: {e.msg} (column {e.colno})") from None
    if isinstance(obj, list):
        obj = {"criteria": obj}
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a rubric object, got {type(obj).__name__}")
    obj = dict(obj)
    if "prompt" not in obj:
        if prompt is None:
            raise InputError(f"{where}: the rubric has no prompt and none was given with it")
        obj["prompt"] = prompt
    if "id" not in obj:
        obj["id"] = "inline-" + hashlib.sha1(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return parse_record(obj, Rubric, where)


def bind_check(check: ProgramCheck, where: str) -> Check:
    """The program check as a callable ``(response, prompt) -> bool``, its arguments validated once, here:
    an unknown check or arguments that do not validate (a hand-edited or inline rubric) are an InputError
    naming ``where``, never a silent 0."""
    from rubricc.compiler.checks import bind_check as bind

    try:
        return bind(check)
    except ValueError as e:
        raise InputError(f"{where}: {e}") from None


@dataclass
class RubricPlan:
    """A rubric compiled for scoring. ``checks[j]`` is criterion j's bound program check, or None for a
    neural criterion; ``neural`` lists the neural criteria's positions, ``neural_texts`` their texts, and
    ``tokens`` their ``[CLS] criterion [SEP]`` token ids once :meth:`Plans.tokens` made them."""

    rubric: Rubric
    ids: List[str]
    weights: np.ndarray
    checks: List[Optional[Check]]
    neural: np.ndarray
    neural_texts: List[str]
    tokens: Optional[List[List[int]]] = None
    guard_exempt: bool = False  # the rubric asks for a refusal: the relevance guard does not apply
    echo: Optional[list] = None  # rubricc.guard.echo_patterns of the criteria (their copies are not content)
    vocab: frozenset = frozenset()  # rubricc.stuffing.vocabulary of the criteria (a response of only these is stuffing)

    @classmethod
    def of(cls, rubric: Rubric) -> "RubricPlan":
        checks: List[Optional[Check]] = [
            bind_check(c.check, f"rubric {rubric.id!r}, criterion {c.id!r}") if isinstance(c.check, ProgramCheck)
            else None for c in rubric.criteria]
        neural = [j for j, chk in enumerate(checks) if chk is None]
        return cls(rubric=rubric, ids=[c.id for c in rubric.criteria],
                   weights=np.asarray([int(c.weight) for c in rubric.criteria], np.int64), checks=checks,
                   neural=np.asarray(neural, np.int64), neural_texts=[rubric.criteria[j].text for j in neural],
                   guard_exempt=guard_exempt([c.text for c in rubric.criteria]),
                   echo=echo_patterns([c.text for c in rubric.criteria]),
                   vocab=vocabulary([c.text for c in rubric.criteria]))

    def __len__(self) -> int:
        return len(self.ids)


class Plans:
    """Resolves rows to plans (see the module docstring). ``rubrics`` are the loaded rubrics."""

    def __init__(self, rubrics: Dict[str, Rubric], inline_cache: int = INLINE_CACHE):
        self.rubrics = rubrics
        self.by_prompt: Dict[str, Rubric] = {}
        for r in rubrics.values():
            self.by_prompt.setdefault(r.prompt_text, r)
        self.loaded: Dict[str, RubricPlan] = {r.id: RubricPlan.of(r) for r in rubrics.values()}  # checks now
        self.inline = LRU(inline_cache)

    def of(self, rubric: Rubric) -> RubricPlan:
        """The plan of a Rubric object: a loaded rubric's is built with the Plans (so a bad check in a
        rubrics file is an error at load time) and kept for good, any other's while in the LRU
        (keyed by the object, which the plan keeps alive, so the key is never reused meanwhile)."""
        if self.rubrics.get(rubric.id) is rubric:
            return self.loaded[rubric.id]
        key = ("object", id(rubric))
        plan = self.inline.get(key)
        if plan is None or plan.rubric is not rubric:
            plan = RubricPlan.of(rubric)
            self.inline.put(key, plan)
        return plan

    def by_id(self, rubric_id: Any, where: str) -> RubricPlan:
        rub = self.rubrics.get(str(rubric_id))
        if rub is None:
            raise InputError(f"{where}: rubric id {rubric_id!r} is not among the {len(self.rubrics)} loaded rubrics")
        return self.of(rub)

    def reference(self, ref: Any, prompt: Any, where: str) -> Optional[RubricPlan]:
        """The plan a reference names: a rubric id among the loaded (a string not starting with ``{`` or
        ``[``), or an inline rubric (JSON text, dict, list of criteria, Rubric); None for an empty one.
        The one reading of the rubric references that verl's and OpenRLHF's fields carry."""
        if ref is None or (isinstance(ref, str) and not ref.strip()):
            return None
        if isinstance(ref, str) and not ref.lstrip().startswith(("{", "[")):
            return self.by_id(ref, where)
        return self.inline_plan(ref, prompt, where)

    def inline_plan(self, obj: Any, prompt: Any, where: str) -> RubricPlan:
        """The plan of an inline rubric on a row whose prompt is ``prompt`` (see the module docstring)."""
        if isinstance(obj, Rubric):
            return self.of(obj)
        text = obj if isinstance(obj, (str, bytes)) else json.dumps(obj, sort_keys=True, default=str)
        key = ("inline", text, prompt_to_text(prompt) if prompt is not None else None)
        plan = self.inline.get(key)
        if plan is None:
            plan = RubricPlan.of(parse_inline_rubric(obj, prompt, where=where))
            self.inline.put(key, plan)
        return plan

    def resolve(self, n: int, prompts: Optional[Sequence[Any]], columns: Mapping[str, Any]) -> List[Optional[RubricPlan]]:
        """One plan (or None: no rubric applies) per row, from ``rubric`` (inline), ``rubric_id`` or the prompt."""
        ids = columns.get("rubric_id")
        inline = columns.get("rubric")
        out: List[Optional[RubricPlan]] = []
        for i in range(n):
            rid = ids[i] if ids is not None else None
            inl = inline[i] if inline is not None else None
            prompt = prompts[i] if prompts is not None else None
            if inl is not None:
                out.append(self.inline_plan(inl, prompt, f"rubric column, row {i}"))
            elif rid is not None:
                out.append(self.by_id(rid, f"rubric_id column, row {i}"))
            elif prompt is not None:
                rub = self.by_prompt.get(prompt_to_text(prompt))
                out.append(self.of(rub) if rub is not None else None)
            else:
                out.append(None)
        return out

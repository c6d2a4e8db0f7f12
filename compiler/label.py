"""Verdicts per (response, criterion): the judge's grading used by refinement and by ``rubricc label``
(:func:`label_files`), and the program checks alone for ``rubricc check`` (:func:`check_file`).

Program checks run locally (``rubricc.compiler.checks.run_check``) and are never sent to the judge.
Neural criteria go to the judge either all in one call per response (the paper's way: JSON
``{"c1": "yes", ...}``) or one call per criterion (``per_criterion``: a one-word answer). With token
logprobs from the endpoint, ``p_yes`` is read at the answer token (P(yes) / (P(yes) + P(no))).
A criterion the judge could not grade gets ``verdict=None`` and is counted as a failure, never dropped.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from rubricc.formats import (InputError, Judgment, ProgramCheck, Response, Rubric, empty_input, iter_responses,
                             read_rubrics, rubric_for, write_jsonl)
from rubricc.compiler import prompts as P
from rubricc.compiler.answers import key_yes_probabilities, yes_probability
from rubricc.compiler.checks import run_check, validate_check
from rubricc.compiler.endpoints import Clients, LLMConfig
from rubricc.compiler.llm import Stats, gather_in_order

YES = {"yes", "y", "true", "1", "met", "pass"}
NO = {"no", "n", "false", "0", "not met", "fail"}


@dataclass
class Grade:
    verdicts: Dict[str, Optional[bool]] = field(default_factory=dict)
    p_yes: Dict[str, Optional[float]] = field(default_factory=dict)
    judge: Dict[str, str] = field(default_factory=dict)
    request_hash: Dict[str, Optional[str]] = field(default_factory=dict)
    errors: List[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(v is not None for v in self.verdicts.values())


def grade_schema(ids: Sequence[str]) -> Dict[str, Any]:
    return {"type": "object",
            "properties": {i: {"type": "string", "enum": ["yes", "no"]} for i in ids},
            "required": list(ids), "additionalProperties": False}


def _as_bool(v: Any) -> Optional[bool]:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    if isinstance(v, dict):  # {"c1": {"answer": "yes"}} and similar
        for k in ("answer", "verdict", "value", "met"):
            if k in v:
                return _as_bool(v[k])
        return None
    if isinstance(v, str):
        t = v.strip().strip(".!").lower()
        if t in YES:
            return True
        if t in NO:
            return False
    return None


def validate_grades(obj: Any, ids: Sequence[str]) -> Dict[str, bool]:
    """``{"c1": "yes", ...}`` -> {id: bool}; every id must be answered with yes or no."""
    if isinstance(obj, list):  # [{"id": "c1", "answer": "yes"}] or [{"c1": "yes"}, ...]
        merged: Dict[str, Any] = {}
        for it in obj:
            if isinstance(it, dict) and "id" in it:
                merged[str(it["id"])] = it.get("answer", it.get("verdict"))
            elif isinstance(it, dict):
                merged.update(it)
        obj = merged
    if not isinstance(obj, dict):
        raise ValueError('expected a JSON object {"c1": "yes", ...}')
    norm = {str(k).strip().lower(): v for k, v in obj.items()}
    out: Dict[str, bool] = {}
    missing, bad = [], []
    for i in ids:
        if i.lower() not in norm:
            missing.append(i)
            continue
        b = _as_bool(norm[i.lower()])
        if b is None:
            bad.append(i)
        else:
            out[i] = b
    if missing or bad:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else ""))
        if bad:
            parts.append("not yes/no: " + ", ".join(bad[:8]))
        raise ValueError("; ".join(parts))
    return out


def _run_program(check, response: str, prompt: str) -> Tuple[Optional[bool], Optional[str]]:
    try:
        return run_check(check, response, prompt), None
    except Exception as e:  # a broken check is a flagged failure, not a crash
        return None, f"program check {check.name}: {e}"


async def grade_response(judge, rubric: Rubric, response_text: str, *, per_criterion: bool = False,
                         logprobs: bool = True, top_logprobs: int = 5, max_response_chars: int = 12000,
                         what: str = "", max_tokens: Optional[int] = None) -> Grade:
    """Grades one response on every criterion of ``rubric``. ``max_tokens`` caps the judge's answer
    (default: 64 + 16 per criterion, within the client's cap; raise it for judges that think first)."""
    g = Grade()
    prompt_text = rubric.prompt_text
    neural = []
    for c in rubric.criteria:
        if getattr(c.check, "kind", "neural") == "program":
            v, err = _run_program(c.check, response_text, prompt_text)
            g.verdicts[c.id] = v
            g.p_yes[c.id] = None if v is None else float(v)
            g.judge[c.id] = f"program:{c.check.name}"
            g.request_hash[c.id] = None
            if err:
                g.errors.append(err)
        else:
            neural.append(c)
    if not neural:
        return g
    resp = P.clip(response_text, max_response_chars)
    if per_criterion:
        answers = await asyncio.gather(*[
            judge.text(P.user(P.GRADE_ONE.format(prompt=prompt_text, response=resp, criterion=c.text)),
                       max_tokens=4, logprobs=logprobs, top_logprobs=top_logprobs if logprobs else 0,
                       what=f"grade {what} {c.id}") for c in neural])
        for c, ans in zip(neural, answers):
            g.judge[c.id] = judge.name
            g.request_hash[c.id] = ans.request_hash
            if not ans.ok:
                g.verdicts[c.id], g.p_yes[c.id] = None, None
                g.errors.append(f"{c.id}: {ans.error}")
                continue
            p = None
            lps = (ans.raw or {}).get("logprobs") or []
            for lp in lps:  # the first token with letters is the answer token
                if re.search(r"[a-zA-Z]", lp.get("token", "")):
                    p = yes_probability(lp.get("top_logprobs") or [lp])
                    break
            m = re.search(r"[a-zA-Z]+", ans.value or "")
            v = _as_bool(m.group(0)) if m else None
            if v is None and p is not None:
                v = p >= 0.5
            if v is None:
                judge.stats.failures.append(f"grade {what} {c.id}: answer {ans.value!r} is not yes/no")
                g.errors.append(f"{c.id}: answer is not yes/no")
            g.verdicts[c.id], g.p_yes[c.id] = v, p
        return g
    ids = [c.id for c in neural]
    example = "{" + ", ".join(f'"{i}": "{"yes" if k % 2 == 0 else "no"}"' for k, i in enumerate(ids[:3])) + \
        (", ..." if len(ids) > 3 else "") + "}"
    msgs = P.user(P.GRADE.format(prompt=prompt_text, response=resp, rubric=P.rubric_text(neural),
                                 example=example))
    ans = await judge.structured(msgs, schema=grade_schema(ids), validate=lambda o: validate_grades(o, ids),
                                 name="verdicts", what=f"grade {what}".strip(), logprobs=logprobs,
                                 top_logprobs=top_logprobs if logprobs else 0,
                                 max_tokens=max_tokens or min(judge.max_tokens or 10 ** 9, 64 + 16 * len(ids)))
    probs = key_yes_probabilities(ans.raw or {}, ids) if ans.ok and logprobs else {}
    for c in neural:
        g.judge[c.id] = judge.name
        g.request_hash[c.id] = ans.request_hash
        if ans.ok:
            g.verdicts[c.id] = ans.value[c.id]
            p = probs.get(c.id)
            # a p_yes that contradicts the emitted token (grammar-constrained sampling) is not kept
            g.p_yes[c.id] = p if p is None or (p >= 0.5) == ans.value[c.id] or 0.2 < p < 0.8 else None
        else:
            g.verdicts[c.id], g.p_yes[c.id] = None, None
    if not ans.ok:
        g.errors.append(ans.error)
    return g


# ----------------------------------------------------------------------------------------------
# rubricc label and rubricc check
# ----------------------------------------------------------------------------------------------
PathLike = Union[str, Path]


def read_rubric_index(path: PathLike) -> Dict[str, Rubric]:
    """{rubric id: rubric} of a rubrics file; a repeated id is an InputError."""
    rubrics: Dict[str, Rubric] = {}
    for r in read_rubrics(path):
        if r.id in rubrics:
            raise InputError(f"{path}: duplicate rubric id {r.id!r}")
        rubrics[r.id] = r
    return rubrics


def read_responses_checked(path: PathLike, rubrics: Dict[str, Rubric], rubrics_path: PathLike,
                           skipped: Optional[List[str]] = None) -> List[Response]:
    """The responses of ``path``, each with a rubric in ``rubrics`` and a unique (prompt_id, id). With a
    ``skipped`` list, a response whose prompt_id has no rubric is recorded there ("prompt_id/id") and left
    out; without one it is an InputError."""
    out = []
    for n, r in iter_responses(path):
        if skipped is not None and r.prompt_id not in rubrics:
            skipped.append(f"{r.prompt_id}/{r.id}")
            continue
        rubric_for(rubrics, r.prompt_id, f"{path}:{n}", rubrics_path)
        out.append(r)
    return out


async def label_responses(judge, rubrics: Dict[str, Rubric], responses: List[Response], *,
                          per_criterion: bool = False, logprobs: bool = True, top_logprobs: int = 5,
                          max_response_chars: int = 12000, progress: bool = True,
                          max_tokens: Optional[int] = None) -> List[Judgment]:
    """One judgment per (response, criterion of its rubric), in input order."""
    grades = await gather_in_order(
        [grade_response(judge, rubrics[r.prompt_id], r.text, per_criterion=per_criterion, logprobs=logprobs,
                        top_logprobs=top_logprobs, max_response_chars=max_response_chars,
                        what=f"{r.prompt_id}/{r.id}", max_tokens=max_tokens) for r in responses],
        desc="label", unit="resp", progress=progress)
    return [Judgment(prompt_id=r.prompt_id, response_id=r.id, criterion_id=c.id, verdict=g.verdicts.get(c.id),
                     p_yes=g.p_yes.get(c.id), judge=g.judge.get(c.id), request_hash=g.request_hash.get(c.id))
            for r, g in zip(responses, grades) for c in rubrics[r.prompt_id].criteria]


@dataclass
class LabelResult:
    """What `rubricc label` reports: counts, the responses skipped for want of a rubric ("prompt_id/id")
    and the LLM accounting."""
    responses: int
    judgments: int
    ungraded: int
    program: int
    with_p_yes: int
    skipped: List[str]
    stats: Stats


def read_label_inputs(rubrics_path: PathLike, responses_path: PathLike, *, allow_empty: bool = False,
                      skipped: Optional[List[str]] = None) -> Tuple[Dict[str, Rubric], List[Response]]:
    """The rubrics and responses of `rubricc label` and `rubricc check`. An empty rubrics or responses file,
    or responses all skipped into ``skipped`` (no rubric), is an InputError unless ``allow_empty``."""
    rubrics = read_rubric_index(rubrics_path)
    if not rubrics and not allow_empty:
        raise empty_input(rubrics_path, "rubrics")
    responses = read_responses_checked(responses_path, rubrics, rubrics_path, skipped)
    if not responses and not allow_empty:
        if skipped:
            raise InputError(f"{responses_path}: no response has a rubric in {rubrics_path} (all {len(skipped)} "
                             "skipped, first: " + skipped[0] + "); --allow-empty accepts it and writes an empty output")
        raise empty_input(responses_path, "responses")
    return rubrics, responses


def label_files(rubrics_path: PathLike, responses_path: PathLike, out_path: PathLike, llm: LLMConfig, *,
                skip_unknown: bool = False, per_criterion: bool = False, logprobs: bool = True,
                top_logprobs: int = 5, progress: bool = True, allow_empty: bool = False) -> LabelResult:
    """`rubricc label`: reads rubrics and responses, grades every (response, criterion) with the judge of
    ``llm`` (program checks run locally), writes the judgments atomically. ``skip_unknown``: a response
    whose prompt_id has no rubric is skipped and counted instead of being an InputError. Nothing to label
    (empty inputs, every response skipped) is an InputError unless ``allow_empty``."""
    llm.endpoints(need_proposer=False)  # a missing endpoint fails before the inputs are read
    skipped: List[str] = []
    rubrics, responses = read_label_inputs(rubrics_path, responses_path, allow_empty=allow_empty,
                                           skipped=skipped if skip_unknown else None)
    with Clients(llm, out_path, need_proposer=False) as clients:
        judgments = clients.run(lambda: label_responses(
            clients.judge, rubrics, responses, per_criterion=per_criterion, logprobs=logprobs,
            top_logprobs=top_logprobs, max_response_chars=llm.max_response_chars, progress=progress,
            max_tokens=llm.judge_max_tokens))
    write_jsonl(out_path, judgments)
    return LabelResult(responses=len(responses), judgments=len(judgments),
                       ungraded=sum(1 for j in judgments if j.verdict is None),
                       program=sum(1 for j in judgments if (j.judge or "").startswith("program:")),
                       with_p_yes=sum(1 for j in judgments if j.p_yes is not None), skipped=skipped,
                       stats=clients.stats)


def check_file(rubrics_path: PathLike, responses_path: PathLike, out_path: PathLike, *,
               allow_empty: bool = False) -> Dict[str, int]:
    """`rubricc check`: the program checks alone, no model. Writes one row per (response, criterion),
    verdict true/false or null for a neural criterion; returns the counts {verdicts, true, false, neural}.
    A program check the library does not accept is an InputError naming the rubric and criterion; an empty
    rubrics or responses file is one unless ``allow_empty``."""
    rubrics, responses = read_label_inputs(rubrics_path, responses_path, allow_empty=allow_empty)
    for rub in rubrics.values():
        for c in rub.criteria:
            if isinstance(c.check, ProgramCheck):
                try:
                    validate_check(c.check.name, c.check.args)
                except ValueError as e:
                    raise InputError(f"{rubrics_path}: rubric {rub.id!r}, criterion {c.id}: {e}") from None
    rows = []
    for resp in responses:
        rub = rubrics[resp.prompt_id]
        for c in rub.criteria:
            program = isinstance(c.check, ProgramCheck)
            rows.append({"prompt_id": resp.prompt_id, "response_id": resp.id, "criterion_id": c.id,
                         "verdict": run_check(c.check, resp.text, rub.prompt_text) if program else None,
                         "check": c.check.name if program else "neural"})
    write_jsonl(out_path, rows)
    verdicts = [row["verdict"] for row in rows]
    return {"verdicts": len(rows), "true": verdicts.count(True), "false": verdicts.count(False),
            "neural": verdicts.count(None)}

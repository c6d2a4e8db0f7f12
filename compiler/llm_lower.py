"""LLM lowering validated by examples: for a criterion that the rules left neural, the proposer suggests a
program check from the closed, typed library together with a few short responses that meet the criterion
and a few that do not. The check is kept only when it is valid (``checks.validate_check``) and gives the
expected verdict on every example (at least one of each kind); anything else (null, an unknown name, bad
arguments, a wrong verdict on an example, a failed call) leaves the criterion neural, with the reason in
``origin["llm_lower_rejected"]``. No LLM-written code is ever executed: the answer is a name, arguments
and example texts, and only our own primitives run on the examples.
"""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional, Tuple

from rubricc.formats import Criterion, Rubric, prompt_to_text
from rubricc.compiler import prompts as P

MAX_EXAMPLES = 4  # of each kind
MAX_EXAMPLE_CHARS = 3000

def library_text() -> str:
    from rubricc.compiler.checks import library_description

    lines = []
    for d in library_description():
        props = (d.get("args_schema") or {}).get("properties") or {}
        req = set((d.get("args_schema") or {}).get("required") or [])
        args = []
        for k, v in props.items():
            t = "|".join(map(str, v["enum"])) if "enum" in v else v.get("type", "any")
            if v.get("type") == "array":
                t = f"list[{(v.get('items') or {}).get('type', 'any')}]"
            args.append(f"{k}: {t}" + ("" if k in req else f" = {v.get('default')!r}"))
        lines.append(f"- {d['name']}({', '.join(args)}): {d['description']}")
    return "\n".join(lines)


def schema() -> Dict[str, Any]:
    from rubricc.compiler.checks import library_description

    names = [d["name"] for d in library_description()]
    examples = {"type": "array", "items": {"type": "string"}, "maxItems": MAX_EXAMPLES}
    return {"type": "object", "properties": {
        "check": {"anyOf": [
            {"type": "null"},
            {"type": "object", "properties": {"name": {"type": "string", "enum": names}, "args": {"type": "object"}},
             "required": ["name", "args"]}]},
        "passing": examples, "failing": examples}, "required": ["check"]}


def _examples(obj: Dict[str, Any], key: str) -> List[str]:
    xs = obj.get(key) or []
    if not isinstance(xs, list) or not all(isinstance(x, str) for x in xs):
        raise ValueError(f'"{key}" must be a list of strings')
    return [x[:MAX_EXAMPLE_CHARS] for x in xs[:MAX_EXAMPLES]]


def validate_shape(obj: Any) -> Optional[Dict[str, Any]]:
    """The answer as {name, args, passing, failing}, or None for 'no check'; ValueError for a bad shape."""
    if not isinstance(obj, dict) or "check" not in obj:
        raise ValueError('expected {"check": null} or {"check": {"name": ..., "args": {...}}, "passing": [...], '
                         '"failing": [...]}')
    chk = obj["check"]
    if chk is None or chk == "null" or chk == {}:
        return None
    if not isinstance(chk, dict) or not isinstance(chk.get("name"), str):
        raise ValueError('"check" must be null or an object with a name')
    args = chk.get("args") or {}
    if not isinstance(args, dict):
        raise ValueError('"check.args" must be an object')
    return {"name": chk["name"], "args": args, "passing": _examples(obj, "passing"), "failing": _examples(obj, "failing")}


def accept(answer: Dict[str, Any], prompt: str = ""):
    """(validated ProgramCheck, None) when the proposed check is valid and gives the expected verdict on
    every example (at least one passing and one failing); else (None, the reason)."""
    from rubricc.compiler.checks import bind_check, validate_check

    try:
        chk = validate_check(answer["name"], answer["args"])
    except ValueError as e:
        return None, f"{answer['name']}: {str(e)[:200]}"
    passing, failing = answer.get("passing") or [], answer.get("failing") or []
    if not passing or not failing:
        return None, f"{chk.name}: needs at least one passing and one failing example"
    fn = bind_check(chk)
    for kind, xs, want in (("passing", passing, True), ("failing", failing, False)):
        for i, x in enumerate(xs, 1):
            if bool(fn(x, prompt)) is not want:
                return None, f"{chk.name}: gives {not want} on {kind} example {i}"
    return chk, None


async def llm_lower_rubric(rubric: Rubric, client) -> Tuple[Rubric, List[str]]:
    lib = library_text()
    sch = schema()
    prompt = prompt_to_text(rubric.prompt)
    todo = [c for c in rubric.criteria if c.check.kind == "neural"]
    answers = await asyncio.gather(*[
        client.structured(P.user(P.LOWER.format(library=lib, prompt=prompt, criterion=c.text)),
                          schema=sch, validate=validate_shape, name="check",
                          what=f"llm-lower {rubric.id}/{c.id}", max_tokens=600) for c in todo])
    flags: List[str] = []
    by_id = {c.id: (c, a) for c, a in zip(todo, answers)}
    out: List[Criterion] = []
    for c in rubric.criteria:
        if c.id not in by_id:
            out.append(c)
            continue
        _, ans = by_id[c.id]
        if not ans.ok:
            flags.append(f"llm-lower {c.id} failed ({ans.error}); left neural")
            out.append(c)
            continue
        if ans.value is None:
            out.append(c)
            continue
        chk, why = accept(ans.value, prompt)
        if chk is None:
            out.append(c.model_copy(update={"origin": {**c.origin, "llm_lower_rejected": why}}))
            continue
        out.append(c.model_copy(update={"check": chk, "origin": {
            **c.origin, "lowered_by": f"llm:{client.name}",
            "llm_lower_examples": {"passing": len(ans.value["passing"]), "failing": len(ans.value["failing"])}}}))
    return rubric.model_copy(update={"criteria": out}), flags

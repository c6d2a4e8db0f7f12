"""LLM lowering: the proposer suggests a program check from the closed, typed library for a criterion
that the rules left neural. The suggestion is validated with ``checks.validate_check`` and kept only if
valid; anything else (null, an unknown name, bad arguments, a failed call) leaves the criterion neural.
No LLM-written code is ever executed: the answer is a name and arguments, nothing more.
"""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional, Tuple

from rubricc.formats import Criterion, Rubric, prompt_to_text
from rubricc.compiler import prompts as P


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
    return {"type": "object", "properties": {"check": {"anyOf": [
        {"type": "null"},
        {"type": "object", "properties": {"name": {"type": "string", "enum": names}, "args": {"type": "object"}},
         "required": ["name", "args"]}]}}, "required": ["check"]}


def validate_shape(obj: Any) -> Optional[Dict[str, Any]]:
    if not isinstance(obj, dict) or "check" not in obj:
        raise ValueError('expected {"check": null} or {"check": {"name": ..., "args": {...}}}')
    chk = obj["check"]
    if chk is None or chk == "null" or chk == {}:
        return None
    if not isinstance(chk, dict) or not isinstance(chk.get("name"), str):
        raise ValueError('"check" must be null or an object with a name')
    args = chk.get("args") or {}
    if not isinstance(args, dict):
        raise ValueError('"check.args" must be an object')
    return {"name": chk["name"], "args": args}


async def llm_lower_rubric(rubric: Rubric, client) -> Tuple[Rubric, List[str]]:
    from rubricc.compiler.checks import validate_check

    lib = library_text()
    sch = schema()
    todo = [c for c in rubric.criteria if c.check.kind == "neural"]
    answers = await asyncio.gather(*[
        client.structured(P.user(P.LOWER.format(library=lib, prompt=prompt_to_text(rubric.prompt),
                                                criterion=c.text)),
                          schema=sch, validate=validate_shape, name="check",
                          what=f"llm-lower {rubric.id}/{c.id}", max_tokens=200) for c in todo])
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
        try:
            chk = validate_check(ans.value["name"], ans.value["args"])
        except ValueError as e:
            out.append(c.model_copy(update={"origin": {**c.origin, "llm_lower_rejected":
                                                       f"{ans.value['name']}: {str(e)[:200]}"}}))
            continue
        out.append(c.model_copy(update={"check": chk, "origin": {**c.origin, "lowered_by": f"llm:{client.name}"}}))
    return rubric.model_copy(update={"criteria": out}), flags

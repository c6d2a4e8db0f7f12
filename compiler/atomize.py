"""Atomize: split compound criteria ("X and Y") into atomic ones with the proposer LLM (optional pass).

Partial satisfaction of a compound criterion is a known reward-hacking route: the judge may say "yes"
when only one half holds. One call per rubric lists the compound criteria and their parts; each part keeps
the weight (and polarity) of the criterion it came from. Program-checked criteria are left alone.
A part that is not a criterion (:func:`rubricc.compiler.validate.degenerate_reason`: "Y" split off
"Explains X and Y") makes the answer invalid (repair request, then failure); a failed call keeps the rubric
unchanged and is flagged.
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from rubricc.formats import Criterion, Rubric, prompt_to_text
from rubricc.compiler import prompts as P
from rubricc.compiler.validate import degenerate_reason

MAX_PARTS = 6

SCHEMA = {"type": "object", "properties": {"splits": {"type": "array", "items": {
    "type": "object",
    "properties": {"id": {"type": "string"},
                   "parts": {"type": "array", "minItems": 2, "maxItems": MAX_PARTS,
                             "items": {"type": "string", "minLength": 1}}},
    "required": ["id", "parts"]}}}, "required": ["splits"]}


def validate_splits(obj: Any, ids: List[str]) -> Dict[str, List[str]]:
    if isinstance(obj, list):
        obj = {"splits": obj}
    if not isinstance(obj, dict) or not isinstance(obj.get("splits"), list):
        raise ValueError('expected {"splits": [{"id": ..., "parts": [...]}]}')
    out: Dict[str, List[str]] = {}
    known = {i.lower(): i for i in ids}
    for k, it in enumerate(obj["splits"]):
        if not isinstance(it, dict):
            raise ValueError(f"splits[{k}] is not an object")
        cid = known.get(str(it.get("id", "")).strip().lower())
        if cid is None:
            raise ValueError(f"splits[{k}].id {it.get('id')!r} is not one of {', '.join(ids)}")
        parts = [" ".join(str(p).split()) for p in (it.get("parts") or []) if str(p).strip()]
        if len(parts) < 2:
            continue  # "split into one part" = atomic already
        if len(parts) > MAX_PARTS:
            raise ValueError(f"splits[{k}] has {len(parts)} parts (at most {MAX_PARTS})")
        for j, part in enumerate(parts):
            why = degenerate_reason(part)
            if why:
                raise ValueError(f"splits[{k}].parts[{j}] {part!r} is not a criterion ({why}): each part must be "
                                 "a statement a response meets or fails")
        out[cid] = parts
    return out


async def atomize_rubric(rubric: Rubric, client) -> Tuple[Rubric, List[str]]:
    neural = [c for c in rubric.criteria if c.check.kind == "neural"]
    if not neural:
        return rubric, []
    ids = [c.id for c in neural]
    msgs = P.user(P.ATOMIZE.format(prompt=prompt_to_text(rubric.prompt), rubric=P.rubric_text(neural)))
    ans = await client.structured(msgs, schema=SCHEMA, validate=lambda o: validate_splits(o, ids), name="splits",
                                  what=f"atomize {rubric.id}")
    meta = dict(rubric.meta)
    if not ans.ok:
        meta["atomize"] = {"status": f"failed: {ans.error}"}
        return rubric.model_copy(update={"meta": meta}), [f"atomize failed ({ans.error}); rubric kept"]
    splits = ans.value
    out: List[Criterion] = []
    for c in rubric.criteria:
        if c.id in splits:
            for part in splits[c.id]:
                out.append(Criterion(id="tmp", text=part, weight=c.weight,
                                     origin={**c.origin, "atomized_from": c.text, "stage_atomize": client.name}))
        else:
            out.append(c)
    # renumber; drop exact duplicates a split may have produced (keeping the larger |weight|)
    seen: Dict[str, int] = {}
    final: List[Criterion] = []
    for c in out:
        k = c.text.lower()
        if k in seen:
            j = seen[k]
            if abs(c.weight) > abs(final[j].weight):
                final[j] = final[j].model_copy(update={"weight": c.weight})
            continue
        seen[k] = len(final)
        final.append(c)
    final = [c.model_copy(update={"id": f"c{i}"}) for i, c in enumerate(final, 1)]
    meta["atomize"] = {"status": "ok", "split": {cid: len(p) for cid, p in splits.items()}}
    return rubric.model_copy(update={"criteria": final, "meta": meta}), []

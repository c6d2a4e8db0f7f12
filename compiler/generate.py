"""Generation of an initial rubric from the prompt alone (paper Stage B, our own prompt).

The proposer answers ``{"criteria": [{"criterion", "weight"}]}``; the answer is validated (non-empty, every
criterion a statement of at least two words (:mod:`rubricc.compiler.validate`), integer weights 1..3 or,
with ``weights="signed"``, -10..10 and non-zero) before it is used. An invalid answer gets the client's
repair request; refinement keeps its previous rubric when the proposer never answers validly, so a weak
proposer's "yes" / "no" criteria never replace a rubric.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from pydantic import BaseModel, ConfigDict, field_validator

from rubricc.formats import Criterion, PromptT, prompt_to_text
from rubricc.compiler import prompts as P
from rubricc.compiler.validate import degenerate_reason

WEIGHT_RANGES = {"paper": (1, 3), "signed": (-10, 10)}


def weight_range(weights: str) -> Tuple[int, int]:
    try:
        return WEIGHT_RANGES[weights]
    except KeyError:
        raise ValueError(f"--weights {weights!r}: expected paper or signed") from None


def rubric_schema(weights: str = "paper") -> Dict[str, Any]:
    lo, hi = weight_range(weights)
    return {
        "type": "object",
        "properties": {"criteria": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "properties": {"criterion": {"type": "string", "minLength": 1},
                           "weight": {"type": "integer", "minimum": lo, "maximum": hi}},
            "required": ["criterion", "weight"]}}},
        "required": ["criteria"],
    }


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore")
    criterion: str
    weight: int

    @field_validator("criterion")
    @classmethod
    def _text(cls, v: str) -> str:
        v = " ".join(v.split())
        if not v:
            raise ValueError("empty criterion text")
        return v


def validate_rubric_answer(obj: Any, weights: str = "paper") -> List[Tuple[str, int]]:
    """The proposer's answer -> [(text, weight)]; raises ValueError naming the first problem."""
    lo, hi = weight_range(weights)
    if isinstance(obj, dict):
        for key in ("criteria", "rubric", "rubrics", "items"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
        else:
            raise ValueError('expected {"criteria": [...]}')
    if not isinstance(obj, list) or not obj:
        raise ValueError("expected a non-empty list of criteria")
    out: List[Tuple[str, int]] = []
    seen = set()
    for i, it in enumerate(obj):
        if not isinstance(it, dict):
            raise ValueError(f"criteria[{i}] is not an object with criterion and weight")
        if "criterion" not in it:
            for alt in ("text", "description", "title"):
                if isinstance(it.get(alt), str):
                    it = {**it, "criterion": it[alt]}
                    break
        item = _Item.model_validate(it)
        why = degenerate_reason(item.criterion)
        if why:
            raise ValueError(f"criteria[{i}].criterion {item.criterion!r} is not a criterion ({why}): write a "
                             "statement a response meets or fails")
        if not lo <= item.weight <= hi or item.weight == 0:
            raise ValueError(f"criteria[{i}].weight = {item.weight} is outside {lo}..{hi}"
                             + (" or zero" if lo < 0 else ""))
        key = item.criterion.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append((item.criterion, item.weight))
    return out


def make_criteria(items: List[Tuple[str, int]], origin: Dict[str, Any],
                  previous: Optional[List[Criterion]] = None) -> List[Criterion]:
    """Numbers criteria c1..cN. A text equal to a previous criterion's keeps that criterion's origin and check."""
    prev = {c.text.lower(): c for c in (previous or [])}
    out = []
    for i, (text, w) in enumerate(items, 1):
        old = prev.get(text.lower())
        if old is not None:
            out.append(Criterion(id=f"c{i}", text=text, weight=w, check=old.check, origin=dict(old.origin)))
        else:
            out.append(Criterion(id=f"c{i}", text=text, weight=w, origin=dict(origin)))
    return out


def generate_messages(prompt: PromptT, weights: str = "paper") -> list:
    return P.user(P.GENERATE.format(tips=P.WRITING_TIPS, weights=P.weights_text(weights),
                                    prompt=prompt_to_text(prompt)))


async def generate_rubric(client, prompt_id: str, prompt: PromptT, weights: str = "paper"):
    """Returns (criteria or None, Answer). None means the proposer failed after its retries (flagged)."""
    ans = await client.structured(generate_messages(prompt, weights), schema=rubric_schema(weights),
                                  validate=lambda o: validate_rubric_answer(o, weights), name="rubric",
                                  what=f"generate {prompt_id}")
    if not ans.ok:
        return None, ans
    crit = make_criteria(ans.value, {"stage": "generate", "model": client.name})
    return crit, ans

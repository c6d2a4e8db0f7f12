"""Validation of the criteria `rubricc compile` emits: degenerate criteria are dropped, duplicates flagged.

A criterion is a statement a response meets or fails, so it needs at least two words: something the
response must do and what to (``Is concise``, ``Cites a source``).

* **Degenerate**: a text with no letter in any script (``...``, ``1.``), or fewer than two words (a word
  is a run of letters or digits; each Chinese or Japanese character counts as one, since those scripts do
  not separate words with spaces): ``yes``, ``no``, ``Good``. These are **dropped**: with no statement to
  check, the judge's verdict cannot follow the response (a tiny proposer's "yes" is answered yes for
  every response), so a kept one adds a constant to every reward and labels without signal to
  distillation, while dropping one loses nothing a judge could grade. Every drop is listed in the compile
  report and in the rubric's ``meta["validation"]["dropped"]`` (with its text and weight, so the source
  can be fixed); a rubric left without criteria is not written and is flagged. No criterion of the
  public rubric sets rubricc imports is degenerate (HealthBench, WritingBench, BiGGen and the generated
  rubrics: 17,802 criteria, the shortest three words long).
* **Duplicate**: the same words as an earlier criterion of the same rubric, ignoring case, punctuation
  and spacing. Same sign: one property counted twice (dedupe merges these, and paraphrases, unless
  ``--no-dedupe``); opposite sign: the rubric rewards and penalises the same property. Both are **kept
  and flagged** (``meta["validation"]["duplicates"]``): which one is meant is for the rubric's author
  to say, and dedupe already handles the same-sign case by default.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from rubricc.formats import Rubric

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits, any script
_LETTER = re.compile(r"[^\W\d_]")


def word_count(text: str) -> int:
    """Words of ``text``: runs of letters or digits, each Chinese or Japanese character counting as one."""
    return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))


def degenerate_reason(text: str) -> Optional[str]:
    """Why ``text`` cannot be a criterion, or None when it can."""
    if not _LETTER.search(text):
        return "no letters"
    if word_count(text) < 2:
        return "one word, not a statement a response can meet"
    return None


def normalized(text: str) -> str:
    """The words of ``text``, lowercased, one space apart: equal for texts differing only in case,
    punctuation and spacing."""
    return " ".join(w.lower() for w in _WORD.findall(text))


def drop_degenerate(rubric: Rubric) -> Tuple[Rubric, List[Dict[str, Any]]]:
    """(the rubric without its degenerate criteria, the dropped ones as {id, text, weight, why}). The
    drops are recorded in ``meta["validation"]["dropped"]``; a rubric validated before loses that record
    first, so the meta says what this compile did."""
    kept, dropped = [], []
    for c in rubric.criteria:
        why = degenerate_reason(c.text)
        if why is None:
            kept.append(c)
        else:
            dropped.append({"id": c.id, "text": c.text, "weight": c.weight, "why": why})
    meta = {k: v for k, v in rubric.meta.items() if k != "validation"}
    if dropped:
        meta["validation"] = {"dropped": dropped}
    return rubric.model_copy(update={"criteria": kept, "meta": meta}), dropped


def flag_duplicates(rubric: Rubric) -> Rubric:
    """Records in ``meta["validation"]["duplicates"]`` every criterion whose words equal an earlier
    criterion's: ``{id, of, same_sign}``. The criteria are left as they are."""
    first: Dict[str, Any] = {}
    dups = []
    for c in rubric.criteria:
        key = normalized(c.text)
        if key in first:
            of = first[key]
            dups.append({"id": c.id, "of": of.id, "same_sign": (c.weight > 0) == (of.weight > 0)})
        else:
            first[key] = c
    if not dups:
        return rubric
    validation = {**rubric.meta.get("validation", {}), "duplicates": dups}
    return rubric.model_copy(update={"meta": {**rubric.meta, "validation": validation}})


def criterion_flags(rubric: Rubric) -> List[str]:
    """One line per flagged criterion of a validated rubric, for the report."""
    v = rubric.meta.get("validation") or {}
    lines = [f"dropped {d['id']} {d['text']!r}: {d['why']}" for d in v.get("dropped", [])]
    for d in v.get("duplicates", []):
        sign = "" if d["same_sign"] else " with the opposite sign"
        lines.append(f"{d['id']} repeats {d['of']}{sign}")
    return lines

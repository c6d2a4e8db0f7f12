"""A refined rubric item's borderline case and a comparison's reference (issue 15, round 11): read off before the voices.

A proposer LLM that refines a criterion by comparing two strong responses says what a near-miss gets wrong: 'The
response has strictly fewer than 10 sentences; a response with exactly 10 sentences does not meet this.',
'... square-bracket placeholders like [name]; placeholders written with curly braces do not count.' A criterion
elicited from a pairwise comparison points at the response preferred: '... , as the preferred response did.'

- the borderline case (after a semicolon, or a sentence of its own that opens with 'A response' / 'Responses') is a
  ``borderline`` aside: the driver accepts it only when, as a disqualifying condition, it lowers to the same check
  with no more arguments, or when no rule reads it as any check and it is said in the words surface requirements are
  said in (:mod:`rubricc.compiler.lower_lexicon`); anything else keeps the criterion neural (a near-miss can add a
  requirement: '; a response with 3 bullet points but no introduction does not meet this');
- the reference ', as the preferred (, more concise) response did.' ends the criterion and names no requirement: it is
  dropped; one that goes on ('did by using short sentences') is left, and the criterion read as it is.

Quoted material is never read.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_NOT_MET = r"(?:does|do)\s+not\s+(?:meet|satisfy|pass|count|qualify)(?:\s+(?:this|it|the\s+(?:criterion|requirement|check)))?"
# '; <a near-miss> does not meet this.' at the end, or a last sentence 'A response that ... does not meet this.'
_BORDERLINE = re.compile(r"(?:\s*;\s+|(?<=[.!?\"'\u201d)])\s+(?=(?:a|any)\s+(?:response|reply|answer)s?\b|responses\b))"
                         r"(?P<c>[^;]{3,240}?)\s+" + _NOT_MET + r"\s*[.!]?\s*$", _I)
_REFERENCE = re.compile(r"\s*,\s*as\s+the\s+preferred(?:\s*,\s*[a-z -]{1,30}?,?)?\s+(?:response|reply|answer)\s+did\s*(?=[.!]?\s*$)", _I)
# the near-miss as a condition on the response: 'a response with X' -> 'the response has X'
_AS_CONDITION = [
    (re.compile(r"^(?:a|any)\s+(?:response|reply|answer)\s+(?:with|of)\s+", _I), "the response has "),
    (re.compile(r"^(?:a|any)\s+(?:response|reply|answer)\s+(?:that|which)\s+", _I), "the response "),
]


def read_borderline(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the criterion without its borderline case and comparison reference, the ``borderline`` asides read off)."""
    asides: List[Tuple[str, str]] = []
    m = _BORDERLINE.search(text)
    if m and not in_quotes(quote_spans(text), m.start()):
        cond = m.group("c").strip()
        for pat, repl in _AS_CONDITION:
            cond = pat.sub(repl, cond, count=1)
        asides.append(("borderline", cond))
        text = text[:m.start()].rstrip(" ;,")
        if not text.endswith((".", "!", "?", '"', "'", "\u201d", ")")):
            text += "."
    r = _REFERENCE.search(text)
    if r and not in_quotes(quote_spans(text), r.start()):
        text = text[:r.start()].rstrip(" ,") + text[r.end():]
        if not text.rstrip().endswith((".", "!", "?")):
            text = text.rstrip() + "."
    return text, asides


_NUMBER = re.compile(r"\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", _I)
# 'even one', 'a single one', 'once': how little of something a near-miss has, not a count beside the check's
_EVEN_ONE = re.compile(r"\beven\s+(?:a\s+single|one)\b|\bone\s+of\s+them\b|\bonce\b", _I)
_EXAMPLES = [  # a near-miss count -> the counts it names (checked against the check's own bound)
    (re.compile(r"\bshort\s+of\s+(\d+)", _I), lambda k: (k - 1,)),
    (re.compile(r"\bmore\s+or\s+fewer\b[^0-9]*?\bthan\s+(\d+)", _I), lambda k: (k - 1, k + 1)),
    (re.compile(r"\bexactly\s+(\d+)(?:\s+\S+){0,3}?\s+or\s+more\b", _I), lambda k: (k, k + 1)),
    (re.compile(r"\b(?:exactly\s+)?(\d+)(?:\s+\S+){0,3}?\s+or\s+more\b|\bat\s+least\s+(\d+)", _I), lambda k: (k, k + 1)),
    (re.compile(r"\bmore\s+than\s+(\d+)", _I), lambda k: (k + 1,)),
    (re.compile(r"\b(?:fewer|less)\s+than\s+(\d+)|\b(?:under|below)\s+(\d+)", _I), lambda k: (k - 1,)),
    (re.compile(r"\bexactly\s+(\d+)", _I), lambda k: (k,)),
]


def names_a_count(aside: str) -> bool:
    return bool(_NUMBER.search(_EVEN_ONE.sub(" ", QUOTE_RE.sub(" ", aside))))


def count_example_fails(aside: str, args: dict) -> bool:
    """Whether every count a near-miss names ('a response with exactly 10 sentences', 'fewer than 4 times') fails the
    count check with ``args`` ({relation, n}); False when it names a count this cannot read."""
    rel, n = args.get("relation"), args.get("n")
    if rel not in ("less than", "at least", "exactly") or not isinstance(n, int):
        return False
    said = _EVEN_ONE.sub(" ", QUOTE_RE.sub(" ", aside))
    for pat, counts in _EXAMPLES:
        m = pat.search(said)
        if not m:
            continue
        k = int(next(g for g in m.groups() if g).replace(",", ""))
        rest = said[:m.start()] + " " + said[m.end():]
        if _NUMBER.search(rest) or k != n:
            return False  # another count beside it, or a bound the criterion does not state
        return all((v >= n) if rel == "less than" else (v < n) if rel == "at least" else (v != n) for v in counts(k))
    return False

"""Six frames a rubric writer puts around a statement of the reply (issue 15, round 22, from held-out set 28 after its one
measurement), said as the statement itself:

- an OKR-style outcome: 'Success looks like a reply that X' -> 'The reply X'; 'Success looks like a reply written / free of
  / of exactly N ...' -> 'The reply is written / is free of / has exactly N ...';
- plural answers as the subject: 'Compliant / Passing / Good answers contain X' -> 'The answer contains X';
- a subjectless passive naming what satisfies the item: 'Satisfied by a response in which X' -> 'In the response, X';
  'Satisfied by a response containing / composed wholly in X' -> 'The response contains / is composed wholly in X';
- a restrictive focus: 'Only a response in which X satisfies this item' -> 'In the response, X' (the same for 'that X',
  'containing X', 'with X', ...);
- a rater's second person: 'You should see / find X in the response' -> 'The response contains X'; 'You should find the
  response clear of X' -> 'The response is clear of X';
- a conformity adverbial first: 'Per the instruction, / As requested, X' -> X.

:func:`outcome` returns the statement, or None when ``text`` is in none of these frames. Nothing else is changed: the
other readers decide whether the statement is a check.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_relative import FINITE
from rubricc.compiler.lower_respell import cap

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|text|completion)"
_SUCCESS = re.compile(rf"^\s*(?:success|a\s+pass|passing|done|full\s+credit)\s+(?:looks|would\s+look)\s+like\s+(?:a|an|the)\s+(?P<doc>{_DOC})\s+(?P<x>\S.*)$", _I | re.S)
_PLURAL = re.compile(rf"^\s*(?:compliant|passing|good|acceptable|successful|correct|conforming|valid|strong)\s+(?P<doc>{_DOC})s\s+(?P<v>[a-z]+)\b(?P<x>.*)$", _I | re.S)
_SATISFIED = re.compile(rf"^\s*(?:satisfied|met|fulfilled|passed|earned)\s+by\s+(?:a|an|any)\s+(?P<doc>{_DOC})\s+(?P<x>\S.*)$", _I | re.S)
_ONLY = re.compile(rf"^\s*only\s+(?:a|an|any|the)\s+(?P<doc>{_DOC})\s+(?P<x>\S.*?)\s*,?\s+(?:satisfies|meets|passes|fulfil?ls|clears|earns|"
                   rf"gets|receives)\s+(?:this|the)\s+(?:item|criterion|check|requirement|point|credit)\s*[.!]?\s*$", _I | re.S)
_YOU = re.compile(rf"^\s*you\s+(?:should|will|must|ought\s+to|would)\s+(?P<v>see|find|count|notice|spot|read|encounter)\s+(?P<x>\S.*)$", _I | re.S)
_PER = re.compile(r"^\s*(?:per\s+the\s+(?:instructions?|request|prompt|brief|spec(?:ification)?)|as\s+(?:requested|instructed|asked(?:\s+for)?|"
                  r"specified|required)|in\s+line\s+with\s+the\s+(?:instructions?|request)|following\s+the\s+(?:instructions?|request))\s*,\s+(?=\S)", _I)
_PLURAL_VERBS = {"are": "is", "have": "has", "do": "does", "were": "was"}


def _of_doc(doc: str, x: str) -> Optional[str]:
    """'a reply' + the rest of an outcome or a passive said as a statement of the reply, or None."""
    x = x.strip()
    m = re.match(r"^(?:that|which)\s+(?P<y>\S.*)$", x, _I | re.S)
    if m:
        return f"The {doc} {m.group('y')}"
    m = re.match(r"^in\s+which\s+(?P<y>\S.*)$", x, _I | re.S)
    if m:
        return f"In the {doc}, {m.group('y')}"
    m = re.match(r"^(?P<v>containing|including|using|having|ending|beginning|starting|opening|consisting|made|composed|written|"
                 r"set|wrapped|enclosed|formatted|free|clear|devoid|with|without|of|in)\b(?P<y>.*)$", x, _I | re.S)
    if m is None:
        return None
    v = m.group("v").lower()
    if v in FINITE:
        return f"The {doc} {FINITE[v]}{m.group('y')}"
    if v in ("with", "without"):
        return f"The {doc} comes {v}{m.group('y')}"
    if v == "of":
        return f"The {doc} has{m.group('y')}"
    return f"The {doc} is {v}{m.group('y')}"


def outcome(text: str) -> Optional[str]:
    """The statement inside one of the six frames above, or None."""
    m = _PER.match(text)
    if m:
        return cap(text[m.end():].strip())
    m = _SUCCESS.match(text) or _SATISFIED.match(text) or _ONLY.match(text)
    if m:
        return _of_doc(m.group("doc").lower(), m.group("x"))
    m = _PLURAL.match(text)
    if m:
        v = m.group("v").lower()
        said = _PLURAL_VERBS.get(v) or (third(v) if not v.endswith("s") and v not in ("must", "should", "will", "can", "may", "shall",
                                                                                        "never", "only", "always") else v)
        return f"The {m.group('doc').lower()} {said}{m.group('x')}"
    m = _YOU.match(text)
    if m:
        x = m.group("x").strip()
        clear = re.match(rf"^the\s+{_DOC}\s+(?P<adj>clear|free|devoid)\s+of\s+(?P<y>\S.*)$", x, _I | re.S)
        if clear:
            return f"The response is {clear.group('adj')} of {clear.group('y')}"
        x = re.sub(rf"\s+(?:anywhere\s+|somewhere\s+)?in\s+the\s+(?:whole\s+|entire\s+)?{_DOC}(?=[\s,.]|$)", "", x, count=1, flags=_I)
        x = re.sub(rf"\s+when\s+you\s+(?:scan|read|check|look\s+(?:at|through))\s+the\s+(?:whole\s+|entire\s+)?{_DOC}", "", x, count=1, flags=_I)
        return f"The response {'has' if m.group('v').lower() == 'count' else 'contains'} {x}"
    return None

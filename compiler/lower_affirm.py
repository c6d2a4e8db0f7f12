"""Three frames a grader affirms a requirement in (issue 15, round 27, from held-out set 32 after its one measurement),
said as the statement inside:

- a definition of compliance: 'Compliance (here) means X' / 'Adherence means that X' -> X;
- an agreement of the response and the instruction: 'The response and the instruction agree on punctuation: X' -> X,
  the point they agree on a ``topic`` aside that must name what the check is about (or the data it reads: 'agree on the
  word schedule: it appears at least 6 times' -> 'The word "schedule" appears ...'); with no point named ('The
  response and the instruction match: X'), X alone;
- an emphatic auxiliary: 'The response does indeed use the word schedule 6 or more times' -> 'The response uses ...'
  (each 'and does V' after it said as 'and Vs').

Each returns the statement (with its asides), or None when ``text`` is not in its form; the other readers decide
whether the statement is a check. Nothing is changed past the colon data may follow.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_respell import cap, sub_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE
_DOC = r"(?:response|reply|answer|output|submission)"

_DEFINED = re.compile(r"^\s*(?:compliance|adherence|conformance|conformity|success|a\s+pass)(?:\s+here|\s+with\s+(?:this|the)\s+"
                      r"(?:item|instruction|requirement|criterion))?\s+means\s+(?:that\s+)?(?=\S)", _I)
_AGREE = re.compile(rf"^\s*(?:the|this)\s+{_DOC}\s+and\s+the\s+(?:instruction|request|prompt|brief|spec(?:ification)?|requirement|rubric)\s+"
                    r"(?:agree|match|line\s+up|align|correspond|concur|tally)(?:\s+(?:on|at|in|about|over|regarding|as\s+to|when\s+it\s+"
                    r"comes\s+to|with\s+respect\s+to)\s+(?P<t>(?:[^:;\"\u201c]|\"[^\":;]{1,40}\"|\u201c[^\u201d:;]{1,40}\u201d){1,60}?))?\s*:\s*(?=\S)", _I)
_EMPHATIC = re.compile(rf"^\s*(?P<np>(?:the|this|your)\s+{_DOC})\s+does\s+(?:indeed|in\s+fact|truly|actually|really|certainly)\s+"
                       r"(?P<v>[a-z]+)\b", _I)
_AND_DOES = re.compile(r"\band\s+does\s+(?:(?:indeed|in\s+fact|truly|actually|really|certainly|also)\s+)?(?P<v>[a-z]+)\b", _I)
_NOT_VERBS = ("not", "never", "no", "so", "this", "that", "it", "the", "a", "an", "its")


def defined(text: str) -> Optional[str]:
    """'Compliance means X' -> X, else None."""
    m = _DEFINED.match(text)
    return cap(text[m.end():].strip()) if m else None


def agreed(text: str) -> Optional[Tuple[str, Asides]]:
    """'The response and the instruction agree on T: X' -> (X said of T, [('topic', T)]), else None."""
    from rubricc.compiler.lower_topic import about

    m = _AGREE.match(text)
    if m is None:
        return None
    tail = text[m.end():]
    if not m.group("t"):
        return cap(tail.strip()), []
    return about(m.group("t").strip(), tail)


def emphatic(text: str) -> Optional[str]:
    """'The response does indeed V X' -> 'The response Vs X', else None."""
    m = _EMPHATIC.match(text)
    if m is None or m.group("v").lower() in _NOT_VERBS:
        return None
    rest = sub_outside(text[m.end():], _AND_DOES, lambda d: d.group(0) if d.group("v").lower() in _NOT_VERBS else f"and {third(d.group('v'))}",
                       before_data=True)
    return f"{cap(m.group('np'))} {third(m.group('v'))}{rest}"


def affirmed(text: str) -> Optional[Tuple[str, Asides]]:
    """The statement inside any of the frames above, with its asides, else None."""
    said = defined(text) or emphatic(text)
    if said is not None:
        return said, []
    return agreed(text)

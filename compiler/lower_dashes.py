"""An essayist's fact between dashes (issue 15, round 29): 'The response — X — meets the Y instruction.'

A rubric writer with an essayist's habits sets what the response does between dashes and names the instruction after:

    The reply — with "ebb" and "flow" each appearing somewhere in it — fulfils the keyword instruction.
    The answer — its all-capital words numbering at most 4 — stays under the capitalization cap.
    The reply — free of the words "alas" and "woe" — keeps to the forbidden-words rule.

:func:`dashed` says the fact of the response ('The reply contains each of "ebb" and "flow".') and keeps the name of the
instruction as a ``name`` aside, which must name what the check is about
(:func:`rubricc.compiler.lower_review.name_agrees`). It reads only a fact that opens with 'with', 'free of', a count,
an '-ing' verb, or 'its X numbering N', and only a name that says which instruction it is (or is the bare 'the
instruction', 'the rule'); anything else is left as it is, for the readers that read such sentences whole. Quoted
material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import COUNT
from rubricc.compiler.lower_relative import finite
from rubricc.compiler.lower_respell import in_quotes, quote_spans
from rubricc.compiler.lower_review import name_agrees

_I = re.IGNORECASE
_DASH = r"(?:\s*[\u2014\u2013]\s*|\s+--?\s+)"
_DASHED = re.compile(rf"^\s*(?P<s>the\s+(?:whole\s+|entire\s+)?(?:response|reply|answer))\s*{_DASH}(?P<d>.+?){_DASH}"
                     r"(?P<v>meets|satisfies|fulfils|fulfills|follows|keeps\s+to|complies\s+with|respects|obeys|honou?rs|"
                     r"stays\s+(?:within|under|inside)|does\s+what)\s+(?P<n>the\s+[a-z -]{1,60}?)(?:\s+asks(?:\s+for)?)?\s*[.!]?\s*$", _I)
_GENERIC = re.compile(r"^the\s+(?:instruction|rule|requirement|constraint|criterion|limit|spec)$", _I)
_REL = COUNT
_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
_NUMBERING = re.compile(rf"^its\s+(?P<x>[a-z][a-z -]{{1,40}}?)\s+numbering\s+(?P<c>{_REL})$", _I)
_EACH_APPEARING = re.compile(rf"^with\s+(?P<q>{_Q}(?:\s*(?:,|,?\s+and)\s+{_Q})*)\s+each\s+appearing(?:\s+somewhere|\s+at\s+least\s+once)?"
                             r"(?:\s+in\s+it)?$", _I)
_COUNT = re.compile(rf"^{_REL}\s+[a-z]", _I)


def _fact(d: str) -> str:
    """What the response does, said as a predicate ('with X' -> 'has X'), or '' when the fact is not one read here."""
    n = _NUMBERING.match(d)
    if n:
        return f"has {n.group('c')} {n.group('x')}"
    e = _EACH_APPEARING.match(d)
    if e:
        return f"contains each of {e.group('q')}"
    if re.match(r"^(?:free|clear)\s+of\s+", d, _I):
        return "is " + d
    if re.match(r"^with\s+", d, _I):
        return "has " + d[4:].lstrip()
    if _COUNT.match(d):
        return "has " + d
    said = finite(d)
    if said is None:
        return ""
    said = re.sub(r"^ends\s+on\s+", "ends with ", said, flags=_I)  # 'ending on the exact phrase': ends with it
    return re.sub(r",\s*with\s+nothing\s+following$", " and nothing follows it", said, flags=_I)


def dashed(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the fact between the dashes said of the response, the instruction's name as a ``name`` aside); (text, []) when the
    text is no such sentence."""
    m = _DASHED.match(text)
    if not m or any(in_quotes(quote_spans(text), m.start(g)) for g in ("v", "n")):
        return text, []
    name = m.group("n").strip()
    if not (_GENERIC.match(name) or not name_agrees("", name)):  # a name that says nothing of which instruction it is
        return text, []
    fact = _fact(m.group("d").strip())
    if not fact:
        return text, []
    subject = m.group("s")
    return subject[0].upper() + subject[1:] + " " + fact + ".", [("name", name)]

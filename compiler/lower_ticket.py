"""A short-order cook's ticket for the reply, in kitchen shorthand, from set 47's fifth voice (issue 15, round 39), read
as the plain statement in it:

    1 reply, hold the commas. Zero commas anywhere in it, not even in lists or numbers.
    Reply, 86 "bark" and "run". No "bark" or "run" in it as a word, any case.
    Reply with "cat" and "dog" in it, each one.
    Reply with ALL-CAPS words thrown in, count 15+. More is fine.
    Reply, easy on the caps: under 5 ALL-CAPS words in total.
    Reply, starter first: open with the request repeated word for word, nothing before it: <request>

:func:`ticket` says the order line of the reply: 'hold the X' and '86 X' (struck off the menu) are 'without X', 'with X
in it' is 'contains X', 'N+' is 'N or more', 'starter first: open with' is 'opens with'. 'easy on the X:' and 'More is
fine.' name the side of a count, which the bound must bear out, else a veto. A request after its colon is data, never
rewritten. A ticket in no form here (or one that needs no saying again) leaves the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import bound_bears_out

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_TICKET = re.compile(r"^\s*(?:1\s+[Rr]eply|Reply)\b(?P<rest>.*)$", re.S)  # the order line, 'Reply' first as a ticket writes it
_DATA = re.compile(r"\b(?:before\s+it|request|prompt)\b[^:\"]{0,40}:\s*")  # the colon before a request given as data
# (pattern, replacement) on the order line, in this order
_SHORTHAND = [
    (re.compile(r"^\s*,\s*starter\s+first\s*:\s*open\s+with\b", _I), " opens with"),
    (re.compile(r"^\s*,\s*(?:hold|86)\s+the\s+(?P<x>\w+)\s*\.", _I), r" has no \g<x>."),
    (re.compile(r"^\s*,\s*86\s+", _I), " is without "),
    (re.compile(r"^\s+with\s+(?P<x>.+?)\s+in\s+it\b", _I), r" contains \g<x>"),
    (re.compile(r"\s+thrown\s+in\b", _I), ""),
]
_EASY = re.compile(r"^\s*,\s*(?:easy|go\s+light|light|go\s+easy)\s+on\s+(?:the\s+)?(?P<x>[^:]{1,40}):\s*(?P<said>.+)$", _I)
_PLUS = re.compile(r"(?<=\d)\+(?=[\s.,;]|$)")
_MORE_FINE = re.compile(r"\s*[.,]?\s*More\s+is\s+fine\s*\.?\s*$", _I)


def ticket(text: str) -> Tuple[str, Asides]:
    """(the order said of the reply, with a veto where a side word is not borne out); (text, []) when the criterion is
    no ticket this reads."""
    m = _TICKET.match(text)
    if not m:
        return text, []
    rest, data = m.group("rest"), ""
    d = _DATA.search(rest)
    if d:  # the request repeated: data from its colon on
        rest, data = rest[:d.end()], rest[d.end():]
    sides: List[str] = []
    more = _MORE_FINE.search(rest)
    if more:
        rest, sides = rest[:more.start()] + ".", sides + ["more"]
    easy = _EASY.match(rest)
    if easy:
        said, x = easy.group("said").strip(), easy.group("x").strip()
        rest = f"'s count of {x} is {said[6:]}" if said.lower().startswith("count ") else f" has {said}"
        sides.append("less")
    for pattern, repl in _SHORTHAND:
        rest = pattern.sub(repl, rest, count=1)
    head = "The reply" if easy or rest[:1] == " " and rest != m.group("rest") else text[:m.start("rest")]
    said = head + _PLUS.sub(" or more", rest) + data
    if said == text or head != "The reply" and sides:
        return text, []  # no shorthand read, or a side word left in an order line no shorthand read: as it is
    asides: Asides = [("veto", "a side of the count the bound does not bear out") for side in set(sides)
                      if not bound_bears_out(side, said)]
    return said, asides

"""An acceptance scenario as a criterion (issue 15, round 21): Given / When / Then, said as the instruction to a grader.

A rubric writer from a BDD team writes what is looked at, how, and what must then be true:

    Given the reply, when its words are counted, then the total comes out below 701.
    When the words of the response are tallied, then there are 600 or more of them.
    Given the reply, when "x" is searched for regardless of case, then it turns up 6 or more times.
    Given the response, when it is searched for "a" and "b" regardless of case, then each one is found.

:func:`scenario` says it as the instruction :mod:`rubricc.compiler.lower_grader` reads ('Count the words of the
response. Pass if the total is below 701.'): the 'when' clause, a passive procedure ('its words are counted'), in the
imperative ('Count its words'); the 'then' clause as the decision. The 'given' clause must name only the response. A
'then' clause is respelled only in the few ways that say the same ('comes out below' -> 'is below', 'turns up N times' ->
'appears N times', 'each one is found' -> 'every one of them appears', 'no match is found' -> 'none of them appears',
'there are N or more of them' -> 'there are N or more'); the grader reader then keeps the item only when the procedure
only says how to look at what the check reads. Anything else is None: left as it is. Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output)"
_GWT = re.compile(rf"^\s*(?:given\s+(?:the|a)\s+(?:finished\s+|final\s+|whole\s+)?{_DOC}\s*,\s*)?when\s+(?P<w>.+?)\s*,\s*then\s+(?P<t>.+?)\s*[.!]?\s*$",
                  _I | re.S)
# the 'when' clause: what is looked at, in the passive
_PASSIVE = re.compile(r"^(?P<o>.+?)\s+(?:is|are)\s+(?P<v>counted|tallied|searched|scanned|split|checked|inspected|read\s+through|read)\b(?P<r>.*)$", _I | re.S)
_VERBS = {"counted": "Count", "tallied": "Tally", "searched": "Search", "scanned": "Scan", "split": "Split", "checked": "Check",
          "inspected": "Inspect", "read": "Read", "read through": "Read"}
# the 'then' clause in the words the grader reader reads
_THEN = [
    (re.compile(r"\b(?:comes?|works?)\s+out\s+(?=(?:at|below|under|above|over|exactly|fewer|less|more|no|to)\b|\d)", _I), "is "),
    (re.compile(r"^(?P<s>it|they)\s+(?:turns?\s+up|shows?\s+up|occurs?|is\s+found)\s+(?=.*\btimes\s*$)", _I), "it appears "),
    (re.compile(r"^(?:each|every)\s+one\s+(?:of\s+them\s+)?is\s+found$", _I), "every one of them appears"),
    (re.compile(r"^no\s+(?:match|occurrence)\s+is\s+found$", _I), "none of them appears"),
    (re.compile(r"^(?P<c>there\s+(?:are|is)\s+.+?)\s+of\s+them$", _I), r"\g<c>"),
]


def scenario(text: str) -> Optional[str]:
    """A Given/When/Then item as 'Procedure. Pass if <then>.', or None when ``text`` is not one."""
    m = _GWT.match(text)
    if not m or in_quotes(quote_spans(text), m.end("w")) or in_quotes(quote_spans(text), m.start("t")):
        return None
    p = _PASSIVE.match(m.group("w"))
    if p is None or in_quotes(quote_spans(m.group("w")), p.start("v")):
        return None
    obj, rest = p.group("o").strip(), p.group("r")
    verb = _VERBS[re.sub(r"\s+", " ", p.group("v").lower())]
    if re.fullmatch(r"it", obj, _I):
        obj = "the response"
    elif re.match(r"^(?:\"|\u201c|')", obj):  # 'when "x" is searched for regardless of case': search the response for it
        f = re.match(r"^\s*for\b", rest, _I)
        if f is None:
            return None
        obj, rest = "the response", " for " + obj + rest[f.end():]
    then = m.group("t").strip()
    if verb == "Search" and re.search(r"\btimes\s*$", then, _I) and re.match(r"^\s*for\s+[\"\u201c']", rest, _I):
        verb, obj, rest = "Count", "the occurrences of", re.sub(r"^\s*for", "", rest, flags=_I)  # how often "x" turns up
    if verb != "Count":
        obj = re.sub(r"^its\b", "the response", obj, flags=_I)
    procedure = f"{verb} {obj}{rest}".strip()
    for pat, said in _THEN:
        then = pat.sub(said, then, count=1)
    return f"{procedure}. Pass if {then}."

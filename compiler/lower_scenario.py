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

from rubricc.compiler.lower_parse import QUOTE_RE
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
    # 'fewer than 2 are found', 'the response has at least 5 of them', 'the count is exactly 3': the count itself
    (re.compile(r"^(?P<c>(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+)?\d+"
                r"(?:\s+or\s+(?:more|fewer))?)\s+(?:are|is)\s+found$", _I), r"there are \g<c>"),
    (re.compile(rf"^the\s+{_DOC}\s+has\s+(?P<c>.+?)\s+of\s+them$", _I), r"there are \g<c>"),
    (re.compile(r"^the\s+(?:count|number|tally)\s+is\s+(?=(?:at\s+least|at\s+most|exactly|fewer|less|more|no|\d))", _I), "there are "),
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
    elif not re.match(r"^(?:the|its|every|each|all|any|a|an)\b", obj, _I):
        obj = "the " + obj  # 'occurrences of "x" are counted': count the occurrences
    procedure = f"{verb} {obj}{rest}".strip()
    for pat, said in _THEN:
        then = pat.sub(said, then, count=1)
    return f"{procedure}. Pass if {then}."


# a 'when' clause that looks at the whole response and narrows nothing: what the 'then' clause says is said of the reply
_WHOLE = re.compile(r"^(?:it|its\s+(?:language|letters|characters|opening|ending|final\s+words|text)|every\s+(?:character|letter|word|line)"
                    r"(?:\s+of\s+it)?|the\s+(?:whole\s+|entire\s+)?(?:reply|response|answer|output))$", _I)
_GIVEN_WITH = re.compile(rf"^\s*given\s+(?:the|a)\s+(?:finished\s+|final\s+|whole\s+)?{_DOC}\s*,\s*(?P<w>with\s+[^,]{{3,60}}?\s+(?:ignored|"
                         r"disregarded|set\s+aside|stripped|trimmed))\s*,\s*then\s+(?P<t>.+?)\s*[.!]?\s*$", _I | re.S)
_LOOKED = re.compile(r"^(?P<o>.+?)\s+(?:is|are)\s+(?P<v>identified|determined|examined|reviewed|looked\s+at|established)(?P<r>)$", _I | re.S)
_SEARCHED_FOR = re.compile(r"^(?:searched|checked|scanned)\s+for\s+(?P<a>a|an)\s+(?P<x>[a-z][a-z -]{1,30}?)$", _I)
_REMOVED = re.compile(r"^(?P<x>any\s+.+?)\s+(?:is|are)\s+(?:removed|stripped|dropped|deleted|ignored)$", _I | re.S)


def then_said(text: str) -> Optional[str]:
    """The 'then' clause of a scenario that looks at the whole reply, said of the reply ('Given the reply, when its
    language is identified, then the entire response is in Russian' -> 'The entire response is in Russian.'); a pronoun
    the 'when' clause gives is resolved ('when it is checked for a postscript, then one beginning with P.S. is present' ->
    'A postscript beginning with P.S. is present.'; 'then the reply begins with that request' -> '... with the request
    "..."'); a removal said first is said after ('when any surrounding fence is removed, then the remaining text parses as
    JSON' -> '... parses as JSON once any surrounding fence is removed'). None otherwise."""
    g = _GIVEN_WITH.match(text)
    if g is not None:
        then, when = g.group("t"), None
    else:
        m = _GWT.match(text)
        if not m or in_quotes(quote_spans(text), m.end("w")) or in_quotes(quote_spans(text), m.start("t")):
            return None
        then, when = m.group("t").strip(), m.group("w").strip()
    if when is not None:
        removed = _REMOVED.match(when)
        p = _PASSIVE.match(when) or _LOOKED.match(when)
        req = re.search(r"\bthe\s+(?:request|prompt)\s+(?=[\"\u201c])", when, _I)
        quoted = when[req.end():when.rfind(when[req.end()] if when[req.end()] == '"' else "\u201d") + 1] if req else ""
        req = req if len(quoted) > 2 else None  # the request as quoted, inner quotation marks and all (up to the last mark)
        if removed and re.match(r"the\s+remaining\s+text\b", then, _I):
            return f"{then[0].upper()}{then[1:]} once {removed.group('x')} is removed."
        if p is None and not (req and re.match(r"its\s+opening\s+is\s+compared\b", when, _I)):
            return None
        if p is not None and not _WHOLE.match(p.group("o").strip()):
            return None
        rest = p.group("r").strip() if p is not None else ""
        one = _SEARCHED_FOR.match(f"{p.group('v')} {rest}".strip()) if p is not None else None
        if re.match(r"^one\b", then, _I):
            if one is None:
                return None
            then = f"{one.group('a')} {one.group('x')}" + then[3:]
        elif p is not None and p.group("v").lower() == "split" and re.match(r"^(?:at|on|by)\s+\S", rest, _I):
            yields = re.match(r"^(?P<c>.+?)\s+(?:result|come\s+out|are\s+produced|emerge)$", then, _I)
            then = f"this yields {yields.group('c')}" if yields else then
            return f"Split the response {rest}; give credit only if {then}."  # read as the procedure reader reads it
        elif rest and not re.match(r"^(?:for\s+(?:the\s+)?[a-z][a-z -]{1,30}|through|for\s+(?:it|them))$", rest, _I):
            return None  # 'counted by hand', 'read aloud': a procedure the then clause leans on
        if re.search(r"\b(?:they|them)\b", QUOTE_RE.sub("", then), _I):
            return None  # a pronoun left for the 'when' clause to give
        if req:
            then = re.sub(r"\bthat\s+(?:request|prompt)\b", lambda _: f"the request {quoted}", then, count=1, flags=_I)
    said = re.sub(r"^its\b", "the reply's", then, flags=_I)
    said = re.sub(r"^it\b", "the reply", said, flags=_I)
    said = re.sub(r"\bin\s+it\b", "in the reply", said, flags=_I)
    if re.match(r"(?:it|its|one|they|them)\b", said, _I) or when is None and re.search(r"\b(?:they|them)\b", QUOTE_RE.sub("", said), _I):
        return None  # a pronoun left for the 'when' clause to give
    return said[0].upper() + said[1:] + "."


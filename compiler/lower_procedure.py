"""A grader's procedure with its decision (issue 15, round 14): read before the other voices.

A rubric writer who addresses the grader often says how to check and then when to pass: 'Count the lines that begin
with a markdown bullet (* or -); the criterion is met only if there are exactly 3.', 'Search the response for "a" or
"b" as whole words, ignoring case; fail it if any of them occurs.', 'Look for a title between << and >>; pass if at
least one is present.', 'Split the response at each *** divider; give credit only if this yields exactly 2
paragraphs.' :func:`procedure` rewrites such a sentence into the statement about the response it decides ('The
response has exactly 3 lines that begin with a markdown bullet (* or -).'), which the rules then read as they read any
other: it only moves words, never adds a requirement, and leaves the sentence as it is when the procedure and its
decision are not one of these shapes (a decision with a second condition is the rules' to judge, as said).

Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE

_I = re.IGNORECASE
# the decision: 'give credit (only) if', 'pass only if', 'mark this met only if', 'the criterion is met only if'
_DECIDE = (r"(?:(?:give|award)\s+(?:it\s+)?(?:credit|the\s+point)|pass(?:\s+it)?|mark\s+(?:(?:this|it|the\s+criterion)\s+)?(?:as\s+)?met"
           r"|(?:the\s+criterion|this|it)\s+is\s+met|it\s+passes)\s+(?:only\s+)?(?:if|when)\s+")
_WHOLE = r"(?:the\s+(?:(?:full|whole|entire|complete)\s+)?(?:response|reply|answer|output|text))"
_QUOTED = r"(?:'[^'\n]{1,40}'|\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
# a count named by the decision: 'there are 5 or more', 'the count is below 2', 'the total is less than 3'
_COUNT_SAID = re.compile(r"^(?:there\s+(?:are|is)|the\s+(?:count|total|number|tally)\s+is|you\s+(?:find|count|get))\s+(?P<cmp>.+?)\s*[.!]?\s*$", _I)
_CMP = re.compile(r"^(?:(?:exactly|precisely|at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|fewer\s+than|less\s+than|more\s+than|"
                  r"under|below|over|above)\s+)?(?:\d[\d,]*|[a-z]+)(?:\s+or\s+(?:more|fewer|less|above|below))?$", _I)
_COUNT = re.compile(r"^(?:count|tally)\s+(?P<what>.+?)\s*;\s*" + _DECIDE + r"(?P<said>.+)$", _I)
# 'occurrences of 'x' regardless of case (...)', 'case-insensitive occurrences of 'x', including ...', "every 'i' in the response"
_OCCURRENCES = re.compile(r"^(?P<pre>case-insensitive\s+)?(?:occurrences|instances|uses)\s+of\s+(?P<q>" + _QUOTED + r")(?P<notes>.*)$"
                          r"|^every\s+(?P<q2>'[^'\n]{1,5}')\s+in\s+" + _WHOLE + r"(?P<notes2>.*)$", _I)
_SEARCH = re.compile(r"^(?:search|scan)\s+" + _WHOLE + r"\s+for\s+(?P<x>.+?)\s*;\s*fail\s+(?:it|this|the\s+(?:response|criterion))\s+if\s+"
                     r"(?:any\s+(?:one\s+)?of\s+them|it|one\s+of\s+them)\s+(?:occurs|appears|is\s+(?:found|used|present))\s*[.!]?\s*$", _I)
_FIND = re.compile(r"^(?:search\s+" + _WHOLE + r"\s+for|look\s+(?:in\s+" + _WHOLE + r"\s+)?for)\s+(?P<x>.+?)\s*;\s*" + _DECIDE +
                   r"(?:(?:at\s+least\s+)?one(?:\s+of\s+them)?|any\s+(?:one\s+)?of\s+them|it)\s+(?:is\s+present|appears|occurs|is\s+found)"
                   r"(?:\s+in\s+" + _WHOLE + r")?\s*[.!]?\s*$", _I)
_SCAN = re.compile(r"^(?:scan|read|check|go\s+through)\s+" + _WHOLE + r"\s+and\s+" + _DECIDE + r"(?P<cond>.+)$", _I)
_STRIP_PARSE = re.compile(r"^strip\s+(?:any|the|an?)\s+(?:optional\s+)?(?:surrounding\s+|enclosing\s+)?(?:markdown\s+)?(?:`{3}\s*(?:json\s*)?(?:(?:or|/)\s+`{3}\s*)?)?"
                          r"(?:code\s+)?fences?\s+and\s+(?:try\s+to\s+)?parse\s+(?:the\s+)?(?:remainder|rest|remaining\s+text)\s+as\s+json\s*;\s*"
                          + _DECIDE + r"it\s+parses\s*[.!]?\s*$", _I)
_SPLIT = re.compile(r"^split\s+" + _WHOLE + r"\s+(?:at|on)\s+(?P<sep>.+?)\s*[;:]\s*" + _DECIDE +
                    r"(?:(?:this|it)\s+yields|there\s+are)\s+(?P<n>(?:exactly\s+|at\s+least\s+)?(?:\d+|[a-z]+))\s+"
                    r"(?P<unit>(?:non-empty\s+)?(?:paragraphs|parts|sections|blocks|responses|answers))(?P<rest>.*)$", _I)


def _free(text: str, start: int, end: int) -> bool:
    return not any(m.start() < end and start < m.end() for m in QUOTE_RE.finditer(text))


def _in_it(s: str) -> str:
    """'in it' / 'it' as the response."""
    s = re.sub(r"\b(?:in|from)\s+it\b", "in the response", s, flags=_I)
    return re.sub(r"^\s*it\b", "the response", s, flags=_I)


def procedure(text: str, asides: List[Tuple[str, str]]) -> str:
    """The statement a grader's procedure decides, or ``text`` as it is."""
    t = text.strip()
    m = _COUNT.match(t)
    if m and _free(t, m.start("said"), m.end("said")):
        said = _COUNT_SAID.match(m.group("said"))
        if said is None or not _CMP.match(said.group("cmp").strip()):
            return text
        cmp, what = said.group("cmp").strip(), m.group("what").strip()
        o = _OCCURRENCES.match(what)
        if o:
            q = o.group("q") or o.group("q2")
            notes = (o.group("notes") or o.group("notes2") or "").rstrip(" .")
            pre = ", case-insensitively" if o.group("pre") else ""
            return f"{q} appears {cmp} times in the response{pre}{notes}."
        what = re.sub(r"^(?:the|all(?:\s+the)?|every)\s+", "", what, flags=_I)
        what = re.sub(r"\s+in\s+" + _WHOLE + r"(?=\s*(?:\(|,|$))", "", what, flags=_I)
        return f"The response has {cmp} {what}."
    m = _SEARCH.match(t)
    if m:
        return f"The response does not contain {m.group('x')}."
    m = _FIND.match(t)
    if m:
        return f"The response contains {m.group('x')}."
    m = _SCAN.match(t)
    if m and _free(t, m.start("cond"), m.start("cond") + 1):
        cond = _in_it(m.group("cond").strip())
        return cond[:1].upper() + cond[1:]
    if _STRIP_PARSE.match(t):
        return "The response is valid JSON; a surrounding code fence is acceptable."
    m = _SPLIT.match(t)
    if m and _free(t, m.start("n"), m.end("unit")):
        sep = m.group("sep").strip()
        if re.match(r"(?:each|every)\s", sep, _I):  # 'at each *** divider': the dividers
            sep = re.sub(r"^(?:each|every)\s+", "", sep, flags=_I) + ("" if sep.endswith("s") else "s")
        rest = m.group("rest")
        # what may follow the count: nothing, the nth one's first word, empty ones, two parts not the same
        if not re.match(r"\s*(?:[.!]?\s*$|,?\s*and\s+the\s+[\w-]+\s+(?:one|paragraph)\s+(?:begins|starts|opens)\s+with\b|,?\s*with\s+no\s+empty\b"
                        r"|\s*that\s+are\s+not\s+(?:identical|the\s+same)\b)", rest, _I):
            return text
        unit = m.group("unit").lower().replace("non-empty ", "")
        # 'with no empty ones between dividers': an empty one between them fails (a near-miss, for the driver to judge)
        empty = re.match(r"\s*,?\s*with\s+no\s+empty\s+ones(?:\s+between\s+(?:the\s+)?(?:dividers|separators))?\s*(?=[.!]?\s*$)", rest, _I)
        if empty:
            rest = f"; an empty {unit[:-1]} between dividers does not count" + rest[empty.end():]
        return f"The response has {m.group('n')} {m.group('unit')} separated by {sep}{rest}"
    return text

"""A grader speaking for itself (issue 15, round 21): the instruction it would give another grader.

A rubric writer who writes as the grader says what it will do, then when the item is met:

    I'll count the sentences, and I need no fewer than 50.
    I'll count the [bracketed] placeholders; 10 or more and it passes.
    I'll tally every 'i', capital or not, and I need that tally to stay under 3.
    I'll count each "x" regardless of capitalization; under 2 occurrences and this is met.
    I'll scan for "a" or "b" as whole words, ignoring case; if I find any, it fails, and if none, it passes.
    I'll search the reply for "a" and "b"; each has to turn up at least once, upper- or lowercase.
    I'd pass this if the word count comes out below 100; hitting exactly 100 already counts as too long for me.
    I'll only mark this met if I can't find a single comma anywhere in the reply.

:func:`impersonal` says it as the instruction :mod:`rubricc.compiler.lower_grader` reads ('Count the sentences. Pass if
there are no fewer than 50.'): the procedure in the imperative, the decision as 'Pass if ...' or 'Fail if ...' (a decision said first needs no
procedure: 'Pass if the word count comes out below 100. Fail if there are exactly 100.'). Only
these shapes are respelled, and only whole: a procedure the grader will carry out, then one decision clause; anything
else (None) is left to the other readers. Words are moved, never added beyond the frame's; quoted material is never
rewritten.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
# 'I'll count', 'I will tally', 'I'm going to search', 'Let me scan'; 'I'm checking for'
_PROCEDURE = re.compile(r"^\s*(?:i'll|i\s+will|i\s+am\s+going\s+to|i'm\s+going\s+to|let\s+me)\s+(?:first\s+)?"
                        r"(?P<v>count|tally|search|scan|split|strip|look|check|read)\b", _I)
_PROCEDURE_ING = re.compile(r"^\s*(?:i'm|i\s+am)\s+(?P<v>count|tally|search|scann|check|look)ing\b", _I)
# the split between the procedure and the decision: '; ', ', and ', ': ' (outside quotations)
_SPLIT = re.compile(r"\s*;\s+|,\s+and\s+(?=i\s+need\b)|\s*:\s+(?=it\s+has\s+to\b)", _I)
_CMP = (r"(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|"
        r"under|below|over|above|smaller\s+than|larger\s+than|lower\s+than|higher\s+than)\s+)?\d+(?:,\d{3})*(?:\s+or\s+(?:more|fewer|less|higher|lower))?")
_MET = r"(?:it's|it\s+is|this\s+is|it|this)\s+(?:met|passes)"
_NOT_MET = r"(?:(?:it's|it\s+is|this\s+is)\s+not\s+met|(?:it|this)\s+(?:isn't\s+met|fails))"
# the decision clause and the frame it is said in
_DECISIONS = [
    # 'I need no fewer than 50', 'I need at least 6 of them', 'I need 4 or more'
    (re.compile(rf"^i\s+need\s+(?P<c>{_CMP})(?:\s+of\s+them)?$", _I), "Pass if there are {c}"),
    # 'I need that tally to stay under 3'
    (re.compile(r"^i\s+need\s+(?:that|the)\s+(?P<u>tally|count|total)\s+to\s+(?:stay|be|remain|come\s+out)\s+(?P<c>" + _CMP + ")$", _I),
     "Pass if the {u} is {c}"),
    # '10 or more and it passes', 'under 2 occurrences and this is met'
    (re.compile(rf"^(?P<c>{_CMP})\s+(?:occurrences|times)\s+and\s+{_MET}$", _I), "Pass if it appears {c} times"),
    (re.compile(rf"^(?P<c>{_CMP})\s+and\s+{_MET}$", _I), "Pass if there are {c}"),
    # 'fewer than 5 and it's not met'
    (re.compile(rf"^(?P<c>{_CMP})\s+and\s+{_NOT_MET}$", _I), "Fail if there are {c}"),
    # 'if there are fewer than 10, it's met'
    (re.compile(rf"^if\s+there\s+(?:are|is)\s+(?P<c>{_CMP}),?\s+{_MET}$", _I), "Pass if there are {c}"),
    # 'it has to come to exactly 3'
    (re.compile(r"^(?:it|the\s+(?:total|count|tally))\s+(?:has|needs)\s+to\s+(?:come\s+to|be|equal)\s+(?P<c>" + _CMP + ")$", _I),
     "Pass if the count is {c}"),
    # 'if I find any, it fails, and if none, it passes'
    (re.compile(r"^if\s+i\s+find\s+any(?:\s+of\s+them)?,\s+it\s+fails(?:,?\s+and\s+if\s+(?:i\s+find\s+)?none,\s+it\s+passes)?$", _I),
     "Pass only if none of them appears"),
    # 'each has to turn up at least once'
    (re.compile(r"^(?:each|every\s+one|all\s+of\s+them|each\s+of\s+them)\s+(?:has|have|needs?)\s+to\s+(?:turn\s+up|appear|show\s+up|be\s+there)"
                r"(?:\s+at\s+least\s+once)?$", _I), "Pass only if every one of them appears"),
]
# a near-miss after the decision: ', so exactly 10 already fails'
_SO_FAILS = re.compile(rf",\s*so\s+(?:even\s+)?(?P<y>{_CMP})\s+(?:already\s+|also\s+)?fails$", _I)
# the end read, then what it has to be
_AT_END = re.compile(r"^(?:read|look\s+at|check)\s+the\s+(?:very\s+)?end(?:\s+of\s+the\s+(?:reply|response))?$", _I)
_IS_END = re.compile(r"^it\s+(?:has|needs)\s+to\s+be\s+(?P<x>[\"\u201c].+)$", _I)
# a matching note after the decision ('each has to turn up at least once, upper- or lowercase'): put on the procedure
_NOTE = re.compile(r"^(?P<d>.*?),\s+(?P<n>(?:upper-?\s+or\s+lower\s*case|in\s+any\s+case|ignoring\s+case|regardless\s+of\s+case|case[- ]insensitive(?:ly)?)"
                   r"(?:\s+alike)?)$", _I)


# the decision said first: "I'd pass this if X; hitting exactly 100 already counts as too long for me", "I'll only mark
# this met if I can't find a single comma anywhere in the reply"
_DECIDED = re.compile(r"^\s*i(?:'d|\s+would|'ll|\s+will)\s+(?P<only>only\s+)?(?:pass|accept|mark)\s+(?:this|it)(?:\s+(?:as\s+)?met)?\s+(?P<only2>only\s+)?"
                      r"if\s+(?P<x>[^;]+?)(?:\s*;\s*(?P<t>[^;]+?))?\s*[.!]?\s*$", _I)
_CANT_FIND = re.compile(r"^i\s+(?:can't|cannot|can\s+not|don't|do\s+not)\s+(?:find|see|spot)\s+(?:a\s+single|any|even\s+one|one)\s+(?P<n>[a-z]+)\b(?P<rest>[^\"\u201c]*)$", _I)
_TOO_FAR = re.compile(r"^(?:hitting|reaching|landing\s+on|having)\s+(?P<y>exactly\s+\d+)(?:\s+[a-z]+)?\s+(?:already\s+|also\s+)?counts\s+as\s+too\s+"
                      r"(?:long|short|many|few)(?:\s+for\s+me)?$", _I)


def _decided_first(text: str) -> Optional[str]:
    """"I'd pass this if X; hitting exactly N already counts as too long" -> 'Pass if X. Fail if there are exactly N.'"""
    m = _DECIDED.match(text)
    if not m or in_quotes(quote_spans(text), m.start("x")):
        return None
    x, fail = m.group("x"), ""
    cant = _CANT_FIND.match(x)
    if cant:
        x = f"the reply contains no {cant.group('n')}{cant.group('rest')}"
    elif re.match(r"^i\b", x, _I):
        return None  # the grader's own doing, not the reply's
    if m.group("t"):
        t = _TOO_FAR.match(m.group("t"))
        if t is None:
            return None
        fail = f" Fail if there are {t.group('y')}."
    only = "only " if m.group("only") or m.group("only2") else ""
    return f"Pass {only}if {x.strip()}.{fail}"


def impersonal(text: str) -> Optional[str]:
    """The grader's own words as an instruction to a grader ('Count X. Pass if ...'), or None when ``text`` is not
    one of the shapes above."""
    m = _PROCEDURE.match(text) or _PROCEDURE_ING.match(text)
    if not m:
        return _decided_first(text)
    spans = quote_spans(text)
    split = next((s for s in _SPLIT.finditer(text, m.end()) if not in_quotes(spans, s.start())), None)
    if split is None:
        return None
    verb = m.group("v").lower()
    verb = "scan" if verb == "scann" else verb
    procedure = verb.capitalize() + text[m.end():split.start()]
    decision = text[split.end():].strip().rstrip(".!").strip()
    note = _NOTE.match(decision)
    if note and not in_quotes(quote_spans(decision), note.start("n")):
        decision, procedure = note.group("d"), f"{procedure}, {note.group('n')}"
    fails = ""
    so = _SO_FAILS.search(decision)  # 'the total has to be smaller than 10, so exactly 10 already fails'
    if so and not in_quotes(quote_spans(decision), so.start()):
        decision, fails = decision[:so.start()], f" Fail if there are {so.group('y')}."
    end = _AT_END.match(procedure.strip()) and _IS_END.match(decision)
    if end:  # 'I'll read the very end: it has to be "X", word for word': the end is X
        return f"{procedure.strip()}. Pass if the response ends with {end.group('x')}."
    for pat, frame in _DECISIONS:
        d = pat.match(decision)
        if d:
            return f"{procedure.strip()}. {frame.format(**d.groupdict())}.{fails}"
    return None

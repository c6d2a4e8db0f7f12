"""A tax form's worksheet line, from set 45's voices (issue 15, round 37), said as a grader's instruction:

    Line 22. Count the words in the reply. If the count is 600 or more, answer Yes.
    Line 17. Count every 'l' in the reply, capital and small alike, and enter the total. If line 17 is 15 or more, answer Yes.
    Line 11. Enter the number of markdown bullet points in the reply, ... You qualify only if line 11 is exactly 3.
    Line 13. Does the reply contain a title enclosed in double angular brackets, ...? If it does, check 'Yes'.

:func:`worksheet` reads the line number off and says the form's words as the grader's (:mod:`lower_grader`): a figure
entered on the line is the count ('Enter the number of X' counts X; 'If line 17 is 15 or more' is 'if the count is 15
or more', of that line only); the form's box ('answer Yes', 'check box 12', 'check 'Yes'', 'you qualify', 'you meet
the test', 'check this box') is the grader's 'answer Yes'; a decision said last ('If X, answer Yes.') is said first
('Answer Yes if X.'); a question the decision answers ('Does the reply X? If it does, check 'Yes'.') is its
statement; a caption that only names the line's subject ('Language of the reply.') is read off. Words are moved,
never added; quoted material is never rewritten. Another line's figure, or a box of another line, leaves the text as
it is (the other readers then find nothing to read).
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_borderline import included
from rubricc.compiler.lower_grader import read_grader
from rubricc.compiler.lower_parse import QUOTE_RE, QUOTED_LIST, sentences
from rubricc.compiler.lower_procedure import procedure
from rubricc.compiler.lower_voices7 import note_only

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_LINE = re.compile(r"^\s*line\s+(?P<n>\d+)(?P<sub>[a-z]?)\s*[.:]\s+(?P<body>\S.*)$", _I)
_DOC = r"(?:reply|response|answer)"
# the form's box, said of the line: 'answer Yes', 'check box 12', 'check box 5a', 'check 'Yes'', 'tick the box'
_BOX = r"(?:answer\s+(?:'yes'|\"yes\"|yes)|check\s+(?:box\s+(?P<box>\d+)(?P<boxsub>[a-z]?)|'yes'|\"yes\"|yes|the\s+box|this\s+box)|tick\s+(?:the|this)\s+box)"
_QUALIFY = r"(?:you\s+qualify|you\s+meet\s+the\s+test|you\s+pass)"
# 'If X, answer Yes.' / 'If X, you meet the test.': the decision said last
# (the data may follow the box: 'If the reply contains one of these exact sentences, answer Yes: "a", "b" or "c".')
_IF_LAST = re.compile(rf"^if\s+(?P<cond>\S.*?),\s*(?:{_BOX}|{_QUALIFY})(?:\s*:\s*(?P<data>{QUOTED_LIST}))?\s*\.?\s*$", _I)
# 'You qualify only if X.' / 'Check the box only if X.' / 'Check this box if X.': the decision said first
_IF_FIRST = re.compile(rf"^(?:{_BOX}|{_QUALIFY})\s+(?P<only>only\s+)?if\s+(?P<cond>\S.*?)\s*\.?\s*$", _I)
# a question the decision answers: 'If it does, check 'Yes'.' / 'If so, answer Yes.'
_IF_SO = re.compile(rf"^if\s+(?:so|it\s+does|yes),\s*(?:{_BOX}|{_QUALIFY})\s*\.?\s*$", _I)
_QUESTION = re.compile(rf"^(?P<aux>does|is)\s+the\s+{_DOC}\s+(?P<rest>\S.*?)\s*\?$", _I)
# a caption naming the line's subject: 'Language of the reply.'
_CAPTION = re.compile(rf"^(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+of\s+the\s+{_DOC}$", _I)
# the figure entered: 'Enter the number of X' (counts X), ', and enter the total/number' and 'Enter that number on line N' (said again)
_ENTER_NUMBER = re.compile(r"^enter\s+the\s+(?:number|count|total)\s+of\s+(?P<what>\S.*)$", _I)
_ENTER_AGAIN = re.compile(r",?\s+and\s+enter\s+(?:the|that)\s+(?:total|number|count|figure)$", _I)
# how the procedure looks, said first: 'Ignoring any spaces at either end, look at the first and last characters ...'
_IGNORING = re.compile(r"^(?P<n>ignoring\s+any\s+(?:spaces|whitespace|white\s+space)\s+at\s+either\s+end)\s*,\s*(?=look\s+at\b)", _I)
# the request a decision compares with: 'Compare the opening of the reply with the request printed below. If the reply
# begins with that request, ...'
_COMPARE = re.compile(rf"^compare\s+the\s+(?:opening|start|beginning)\s+of\s+the\s+{_DOC}\s+with\s+(?P<ref>the\s+request\s+(?:printed|given|shown|quoted)\s+below)$", _I)
_ENTER_ON = re.compile(r"^enter\s+(?:that|the|this)\s+(?:number|total|count|figure)\s+on\s+line\s+(?P<n>\d+)$", _I)


def _free(text: str) -> str:
    """``text`` with its quotations blanked, for a search that must not look inside them."""
    return QUOTE_RE.sub(lambda m: "\0" * len(m.group(0)), text)


def worksheet(text: str) -> Tuple[str, Asides]:
    """(a worksheet line said as a grader's instruction, its asides); (text, []) when it is none."""
    m = _LINE.match(text)
    if not m:
        return text, []
    n, body = m.group("n"), m.group("body")
    got = _said(n + m.group("sub"), n, sentences(body))
    if got is None:
        return text, []
    said, asides = got
    stated = procedure(said, [])  # a split and its decision: the statement ('The response has exactly 2 paragraphs separated by ...')
    graded = read_grader(said) if stated == said else None  # else the grader's frame ('Pass if the response has 15 or more ...')
    if stated != said:
        said = stated
    elif graded is not None:
        said, asides = graded[0], asides + [("procedure", p) for p in graded[1]]
    return said, asides + [("label", f"Line {n}{m.group('sub')}")]


def _said(line: str, n: str, parts: List[str]) -> "Tuple[str, Asides] | None":
    """The line's sentences said in the grader's words, with the asides read off them; None unless exactly one decision
    of the line's own is read and every other sentence is a procedure, a note, a caption or the figure entered."""
    if not parts:
        return None
    out: List[str] = []
    asides: Asides = []
    decided = False
    ref = None
    for i, p in enumerate(parts):
        bare = p.rstrip(".").strip()
        if note_only(bare):
            asides.append(("match", bare))  # 'Capital letters do not matter.'
            continue
        c = _COMPARE.match(bare)
        if c and not decided:
            ref = c.group("ref")  # the decision's 'that request'
            continue
        g = _IGNORING.match(p)
        if g:
            asides.append(("match", g.group("n")))
            p = p[g.end():]
            p, bare = p[:1].upper() + p[1:], bare[g.end():]
        counted_in = included(bare)  # 'Count every comma (,) in the reply, including any inside lists, numbers or quotations'
        if counted_in[1] and not decided:
            p, asides = counted_in[0], asides + counted_in[1]
            bare = p.rstrip(".")
        if i == 0 and len(parts) > 1 and _CAPTION.match(bare):
            continue  # 'Language of the reply.'
        on = _ENTER_ON.match(bare)
        if on:
            if on.group("n") != n:
                return None
            continue  # 'Enter that number on line 10.': the count said again
        e = _ENTER_NUMBER.match(bare)
        again = None if e else _ENTER_AGAIN.search(_free(bare))
        if e:
            p = f"Count the {e.group('what')}."
        elif again:
            p = bare[:again.start()] + "."
        if _IF_SO.match(p):
            q = _QUESTION.match(out[-1]) if out else None
            if q is None or decided:
                return None
            rest = q.group("rest")
            if q.group("aux").lower() == "is":
                out[-1] = f"The reply is {rest}."
            elif rest.lower().startswith("contain "):
                out[-1] = f"The reply contains {rest[len('contain '):]}."
            else:
                return None
            decided = True
            continue
        d = _IF_LAST.match(p) or _IF_FIRST.match(p)
        if d:
            if decided or not _own_box(d, line):
                return None
            cond = _own_line(d.group("cond"), n)
            if cond is None:
                return None
            if ref is not None:
                if not re.search(r"\bthat\s+request\b", _free(cond), re.I):
                    return None
                cond = re.sub(r"\bthat\s+request\b", ref, cond, count=1, flags=re.I)
                ref = None
            only = "only " if d.groupdict().get("only") else ""
            data = d.groupdict().get("data")
            p = f"Answer Yes {only}if {cond}" + (f": {data}." if data else ".")
            decided = True
        elif re.search(r"\bline\s+\d", _free(p), re.I) or re.search(rf"{_BOX}|{_QUALIFY}", _free(p), re.I):
            return None  # a line or a box said where no decision reads it
        out.append(p if re.search(r"[.?!\"\u201d']$", p) else p + ".")
    return (" ".join(out), asides) if decided and ref is None else None


def _own_box(d: "re.Match[str]", line: str) -> bool:
    """Whether the decision's box, when it names one ('check box 12', 'check box 5a'), is the line's own."""
    box = d.groupdict().get("box")
    return box is None or box == re.sub(r"[a-z]$", "", line.lower())


def _own_line(cond: str, n: str) -> "str | None":
    """The condition with the line's own figure said as the count, outside quotations ('line 17 is 15 or more' -> 'the
    count is 15 or more'); None when it names another line."""
    free = _free(cond)
    if any(m.group(1) != n for m in re.finditer(r"\bline\s+(\d+)\b", free, re.I)):
        return None
    for m in reversed(list(re.finditer(rf"\bline\s+{n}\b(?=\s+is\b)", free, re.I))):
        cond = cond[:m.start()] + "the count" + cond[m.end():]
    return cond

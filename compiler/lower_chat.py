"""A rubric lead's team-chat note (issue 15, round 23, from held-out set 29 after its one measurement), said in the words
the other readers read; nothing is added or dropped:

- a subject said as a thing: 'whole thing has to be valid JSON' -> 'The whole reply has to be valid JSON'; 'last thing in
  the reply has to be exactly "X"' -> 'The reply has to end with exactly "X"'; 'letter 'i' has to ...' -> 'The letter 'i'
  has to ...';
- uses as times: 'has to stay under 3 uses' -> 'has to appear under 3 times';
- a failure said last as its own sentence: '... under 701 words. 701 or more = fail.', '... one lowercase letter and it's
  a miss.' -> '...; 701 or more fails.' (the failure is then a restatement the driver checks against the requirement);
- case notes in chat: 'caps don't matter', 'any casing' -> 'in any case';
- 'make sure "a" and "b" (all) show up in the reply' -> 'The reply includes "a" and "b"';
- 'paragraph #2' -> 'paragraph 2'; 'kick off with' -> 'start with'; 'split it into three sections (more is ok)' -> 'The reply
  has at least three sections'.

:func:`chat` returns the note said plainly, or None when nothing here applies.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans, sub_outside

_I = re.IGNORECASE
_MODAL = r"(?:has\s+to|have\s+to|must|should|needs\s+to|gotta)"
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d|'[^'\n]{1,40}')"
_STARTS = [
    (re.compile(rf"^\s*(?:the\s+)?whole\s+thing\s+(?={_MODAL}\b)", _I), "The whole reply "),
    (re.compile(rf"^\s*(?:the\s+)?last\s+thing\s+in\s+(?:the|your)\s+(?:reply|response|answer)\s+(?P<m>{_MODAL})\s+be\s+(?=(?:exactly\s+)?[\"\u201c'])", _I),
     lambda m: f"The reply {m.group('m')} end with "),
    (re.compile(rf"^\s*letter\s+(?={_Q})", _I), "The letter "),
    (re.compile(rf"^\s*make\s+sure\s+(?P<q>{_Q}(?:\s*(?:,|\band\b|,\s*and\b)\s*{_Q})*)\s+(?:all\s+|each\s+|both\s+)?shows?\s+up\s+in\s+(?:the|your)\s+"
                r"(?:reply|response|answer)(?:\s+somewhere)?\b", _I), lambda m: f"The reply includes {m.group('q')}"),
    (re.compile(rf"^\s*split\s+it\s+into\s+(?P<n>{_NUM})\s+(?P<u>sections|paragraphs|parts)\s*\(\s*(?:more|extra)\s+(?:is|are)\s+(?:ok|okay|fine)\s*\)", _I),
     lambda m: f"The reply has at least {m.group('n')} {m.group('u')}"),
]
_INSIDE = [
    (re.compile(r"\b(?P<v>stay|stays|remain|remains|be|come\s+in)\s+(?P<r>under|below|over|above|at\s+most|at\s+least)\s+(?P<n>\d[\d,]*)\s+uses\b", _I),
     lambda m: f"appear {m.group('r')} {m.group('n')} times"),
    (re.compile(r"\bparagraph\s+#\s*(?=\d)", _I), "paragraph "),
    (re.compile(r"\b(?P<k>kick|kicks)\s+off\s+with\b", _I), lambda m: "starts with" if m.group("k").lower() == "kicks" else "start with"),
    (re.compile(r",\s*any\s+(?:casing|caps|capitalization|capitalisation)\b", _I), ", in any case"),
    # an emphatic inclusion: '(yes, even 'I' and names)' beside all lowercase narrows nothing
    (re.compile(r"\s*\(\s*(?:yes\s*,?\s+)?even\s+[^()\n]{1,40}\)", _I), ""),
    # a code fence allowed as its own sentence, and the exactness restated: '. markdown ``` fences around it are ok, any other
    # text outside the JSON isn't.'
    (re.compile(r"[.;]\s+(?:markdown\s+)?(?:```\s*)?(?:code\s+)?fences?\s+(?:around|wrapping)\s+it\s+(?:are|is)\s+(?:ok|okay|fine|allowed)"
                r"(?:\s*,\s*(?:but\s+)?any\s+other\s+text\s+(?:outside|around)\s+(?:the\s+json|it)\s+(?:isn't|is\s+not))?\s*[.!]?\s*$", _I),
     " (a markdown code fence around it is fine)."),
    # a section marker said as its word and a number: 'starting with SECTION plus a number' -> 'starting with SECTION X'
    (re.compile(r"\b(?P<w>[A-Z][A-Za-z]*)\s+(?:plus|followed\s+by|then|and)\s+(?:a|its)\s+number\b"), lambda m: f"{m.group('w')} X"),
    (re.compile(r"[.;]\s+(?:caps|case|casing|capitali[sz]ation)\s+(?:doesn't|don't|does\s+not|do\s+not)\s+matter\s*[.!]?\s*$", _I), ", in any case."),
]
# a failure said last: '. 701 or more = fail.', '. 10 or more is a fail.', '. one lowercase letter and it's a miss.'
_FAILS = re.compile(r"[.;]\s+(?P<x>[^.;:\"\n]{1,60}?)\s*(?:=\s*(?:a\s+)?(?:fail|miss)|is\s+an?\s+(?:fail|miss|no[- ]go)|and\s+it['\u2019]s\s+an?\s+(?:fail|miss)|"
                    r"fails(?:\s+it)?)\s*[.!]?\s*$", _I)


def chat(text: str) -> Optional[str]:
    """The note said plainly, or None when nothing here changes it."""
    said = text
    for pat, rep in _STARTS:
        m = pat.match(said)
        if m:
            said = (rep(m) if callable(rep) else rep) + said[m.end():]
            break
    for pat, rep in _INSIDE:
        said = sub_outside(said, pat, rep)
    f = _FAILS.search(said)
    if f and not in_quotes(quote_spans(said), f.start()) and not QUOTE_RE.search(f.group("x")):
        x = re.sub(r"^one\s+(?=[a-z])", "a single ", f.group("x").strip(), flags=_I)
        said = said[:f.start()] + f"; {x} fails."
    return cap(said.strip()) if said != text else None

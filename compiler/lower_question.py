"""A test question with its answer key (issue 15, round 21): the statement the key makes true.

A rubric writer who writes items as questions for a grader gives the question and the key:

    Q: How many sentences does the reply contain? Key: 50 or more.
    Q: How many times does "x" appear in the reply, case ignored? Key: a count below 2.
    Q: How many times does the reply use any of the words a, b (whole words, any case)? Key: 0.
    Q: Which of the listed keywords (a, b) are missing from the reply, ignoring case? Key: none.
    Q: What language is the reply written in? Key: Russian (ru), throughout.
    Q: Into how many paragraphs do the *** markdown dividers split the reply? Key: exactly 2, none of them empty.

:func:`answered` says it as a statement ('The reply contains 50 or more sentences.', '"x" appears fewer than 2 times in
the reply, case ignored.', 'The reply does not use any of the words a, b (whole words, any case).') for the other
readers to read. Only the question shapes above are read; the key is a count ('N or more', 'fewer than N', 'a count
below N', 'any number smaller than N', 'exactly N'), 0 or 'none', or, for a language or an opening, the words that
complete the statement. A key's restatement that any other answer is wrong ('(any other count is wrong)', '; N itself
or more is wrong') says nothing more and is dropped. Anything else (a two-part question, a key that is not one of
these) is None: left as it is.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output)"
_QA = re.compile(r"^\s*(?:q|question)\s*[:.]\s*(?P<q>[^?]+?\?)\s*(?:key|answer\s+key|expected(?:\s+answer)?|a|answer)\s*:\s*(?P<k>\S.*?)\s*$", _I | re.S)
# the key's restatement that anything else is wrong
_WRONG = re.compile(r"\s*(?:\(\s*any\s+other\s+(?:count|number|answer|value)\s+is\s+wrong\s*\)|;\s*[^;]{1,60}?\s+is\s+wrong)(?=\s*[.]?\s*$)", _I)
_KEY_COUNTS = [
    (re.compile(r"^(?P<n>\d+)\s+or\s+(?:any\s+)?(?:larger|greater|higher|more)(?:\s+number)?$", _I), "{n} or more"),
    (re.compile(r"^(?:any\s+number\s+|a\s+count\s+|a\s+number\s+)?(?:smaller\s+than|below|under|fewer\s+than|less\s+than)\s+(?P<n>\d+)$", _I), "fewer than {n}"),
    (re.compile(r"^(?P<n>(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+)?\d+"
                r"(?:\s+or\s+(?:more|fewer))?)$", _I), "{n}"),
]
_ZERO = re.compile(r"^(?:0|zero|none|no\s+\w+)$", _I)


def _count(key: str) -> Optional[str]:
    """The key as a count ('50 or more', 'fewer than 3'), or None."""
    for pat, said in _KEY_COUNTS:
        m = pat.match(key)
        if m:
            return said.format(**m.groupdict())
    return None


_SHAPES = [
    # 'How many X does the reply contain (in total)?'
    ("count", re.compile(rf"^how\s+many\s+(?P<x>.+?)\s+(?:does|do)\s+the\s+{_DOC}\s+(?P<v>contain|have|include|hold)(?P<rest>[^?]*)\?$", _I)),
    # 'How many times does "x" appear in the reply, case ignored?'
    ("times", re.compile(r"^how\s+many\s+times\s+(?:does|do)\s+(?P<x>.+?)\s+(?P<v>appear|occur|show\s+up)(?P<rest>\s+(?:anywhere\s+)?in\s+the\s+" + _DOC + r"[^?]*)\?$", _I)),
    # 'How many times does the reply use any of the words a, b (whole words, any case)?'
    ("uses", re.compile(rf"^how\s+many\s+times\s+(?:does|do)\s+the\s+{_DOC}\s+(?P<v>use|mention|contain|include)\s+(?P<x>[^?]+)\?$", _I)),
    # 'How many commas appear anywhere in the reply?'
    ("appear", re.compile(rf"^how\s+many\s+(?P<x>.+?)\s+(?P<v>appear|occur)(?P<rest>\s+(?:anywhere\s+)?in\s+the\s+{_DOC}[^?]*)\?$", _I)),
    # 'Which of the listed keywords (a, b) are missing from the reply, ignoring case?' (key: none)
    ("missing", re.compile(rf"^which\s+of\s+(?P<x>.+?)\s+(?:are|is)\s+(?:missing|absent)\s+from\s+the\s+{_DOC}(?P<rest>[^?]*)\?$", _I)),
    # 'What language is the reply (written) in?'
    ("language", re.compile(rf"^what\s+language\s+is\s+the\s+{_DOC}\s+(?:written\s+)?in\?$", _I)),
    # 'What text does the reply begin with?'
    ("opens", re.compile(rf"^what\s+(?:text|words?)\s+does\s+the\s+{_DOC}\s+(?P<v>begin|start|open)\s+with\?$", _I)),
    # 'Into how many paragraphs do the *** markdown dividers split the reply?'
    ("into", re.compile(rf"^into\s+how\s+many\s+(?P<x>[a-z]+)\s+(?:do|does)\s+(?P<y>.+?)\s+(?P<v>split|divide|break)\s+the\s+{_DOC}\?$", _I)),
]


def answered(text: str) -> Optional[str]:
    """The statement a test question's key makes true, or None when ``text`` is not one of the shapes above."""
    m = _QA.match(text)
    if not m or in_quotes(quote_spans(text), m.start("k")):
        return None
    question = re.sub(r"\s+", " ", m.group("q").strip())
    raw = m.group("k").strip()
    key = _WRONG.sub("", raw).strip().rstrip(".").strip()
    for kind, pat in _SHAPES:
        q = pat.match(question)
        if q is None:
            continue
        g = q.groupdict()
        if kind == "missing":
            return f"The reply contains all of {g['x']}{g['rest']}." if re.fullmatch(r"none(?:\s+of\s+them)?|nothing", key, _I) else None
        if kind == "language":
            return f"The reply is written in {key}." if re.match(r"^[A-Z][a-z]+\b", key) else None
        if kind == "opens":
            return f"The reply {third(g['v'])} with {raw}" + ("" if raw.endswith((".", "?", "!")) else ".")  # the key's data as written
        if kind == "uses":
            return f"The reply does not {g['v'].lower()} {g['x'].strip()}." if _ZERO.match(key) else None
        n = _count(key.split(",")[0].strip())
        if n is None:
            return None
        extra = key[len(key.split(",")[0]):]  # ', none of them empty'
        if kind == "count":
            return f"The reply {third(g['v'])} {'no' if n == '0' else n} {g['x']}{g['rest']}{extra}."
        if kind == "times":
            return f"{g['x']} {third(g['v'])} {n} times{g['rest']}{extra}."
        if kind == "appear":
            return f"{'No' if n == '0' else n} {g['x']} {g['v'].lower()}{g['rest']}{extra}."
        if kind == "into":
            return f"{g['y'][0].upper() + g['y'][1:]} {g['v'].lower()} the reply into {n} {g['x']}{extra}."
    return None

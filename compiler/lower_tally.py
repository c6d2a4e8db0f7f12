"""An annotator's tally-sheet line as a criterion (issue 15, round 22): the statement its pass condition makes true.

A rubric writer who hands graders a sheet to fill in writes each item as a labelled blank and the value that passes:

    Commas in the reply: ___ (pass only at 0)
    Words counted: ___ -> met at 600 or above
    "x" occurrences: ___ (pass at 6 or more)
    Postscript beginning with P.S.: ___ (present to pass)
    Whole output parses as JSON (``` fences allowed): ___ (yes to pass)
    Keywords present, out of a, b: ___ (all needed)
    Language: ___ (must be English); lowercase letters found: ___ (must be 0)
    Capital letters found: ___ ; language: ___ (pass: 0 capitals, English)

:func:`tallied` says it as a statement ('The reply contains no commas.', 'The number of words is 600 or above.', 'A
postscript beginning with P.S. is present.', 'The reply is in English and contains no lowercase letters.') for the other
readers to read. A field is read only when its label and its pass value are one of the kinds below: a count (a number
with or without a relation; 0), a yes/present for a label that says what is present or true, 'all' for a list of
keywords, a language for a language field, a quoted word for a paragraph's first word. Anything else (a blank with no
pass value, a value these do not cover, a field the writer did not fill the same way) is None: left as it is.
"""
from __future__ import annotations

import re
from typing import List, Optional

from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_BLANK = r"_{2,}"
# 'Label: ___ (value)', 'Label: ___ -> value', 'Label: ___' (its value given with the sheet's shared one)
_FIELD = re.compile(rf"^(?P<label>[^:]*?\S)\s*:\s*{_BLANK}\s*(?:\((?P<paren>[^()]*(?:\([^()]*\)[^()]*)*)\)|(?:->|\u2192|=>)\s*(?P<arrow>.+?))?\s*[.]?$", _I | re.S)
# the words around a pass value that say only that it passes
_LEAD = re.compile(r"^(?:(?:pass(?:es|ed)?|met|ok|credit(?:ed)?)(?:\s+only)?(?:\s+(?:at|if|when|with))?\s*:?\s*|"
                   r"(?:must|should|has\s+to|needs?\s+to)\s+be\s+|needs?\s+|required\s*:\s*|is\s+met\s+at\s+)", _I)
_TRAIL = re.compile(r"\s*(?:,?\s*to\s+pass|required|needed|to\s+be\s+met|for\s+credit)$", _I)
_COUNT = re.compile(r"^(?P<c>(?:(?:at\s+least|at\s+most|exactly|under|below|over|above|fewer\s+than|less\s+than|more\s+than|"
                    r"no\s+more\s+than|no\s+fewer\s+than|not\s+more\s+than)\s+)?(?P<n>\d+)(?:\s+or\s+(?:more|above|higher|"
                    r"greater|over|fewer|less|below|lower|under))?)(?P<extra>,\s*[^,]{1,40})?$", _I)
_YES = re.compile(r"^(?:yes|present|true|y|one|exactly\s+one|one\s+of\s+them)$", _I)
_LANG_LABEL = re.compile(r"^language(?:\s+of\s+the\s+(?P<whole>entire|whole|full)?\s*(?:reply|response|answer|output|text))?$", _I)
_KEYWORDS = re.compile(r"^(?P<x>(?:key)?words?|terms?|keywords?)\s+(?:present|found|used|included)\s*,?\s*(?:out\s+of|of|from)\s+(?P<list>\S.*)$", _I)
_FIRST_WORD = re.compile(r"^first\s+word\s+of\s+(?:the\s+)?paragraph\s+(?P<n>\d+)$", _I)
_STATE = re.compile(r"^(?P<head>(?:whole|entire|full)\s+(?:reply|response|output|answer)|reply|response|output|answer|"
                    r"last\s+words?|first\s+words?|final\s+words?)\s+(?P<rest>\S.*)$", _I)
_VERB = re.compile(r"^(?:opens|begins|starts|ends|closes|parses|is|are|contains|has|uses|repeats|finishes)\b", _I)


def _split(text: str, sep: str) -> List[str]:
    """``text`` split at ``sep`` outside quotations."""
    spans = quote_spans(text)
    parts, last = [], 0
    for m in re.finditer(re.escape(sep), text):
        if not in_quotes(spans, m.start()):
            parts.append(text[last:m.start()])
            last = m.end()
    return [p.strip() for p in parts + [text[last:]]]


def _value(raw: str) -> str:
    v = raw.strip().rstrip(".").strip()
    v = _LEAD.sub("", v, count=1).strip()
    return _TRAIL.sub("", v).strip().rstrip(",").strip()


def _noun(label: str) -> str:
    """The counted thing of a label: 'Word count' -> 'words', 'Count of 'l'' -> 'occurrences of 'l'', 'lowercase letters
    found' -> 'lowercase letters', 'Commas in the reply' -> 'commas'."""
    x = label.strip()
    x = re.sub(r"\s+(?:found|seen|present|used|counted)$", "", x, flags=_I)
    x = re.sub(r"\s+(?:anywhere\s+)?in\s+the\s+(?:reply|response|answer|output|text)$", "", x, flags=_I)
    x = re.sub(r"^count\s+of\s+", "occurrences of ", x, flags=_I)
    m = re.fullmatch(r"(?P<w>[a-z]+?)s?\s+(?:count|tally|total|number)", x, _I)
    if m:
        x = m.group("w") + "s"
    return x[0].lower() + x[1:] if x[:2] != x[:2].upper() else x


def _field(label: str, value: str) -> Optional[tuple]:
    """('reply', verb phrase) for a field said of the reply, ('other', statement) for one said otherwise, or None."""
    lang = _LANG_LABEL.match(label)
    if lang:
        return ("reply", f"is in {value}") if re.fullmatch(r"[A-Z][a-z]+(?:\s+\([a-z]{2}\))?", value) else None
    kw = _KEYWORDS.match(label)
    if kw:
        return ("reply", f"includes all of the {kw.group('x').lower()} {kw.group('list')}") if re.fullmatch(r"all(?:\s+of\s+them)?", value, _I) else None
    first = _FIRST_WORD.match(label)
    if first:
        word = re.fullmatch(r'"[^"]+"|\'[^\']+\'|\w+', value)
        return ("para", f"paragraph {first.group('n')} begins with the word {value}") if word else None
    count = _COUNT.match(value)
    if count:
        noun = _noun(label)
        if count.group("n") == "0" and not count.group("c").startswith(("0 or", "at")) and not count.group("extra"):
            return "reply", f"contains no {noun}"
        return "count", (noun, count.group("c") + (count.group("extra") or ""))
    if _YES.match(value):
        if re.fullmatch(r"present|exactly\s+one|one(?:\s+of\s+them)?", value, _I):
            used = re.match(r"^(?P<n>.+?)\s+used\b(?P<rest>.*)$", label, _I)
            thing = label[0].lower() + label[1:]
            return ("other", f"A {used.group('n')[0].lower() + used.group('n')[1:]} is used{used.group('rest')}") if used \
                else ("other", f"A {thing} is present")
        state = _STATE.match(label)
        if state is None:
            return None
        head, rest = state.group("head"), state.group("rest")
        if not _VERB.match(rest):
            rest = ("are " if head.lower().endswith("words") else "is ") + rest
        return "other", f"The {head[0].lower() + head[1:]} {rest}"
    return None


def _fields(text: str) -> Optional[List[tuple]]:
    parts = _split(text, ";")
    got = [_FIELD.match(p) for p in parts]
    if not all(got):
        return None
    values = [m.group("paren") or m.group("arrow") for m in got]
    if values[-1] is not None and all(v is None for v in values[:-1]) and len(values) > 1:
        shared = _split(_LEAD.sub("", values[-1].strip(), count=1), ",")  # '(pass: 0 capitals, English)'
        if len(shared) != len(values):
            return None
        values = shared
    if any(v is None for v in values):
        return None
    out = []
    for m, v in zip(got, values):
        v = _value(v)
        unit = re.fullmatch(r"(?P<n>\d+)\s+(?P<w>[a-z]{4,})", v, _I)
        if unit and unit.group("w")[:5].lower() in m.group("label").lower():  # '0 capitals' for 'Capital letters found'
            v = unit.group("n")
        field = _field(m.group("label"), v)
        if field is None:
            return None
        out.append(field)
    return out


def tallied(text: str) -> Optional[str]:
    """The statement a tally-sheet line's pass values make true, or None when ``text`` is not one."""
    if not re.search(_BLANK, text) or in_quotes(quote_spans(text), text.find("__")):
        return None
    fields = _fields(text.strip())
    if not fields:
        return None
    if len(fields) == 1:
        kind, said = fields[0]
        if kind == "count":
            return f"The number of {said[0]} is {said[1]}."
        return f"The reply {said}." if kind == "reply" else said[0].upper() + said[1:] + "."
    phrases = []
    for kind, said in fields:
        if kind == "count":
            phrases.append(f"has {said[1]} {said[0]}")
        elif kind == "reply":
            phrases.append(said)
        elif kind == "para" and phrases:
            phrases[-1] += f", and {said}"
        else:
            return None  # a statement of its own beside the reply's: not joined
    return "The reply " + " and ".join(phrases) + "."
